// The billing registry in the database: accounts, their meters and the sender addresses linked to them.
import type { MeterKind, RegistryMeter, ZoneValues } from '../domain/types.js';
import { normaliseSerial } from '../domain/serial.js';
import { join, raw } from '@prisma/client/runtime/client';
import { updateEach } from './bulk-update.js';
import type { Provider } from './providers.js';
import type { Db } from './client.js';

export interface StoredMeter extends RegistryMeter {
  id: number;
  accountId: number;
  serialKey: string;
}

export interface SenderLink {
  address: string;
  source: 'registry' | 'clerk';
}

export interface AccountView {
  id: number;
  number: string;
  meters: StoredMeter[];
  senders: SenderLink[];
}

/** What a registry import writes; computed by src/registry/import-registry.ts. */
export interface RegistryChanges {
  newAccounts: string[];
  createMeters: RegistryMeter[];
  /** The full new state of existing meters, found by (account, meter). */
  updateMeters: RegistryMeter[];
  newAddresses: { account: string; address: string }[];
}

export type SetLastResult = { ok: true } | { ok: false; reason: 'unknown_meter' | 'older_than_stored'; storedDate: string | null };

const CHUNK = 500; // keeps IN lists and multi-row inserts well under SQLite's bound-parameter limit

type MeterRow = {
  id: number; accountId: number; serial: string; serialKey: string; kind: string; zones: number; digits: number;
  lastT1: bigint | null; lastT2: bigint | null; lastT3: bigint | null; lastDate: string | null;
};

// Counter values are BigInt columns (up to 12 digits) and plain numbers outside the store.
export const toNumber = (v: bigint | null): number | null => (v === null ? null : Number(v));
export const toBigInt = (v: number | null): bigint | null => (v === null ? null : BigInt(v));

function toMeter(row: MeterRow, account: string, emails: string[]): StoredMeter {
  return {
    id: row.id, accountId: row.accountId, serialKey: row.serialKey,
    account, meter: row.serial, kind: row.kind as MeterKind, zones: row.zones as 1 | 2 | 3, digits: row.digits,
    last: { t1: toNumber(row.lastT1), t2: toNumber(row.lastT2), t3: toNumber(row.lastT3) }, lastDate: row.lastDate, emails,
  };
}

