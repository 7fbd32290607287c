// Readings recorded from messages (text or photo) or entered by a clerk.
import type { ReadingSource, ZoneValues } from '../domain/types.js';
import { updateEach } from './bulk-update.js';
import type { Db } from './client.js';
import { uniqueViolation } from './errors.js';
import { toBigInt, toNumber } from './registry.js';

export type ReadingStatus = 'effective' | 'superseded';

export interface NewReading extends ZoneValues {
  messageId: number | null;
  meterId: number;
  accountNumber: string;
  meterSerial: string;
  source: ReadingSource;
  /** YYYY-MM */
  period: string;
  /** "intake" or a clerk's login */
  createdBy: string;
}

export interface StoredReading extends NewReading {
  id: number;
  status: ReadingStatus;
  supersededById: number | null;
  createdAt: Date;
}

export type InsertReadingResult =
  | { ok: true; id: number }
  /** This message already stored a reading of this meter (a replay). */
  | { ok: false; reason: 'duplicate'; existingId: number | null };

type Row = Omit<StoredReading, 'source' | 'status' | 't1' | 't2' | 't3'> & {
  source: string; status: string; t1: bigint | null; t2: bigint | null; t3: bigint | null;
};

const toReading = (r: Row): StoredReading => ({
  ...r, t1: toNumber(r.t1), t2: toNumber(r.t2), t3: toNumber(r.t3),
  source: r.source as ReadingSource, status: r.status as ReadingStatus,
});

export function readingsRepo(db: Db) {
  return {
    async insert(input: NewReading): Promise<InsertReadingResult> {
      try {
        const row = await db.reading.create({
          data: { ...input, t1: toBigInt(input.t1), t2: toBigInt(input.t2), t3: toBigInt(input.t3) },
          select: { id: true },
        });
        return { ok: true, id: row.id };
      } catch (e) {
        if (!uniqueViolation(e)) throw e;
        const existing = input.messageId === null ? null
          : await db.reading.findFirst({ where: { messageId: input.messageId, meterId: input.meterId }, select: { id: true } });
        return { ok: false, reason: 'duplicate', existingId: existing?.id ?? null };
      }
    },

    /** Many readings in one statement; the caller has checked that none of them is a replay (see ofMessages). */
    async insertMany(inputs: readonly NewReading[]): Promise<void> {
      if (inputs.length === 0) return;
      await db.reading.createMany({
        data: inputs.map((input) => ({ ...input, t1: toBigInt(input.t1), t2: toBigInt(input.t2), t3: toBigInt(input.t3) })),
      });
    },

    /** Which (message, meter) pairs already have a reading, and its id. */
    async ofMessages(messageIds: readonly number[]): Promise<{ id: number; messageId: number; meterId: number }[]> {
      if (messageIds.length === 0) return [];
      const rows = await db.reading.findMany({ where: { messageId: { in: [...messageIds] } }, select: { id: true, messageId: true, meterId: true } });
      return rows.map((r) => ({ id: r.id, messageId: r.messageId!, meterId: r.meterId }));
    },

    /** Effective readings of any of these meters in any of these periods, oldest first. */
    async effectiveOf(meterIds: readonly number[], periods: readonly string[]): Promise<{ id: number; meterId: number; period: string }[]> {
      if (meterIds.length === 0) return [];
      return db.reading.findMany({
        where: { meterId: { in: [...new Set(meterIds)] }, period: { in: [...new Set(periods)] }, status: 'effective' },
        select: { id: true, meterId: true, period: true }, orderBy: { id: 'asc' },
      });
    },

    /** Each reading `id` superseded by its own `by`, in one statement. */
    async supersedeEach(pairs: readonly { id: number; by: number }[]): Promise<void> {
      await updateEach(db, {
        table: 'Reading', perRow: { supersededById: { type: 'INTEGER', value: (p) => p.by } }, shared: { status: 'superseded' },
      }, pairs);
    },

    async supersedeMany(oldIds: readonly number[], newId: number): Promise<void> {
      if (oldIds.length === 0) return;
      await db.reading.updateMany({ where: { id: { in: [...oldIds] } }, data: { status: 'superseded', supersededById: newId } });
    },

    async ofMessage(messageId: number): Promise<StoredReading[]> {
      return (await db.reading.findMany({ where: { messageId }, orderBy: { id: 'asc' } })).map(toReading);
    },

    /** Effective readings of a meter for a period, oldest first. */
    async effective(meterId: number, period: string): Promise<StoredReading[]> {
      return (await db.reading.findMany({ where: { meterId, period, status: 'effective' }, orderBy: { id: 'asc' } })).map(toReading);
    },

    /** Effective readings (optionally of one period, or only those after a cursor id), oldest first, with the
     *  Message-ID header of the message each came from. */
    async listEffective(filter: { period?: string; afterId?: number } = {}): Promise<(StoredReading & { messageIdHeader: string | null })[]> {
      const rows = await db.reading.findMany({
        where: {
          status: 'effective',
          ...(filter.period ? { period: filter.period } : {}),
          ...(filter.afterId !== undefined ? { id: { gt: filter.afterId } } : {}),
        },
        include: { message: { select: { messageIdHeader: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map(({ message, ...r }) => ({ ...toReading(r), messageIdHeader: message?.messageIdHeader ?? null }));
    },

    /** The highest reading id, the cursor an export records. */
    async maxId(): Promise<number | null> {
      const row = await db.reading.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
      return row?.id ?? null;
    },

    async lastExport(): Promise<{ id: number; at: Date; upToReadingId: number | null } | null> {
      return db.readingExport.findFirst({ orderBy: { id: 'desc' }, select: { id: true, at: true, upToReadingId: true } });
    },

    async recordExport(e: { actor: string; format: string; period: string | null; sinceLast: boolean; count: number; upToReadingId: number | null }): Promise<number> {
      return (await db.readingExport.create({ data: e, select: { id: true } })).id;
    },

    /** Marks `oldId` as replaced by `newId` (a correction for the same meter and period). */
    async supersede(oldId: number, newId: number): Promise<void> {
      await db.reading.update({ where: { id: oldId }, data: { status: 'superseded', supersededById: newId } });
    },
  };
}

export type ReadingsRepo = ReturnType<typeof readingsRepo>;
