import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registry as registryCommand } from '../../src/cli/commands/registry.js';
import type { RegistryMeter } from '../../src/domain/types.js';
import { importRegistry, planRegistryImport } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
const open: Store[] = [];
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(async () => { await Promise.all(open.splice(0).map((s) => s.close())); });
afterAll(() => dbs?.cleanup());

async function freshStore(): Promise<{ url: string; store: Store }> {
  const url = await dbs.fresh();
  const store = await openStore(url);
  open.push(store);
  return { url, store };
}

const withRow = (csv: string, from: string, to: string): string => {
  if (!csv.includes(from)) throw new Error(`fixture lacks ${from}`);
  return csv.replace(from, to);
};

describe('registry import', () => {
  it('imports accounts, meters and sender addresses, and a second import changes nothing', async () => {
    const { store } = await freshStore();
    const first = await importRegistry(store, REGISTRY_CSV, 'test');
    expect(first).toEqual({ ok: true, summary: { accounts: 3, meters: 4, created: 4, updated: 0, unchanged: 0 } });
    const before = await store.registry.loadAll();

    const second = await importRegistry(store, REGISTRY_CSV, 'test');
    expect(second).toEqual({ ok: true, summary: { accounts: 3, meters: 4, created: 0, updated: 0, unchanged: 4 } });
    expect(await store.registry.loadAll()).toEqual(before);

    const heat = before.find((m) => m.meter === '20931')!;
    expect(heat).toMatchObject({ account: '2701013377', kind: 'heat', zones: 1, digits: 5, last: { t1: 112, t2: null, t3: null } });
    expect(heat.emails).toEqual(['p.petrov@yandex.ru', 'petrov.av@gmail.com']);
    expect(await store.registry.accountsOfSender('Petrov.AV@gmail.com')).toEqual(['2701013377']);
    // Cyrillic look-alikes and the dash do not matter for lookup.
    expect((await store.registry.findMetersBySerial('EM 123456')).map((m) => m.meter)).toEqual(['ЕМ-123456']);
    const audit = await store.audit.list({ action: 'registry.import' });
    expect(audit).toHaveLength(2);
  });

  it('imports nothing when any row is bad, reporting every bad line', async () => {
    const { store } = await freshStore();
    let csv = withRow(REGISTRY_CSV, '0923457,electricity,2', '0923457,gas,2');
    csv = withRow(csv, '23480,1000,500,2026-10-24', '23480,1000,500,2026-13-24');
    const result = await importRegistry(store, csv, 'test');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(result.errors[0]!.message).toContain('kind "gas"');
    expect(await store.registry.loadAll()).toEqual([]);
    expect(await store.audit.list()).toEqual([]);
  });

  it('never moves a last reading back to an older date, but takes a newer one', async () => {
    const { store } = await freshStore();
    await importRegistry(store, REGISTRY_CSV, 'test');
    const older = withRow(REGISTRY_CSV, '48213,,,2026-10-23', '40000,,,2026-09-23');
    expect(await importRegistry(store, older, 'test')).toMatchObject({ ok: true, summary: { updated: 0, unchanged: 4 } });
    let meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
    expect(meter).toMatchObject({ last: { t1: 48213 }, lastDate: '2026-10-23' });

    // Registry attributes still follow the file even when the older reading is ignored.
    const olderButSixDigits = withRow(older, '011234567,electricity,1,6', '011234567,electricity,1,7');
    expect(await importRegistry(store, olderButSixDigits, 'test')).toMatchObject({ ok: true, summary: { updated: 1 } });
    meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
    expect(meter).toMatchObject({ digits: 7, last: { t1: 48213 }, lastDate: '2026-10-23' });

    const newer = withRow(REGISTRY_CSV, '48213,,,2026-10-23', '49000,,,2026-11-23');
    expect(await importRegistry(store, newer, 'test')).toMatchObject({ ok: true, summary: { updated: 1, unchanged: 3 } });
    meter = (await store.registry.metersOfAccount('2701004512'))[0]!;
    expect(meter).toMatchObject({ last: { t1: 49000 }, lastDate: '2026-11-23' });

    expect(await store.registry.setLastReading(meter.id, { t1: 1, t2: null, t3: null }, '2026-01-01'))
      .toEqual({ ok: false, reason: 'older_than_stored', storedDate: '2026-11-23' });
    expect(await store.registry.setLastReading(meter.id, { t1: 49500, t2: null, t3: null }, '2026-12-22')).toEqual({ ok: true });
  });

  it('advances many meters in one statement, each with its own values, and keeps a later stored date', async () => {
    const { store } = await freshStore();
    await importRegistry(store, REGISTRY_CSV, 'test');
    const meters = await store.registry.loadAll();
    const [a, b, c] = meters;
    // c's stored date is later than what is offered for it: it keeps its values.
    await store.registry.setLastReading(c!.id!, { t1: 777, t2: null, t3: null }, '2027-01-22');
    const advanced = await store.transaction((tx) => tx.registry.setLastReadings([
      { meterId: a!.id!, values: { t1: 123456789012, t2: 5, t3: null }, date: '2026-11-22' },
      { meterId: b!.id!, values: { t1: 42, t2: null, t3: null }, date: '2026-11-21' },
      { meterId: c!.id!, values: { t1: 1, t2: null, t3: null }, date: '2026-11-23' },
    ]));
    expect(advanced).toBe(2);
    const after = new Map((await store.registry.loadAll()).map((m) => [m.id, m]));
    expect(after.get(a!.id)).toMatchObject({ last: { t1: 123456789012, t2: 5, t3: null }, lastDate: '2026-11-22' });
    expect(after.get(b!.id)).toMatchObject({ last: { t1: 42, t2: null, t3: null }, lastDate: '2026-11-21' });
    expect(after.get(c!.id)).toMatchObject({ last: { t1: 777 }, lastDate: '2027-01-22' });
    // The rest of the registry is untouched.
    for (const m of meters.slice(3)) expect(after.get(m.id)).toEqual(m);
  });

  it('counts a new sender address for a known meter as an update', async () => {
    const { store } = await freshStore();
    await importRegistry(store, REGISTRY_CSV, 'test');
    const csv = withRow(REGISTRY_CSV, '2026-10-24,\n', '2026-10-24,new@example.ru\n');
    expect(await importRegistry(store, csv, 'test')).toMatchObject({ ok: true, summary: { created: 0, updated: 1, unchanged: 3 } });
    expect(await store.registry.accountsOfSender('new@example.ru')).toEqual(['2701020458']);
  });

  it('holds 12-digit counters', async () => {
    const { store } = await freshStore();
    const csv = withRow(REGISTRY_CSV, '011234567,electricity,1,6,48213', '011234567,electricity,1,12,999999999999');
    expect((await importRegistry(store, csv, 'test')).ok).toBe(true);
    expect((await store.registry.metersOfAccount('2701004512'))[0]!.last.t1).toBe(999_999_999_999);
  });
});

