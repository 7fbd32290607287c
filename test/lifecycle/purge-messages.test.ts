// Retention in the database (on SQLite, and on PostgreSQL in the "postgres" vitest project): which raw sources go,
// what stays, the dry run, and one audit entry per run.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { purge } from '../../src/cli/commands/purge.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';

let dbs: TempDatabases;
let store: Store;
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(async () => { vi.unstubAllEnvs(); vi.restoreAllMocks(); await store?.close(); });
afterAll(async () => { await dbs?.cleanup(); });

const NOW = new Date('2027-06-01T00:00:00Z');
const daysAgo = (d: number): Date => new Date(NOW.getTime() - d * 86_400_000);
let uid = 0;

async function message(state: string, decision: string | null, decidedAt: Date | null): Promise<number> {
  const raw = Buffer.from(`Message-ID: <m${++uid}@x>\r\n\r\nbody ${uid}`);
  const r = await store.messages.insert({
    mailbox: 'INBOX', uidValidity: 1, uid, messageIdHeader: `<m${uid}@x>`, sha256: String(uid).padStart(64, '0'), raw, size: raw.length,
  });
  if (!r.ok) throw new Error('insert failed');
  await store.messages.update(r.id, { state: state as 'filed', decision: decision as 'accept' | null, decidedAt });
  return r.id;
}

async function reviewed(resolvedAt: Date | null): Promise<number> {
  const id = await message('filed', 'review', daysAgo(400));
  const item = await store.review.open(id, ['unknown_account']);
  if (resolvedAt) {
    await store.review.lock(item.id, 'clerk', resolvedAt, new Date(resolvedAt.getTime() + 60_000));
    expect(await store.review.resolve(item.id, 'clerk', resolvedAt, { decision: 'reject' })).toBe(true);
  }
  return id;
}

async function cli(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  expect(await purge.run([...args, '--skip-imap', '--now', NOW.toISOString()])).toBe(0);
  vi.restoreAllMocks();
  return out;
}

describe('purge (database)', () => {
  it('drops the raw source of final outcomes older than RETENTION_RAW_DAYS, keeps everything else, audits each run', async () => {
    const url = await dbs.fresh();
    store = await openStore(url);
    await importRegistry(store, REGISTRY_CSV, 'test');
    const due = {
      accept: await message('filed', 'accept', daysAgo(181)),
      reject: await message('filed', 'reject', daysAgo(200)),
      ignore: await message('decided', 'ignore', daysAgo(365)),
      duplicate: await message('duplicate', null, daysAgo(181)),
      resolved: await reviewed(daysAgo(190)),
    };
    const kept = {
      recent: await message('filed', 'accept', daysAgo(179)),
      open: await reviewed(null),
      resolvedRecently: await reviewed(daysAgo(10)),
      failed: await message('failed', null, daysAgo(400)),
      processing: await message('processing', null, null),
    };
    const meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
    await store.readings.insert({
      messageId: due.accept, meterId: meter.id, accountNumber: meter.account, meterSerial: meter.meter,
      t1: 48300, t2: null, t3: null, source: 'text', period: '2026-11', createdBy: 'intake',
    });
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('RETENTION_RAW_DAYS', '180');

    const dry = await cli(['--dry-run']);
    expect(dry).toContain('database: would purge the raw source of 5 message(s) (accept 1, reject 1, ignore 1, duplicate 1, review_resolved 1)');
    for (const id of Object.values(due)) expect(dry).toContain(`message ${id} `);
    for (const id of [...Object.values(due), ...Object.values(kept)]) expect(await store.messages.getRaw(id)).not.toBeNull();
    expect(await store.audit.list({ action: 'purge' })).toEqual([]);

    const real = await cli([]);
    expect(real).toContain('database: purged the raw source of 5 message(s)');
    for (const id of Object.values(due)) {
      expect(await store.messages.getRaw(id)).toBeNull();
      const m = await store.messages.get(id);
      expect(m?.rawPurgedAt?.toISOString()).toBe(NOW.toISOString());
      expect(m?.sha256).toMatch(/^\d{64}$/);
      expect(m?.messageIdHeader).toMatch(/^<m\d+@x>$/);
    }
    for (const id of Object.values(kept)) {
      expect(await store.messages.getRaw(id)).not.toBeNull();
      expect((await store.messages.get(id))?.rawPurgedAt).toBeNull();
    }
    expect(await store.readings.ofMessage(due.accept)).toHaveLength(1);
    expect((await store.review.ofMessage(kept.open))?.status).toBe('open');

    const audit = await store.audit.list({ action: 'purge' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'cli', entity: 'retention',
      after: { days: 180, messages: 5, byKind: { accept: 1, reject: 1, ignore: 1, duplicate: 1, review_resolved: 1 }, folders: null },
    });

    // A second run finds nothing new and still records that it ran.
    expect(await cli([])).toContain('purged the raw source of 0 message(s)');
    expect(await store.audit.list({ action: 'purge' })).toHaveLength(2);
  });

  it('an unreachable IMAP server fails the run after the database part, which is still audited', async () => {
    const url = await dbs.fresh();
    store = await openStore(url);
    const id = await message('filed', 'accept', daysAgo(400));
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('IMAP_HOST', '127.0.0.1');
    vi.stubEnv('IMAP_PORT', '1'); // nothing listens there
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await expect(purge.run(['--now', NOW.toISOString()])).rejects.toMatchObject({ code: 'IMAP_CONNECT' });
    vi.restoreAllMocks();
    expect(await store.messages.getRaw(id)).toBeNull();
    const [entry] = await store.audit.list({ action: 'purge' });
    expect(entry?.after).toMatchObject({ messages: 1, folders: {}, imapError: expect.stringContaining('127.0.0.1:1') });
  });
});
