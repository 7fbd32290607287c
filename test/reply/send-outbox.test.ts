// The outbox sender against a real SMTP server (smtp-server, in process, on a random loopback port) and a
// real migrated SQLite store.
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/parse/parse-message.js';
import type { ParsedMessage } from '../../src/parse/types.js';
import { createMailer, sendDueReplies, type Mailer } from '../../src/reply/send-outbox.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { NewOutboxEntry } from '../../src/store/outbox.js';
import { tempDatabases, type TempDatabases } from '../store/temp-db.js';

interface Sink {
  port: number;
  received: ParsedMessage[];
  envelopes: { from: string; to: string[] }[];
  stop(): Promise<void>;
}

/** Accepts every message except to addresses the test marks with an SMTP answer. */
async function startSink(port = 0, refuse: Record<string, { code: number; text: string }> = {}): Promise<Sink> {
  const received: ParsedMessage[] = [];
  const envelopes: Sink['envelopes'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      const answer = refuse[address.address];
      if (!answer) return done();
      done(Object.assign(new Error(answer.text), { responseCode: answer.code }));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        envelopes.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        parseMessage(Buffer.concat(chunks), { maxBytes: 1 << 20, maxParts: 10 }).then((m) => {
          received.push(m);
          done();
        }, done);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    envelopes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const quiet = pino({ level: 'silent' });

function mailerFor(port: number): Mailer {
  return createMailer({
    SMTP_HOST: '127.0.0.1', SMTP_PORT: port, SMTP_TLS: false, SMTP_STARTTLS: false, SMTP_TLS_VERIFY: false,
    SMTP_USER: null, SMTP_PASSWORD: null, MAIL_FROM: 'info@khab.dvec.ru',
  });
}

const reply = (n: number, over: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({
  messageId: null, kind: 'accepted', to: `customer${n}@mail.ru`, subject: `Re: показания ${n}`,
  text: `Здравствуйте! Показания приняты (${n}).\n`, html: `<p>Здравствуйте! Показания приняты (${n}).</p>`,
  inReplyTo: `<orig${n}@mail.ru>`, references: `<root${n}@mail.ru> <orig${n}@mail.ru>`, dedupeKey: `reply:${n}:accepted`,
  ...over,
});

let dbs: TempDatabases;
let store: Store;
let sink: Sink | null = null;
let mailer: Mailer | null = null;
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(async () => {
  mailer?.close();
  mailer = null;
  await sink?.stop();
  sink = null;
  await store?.close();
});
afterAll(() => dbs?.cleanup());

describe('sendDueReplies over real SMTP', () => {
  it('sends each due reply once, with the reply headers, and records its Message-ID', async () => {
    store = await openStore(await dbs.fresh());
    sink = await startSink();
    mailer = mailerFor(sink.port);
    for (const n of [1, 2, 3]) await store.outbox.enqueue(reply(n));

    const first = await sendDueReplies(store, mailer, { now: new Date(), maxAttempts: 5, log: quiet });
    expect(first).toEqual({ sent: 3, failed: 0, deferred: 0 });
    expect(sink.received).toHaveLength(3);
    const again = await sendDueReplies(store, mailer, { now: new Date(Date.now() + 3600_000), maxAttempts: 5, log: quiet });
    expect(again).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(sink.received).toHaveLength(3);

    const rows = await Promise.all([1, 2, 3].map((n) => store.outbox.findByDedupeKey(`reply:${n}:accepted`)));
    for (const [i, n] of [1, 2, 3].entries()) {
      const mail = sink.received.find((m) => m.subject === `Re: показания ${n}`)!;
      const row = rows[i]!;
      expect(mail.headers['auto-submitted']).toEqual(['auto-replied']);
      expect(mail.headers['x-auto-response-suppress']).toEqual(['All']);
      expect(mail.headers['in-reply-to']).toEqual([`<orig${n}@mail.ru>`]);
      expect(mail.headers['references']).toEqual([`<root${n}@mail.ru> <orig${n}@mail.ru>`]);
      expect(mail.from.address).toBe('info@khab.dvec.ru');
      expect(mail.to).toEqual([`customer${n}@mail.ru`]);
      expect(mail.text).toContain(`Показания приняты (${n}).`);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(`<${mail.messageId}>`).toBe(row.sentMessageId);
      expect(row.sentMessageId).toMatch(/@khab\.dvec\.ru>$/);
    }
    expect(sink.envelopes.map((e) => e.from)).toEqual(['info@khab.dvec.ru', 'info@khab.dvec.ru', 'info@khab.dvec.ru']);
    expect(await store.outbox.stats(new Date())).toEqual({ pending: 0, failed: 0, sent: 3, oldestPendingAgeMs: null });
  });

  it('queues a dedupe key once: the replay gets the first row back', async () => {
    store = await openStore(await dbs.fresh());
    const a = await store.outbox.enqueue(reply(1));
    const b = await store.outbox.enqueue(reply(1, { subject: 'другая тема' }));
    expect(a.created).toBe(true);
    expect(b).toEqual({ created: false, entry: a.entry });
    expect(await store.outbox.stats(new Date())).toMatchObject({ pending: 1 });
  });

  it('survives the server being down: deferred with backoff, then sent once when it is back', async () => {
    store = await openStore(await dbs.fresh());
    sink = await startSink();
    const port = sink.port;
    await sink.stop();
    sink = null;
    mailer = mailerFor(port);
    for (const n of [1, 2, 3]) await store.outbox.enqueue(reply(n));

    const t0 = new Date();
    const down = await sendDueReplies(store, mailer, { now: t0, maxAttempts: 5, log: quiet });
    expect(down).toEqual({ sent: 0, failed: 0, deferred: 3 });
    for (const n of [1, 2, 3]) {
      const row = (await store.outbox.findByDedupeKey(`reply:${n}:accepted`))!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentMessageId: null });
      expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
      expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);
    }
    // Not due yet: nothing is tried before the backoff has passed.
    expect(await sendDueReplies(store, mailer, { now: new Date(t0.getTime() + 10_000), maxAttempts: 5, log: quiet }))
      .toEqual({ sent: 0, failed: 0, deferred: 0 });

    sink = await startSink(port);
    const back = await sendDueReplies(store, mailer, { now: new Date(t0.getTime() + 31_000), maxAttempts: 5, log: quiet });
    expect(back).toEqual({ sent: 3, failed: 0, deferred: 0 });
    expect(await sendDueReplies(store, mailer, { now: new Date(t0.getTime() + 7200_000), maxAttempts: 5, log: quiet }))
      .toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(sink.received.map((m) => m.subject).sort()).toEqual(['Re: показания 1', 'Re: показания 2', 'Re: показания 3']);
    expect((await store.outbox.findByDedupeKey('reply:2:accepted'))).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up on a refused recipient at once, retries a temporary refusal, and stops after maxAttempts', async () => {
    store = await openStore(await dbs.fresh());
    sink = await startSink(0, {
      'customer1@mail.ru': { code: 550, text: 'No such user' },
      'customer2@mail.ru': { code: 451, text: 'Try again later' },
    });
    mailer = mailerFor(sink.port);
    for (const n of [1, 2, 3]) await store.outbox.enqueue(reply(n));

    const t0 = new Date();
    expect(await sendDueReplies(store, mailer, { now: t0, maxAttempts: 2, log: quiet })).toEqual({ sent: 1, failed: 1, deferred: 1 });
    expect(await store.outbox.findByDedupeKey('reply:1:accepted')).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await store.outbox.findByDedupeKey('reply:1:accepted'))!.lastError).toMatch(/550/);
    expect(await store.outbox.findByDedupeKey('reply:2:accepted')).toMatchObject({ status: 'pending', attempts: 1 });
    // The second temporary refusal is the last allowed attempt.
    expect(await sendDueReplies(store, mailer, { now: new Date(t0.getTime() + 60_000), maxAttempts: 2, log: quiet }))
      .toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect(await store.outbox.findByDedupeKey('reply:2:accepted')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(sink.received.map((m) => m.to)).toEqual([['customer3@mail.ru']]);
    expect(await store.outbox.stats(new Date())).toMatchObject({ pending: 0, failed: 2, sent: 1 });
  });

  it('two senders at once deliver each reply once', async () => {
    store = await openStore(await dbs.fresh());
    sink = await startSink();
    mailer = mailerFor(sink.port);
    for (let n = 1; n <= 10; n++) await store.outbox.enqueue(reply(n));
    const now = new Date();
    const [a, b] = await Promise.all([
      sendDueReplies(store, mailer, { now, maxAttempts: 5, log: quiet }),
      sendDueReplies(store, mailer, { now, maxAttempts: 5, log: quiet }),
    ]);
    expect(a.sent + b.sent).toBe(10);
    expect(sink.received).toHaveLength(10);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(10);
  });
});
