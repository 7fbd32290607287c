// Review items: one per message a clerk must look at — the clerk UI's queue, its locks and resolutions.
import type { Db } from './client.js';
import { reviewQueueQueries } from './review-queue.js';

export interface ReviewItem {
  id: number;
  messageId: number;
  status: 'open' | 'resolved';
  reasons: string[];
  lockedBy: string | null;
  lockedUntil: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

/** A queue row: the item with what the list shows of its message. */
export interface QueueRow extends ReviewItem {
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date | null;
}

export interface QueueFilter {
  /** Items having at least one of these reason codes. */
  reasonsAny?: readonly string[];
  /** Opened before / after these instants. */
  createdBefore?: Date;
  createdAfter?: Date;
  /** Sender address or subject containing it, or an account / meter (prefix) among the decision's readings. */
  search?: string;
}

export type LockResult = { ok: true; until: Date } | { ok: false; holder: string | null; until: Date | null; resolved: boolean };

type Row = Omit<ReviewItem, 'status' | 'reasons'> & { status: string; reasons: string };
const toItem = (r: Row): ReviewItem => ({ ...r, status: r.status as ReviewItem['status'], reasons: JSON.parse(r.reasons) as string[] });
const columns = {
  id: true, messageId: true, status: true, reasons: true, lockedBy: true, lockedUntil: true, resolvedBy: true,
  resolvedAt: true, createdAt: true,
} as const;

export function reviewRepo(db: Db) {
  const queue = reviewQueueQueries(db);
  return {
    // The queue's reads (plain SQL) and its search keys.
    ...queue,

    /** Opens the review item of a message; a replay returns the existing one (one item per message). */
    async open(messageId: number, reasons: string[]): Promise<{ id: number; created: boolean }> {
      const existing = await db.reviewItem.findUnique({ where: { messageId }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
      const row = await db.reviewItem.create({ data: { messageId, reasons: JSON.stringify(reasons) }, select: { id: true } });
      return { id: row.id, created: true };
    },

    /** Opens the items of many messages in two statements; messages that have one keep it (replays). */
    async openMany(items: readonly { messageId: number; reasons: string[] }[]): Promise<void> {
      if (items.length === 0) return;
      const existing = await db.reviewItem.findMany({ where: { messageId: { in: items.map((i) => i.messageId) } }, select: { messageId: true } });
      const have = new Set(existing.map((e) => e.messageId));
      const fresh = items.filter((i) => !have.has(i.messageId));
      if (fresh.length > 0) await db.reviewItem.createMany({ data: fresh.map((i) => ({ messageId: i.messageId, reasons: JSON.stringify(i.reasons) })) });
    },

    async ofMessage(messageId: number): Promise<ReviewItem | null> {
      const row = await db.reviewItem.findUnique({ where: { messageId }, select: columns });
      return row ? toItem(row) : null;
    },

    async get(id: number): Promise<ReviewItem | null> {
      const row = await db.reviewItem.findUnique({ where: { id }, select: columns });
      return row ? toItem(row) : null;
    },

    async countOpen(): Promise<number> {
      return db.reviewItem.count({ where: { status: 'open' } });
    },

    /** Open items and when the oldest was opened, in one statement (src/ops metrics). */
    async openDepth(): Promise<{ open: number; oldest: Date | null }> {
      const agg = await db.reviewItem.aggregate({ where: { status: 'open' }, _count: { _all: true }, _min: { createdAt: true } });
      return { open: agg._count._all, oldest: agg._min.createdAt ?? null };
    },

    /** The oldest open item other than `exceptId` that nobody else holds. */
    async nextOpen(login: string, now: Date, exceptId: number | null): Promise<number | null> {
      const row = await db.reviewItem.findFirst({
        where: {
          status: 'open', ...(exceptId !== null ? { id: { not: exceptId } } : {}),
          OR: [{ lockedBy: null }, { lockedBy: login }, { lockedUntil: { lt: now } }],
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true },
      });
      return row?.id ?? null;
    },

    /** Takes or renews the item's lock for `login` until `until`; refused while another clerk's lock is valid. */
    async lock(id: number, login: string, now: Date, until: Date): Promise<LockResult> {
      if (await queue.tryLock(id, login, now, until)) return { ok: true, until };
      const row = await db.reviewItem.findUnique({ where: { id }, select: { lockedBy: true, lockedUntil: true, status: true } });
      return { ok: false, holder: row?.lockedBy ?? null, until: row?.lockedUntil ?? null, resolved: row?.status === 'resolved' };
    },

    async unlock(id: number, login: string): Promise<void> {
      await db.reviewItem.updateMany({ where: { id, lockedBy: login }, data: { lockedBy: null, lockedUntil: null } });
    },

    /** Resolves an open item held by `login`; false when it is not (resolved already, or the lock was lost). */
    async resolve(id: number, login: string, now: Date, resolution: unknown): Promise<boolean> {
      const { count } = await db.reviewItem.updateMany({
        where: { id, status: 'open', lockedBy: login, lockedUntil: { gte: now } },
        data: { status: 'resolved', resolvedBy: login, resolvedAt: now, resolution: JSON.stringify(resolution), lockedBy: null, lockedUntil: null },
      });
      return count === 1;
    },

    async resolutionOf(id: number): Promise<unknown> {
      const row = await db.reviewItem.findUnique({ where: { id }, select: { resolution: true } });
      return row?.resolution ? JSON.parse(row.resolution) : null;
    },
  };
}

export type ReviewRepo = ReturnType<typeof reviewRepo>;
