// The intake's direct SQLite statements (src/store/sqlite-messages.ts) against the Prisma repository they stand in
// for: the same rows written, the same StoredMessage values read back. On PostgreSQL both sides are Prisma's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type NewInboundMessage, type Store } from '../../src/store/index.js';
import { tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(() => dbs?.cleanup());

const message = (uid: number, extra: Partial<NewInboundMessage> = {}): NewInboundMessage => ({
  mailbox: 'INBOX', uidValidity: 7n, uid, messageIdHeader: `m${uid}@example.ru`, sha256: `sha-${uid % 3}`, raw: Buffer.from(`From: a@b\r\n\r\n${uid}`),
  size: 14, receivedAt: new Date('2026-11-21T01:02:03.456Z'), dateHeader: new Date('2026-11-21T01:00:00Z'), fromAddress: 'a@b.ru',
  subject: 'Показания', attempts: 1, ...extra,
});
const withoutIdentity = <T extends { id: number; uid: bigint | null; messageIdHeader: string | null; sha256: string; createdAt: Date }>(r: T) => {
  const { id: _id, uid: _uid, messageIdHeader: _m, sha256: _s, createdAt: _c, ...rest } = r;
  return rest;
};

describe('intake message statements (direct on SQLite) and the Prisma repository', () => {
  let store: Store;
  beforeAll(async () => { store = await openStore(await dbs.fresh()); });
  afterAll(() => store?.close());
  /** The Prisma repository: inside a transaction the store never uses the direct statements. */
  const prisma = <T>(fn: (s: Store) => Promise<T>): Promise<T> => store.transaction((r) => fn(r as unknown as Store));

  it('stores the same rows and reads back the same messages', async () => {
    const direct = await store.messages.insertMany([message(1), message(2, { subject: null, dateHeader: null, messageIdHeader: null }), message(3, { raw: null })]);
    const viaPrisma = await prisma((s) => s.messages.insertMany([message(11), message(12, { subject: null, dateHeader: null, messageIdHeader: null }), message(13, { raw: null })]));
    expect(direct.map(withoutIdentity)).toEqual(viaPrisma.map(withoutIdentity));
    await store.messages.markDecidedEach([{ id: direct[0]!.id, decision: 'accept', reasons: ['a', 'b'], explanation: 'x', outcomeFolder: 'Processed' }], new Date('2026-11-21T02:00:00Z'));
    await store.messages.update(direct[1]!.id, { state: 'failed', error: 'boom', outcomeFolder: 'Failed', duplicateOfId: direct[0]!.id });
    const uids = [1, 2, 3, 11, 12, 13, 99];
    const read = await store.messages.findByUids('INBOX', 7n, uids);
    expect(read).toEqual(await prisma((s) => s.messages.findByUids('INBOX', 7, uids)));
    expect(read.map((r) => Number(r.uid)).sort((a, b) => a - b)).toEqual([1, 2, 3, 11, 12, 13]);
    expect(read.find((r) => r.uid === 1n)).toMatchObject({ state: 'decided', reasons: ['a', 'b'], decidedAt: new Date('2026-11-21T02:00:00Z') });
    expect(Buffer.from((await store.messages.getRaw(direct[0]!.id))!).toString()).toBe('From: a@b\r\n\r\n1');
    expect(await store.messages.getRaw(direct[2]!.id)).toBeNull();
    const sha = ['sha-0', 'sha-1', 'sha-1', 'none'];
    expect(await store.messages.findBySha256(sha)).toEqual(await prisma((s) => s.messages.findBySha256(sha)));
    expect((await store.messages.findBySha256(sha)).map((c) => c.id)).toEqual([direct[0]!.id, direct[2]!.id, viaPrisma[1]!.id, viaPrisma[2]!.id]); // uids 1, 3, 12, 13
  });

  it('counts attempts and marks filed as the repository does: decided becomes filed, failed stays failed, filedAt set once', async () => {
    const [a, b, c] = await store.messages.insertMany([message(21), message(22), message(23)]);
    await store.messages.markDecidedEach([{ id: a!.id, decision: 'review', reasons: [], explanation: null, outcomeFolder: 'Review' }], new Date());
    await store.messages.update(b!.id, { state: 'failed', error: 'boom', outcomeFolder: 'Failed' });
    await store.messages.countAttempts([a!.id, c!.id]);
    const at = new Date('2026-11-22T03:04:05.678Z');
    await store.messages.markFiled([a!.id, b!.id], at);
    await store.messages.markFiled([a!.id], new Date('2026-11-23T00:00:00Z'));
    const rows = await prisma((s) => s.messages.findByUids('INBOX', 7, [21, 22, 23]));
    const byUid = new Map(rows.map((r) => [Number(r.uid), r]));
    expect(byUid.get(21)).toMatchObject({ state: 'filed', filedAt: at, attempts: 2 });
    expect(byUid.get(22)).toMatchObject({ state: 'failed', filedAt: at, attempts: 1 });
    expect(byUid.get(23)).toMatchObject({ state: 'received', filedAt: null, attempts: 2 });
  });

  it('leaves a UID already stored as it is', async () => {
    const [first] = await store.messages.insertMany([message(31, { subject: 'первый' })]);
    const [again] = await store.messages.insertMany([message(31, { subject: 'второй' })]);
    expect(again).toEqual(first);
  });
});
