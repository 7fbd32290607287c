// A Dovecot restart drops the connection: the client notices, and connectWithBackoff brings it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithBackoff, MailboxClient } from '../../src/mail/index.js';
import { ensureMailServer, freshMailbox, message, restartDovecot, testLog } from './helpers.js';

beforeAll(ensureMailServer);
afterAll(ensureMailServer); // leave the server running for whoever comes next

describe('reconnect', () => {
  it('after a Dovecot restart: closed, not usable, then connectWithBackoff succeeds', async () => {
    const settings = await freshMailbox('reconnect');
    const client = new MailboxClient(settings, testLog().log);
    try {
      const before = await client.connect();
      await client.append(settings.IMAP_MAILBOX, message(1));
      await client.listUids();

      const waiting = client.waitForChange(120_000);
      await restartDovecot();
      expect(await waiting).toBe('closed');
      expect(client.usable).toBe(false);
      await expect(client.listUids()).rejects.toMatchObject({ code: 'IMAP_CLOSED' });

      const retries: number[] = [];
      const after = await connectWithBackoff(client, { baseMs: 50, maxMs: 1_000, onRetry: (attempt) => retries.push(attempt) });
      expect(client.usable).toBe(true);
      expect(after.uidValidity).toBe(before.uidValidity);
      expect(await client.listUids()).toHaveLength(1);
    } finally {
      await client.close();
    }
  }, 180_000); // Dovecot's sessions outlive a stop by about 10 s; the control lock may be held by another run
});
