import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
let store: Store;
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(async () => { await store?.close(); });
afterAll(() => dbs?.cleanup());

const message = (over: Record<string, unknown> = {}) => ({
  mailbox: 'INBOX', uidValidity: 1_700_000_000n, uid: 42n, messageIdHeader: '<a@b>', sha256: 'ab'.repeat(32),
  raw: Buffer.from('From: a@b\r\n\r\nhi'), size: 15, receivedAt: new Date('2026-10-21T01:02:03Z'), ...over,
});

describe('messages', () => {
  it('stores a message once per mailbox + UIDVALIDITY + UID; a second insert is a duplicate result', async () => {
    store = await openStore(await dbs.fresh());
    const first = await store.messages.insert(message());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await store.messages.insert(message({ sha256: 'cd'.repeat(32) }))).toEqual({ ok: false, reason: 'duplicate_uid', existingId: first.id });
    // Same UID after UIDVALIDITY changed is another message.
    expect((await store.messages.insert(message({ uidValidity: 1_700_000_001n }))).ok).toBe(true);
    // Dry-run / file imports have no UID and are never UID duplicates.
    const fileImport = message({ mailbox: null, uidValidity: null, uid: null });
    expect((await store.messages.insert(fileImport)).ok).toBe(true);
    expect((await store.messages.insert(fileImport)).ok).toBe(true);

    const stored = await store.messages.findByUid('INBOX', 1_700_000_000, 42);
    expect(stored).toMatchObject({ id: first.id, state: 'received', reasons: [], uid: 42n, attempts: 0 });
    expect(Buffer.from((await store.messages.getRaw(first.id))!).toString()).toBe('From: a@b\r\n\r\nhi');
    const copy = await store.messages.findEarlierCopy(first.id + 2, '<a@b>', 'ab'.repeat(32));
    expect(copy?.id).toBe(first.id);
  });

  it('records a decision with reasons as JSON and counts attempts', async () => {
    store = await openStore(await dbs.fresh());
    const inserted = await store.messages.insert(message());
    if (!inserted.ok) throw new Error('insert failed');
    await store.messages.update(inserted.id, { state: 'decided', decision: 'review', reasons: ['unknown_account'], decidedAt: new Date() });
    expect(await store.messages.countAttempt(inserted.id)).toBe(1);
    expect(await store.messages.get(inserted.id)).toMatchObject({ state: 'decided', decision: 'review', reasons: ['unknown_account'], attempts: 1 });
    expect((await store.messages.listByState('decided')).map((m) => m.id)).toEqual([inserted.id]);
  });

  it('stores hostile header text (NUL, lone surrogates) on both providers, and finds it by the same value', async () => {
    // PostgreSQL text refuses U+0000: the store writes U+FFFD instead, and looks values up the same way.
    store = await openStore(await dbs.fresh());
    const nul = '<a\u0000b@x>';
    const inserted = await store.messages.insertMany([message({ uid: 1n, messageIdHeader: nul, subject: 'Re:\u0000 \ud800 тема', fromAddress: 'a\u0000@b' })]);
    const row = await store.messages.get(inserted[0]!.id);
    expect(row?.subject).toMatch(/^Re:. .* тема$/);
    expect((await store.messages.findEarlierCopy(row!.id + 1, nul, 'ab'.repeat(32)))?.id).toBe(row!.id);
    await store.messages.update(row!.id, { state: 'failed', error: 'parse\u0000failed' });
    expect((await store.messages.get(row!.id))?.error).toMatch(/^parse.failed$/);
  });
});

describe('readings', () => {
  it('stores one reading per message and meter; a replay is a duplicate result', async () => {
    store = await openStore(await dbs.fresh());
    await importRegistry(store, REGISTRY_CSV, 'test');
    const meter = (await store.registry.metersOfAccount('2701013377'))[0]!;
    const inserted = await store.messages.insert(message());
    if (!inserted.ok) throw new Error('insert failed');
    const reading = {
      messageId: inserted.id, meterId: meter.id, accountNumber: meter.account, meterSerial: meter.meter,
      t1: 12500, t2: 5400, t3: null, source: 'text' as const, period: '2026-11', createdBy: 'intake',
    };
    const first = await store.readings.insert(reading);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await store.readings.insert({ ...reading, t1: 12600 })).toEqual({ ok: false, reason: 'duplicate', existingId: first.id });
    expect(await store.readings.effective(meter.id, '2026-11')).toMatchObject([{ id: first.id, t1: 12500, t2: 5400, t3: null, status: 'effective' }]);

    const clerk = await store.readings.insert({ ...reading, messageId: null, t1: 12550, source: 'clerk', createdBy: 'clerk1' });
    if (!clerk.ok) throw new Error('clerk insert failed');
    await store.readings.supersede(first.id, clerk.id);
    expect((await store.readings.effective(meter.id, '2026-11')).map((r) => r.id)).toEqual([clerk.id]);
    expect(await store.readings.ofMessage(inserted.id)).toMatchObject([{ status: 'superseded', supersededById: clerk.id }]);
  });

  it('rolls back a whole transaction when a step fails, passing the error through', async () => {
    store = await openStore(await dbs.fresh());
    const boom = new Error('boom');
    await expect(store.transaction(async (tx) => {
      await tx.audit.append({ actor: 'test', action: 'x', entity: 'y' });
      throw boom;
    })).rejects.toBe(boom);
    expect(await store.audit.list()).toEqual([]);
  });

  it('turns a failing statement into a StoreError with code and cause', async () => {
    store = await openStore(await dbs.fresh());
    const error = await store.readings.supersede(999, 1000).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'STORE_QUERY_FAILED', cause: { code: 'P2025' } });
  });
});
