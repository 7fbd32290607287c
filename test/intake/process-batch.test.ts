// A batch's decisions are applied in one transaction; when that fails, its messages are applied one by one, so
// one bad message is recorded as failed and the others are decided as if it were not there. Real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { processBatch } from '../../src/intake/process-batch.js';
import type { ProcessContext } from '../../src/intake/process-message.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore } from '../../src/store/index.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/parse/types.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(() => dbs.cleanup());

const folders = { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored', failed: 'Failed' };
const rules = {
  window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' },
  maxIncrease: { electricity: 5000, heat: 50 }, ownAddresses: ['info@khab.dvec.ru'],
};

const mail = (n: number, body: string): Buffer => Buffer.from([
  `From: Customer ${n} <c${n}@example.ru>`, 'To: info@khab.dvec.ru', "Subject: Показания счётчика",
  `Message-ID: <batch-${n}@example.ru>`, 'Date: Sat, 21 Nov 2026 10:00:00 +1000', 'Content-Type: text/plain; charset=utf-8', '', body, '',
].join('\r\n'));

describe('processBatch', () => {
  it('applies the batch in one go, and falls back to one by one when one message cannot be applied', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
      const meters = await store.registry.loadAll();
      // The decision sees a meter the database does not have (as if deleted after the registry was loaded):
      // storing its reading violates the foreign key, and that message alone must fail.
      const ghost = { ...meters.find((m) => m.meter === '0923457')!, id: 987654 };
      const registry = new RegistryIndex([...meters.filter((m) => m.meter !== '0923457'), ghost]);
      const ctx: ProcessContext = {
        store, registry, rules, limits: DEFAULT_PARSE_LIMITS, folders, replies: null, mailbox: 'INBOX', uidValidity: 7n,
        log: pino({ level: 'silent' }), now: () => new Date('2026-11-21T01:00:00Z'),
      };
      const fetched = [
        { uid: 1, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(1, 'Лицевой счёт 2701004512, показания 48300') },
        { uid: 2, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(2, 'Счётчик 0923457: день 12500, ночь 5400') },
        { uid: 3, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(3, 'Лицевой счёт 2701004512, показания 48350') },
        { uid: 4, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(4, 'Здравствуйте, когда придёт квитанция?') },
      ];
      const filed = await processBatch(fetched, ctx);
      expect(filed.map((f) => [f.uid, f.outcome.kind, f.outcome.folder])).toEqual([
        [1, 'decided', 'Processed'], [2, 'failed', 'Failed'], [3, 'decided', 'Processed'], [4, 'decided', 'Review'],
      ]);
      const [m1, m2, m3] = await Promise.all(filed.slice(0, 3).map((f) => store.messages.get(f.outcome.messageId)));
      expect(m2).toMatchObject({ state: 'failed' });
      expect(m2?.error).toMatch(/foreign|constraint/i);
      expect(await store.readings.ofMessage(m2!.id)).toHaveLength(0);
      // The fallback re-decided in order: message 3 still supersedes message 1, and the registry shows 48350.
      expect((await store.readings.ofMessage(m1!.id))[0]).toMatchObject({ t1: 48300, status: 'superseded' });
      expect((await store.readings.ofMessage(m3!.id))[0]).toMatchObject({ t1: 48350, status: 'effective' });
      expect(registry.meter('2701004512', '011234567')?.last.t1).toBe(48350);
      expect(registry.meter('2701013377', '0923457')?.last).toEqual(ghost.last);
    } finally {
      await store.close();
    }
  });

  it('judges a batch again when another worker advanced one of its meters meanwhile', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
      const registry = new RegistryIndex(await store.registry.loadAll());
      const log = pino({ level: 'silent' });
      const ctx: ProcessContext = {
        store, registry, rules, limits: DEFAULT_PARSE_LIMITS, folders, replies: null, mailbox: 'INBOX', uidValidity: 8n,
        log, now: () => new Date('2026-11-21T01:00:00Z'),
      };
      // This worker's registry says 48213; another worker has just stored 48400 for the same meter.
      const meter = registry.meter('2701004512', '011234567')!;
      expect(meter.last.t1).toBe(48213);
      await store.registry.setLastReading(meter.id!, { t1: 48400, t2: null, t3: null }, '2026-11-21');
      const fetched = [
        { uid: 1, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(11, 'Лицевой счёт 2701004512, показания 48300') },
        { uid: 2, internalDate: new Date('2026-11-21T00:00:00Z'), source: mail(12, 'Лицевой счёт 2701004512, показания 48450') },
      ];
      const filed = await processBatch(fetched, ctx);
      // Judged against 48400: 48300 is lower than the stored reading (a clerk looks), 48450 is taken.
      expect(filed.map((f) => [f.uid, f.outcome.kind, f.outcome.folder])).toEqual([[1, 'decided', 'Review'], [2, 'decided', 'Processed']]);
      const [first, second] = await Promise.all(filed.map((f) => store.readings.ofMessage(f.outcome.messageId)));
      expect(first).toEqual([]);
      expect(second!.map((r) => [r.t1, r.status])).toEqual([[48450, 'effective']]);
      expect((await store.registry.metersOfAccount('2701004512'))[0]!.last.t1).toBe(48450);
      expect(registry.meter('2701004512', '011234567')?.last.t1).toBe(48450);
      // One decision each: the first judgement wrote nothing.
      expect(await store.audit.list({ action: 'decide' })).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
