// Queueing replies inside the decision transaction, and the outbox repository, on a real migrated SQLite store.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/decide/decide-message.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { queueReply, type ReplyRequest } from '../../src/reply/queue-reply.js';
import { openStore, type Store } from '../../src/store/index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';

let dbs: TempDatabases;
let store: Store;
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(async () => { await store?.close(); });
afterAll(() => dbs?.cleanup());

const NOW = new Date('2026-11-21T02:00:00Z');
const rules = { window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' }, ownAddresses: ['info@khab.dvec.ru'], replyOnReview: true, maxPerSenderPerDay: 3 };

async function storedMessage(uid: number): Promise<number> {
  const r = await store.messages.insert({ mailbox: 'INBOX', uidValidity: 1, uid, sha256: String(uid).padStart(64, '0'), size: 10 });
  if (!r.ok) throw new Error('insert failed');
  return r.id;
}

function request(messageRowId: number, template: 'accepted' | 'rejected' | 'review', over: Partial<ReplyRequest> = {}): ReplyRequest {
  const decision: Pick<Decision, 'readings' | 'period' | 'effects'> = {
    readings: template === 'accepted' ? [{ account: '2701013377', meter: '0923457', t1: 12500, t2: 5400, t3: null }] : [],
    period: '2026-11',
    effects: [{ type: 'queue_reply', template }],
  };
  return {
    messageRowId, decision,
    previous: new Map([['2701013377\u00000923457', { t1: 12402, t2: 5311, t3: null }]]),
    message: { messageId: `m${messageRowId}@mail.ru`, subject: 'Показания', fromAddress: 'Petrov.AV@gmail.com', headers: {}, contentType: 'text/plain' },
    at: NOW, now: NOW, rules, ...over,
  };
}

describe('queueReply', () => {
  it('renders and queues the accepted reply inside a transaction, threaded to the message', async () => {
    store = await openStore(await dbs.fresh());
    await importRegistry(store, REGISTRY_CSV, 'test');
    const id = await storedMessage(1);
    const result = await store.transaction((tx) => queueReply(tx, request(id, 'accepted')));
    expect(result).toMatchObject({ queued: true, created: true });
    const row = (await store.outbox.findByDedupeKey(`reply:${id}:accepted`))!;
    expect(row).toMatchObject({
      messageId: id, kind: 'accepted', to: 'petrov.av@gmail.com', subject: 'Re: Показания', status: 'pending',
      inReplyTo: `<m${id}@mail.ru>`, references: `<m${id}@mail.ru>`, createdAt: NOW, nextAttemptAt: NOW,
    });
    expect(row.text).toContain('  – День: 12500 (расход с прошлого показания: 98 кВт·ч)');
    expect(row.html).toContain('<li>Ночь: 5400 (расход с прошлого показания: 89 кВт·ч)</li>');
  });

  it('a replay finds its reply queued, even when the sender is at the daily cap', async () => {
    store = await openStore(await dbs.fresh());
    await importRegistry(store, REGISTRY_CSV, 'test');
    const ids = [await storedMessage(1), await storedMessage(2), await storedMessage(3), await storedMessage(4)];
    for (const id of ids.slice(0, 3)) expect((await queueReply(store, request(id, 'review'))).queued).toBe(true);
    const replay = await queueReply(store, request(ids[2]!, 'review'));
    expect(replay).toMatchObject({ queued: true, created: false });
    expect(await queueReply(store, request(ids[3]!, 'review'))).toEqual({ queued: false, reason: 'rate_limited' });
    // A day later the cap has room again.
    const later = new Date(NOW.getTime() + 24 * 3600_000 + 1000);
    expect(await queueReply(store, request(ids[3]!, 'review', { now: later }))).toMatchObject({ queued: true, created: true });
    expect(await store.outbox.stats(later)).toMatchObject({ pending: 4 });
  });

  it('queues nothing without a reply effect, for review when turned off, or for machine mail', async () => {
    store = await openStore(await dbs.fresh());
    const id = await storedMessage(1);
    const noEffect = request(id, 'review');
    noEffect.decision = { ...noEffect.decision, effects: [] };
    expect(await queueReply(store, noEffect)).toEqual({ queued: false, reason: 'no_reply_wanted' });
    expect(await queueReply(store, request(id, 'review', { rules: { ...rules, replyOnReview: false } })))
      .toEqual({ queued: false, reason: 'review_replies_off' });
    const auto = request(id, 'rejected');
    auto.message = { ...auto.message, headers: { 'auto-submitted': ['auto-replied'] } };
    expect(await queueReply(store, auto)).toEqual({ queued: false, reason: 'machine_mail' });
    expect(await store.outbox.stats(NOW)).toMatchObject({ pending: 0 });
  });

  it('the rejected reply names the next window', async () => {
    store = await openStore(await dbs.fresh());
    const id = await storedMessage(1);
    await queueReply(store, request(id, 'rejected', { at: new Date('2026-11-27T00:00:00Z') }));
    expect((await store.outbox.findByDedupeKey(`reply:${id}:rejected`))!.text).toContain('с 20.12.2026 по 25.12.2026');
  });

  it('a rolled-back transaction leaves no reply', async () => {
    store = await openStore(await dbs.fresh());
    const id = await storedMessage(1);
    await expect(store.transaction(async (tx) => {
      await queueReply(tx, request(id, 'review'));
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await store.outbox.findByDedupeKey(`reply:${id}:review`)).toBeNull();
  });
});

describe('outbox repository', () => {
  const entry = (n: number, at: Date) => ({
    messageId: null, kind: 'review' as const, to: `a${n}@mail.ru`, subject: 's', text: 't', html: null,
    inReplyTo: null, references: null, dedupeKey: `k${n}`, at,
  });

  it('lists due rows oldest first, counts recent rows per address, reports its state', async () => {
    store = await openStore(await dbs.fresh());
    const t = (s: number) => new Date(NOW.getTime() + s * 1000);
    await store.outbox.enqueue(entry(1, t(0)));
    await store.outbox.enqueue(entry(2, t(10)));
    await store.outbox.enqueue({ ...entry(3, t(20)), to: 'A1@Mail.ru' });
    expect((await store.outbox.due(t(15), 10)).map((r) => r.dedupeKey)).toEqual(['k1', 'k2']);
    expect((await store.outbox.due(t(60), 2)).map((r) => r.dedupeKey)).toEqual(['k1', 'k2']);
    expect(await store.outbox.countRecentTo('a1@mail.ru', t(0))).toBe(2);
    expect(await store.outbox.countRecentTo('a1@mail.ru', t(5))).toBe(1);

    const [k1, k2] = await store.outbox.due(t(60), 2);
    expect(await store.outbox.claim(k1!.id, t(60), t(360))).toBe(true);
    expect(await store.outbox.claim(k1!.id, t(60), t(360))).toBe(false);
    await store.outbox.markSent(k1!.id, '<x@khab.dvec.ru>', t(61));
    await store.outbox.markAttemptFailed(k2!.id, 'E'.repeat(5000), t(120), true);
    expect(await store.outbox.get(k2!.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await store.outbox.get(k2!.id))!.lastError).toHaveLength(2000);
    expect(await store.outbox.stats(t(80))).toEqual({ pending: 1, failed: 1, sent: 1, oldestPendingAgeMs: 60_000 });
  });
});
