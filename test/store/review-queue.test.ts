// The clerk queue's store side on both providers (project "postgres" runs it on PostgreSQL): plain-SQL listing with
// filters and search keys, counts per reason, locks, resolution, users and sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(async () => { await dbs.cleanup(); });

async function seeded(): Promise<Store> {
  const store = await openStore(await dbs.fresh());
  await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
  const items: [string, string[], string | null][] = [
    ['ivanova.tn@mail.ru', ['uncertain_value'], '2701004512'],
    ['petrov.av@gmail.com', ['no_readings'], null],
    ['x_y%z@example.ru', ['unknown_account', 'no_account'], '2701013377'],
  ];
  for (const [i, [from, reasons, account]] of items.entries()) {
    const r = await store.messages.insert({ mailbox: 'INBOX', uidValidity: 1, uid: i + 1, sha256: `h${i}`, raw: Buffer.from('x'), size: 1, fromAddress: from, subject: `Тема ${i}` });
    if (!r.ok) throw new Error('insert');
    await store.review.open(r.id, reasons);
    await store.audit.append({
      actor: 'intake', action: 'decide', entity: 'message', entityId: r.id,
      after: { decision: 'review', reasons, readings: account ? [{ account, meter: 'ЕМ-123456', t1: 1, t2: null, t3: null }] : [] },
    });
  }
  return store;
}

