// The decision-applying transaction against a real, migrated SQLite database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDecision, applyDecisions, type ApplyInput, type OutcomeFolders } from '../../src/intake/apply-decision.js';
import { replyPlanner, type ReplyPlan } from '../../src/reply/queue-reply.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Decision } from '../../src/decide/decide-message.js';
import Database from 'better-sqlite3';
import { sqliteFilePath } from '../../src/store/providers.js';
import { REGISTRY_CSV, TEST_PROVIDER, tempDatabases, type TempDatabases } from '../store/temp-db.js';

const folders: OutcomeFolders = { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored', failed: 'Failed' };
let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(() => dbs.cleanup());

async function freshStore(): Promise<Store> {
  const store = await openStore(await dbs.fresh());
  await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
  return store;
}

async function newMessage(store: Store, uid: number): Promise<number> {
  const r = await store.messages.insert({ mailbox: 'INBOX', uidValidity: 1n, uid, sha256: `h${uid}`, size: 1, messageIdHeader: `m${uid}@x` });
  if (!r.ok) throw new Error('insert failed');
  return r.id;
}

const rules = { window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' }, ownAddresses: ['info@khab.dvec.ru'], replyOnReview: true, maxPerSenderPerDay: 2 };
const NOW = new Date('2026-11-21T02:00:00Z');

function plan(messageRowId: number, decision: Decision, from = 'ivanova.tn@mail.ru'): ReplyPlan {
  return replyPlanner({
    messageRowId, decision, at: NOW, now: NOW, rules,
    message: { messageId: `m${messageRowId}@mail.ru`, subject: 'Показания', fromAddress: from, headers: {}, contentType: 'text/plain' },
  });
}

const accept = (t1: number): Decision => ({
  decision: 'accept', reasons: [], explanation: '', period: '2026-11',
  readings: [{ account: '2701004512', meter: '011234567', t1, t2: null, t3: null }],
  effects: [{ type: 'store_readings', readings: [], period: '2026-11' }, { type: 'queue_reply', template: 'accepted' }],
});

describe('applyDecision', () => {
  it('stores the reading, advances the last value and supersedes an earlier reading of the period', async () => {
    const store = await freshStore();
    try {
      const first = await newMessage(store, 1);
      const r1 = await applyDecision(store, { messageRowId: first, decision: accept(48300), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply: null });
      expect(r1).toMatchObject({ outcomeFolder: 'Processed', readingsStored: 1 });
      const second = await newMessage(store, 2);
      await applyDecision(store, { messageRowId: second, decision: accept(48350), readingDate: '2026-11-22', source: 'text', actor: 'test', folders, queueReply: null });
      const meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
      expect(meter.last.t1).toBe(48350);
      expect(meter.lastDate).toBe('2026-11-22');
      const effective = await store.readings.effective(meter.id, '2026-11');
      expect(effective.map((r) => r.t1)).toEqual([48350]);
      const history = [...(await store.readings.ofMessage(first)), ...(await store.readings.ofMessage(second))];
      expect(history.map((r) => [r.t1, r.status])).toEqual([[48300, 'superseded'], [48350, 'effective']]);
      expect((await store.messages.get(second))?.state).toBe('decided');
    } finally {
      await store.close();
    }
  });

  it('is idempotent: applying the same message twice stores one reading and queues one reply', async () => {
    const store = await freshStore();
    try {
      const id = await newMessage(store, 3);
      const queueReply = plan(id, accept(48400));
      const first = await applyDecision(store, { messageRowId: id, decision: accept(48400), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply });
      const again = await applyDecision(store, { messageRowId: id, decision: accept(48400), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply });
      expect(first).toMatchObject({ readingsStored: 1, replyQueued: true });
      expect(again).toMatchObject({ readingsStored: 0, replyQueued: true });
      expect((await store.readings.ofMessage(id))).toHaveLength(1);
      const stats = await store.outbox.stats(NOW);
      expect(stats.pending).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('opens one review item for a review and rolls back everything when a step fails', async () => {
    const store = await freshStore();
    try {
      const id = await newMessage(store, 4);
      const review: Decision = { decision: 'review', reasons: ['unknown_account'], explanation: 'x', period: '2026-11', readings: [], effects: [{ type: 'open_review', reasons: ['unknown_account'] }] };
      const r = await applyDecision(store, { messageRowId: id, decision: review, readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply: null });
      expect(r.outcomeFolder).toBe('Review');
      expect(await store.review.ofMessage(id)).toMatchObject({ status: 'open', reasons: ['unknown_account'] });

      const bad = await newMessage(store, 5);
      const failing: ReplyPlan = { wanted: true, dedupeKey: 'k', to: null, build: () => { throw new Error('smtp template exploded'); } };
      await expect(applyDecision(store, { messageRowId: bad, decision: accept(48500), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply: failing })).rejects.toThrow('exploded');
      expect(await store.readings.ofMessage(bad)).toHaveLength(0);
      expect((await store.messages.get(bad))?.state).toBe('received');
      const meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
      expect(meter.last.t1).toBe(48213);
    } finally {
      await store.close();
    }
  });

  it('applies a batch like the same messages one by one: supersede chain, newest last value, one item, the sender cap', async () => {
    const store = await freshStore();
    try {
      const ids = [await newMessage(store, 10), await newMessage(store, 11), await newMessage(store, 12), await newMessage(store, 13)];
      const review: Decision = { decision: 'review', reasons: ['no_readings'], explanation: 'x', period: '2026-11', readings: [], effects: [{ type: 'open_review', reasons: ['no_readings'] }, { type: 'queue_reply', template: 'review' }] };
      const decisions = [accept(48300), accept(48350), review, accept(48360)];
      const dates = ['2026-11-21', '2026-11-23', '2026-11-22', '2026-11-22'];
      const inputs: ApplyInput[] = decisions.map((decision, i) => ({
        messageRowId: ids[i]!, decision, readingDate: dates[i]!, source: 'text', actor: 'test', folders, now: NOW, queueReply: plan(ids[i]!, decision),
      }));
      const results = await applyDecisions(store, inputs);
      expect(results.map((r) => [r.outcomeFolder, r.readingsStored])).toEqual([['Processed', 1], ['Processed', 1], ['Review', 0], ['Processed', 1]]);
      // The sender may have two replies a day: the third and fourth message of the batch get none.
      expect(results.map((r) => r.replyQueued)).toEqual([true, true, false, false]);
      const meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
      // The newest reading date wins, not the last message: 48350 of the 23rd.
      expect([meter.last.t1, meter.lastDate]).toEqual([48350, '2026-11-23']);
      const history = (await Promise.all(ids.map((id) => store.readings.ofMessage(id)))).flat();
      expect(history.map((r) => [r.t1, r.status, r.supersededById])).toEqual([
        [48300, 'superseded', history[2]!.id], [48350, 'superseded', history[2]!.id], [48360, 'effective', null],
      ]);
      expect(await store.review.ofMessage(ids[2]!)).toMatchObject({ status: 'open', reasons: ['no_readings'] });
      expect((await Promise.all(ids.map((id) => store.messages.get(id)))).map((m) => [m?.state, m?.decision])).toEqual([
        ['decided', 'accept'], ['decided', 'accept'], ['decided', 'review'], ['decided', 'accept'],
      ]);
      expect(await store.audit.list({ action: 'decide' })).toHaveLength(4);
      // A replay of the whole batch changes nothing.
      const again = await applyDecisions(store, inputs);
      expect(again.map((r) => r.readingsStored)).toEqual([0, 0, 0, 0]);
      expect((await store.outbox.stats(NOW)).pending).toBe(2);
      expect((await Promise.all(ids.map((id) => store.readings.ofMessage(id)))).flat()).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  // On SQLite the batch goes through the intake's own connection (store/sqlite-batch.ts), elsewhere through Prisma:
  // both must leave exactly the rows Prisma writes.
  it.runIf(TEST_PROVIDER === 'sqlite')('writes through the SQLite batch connection exactly the rows Prisma writes', async () => {
    const dump = async (viaPrisma: boolean): Promise<Record<string, unknown[]>> => {
      const url = await dbs.fresh();
      let store = await openStore(url);
      await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
      if (viaPrisma) store = { ...store, batchTransaction: (fn) => store.transaction(fn) };
      try {
        const ids = [await newMessage(store, 20), await newMessage(store, 21), await newMessage(store, 22), await newMessage(store, 23), await newMessage(store, 24)];
        // An earlier reading of the period, stored alone, is superseded by the batch's.
        await applyDecisions(store, [{ messageRowId: ids[0]!, decision: accept(48250), readingDate: '2026-11-20', source: 'text', actor: 'test', folders, now: NOW, queueReply: plan(ids[0]!, accept(48250)) }]);
        const review: Decision = { decision: 'review', reasons: ['no_readings', 'photo_unverified'], explanation: 'Нет показаний «в тексте»', period: '2026-11', readings: [], effects: [{ type: 'open_review', reasons: ['no_readings'] }, { type: 'queue_reply', template: 'review' }] };
        const reject: Decision = { decision: 'reject', reasons: ['outside_window'], explanation: 'вне окна', period: '2026-11', readings: [], effects: [{ type: 'queue_reply', template: 'rejected' }] };
        const decisions = [accept(48300), review, reject, accept(987654321012)];
        const inputs: ApplyInput[] = decisions.map((decision, i) => ({
          messageRowId: ids[i + 1]!, decision, readingDate: `2026-11-2${i + 1}`, source: i === 3 ? 'photo' : 'text', actor: 'intake', folders, now: NOW,
          queueReply: plan(ids[i + 1]!, decision, i === 2 ? 'Other.Sender@Example.ru ' : `s${i}@mail.ru`),
        }));
        await applyDecisions(store, inputs);
      } finally {
        await store.close();
      }
      const db = new Database(sqliteFilePath(url), { readonly: true });
      db.defaultSafeIntegers(true);
      try {
        const out: Record<string, unknown[]> = {};
        for (const table of ['Reading', 'Meter', 'ReviewItem', 'Outbox', 'InboundMessage', 'AuditLog']) {
          out[table] = (db.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).all() as Record<string, unknown>[]).map((row) => Object.fromEntries(
            // Timestamps differ by the clock; their format must not.
            Object.entries(row).map(([k, v]) => [k, ['createdAt', 'updatedAt', 'decidedAt', 'at', 'nextAttemptAt'].includes(k) && typeof v === 'string'
              ? v.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/, 'ISO') : v]),
          ));
        }
        return out;
      } finally {
        db.close();
      }
    };
    const direct = await dump(false);
    const prisma = await dump(true);
    expect(direct['Reading']).toHaveLength(3);
    expect(direct['Outbox']!.length).toBeGreaterThanOrEqual(4);
    expect(direct).toEqual(prisma);
  });
});
