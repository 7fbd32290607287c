// MailboxClient against the project's local Dovecot (scripts/mailserver).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailboxClient, MailError } from '../../src/mail/index.js';
import { ensureMailServer, freshMailbox, imapSettings, message, testLog, uniqueName } from './helpers.js';

const clients: MailboxClient[] = [];
function track(client: MailboxClient): MailboxClient {
  clients.push(client);
  return client;
}

beforeAll(ensureMailServer);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('MailboxClient', () => {
  it('connects, selects the mailbox and closes idempotently', async () => {
    const settings = await freshMailbox('connect');
    const { log, text } = testLog();
    const client = track(new MailboxClient(settings, log));
    expect(client.usable).toBe(false);
    const state = await client.connect();
    expect(state).toMatchObject({ mailbox: settings.IMAP_MAILBOX, exists: 0, uidNext: 1 });
    expect(state.uidValidity).toBeGreaterThan(0n);
    expect(client.usable).toBe(true);
    await client.close();
    expect(client.usable).toBe(false);
    await client.close();
    await expect(client.listUids()).rejects.toMatchObject({ code: 'IMAP_CLOSED' });
    expect(await client.waitForChange(60_000)).toBe('closed');
    expect(text()).not.toContain(settings.IMAP_PASSWORD);
  });

  it('close() cancels a connect in progress', async () => {
    const client = track(new MailboxClient(imapSettings(), testLog().log));
    const connecting = client.connect();
    await client.close();
    await expect(connecting).rejects.toMatchObject({ code: 'IMAP_CLOSED' });
    expect(client.usable).toBe(false);
    await client.connect(); // and the client can connect again afterwards
    expect(client.usable).toBe(true);
  });

  it('appends, lists and fetches byte-identical sources with INTERNALDATE and size', async () => {
    const settings = await freshMailbox('fetch');
    const client = track(new MailboxClient(settings, testLog().log));
    await client.connect();
    const sources = [message(1), message(2, ' '.repeat(70_000)), message(3)];
    const date = new Date('2026-11-24T02:00:03Z');
    const appended = [];
    for (const raw of sources) appended.push(await client.append(settings.IMAP_MAILBOX, raw, { date, flags: ['\\Seen'] }));

    const uids = await client.listUids();
    expect(uids).toHaveLength(3);
    expect(uids).toEqual([...uids].sort((a, b) => a - b));
    expect(appended.map((a) => a.uid)).toEqual(uids);

    const fetched = await client.fetch([...uids].reverse());
    expect(fetched.map((m) => m.uid)).toEqual(uids);
    fetched.forEach((m, i) => {
      expect(m.source.equals(sources[i]!)).toBe(true);
      expect(m.size).toBe(sources[i]!.length);
      expect(m.internalDate?.toISOString()).toBe(date.toISOString());
    });
  });

  it('fetches only the UIDs asked for, skips gone ones, and fetches nothing for no UIDs', async () => {
    const settings = await freshMailbox('subset');
    const client = track(new MailboxClient(settings, testLog().log));
    await client.connect();
    for (let n = 1; n <= 5; n++) await client.append(settings.IMAP_MAILBOX, message(n));
    const uids = await client.listUids();
    const wanted = [uids[0]!, uids[2]!, uids[3]!, 999_999];
    const fetched = await client.fetch(wanted);
    expect(fetched.map((m) => m.uid)).toEqual([uids[0], uids[2], uids[3]]);
    expect(await client.fetch([])).toEqual([]);
  });

  it('moves to a folder it creates, and a second move of the same UID is not an error', async () => {
    const settings = await freshMailbox('move');
    const { log, lines } = testLog();
    const client = track(new MailboxClient(settings, log));
    await client.connect();
    const raw = message(7);
    await client.append(settings.IMAP_MAILBOX, raw);
    await client.append(settings.IMAP_MAILBOX, message(8));
    const [first, second] = await client.listUids();
    const folder = uniqueName('processed');

    await client.moveTo(first!, folder);
    await client.moveTo(second!, folder);
    await client.moveTo(first!, folder);
    expect(await client.listUids()).toEqual([]);
    expect(lines().filter((l) => l['msg'] === 'IMAP folder created')).toHaveLength(1);

    const target = track(new MailboxClient({ ...settings, IMAP_MAILBOX: folder }, testLog().log));
    expect((await target.connect()).exists).toBe(2);
    const moved = await target.fetch(await target.listUids());
    expect(moved[0]!.source.equals(raw)).toBe(true);
  });

  it('runs concurrent calls one at a time without breaking the connection', async () => {
    const settings = await freshMailbox('queue');
    const client = track(new MailboxClient(settings, testLog().log));
    await client.connect();
    const appends = Array.from({ length: 10 }, (_, n) => client.append(settings.IMAP_MAILBOX, message(n)));
    const [, lists] = await Promise.all([Promise.all(appends), client.listUids()]);
    expect(lists.length).toBeLessThanOrEqual(10);
    const uids = await client.listUids();
    const [fetched, again] = await Promise.all([client.fetch(uids), client.fetch(uids.slice(0, 3))]);
    expect(fetched).toHaveLength(10);
    expect(again).toHaveLength(3);
    expect(client.usable).toBe(true);
  });

  it('reports failures with codes', async () => {
    const refused = new MailboxClient(imapSettings({ IMAP_PORT: '1' }), testLog().log);
    await expect(refused.connect()).rejects.toMatchObject({ code: 'IMAP_CONNECT' });
    expect(refused.usable).toBe(false);

    const { log, text } = testLog();
    const wrongPassword = new MailboxClient(imapSettings({ IMAP_PASSWORD: 'not-the-password' }), log);
    const err = await wrongPassword.connect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect(err).toMatchObject({ code: 'IMAP_AUTH' });
    expect((err as Error).cause).toBeDefined();
    expect(text()).not.toContain('not-the-password');

    const missing = new MailboxClient(imapSettings({ IMAP_MAILBOX: uniqueName('missing') }), testLog().log);
    await expect(missing.connect()).rejects.toMatchObject({ code: 'IMAP_MAILBOX' });
    expect(missing.usable).toBe(false);

    const never = new MailboxClient(imapSettings(), testLog().log);
    await expect(never.fetch([1])).rejects.toMatchObject({ code: 'IMAP_CLOSED' });
    await never.close();
  });

  it('connects over STARTTLS (3143) and implicit TLS (3993), and verifies certificates when told to', async () => {
    const secured: Array<Record<string, string>> = [{ IMAP_STARTTLS: 'true' }, { IMAP_TLS: 'true', IMAP_PORT: '3993' }];
    for (const env of secured) {
      const { log, lines } = testLog();
      const client = track(new MailboxClient(imapSettings(env), log));
      await client.connect();
      expect(lines().find((l) => l['msg'] === 'IMAP connected')).toMatchObject({ tls: true });
      expect(await client.listUids()).toBeInstanceOf(Array);
      await client.close();
    }
    const plain = testLog();
    const client = track(new MailboxClient(imapSettings(), plain.log));
    await client.connect();
    expect(plain.lines().find((l) => l['msg'] === 'IMAP connected')).toMatchObject({ tls: false });

    // The dev certificate is self-signed: with verification on, the handshake must fail.
    const strict = new MailboxClient(imapSettings({ IMAP_TLS: 'true', IMAP_PORT: '3993', IMAP_TLS_VERIFY: 'true' }), testLog().log);
    await expect(strict.connect()).rejects.toMatchObject({ code: 'IMAP_CONNECT' });
  });
});