describe('review queue store', () => {
  it('lists open items oldest first with reason, age and search filters, and counts per reason', async () => {
    const store = await seeded();
    try {
      const all = await store.review.listOpen({}, { offset: 0, limit: 50 });
      expect(all.total).toBe(3);
      expect(all.rows.map((r) => r.fromAddress)).toEqual(['ivanova.tn@mail.ru', 'petrov.av@gmail.com', 'x_y%z@example.ru']);
      expect(all.rows[0]).toMatchObject({ status: 'open', reasons: ['uncertain_value'], subject: 'Тема 0', lockedBy: null });
      expect(all.rows[0]!.createdAt).toBeInstanceOf(Date);
      expect((await store.review.listOpen({ reasonsAny: ['no_account', 'no_readings'] }, { offset: 0, limit: 50 })).total).toBe(2);
      expect((await store.review.listOpen({ createdBefore: new Date(Date.now() + 60_000) }, { offset: 1, limit: 1 })).rows.map((r) => r.fromAddress)).toEqual(['petrov.av@gmail.com']);
      expect((await store.review.listOpen({ createdAfter: new Date(Date.now() + 60_000) }, { offset: 0, limit: 50 })).total).toBe(0);

      const page = await store.review.itemWithMessage(all.rows[0]!.id);
      expect(page).toMatchObject({ item: { id: all.rows[0]!.id, status: 'open', reasons: ['uncertain_value'] }, message: { fromAddress: 'ivanova.tn@mail.ru', subject: 'Тема 0', state: 'received' } });
      expect(page!.message.createdAt).toBeInstanceOf(Date);
      expect(await store.review.itemWithMessage(999_999)).toBeNull();
      expect((await store.review.rawOf(all.rows[0]!.messageId))?.toString()).toBe('x');
      expect(await store.review.rawOf(999_999)).toBeNull();
      await store.audit.append({ actor: 'anna', action: 'review.close', entity: 'review', entityId: all.rows[0]!.id, before: { a: 1 }, after: { b: 2 } });
      const history = await store.review.historyOf(all.rows[0]!.id, all.rows[0]!.messageId);
      expect(history.map((h) => [h.entity, h.action])).toEqual([['review', 'review.close'], ['message', 'decide']]);
      expect(history[0]).toMatchObject({ actor: 'anna', before: { a: 1 }, after: { b: 2 } });
      expect(history[0]!.at).toBeInstanceOf(Date);

      expect(await store.review.openStats()).toMatchObject({ open: 3, byReason: { uncertain_value: 1, no_readings: 1, unknown_account: 1, no_account: 1 } });

      const missing = await store.review.missingSearchText(10);
      expect(missing).toHaveLength(3);
      expect(missing.find((m) => m.fromAddress === 'ivanova.tn@mail.ru')!.decision).toMatchObject({ readings: [{ account: '2701004512' }] });
      for (const m of missing) await store.review.setSearchText(m.id, `${m.fromAddress} ${(m.decision as { readings: { account: string }[] }).readings.map((r) => r.account).join(' ')}`);
      expect(await store.review.missingSearchText(10)).toHaveLength(0);
      const found = async (search: string) => (await store.review.listOpen({ search }, { offset: 0, limit: 50 })).rows.map((r) => r.fromAddress);
      expect(await found('2701013377')).toEqual(['x_y%z@example.ru']);
      expect(await found('PETROV')).toEqual(['petrov.av@gmail.com']);
      expect(await found('%')).toEqual(['x_y%z@example.ru']); // LIKE wildcards are literal
      expect(await found('_')).toEqual(['x_y%z@example.ru']);
    } finally {
      await store.close();
    }
  });

  it('locks an item for one clerk, resolves it only for the holder, and the next item skips others\' locks', async () => {
    const store = await seeded();
    try {
      const [a, b] = (await store.review.listOpen({}, { offset: 0, limit: 50 })).rows;
      const now = new Date();
      const until = new Date(now.getTime() + 600_000);
      expect(await store.review.lock(a!.id, 'anna', now, until)).toEqual({ ok: true, until });
      expect(await store.review.lock(a!.id, 'boris', now, until)).toMatchObject({ ok: false, holder: 'anna', resolved: false });
      expect(await store.review.nextOpen('boris', now, null)).toBe(b!.id);
      expect(await store.review.lock(a!.id, 'boris', new Date(until.getTime() + 1), new Date(until.getTime() + 600_000))).toMatchObject({ ok: true }); // expired
      expect(await store.review.resolve(a!.id, 'anna', now, { action: 'close' })).toBe(false);
      expect(await store.review.resolve(a!.id, 'boris', new Date(until.getTime() + 2), { action: 'close' })).toBe(true);
      expect(await store.review.get(a!.id)).toMatchObject({ status: 'resolved', resolvedBy: 'boris', lockedBy: null });
      expect(await store.review.resolutionOf(a!.id)).toEqual({ action: 'close' });
      expect((await store.review.openStats()).open).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('reads the registry records for the item page as the registry repository does', async () => {
    const store = await seeded();
    try {
      await store.registry.linkSender('2701020458', 'New@Example.ru', 'clerk');
      const numbers = ['2701013377', '2701020458', '2701004512', '0000000000'];
      const expected = (await Promise.all(numbers.map((n) => store.registry.findAccount(n)))).filter((a) => a !== null);
      expect(await store.review.accountsView(numbers)).toEqual(expected);
      for (const address of ['petrov.av@gmail.com', 'new@example.ru', 'nobody@example.ru']) {
        expect(await store.review.accountsOfAddress(address)).toEqual(await store.registry.accountsOfSender(address));
      }
      expect(await store.review.accountsView([])).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keeps users unique and sessions only while live and the user active', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      const u = await store.users.create({ login: 'anna', role: 'clerk', passwordHash: 'h' });
      expect(u.ok).toBe(true);
      expect(await store.users.create({ login: 'anna', role: 'admin', passwordHash: 'h' })).toEqual({ ok: false, reason: 'exists' });
      const id = (u as { id: number }).id;
      const now = new Date();
      await store.users.createSession({ id: 's1', userId: id, csrfToken: 'c', expiresAt: new Date(now.getTime() + 1000), now });
      expect((await store.users.session('s1', now))?.user.login).toBe('anna');
      expect(await store.users.session('s1', new Date(now.getTime() + 2000))).toBeNull();
      await store.users.update(id, { active: false });
      expect(await store.users.session('s1', now)).toBeNull();
      expect(await store.users.deleteExpiredSessions(new Date(now.getTime() + 2000))).toBe(1);
    } finally {
      await store.close();
    }
  });
});