describe('planRegistryImport', () => {
  const row = (over: Partial<RegistryMeter>): RegistryMeter => ({
    account: '100001', meter: 'A1', kind: 'electricity', zones: 1, digits: 6,
    last: { t1: 10, t2: null, t3: null }, lastDate: '2026-10-01', emails: [], ...over,
  });

  it('keeps a stored reading over a dateless row', () => {
    const plan = planRegistryImport([row({})], [row({ last: { t1: 5, t2: null, t3: null }, lastDate: null })]);
    expect(plan.changes.updateMeters).toEqual([]);
    expect(plan.summary.unchanged).toBe(1);
  });

  it('creates an account once for several meters', () => {
    const plan = planRegistryImport([], [row({}), row({ meter: 'A2', emails: ['a@b.ru'] }), row({ meter: 'A3', emails: ['a@b.ru'] })]);
    expect(plan.changes.newAccounts).toEqual(['100001']);
    expect(plan.changes.newAddresses).toEqual([{ account: '100001', address: 'a@b.ru' }]);
    expect(plan.summary).toEqual({ accounts: 1, meters: 3, created: 3, updated: 0, unchanged: 0 });
  });
});

describe('cli registry', () => {
  async function run(argv: string[], url: string): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
    vi.stubEnv('DATABASE_URL', url);
    try {
      return { code: await registryCommand.run(argv), out, err };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  }

  it('imports, prints the summary line, and shows an account as text and JSON', async () => {
    const url = await dbs.fresh();
    const file = path.join(dbs.dir, 'registry.csv');
    writeFileSync(file, REGISTRY_CSV);
    expect(await run(['import', file], url)).toEqual({ code: 0, out: 'accounts=3 meters=4 created=4 updated=0 unchanged=0\n', err: '' });
    expect(await run(['import', file], url)).toMatchObject({ code: 0, out: 'accounts=3 meters=4 created=0 updated=0 unchanged=4\n' });

    const text = await run(['show', '2701013377'], url);
    expect(text.code).toBe(0);
    expect(text.out).toBe([
      'account 2701013377',
      'meters (2):',
      '  0923457  electricity  zones=2 digits=5  last t1=12402 t2=5311 on 2026-10-21',
      '  20931  heat  zones=1 digits=5  last t1=112 on 2026-10-21',
      'sender addresses (2):',
      '  p.petrov@yandex.ru (registry)',
      '  petrov.av@gmail.com (registry)',
      '',
    ].join('\n'));

    const json = await run(['show', '2701020458', '--json'], url);
    expect(JSON.parse(json.out)).toEqual({
      account: '2701020458',
      meters: [{ meter: 'ЕМ-123456', kind: 'electricity', zones: 3, digits: 6, last: { t1: 23480, t2: 1000, t3: 500 }, lastDate: '2026-10-24' }],
      senders: [],
    });

    expect(await run(['show', '1234'], url)).toMatchObject({ code: 1, out: '', err: 'registry show: account 1234 is not in the registry\n' });
  });

  it('exits 1 listing every bad line, through the real CLI entry', async () => {
    const url = await dbs.fresh();
    const file = path.join(dbs.dir, 'bad.csv');
    writeFileSync(file, withRow(REGISTRY_CSV, '0923457,electricity,2', '0923457,electricity,7'));
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'registry', 'import', file], {
      env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`${file}:3: zones "7" must be 1, 2 or 3`);
    expect(res.stderr).toContain('nothing imported');
  });

  it('tells to migrate when the database is missing', async () => {
    const url = `file:${path.join(dbs.dir, 'absent.sqlite')}`;
    await expect(run(['show', '1'], url)).rejects.toMatchObject({ code: 'STORE_NOT_MIGRATED', message: expect.stringContaining('npm run db -- migrate') });
  });
});
