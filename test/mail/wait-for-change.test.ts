// waitForChange against the local Dovecot: IDLE, the polling fallback, and every way a wait ends.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailboxClient, type MailboxClientOptions } from '../../src/mail/index.js';
import { ensureMailServer, freshMailbox, message, testLog } from './helpers.js';

const LONG = 60_000; // far beyond any delivery; the test fails by timeout if 'changed' never comes

const clients: MailboxClient[] = [];
async function open(settings: Awaited<ReturnType<typeof freshMailbox>>, options?: MailboxClientOptions): Promise<MailboxClient> {
  const client = new MailboxClient(settings, testLog().log, options);
  clients.push(client);
  await client.connect();
  return client;
}

beforeAll(ensureMailServer);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('waitForChange', () => {
  it.each([
    ['IDLE', undefined],
    ['polling', { idle: false, pollIntervalMs: 200 }],
  ])("returns 'changed' when another connection appends (%s)", async (_, options) => {
    const settings = await freshMailbox('wait');
    const watcher = await open(settings, options);
    expect(await watcher.listUids()).toEqual([]);
    const other = await open(settings);

    const waiting = watcher.waitForChange(LONG);
    await other.append(settings.IMAP_MAILBOX, message(1));
    expect(await waiting).toBe('changed');
    expect(await watcher.listUids()).toHaveLength(1);
  });

  it("keeps a change that arrived while the caller was busy until the next listUids", async () => {
    const settings = await freshMailbox('busy');
    const watcher = await open(settings);
    await watcher.listUids();
    const other = await open(settings);
    expect(await Promise.all([watcher.waitForChange(LONG), other.append(settings.IMAP_MAILBOX, message(1))])).toContain('changed');
    // Not yet listed: the next wait reports it again at once.
    expect(await watcher.waitForChange(LONG)).toBe('changed');
    await watcher.listUids();
    expect(await watcher.waitForChange(200)).toBe('timeout');
  });

  it("returns 'timeout', 'aborted' and 'closed'", async () => {
    const settings = await freshMailbox('ends');
    const client = await open(settings);
    await client.listUids();
    expect(await client.waitForChange(200)).toBe('timeout');

    const controller = new AbortController();
    const aborted = client.waitForChange(LONG, controller.signal);
    controller.abort();
    expect(await aborted).toBe('aborted');
    expect(await client.waitForChange(LONG, AbortSignal.abort())).toBe('aborted');

    const closed = client.waitForChange(LONG);
    await client.close();
    expect(await closed).toBe('closed');
  });
});
