// The decision-applying transaction against a real, migrated SQLite database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDecision, type OutcomeFolders } from '../../src/intake/apply-decision.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Decision } from '../../src/decide/decide-message.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';

const folders: OutcomeFolders = { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored', failed: 'Failed' };
let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(() => dbs.cleanup());

async function freshStore(): Promise<Store> {
  const store = await openStore(dbs.fresh());
  await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
  return store;
}

async function newMessage(store: Store, uid: number): Promise<number> {
  const r = await store.messages.insert({ mailbox: 'INBOX', uidValidity: 1n, uid, sha256: `h${uid}`, size: 1, messageIdHeader: `m${uid}@x` });
  if (!r.ok) throw new Error('insert failed');
  return r.id;
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
      let replies = 0;
      const queueReply = async () => { replies++; return true; };
      await applyDecision(store, { messageRowId: id, decision: accept(48400), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply });
      const again = await applyDecision(store, { messageRowId: id, decision: accept(48400), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply });
      expect(again.readingsStored).toBe(0);
      expect((await store.readings.ofMessage(id))).toHaveLength(1);
      expect(replies).toBe(2); // the hook is asked twice; it must itself dedupe (outbox dedupeKey), tested with the outbox
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
      const failing = async () => { throw new Error('smtp template exploded'); };
      await expect(applyDecision(store, { messageRowId: bad, decision: accept(48500), readingDate: '2026-11-21', source: 'text', actor: 'test', folders, queueReply: failing })).rejects.toThrow('exploded');
      expect(await store.readings.ofMessage(bad)).toHaveLength(0);
      expect((await store.messages.get(bad))?.state).toBe('received');
      const meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
      expect(meter.last.t1).toBe(48213);
    } finally {
      await store.close();
    }
  });
});