function meterColumns(m: RegistryMeter) {
  return {
    serialKey: normaliseSerial(m.meter), kind: m.kind, zones: m.zones, digits: m.digits,
    lastT1: toBigInt(m.last.t1), lastT2: toBigInt(m.last.t2), lastT3: toBigInt(m.last.t3), lastDate: m.lastDate,
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const meterInclude = { account: { select: { number: true, senders: { select: { address: true }, orderBy: { address: 'asc' } } } } } as const;

/** A meter's last values as stored: what a decision of another worker or a clerk may have changed. */
export interface MeterLast {
  id: number;
  account: string;
  meter: string;
  last: ZoneValues;
  lastDate: string | null;
}

type LastRow = { id: number; lastT1: bigint | null; lastT2: bigint | null; lastT3: bigint | null; lastDate: string | null; serial: string; number: string };
const toLast = (r: LastRow): MeterLast => ({
  id: Number(r.id), account: r.number, meter: r.serial,
  last: { t1: toNumber(r.lastT1 === null ? null : BigInt(r.lastT1)), t2: toNumber(r.lastT2 === null ? null : BigInt(r.lastT2)), t3: toNumber(r.lastT3 === null ? null : BigInt(r.lastT3)) },
  lastDate: r.lastDate,
});

export function registryRepo(db: Db, provider: Provider = 'sqlite') {
  async function metersWhere(where: { accountId?: number; serialKey?: string; id?: number }): Promise<StoredMeter[]> {
    const rows = await db.meter.findMany({ where, include: meterInclude, orderBy: { id: 'asc' } });
    return rows.map((r) => toMeter(r, r.account.number, r.account.senders.map((s) => s.address)));
  }

  return {
    /** The whole registry as the decision core reads it (one entry per meter, emails of its account). */
    async loadAll(): Promise<StoredMeter[]> {
      const [meters, senders, accounts] = await Promise.all([
        db.meter.findMany({ orderBy: { id: 'asc' } }),
        db.senderAddress.findMany({ select: { accountId: true, address: true }, orderBy: { address: 'asc' } }),
        db.account.findMany({ select: { id: true, number: true } }),
      ]);
      const numbers = new Map(accounts.map((a) => [a.id, a.number]));
      const emails = new Map<number, string[]>();
      for (const s of senders) emails.set(s.accountId, [...(emails.get(s.accountId) ?? []), s.address]);
      return meters.map((m) => toMeter(m, numbers.get(m.accountId) ?? '', emails.get(m.accountId) ?? []));
    },

    async findAccount(number: string): Promise<AccountView | null> {
      const account = await db.account.findUnique({
        where: { number },
        include: {
          meters: { orderBy: { serial: 'asc' } },
          senders: { select: { address: true, source: true }, orderBy: { address: 'asc' } },
        },
      });
      if (!account) return null;
      const emails = account.senders.map((s) => s.address);
      return {
        id: account.id,
        number: account.number,
        meters: account.meters.map((m) => toMeter(m, account.number, emails)),
        senders: account.senders.map((s) => ({ address: s.address, source: s.source as SenderLink['source'] })),
      };
    },

    async findMeter(id: number): Promise<StoredMeter | null> {
      return (await metersWhere({ id }))[0] ?? null;
    },

    /** Meters whose serial normalises to the same key as `serial` (any account). */
    async findMetersBySerial(serial: string): Promise<StoredMeter[]> {
      return metersWhere({ serialKey: normaliseSerial(serial) });
    },

    async metersOfAccount(number: string): Promise<StoredMeter[]> {
      const account = await db.account.findUnique({ where: { number }, select: { id: true } });
      return account ? metersWhere({ accountId: account.id }) : [];
    },

    /** Account numbers linked to a sender address. */
    async accountsOfSender(address: string): Promise<string[]> {
      const rows = await db.senderAddress.findMany({
        where: { address: address.trim().toLowerCase() },
        select: { account: { select: { number: true } } },
      });
      return [...new Set(rows.map((r) => r.account.number))].sort();
    },

    async linkSender(account: string, address: string, source: SenderLink['source']): Promise<{ ok: boolean }> {
      const acc = await db.account.findUnique({ where: { number: account }, select: { id: true } });
      if (!acc) return { ok: false };
      const key = { address: address.trim().toLowerCase(), accountId: acc.id };
      await db.senderAddress.upsert({ where: { address_accountId: key }, create: { ...key, source }, update: {} });
      return { ok: true };
    },

    async applyChanges(changes: RegistryChanges): Promise<void> {
      for (const part of chunks(changes.newAccounts)) {
        await db.account.createMany({ data: part.map((number) => ({ number })) });
      }
      const needed = [...new Set([
        ...changes.createMeters.map((m) => m.account),
        ...changes.updateMeters.map((m) => m.account),
        ...changes.newAddresses.map((a) => a.account),
      ])];
      const ids = new Map<string, number>();
      for (const part of chunks(needed)) {
        for (const a of await db.account.findMany({ where: { number: { in: part } }, select: { id: true, number: true } })) {
          ids.set(a.number, a.id);
        }
      }
      const idOf = (number: string): number => {
        const id = ids.get(number);
        if (id === undefined) throw new Error(`account ${number} vanished during the import`);
        return id;
      };
      for (const part of chunks(changes.createMeters)) {
        await db.meter.createMany({ data: part.map((m) => ({ accountId: idOf(m.account), serial: m.meter, ...meterColumns(m) })) });
      }
      for (const m of changes.updateMeters) {
        await db.meter.update({ where: { accountId_serial: { accountId: idOf(m.account), serial: m.meter } }, data: meterColumns(m) });
      }
      for (const part of chunks(changes.newAddresses)) {
        await db.senderAddress.createMany({
          data: part.map((a) => ({ address: a.address, accountId: idOf(a.account), source: 'registry' })),
        });
      }
    },

    /**
     * Records a newly accepted reading as the meter's last one. A date older than the stored one
     * is refused, so the last reading never moves back in time.
     */
    async setLastReading(meterId: number, values: ZoneValues, date: string): Promise<SetLastResult> {
      const { count } = await db.meter.updateMany({
        where: { id: meterId, OR: [{ lastDate: null }, { lastDate: { lte: date } }] },
        data: { lastT1: toBigInt(values.t1), lastT2: toBigInt(values.t2), lastT3: toBigInt(values.t3), lastDate: date },
      });
      if (count === 1) return { ok: true };
      const meter = await db.meter.findUnique({ where: { id: meterId }, select: { lastDate: true } });
      return { ok: false, reason: meter ? 'older_than_stored' : 'unknown_meter', storedDate: meter?.lastDate ?? null };
    },

    /** The stored last values of these meters; with `lock`, the rows stay locked until the transaction ends (on
     *  PostgreSQL: FOR UPDATE; SQLite's writer holds the whole database already). */
    async lastValues(meterIds: readonly number[], opts: { lock?: boolean } = {}): Promise<Map<number, MeterLast>> {
      const ids = [...new Set(meterIds)];
      if (ids.length === 0) return new Map();
      const lock = opts.lock && provider === 'postgres' ? raw(' FOR UPDATE OF m') : raw('');
      const rows = await db.$queryRaw<LastRow[]>`SELECT m."id", m."lastT1", m."lastT2", m."lastT3", m."lastDate", m."serial", a."number"
        FROM "Meter" m JOIN "Account" a ON a."id" = m."accountId" WHERE m."id" IN (${join(ids)}) ORDER BY m."id"${lock}`;
      return new Map(rows.map((r) => [Number(r.id), toLast(r)]));
    },

    /** Meters whose row changed after `since` (their last values, by a clerk or another worker). */
    async changedSince(since: Date): Promise<MeterLast[]> {
      const rows = await db.meter.findMany({
        where: { updatedAt: { gt: since } }, select: { id: true, lastT1: true, lastT2: true, lastT3: true, lastDate: true, serial: true, account: { select: { number: true } } },
      });
      return rows.map((r) => toLast({ ...r, number: r.account.number }));
    },

    /** setLastReading for many meters (each once) in one statement; a meter whose stored date is later keeps its
     *  values. Returns how many meters were advanced. */
    async setLastReadings(updates: readonly { meterId: number; values: ZoneValues; date: string }[]): Promise<number> {
      return updateEach(db, {
        table: 'Meter',
        perRow: {
          lastT1: { type: 'BIGINT', value: (u) => toBigInt(u.values.t1) },
          lastT2: { type: 'BIGINT', value: (u) => toBigInt(u.values.t2) },
          lastT3: { type: 'BIGINT', value: (u) => toBigInt(u.values.t3) },
          lastDate: { type: 'TEXT', value: (u) => u.date },
        },
        shared: { updatedAt: new Date() },
        atMost: { column: 'lastDate', type: 'TEXT', value: (u) => u.date },
      }, updates.map((u) => ({ id: u.meterId, ...u })));
    },
  };
}

export type RegistryRepo = ReturnType<typeof registryRepo>;
