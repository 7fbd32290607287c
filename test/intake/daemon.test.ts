// The running daemon against the real Dovecot and SMTP sink: IDLE wake-up, a Dovecot restart mid-run, an SMTP
// outage, an auto-reply storm. No assertion on timing: only generous time limits for things to happen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { createReplySender } from '../../src/intake/reply-sender.js';
import { runIntakeDaemon, runIntakeOnce } from '../../src/intake/run-intake.js';
import { restartDovecot, sinkMessages, startMailServer, stopSinkOnly } from '../../scripts/mailserver/index.js';
import { folderMessageIds, intakeWorld, type IntakeWorld } from './helpers.js';

let seq = 0;
/** A small human message: an SMS-format reading for the sample registry (account 2701004512, one meter). */
function human(from: string, value = 48300 + seq, headers: string[] = []): Buffer {
  seq++;
  return Buffer.from([
    `From: Покупатель ${seq} <${from}>`, 'To: info@khab.dvec.ru', "Subject: Показания счётчика",
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <daemon-test-${seq}-${Date.now()}@example.ru>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', ...headers, '',
    `2701004512 011234567 ${value}`, '',
  ].join('\r\n'));
}

async function append(w: IntakeWorld, raws: Buffer[]): Promise<void> {
  const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
  try {
    await client.connect();
    for (const raw of raws) await client.append('INBOX', raw, { date: new Date('2026-11-22T00:00:00Z') });
  } finally {
    await client.close();
  }
}

async function until(what: string, cond: () => Promise<boolean> | boolean, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

async function filedCount(w: IntakeWorld): Promise<number> {
  return (await w.store.messages.listByState('filed', 100_000)).length;
}

function startDaemon(w: IntakeWorld) {
  const controller = new AbortController();
  const replies = createReplySender(w.store, w.settings, log.child({ stage: 'reply' }));
  const done = runIntakeDaemon({ store: w.store, settings: w.settings, log, replies, signal: controller.signal });
  return {
    async stop() {
      controller.abort();
      await done;
      await replies.close();
    },
  };
}

describe('intake daemon', () => {
  let w: IntakeWorld;
  // The poll interval is far longer than any wait below: only IDLE (or a reconnect) can wake the daemon.
  beforeAll(async () => {
    w = await intakeWorld({ POLL_INTERVAL_SECONDS: '3600', OUTBOX_RETRY_BASE_SECONDS: '1', REPLY_MAX_PER_SENDER_PER_DAY: '1000' });
  });
  afterAll(async () => {
    await startMailServer();
    await w?.cleanup();
  });

  it('processes a message appended while it idles, without waiting for the poll interval', async () => {
    const daemon = startDaemon(w);
    try {
      await new Promise((r) => setTimeout(r, 1500)); // connected and idling (nothing to do yet)
      await append(w, [human('idle@example.ru')]);
      await until('the appended message is filed', async () => (await filedCount(w)) === 1, 20_000);
    } finally {
      await daemon.stop();
    }
  });

  it('reconnects after Dovecot restarts mid-run and finishes the work', async () => {
    const before = await filedCount(w);
    await append(w, Array.from({ length: 40 }, (_, i) => human(`restart${i}@example.ru`)));
    const daemon = startDaemon(w);
    try {
      await until('some messages are filed', async () => (await filedCount(w)) > before);
      await restartDovecot();
      await until('every message is filed', async () => (await filedCount(w)) === before + 40, 90_000);
      expect(await folderMessageIds(w.settings, 'INBOX')).toEqual([]);
    } finally {
      await daemon.stop();
    }
  });

  it('keeps replies while the SMTP server is down and sends each once when it is back', async () => {
    await until('earlier replies are sent', async () => (await w.store.outbox.stats(new Date())).pending === 0, 30_000).catch(() => undefined);
    const sentBefore = sinkMessages().length;
    await stopSinkOnly();
    await append(w, Array.from({ length: 5 }, (_, i) => human(`outage${i}@example.ru`)));
    const daemon = startDaemon(w);
    try {
      await until('the outage replies are queued and deferred', async () => {
        const stats = await w.store.outbox.stats(new Date());
        return stats.pending >= 5;
      });
      expect(sinkMessages().length).toBe(sentBefore);
      await startMailServer();
      // The daemon wakes at least every 30 s (lease renewal) and retries due rows.
      await until('the replies arrive', () => sinkMessages().length >= sentBefore + 5, 90_000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(sinkMessages().length).toBe(sentBefore + 5);
    } finally {
      await daemon.stop();
    }
  });

  it('processes a message appended twice once: the copy is filed with the original, nothing stored or sent again', async () => {
    const once = async () => {
      const replies = createReplySender(w.store, w.settings, log.child({ stage: 'reply' }));
      try {
        return await runIntakeOnce({ store: w.store, settings: w.settings, log, replies, signal: new AbortController().signal });
      } finally {
        await replies.close();
      }
    };
    const raws = [human('twice1@example.ru'), human('twice2@example.ru', 1)]; // an accept and a review
    await append(w, raws);
    const first = await once();
    const reviewed = (await w.store.messages.listByState('filed', 100_000)).slice(-2).map((m) => `${m.decision}:${m.reasons.join(',')}`);
    expect(first.decided, reviewed.join(' ')).toMatchObject({ accept: 1, review: 1 });
    const sent = sinkMessages().length;
    const readings = (await w.store.readings.listEffective()).length;
    // Same bytes again (a client re-sent them; or the mailbox was rebuilt under a new UIDVALIDITY).
    await append(w, raws);
    const second = await once();
    expect(second.duplicates).toBe(2);
    expect(second.decided).toEqual({});
    expect((await w.store.readings.listEffective()).length).toBe(readings);
    expect(sinkMessages().length).toBe(sent);
    expect(await folderMessageIds(w.settings, 'INBOX')).toEqual([]);
  });

  it('answers none of 100 auto-replies', async () => {
    const sentBefore = sinkMessages().length;
    const robots = Array.from({ length: 100 }, (_, i) => human(`robot${i}@example.ru`, 48300, [
      i % 4 === 0 ? 'Auto-Submitted: auto-replied' : i % 4 === 1 ? 'X-Autoreply: yes' : i % 4 === 2 ? 'Precedence: bulk' : 'X-Autorespond: vacation',
    ]));
    await append(w, robots);
    const replies = createReplySender(w.store, w.settings, log.child({ stage: 'reply' }));
    try {
      const stats = await runIntakeOnce({ store: w.store, settings: w.settings, log, replies, signal: new AbortController().signal });
      expect(stats.decided['ignore']).toBe(100);
    } finally {
      await replies.close();
    }
    expect(sinkMessages().length).toBe(sentBefore);
    expect((await folderMessageIds(w.settings, 'Ignored')).length).toBe(100);
  });
});
