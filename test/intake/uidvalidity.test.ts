// The mailbox rebuilt under a new UIDVALIDITY while decided messages were still in it (a crash between the
// decision's commit and the IMAP move): the same messages come back with new UIDs. Each is recognised by its
// Message-ID and bytes, filed to its original's folder, and nothing is stored, decided or answered twice.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { createReplySender } from '../../src/intake/reply-sender.js';
import { decisionRules, parseLimits } from '../../src/intake/rules-from-settings.js';
import { folders, replyConfig, runIntakeOnce } from '../../src/intake/run-intake.js';
import { runCycle, type IntakeMailbox } from '../../src/intake/run-cycle.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { MAIL_USER, restartDovecot, sinkMessages, stopDovecotOnly, startMailServer } from '../../scripts/mailserver/index.js';
import { mailServerLayout } from '../../scripts/mailserver/layout.js';
import { folderMessageIds, intakeWorld, messageIdOf, type IntakeWorld } from './helpers.js';

let w: IntakeWorld;
beforeAll(async () => { w = await intakeWorld(); });
afterAll(async () => { await w?.cleanup(); });

const mail = (n: number, body: string): Buffer => Buffer.from([
  `From: Customer ${n} <uv${n}@example.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания счётчика',
  `Message-ID: <uidvalidity-${n}-${Date.now()}@example.ru>`, 'Date: Sun, 22 Nov 2026 10:00:00 +1000',
  'Content-Type: text/plain; charset=utf-8', '', body, '',
].join('\r\n'));

describe('a UIDVALIDITY change', () => {
  it('files the messages that come back under new UIDs with their originals, and repeats nothing', async () => {
    const raws = [mail(1, '2701004512 011234567 48400'), mail(2, 'Здравствуйте! Когда придёт квитанция?')];
    const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
    await client.connect();
    for (const raw of raws) await client.append('INBOX', raw, { date: new Date('2026-11-22T00:00:00Z') });
    const before = await client.connect();

    // The first run commits its decisions and queues the replies, then dies before moving anything.
    const crashing: IntakeMailbox = {
      listUids: () => client.listUids(), fetch: (uids) => client.fetch(uids),
      moveMany: async () => { throw new Error('killed before the move'); },
    };
    const s = w.settings;
    await expect(runCycle(crashing, {
      store: w.store, loadRegistry: async () => new RegistryIndex(await w.store.registry.loadAll()),
      rules: decisionRules(s, [s.MAIL_FROM, s.IMAP_USER]), limits: parseLimits(s), folders: folders(s), replies: replyConfig(s),
      mailbox: s.IMAP_MAILBOX, uidValidity: before.uidValidity, log,
    }, { batchSize: 50 })).rejects.toThrow('killed before the move');
    await client.close();
    const decided = await w.store.messages.listByState('decided', 1000);
    expect(decided.map((m) => m.decision).sort()).toEqual(['accept', 'review']);
    const readings = (await w.store.readings.listEffective()).length;

    // The mailbox is rebuilt: Dovecot forgets its UID list and gives INBOX a new UIDVALIDITY.
    await stopDovecotOnly();
    const inbox = path.join(mailServerLayout().mailDir, ...MAIL_USER.split('@').reverse(), 'Maildir');
    for (const f of ['dovecot-uidlist', 'dovecot.index', 'dovecot.index.log', 'dovecot.index.cache']) rmSync(path.join(inbox, f), { force: true });
    await startMailServer();
    const probe = new MailboxClient(w.settings, log.child({ stage: 'test' }));
    const after = await probe.connect();
    await probe.close();
    expect(after.uidValidity).not.toBe(before.uidValidity);

    const replies = createReplySender(w.store, w.settings, log.child({ stage: 'reply' }));
    const sentBefore = sinkMessages().length;
    try {
      const stats = await runIntakeOnce({ store: w.store, settings: w.settings, log, replies, signal: new AbortController().signal });
      expect(stats).toMatchObject({ seen: 2, duplicates: 2, decided: {} });
    } finally {
      await replies.close();
    }
    expect((await w.store.readings.listEffective()).length).toBe(readings);
    // The two replies queued by the first run are sent now, once each.
    expect(sinkMessages().length - sentBefore).toBe(2);
    expect(await folderMessageIds(w.settings, 'INBOX')).toEqual([]);
    expect(await folderMessageIds(w.settings, 'Processed')).toContain(messageIdOf(raws[0]!));
    expect(await folderMessageIds(w.settings, 'Review')).toContain(messageIdOf(raws[1]!));
    // The originals, stored under the old UIDVALIDITY, count as filed: their bytes are in the folders now.
    expect(await w.store.messages.listByState('decided', 1000)).toEqual([]);
    await restartDovecot();
  });
});
