// Review items: one per message a clerk must look at — the clerk UI's queue, its locks and resolutions.
import type { Db } from './client.js';

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

// Reason codes are stored as a JSON array of strings: '"code"' matches exactly one code.
const quoted = (code: string): string => JSON.stringify(code);
const SEARCH_LIMIT = 2000;

export function reviewRepo(db: Db) {
  async function where(filter: QueueFilter) {
    const and: object[] = [{ status: 'open' }];
    if (filter.reasonsAny && filter.reasonsAny.length > 0) {
      and.push({ OR: filter.reasonsAny.map((r) => ({ reasons: { contains: quoted(r) } })) });
    }
    if (filter.createdBefore) and.push({ createdAt: { lt: filter.createdBefore } });
    if (filter.createdAfter) and.push({ createdAt: { gte: filter.createdAfter } });
    const q = filter.search?.trim();
    if (q) {
      // Account and meter live in the decision's audit entry (the readings the clerk starts from).
      const decided = await db.auditLog.findMany({
        where: { entity: 'message', action: 'decide', OR: [{ after: { contains: `"account":"${q}` } }, { after: { contains: `"meter":"${q}` } }] },
        select: { entityId: true }, take: SEARCH_LIMIT, orderBy: { id: 'desc' },
      });
      const ids = decided.map((d) => Number(d.entityId)).filter(Number.isInteger);
      and.push({ OR: [
        { message: { fromAddress: { contains: q.toLowerCase() } } },
        { message: { subject: { contains: q } } },
        ...(ids.length > 0 ? [{ messageId: { in: ids } }] : []),
      ] });
    }
    return { AND: and };
  }

  return {
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

    /** Open items matching the filter, oldest first, and how many match in all. */
    async listOpen(filter: QueueFilter, page: { offset: number; limit: number }): Promise<{ rows: QueueRow[]; total: number }> {
      const w = await where(filter);
      const [rows, total] = await Promise.all([
        db.reviewItem.findMany({
          where: w, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit,
          select: { ...columns, message: { select: { fromAddress: true, subject: true, receivedAt: true } } },
        }),
        db.reviewItem.count({ where: w }),
      ]);
      return { rows: rows.map(({ message, ...r }) => ({ ...toItem(r), ...message })), total };
    },

    /** Open items and when the oldest was opened, in one statement (src/ops metrics). */
    async openDepth(): Promise<{ open: number; oldest: Date | null }> {
      const agg = await db.reviewItem.aggregate({ where: { status: 'open' }, _count: { _all: true }, _min: { createdAt: true } });
      return { open: agg._count._all, oldest: agg._min.createdAt ?? null };
    },

    /** Open items per reason code (an item with two reasons counts for both), and the oldest open item's age. */
    async openStats(): Promise<{ byReason: Record<string, number>; oldest: Date | null }> {
      const [groups, oldest] = await Promise.all([
        db.reviewItem.groupBy({ by: ['reasons'], where: { status: 'open' }, _count: { _all: true } }),
        db.reviewItem.findFirst({ where: { status: 'open' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
      ]);
      const byReason: Record<string, number> = {};
      for (const g of groups) {
        for (const code of JSON.parse(g.reasons) as string[]) byReason[code] = (byReason[code] ?? 0) + g._count._all;
      }
      return { byReason, oldest: oldest?.createdAt ?? null };
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
      const { count } = await db.reviewItem.updateMany({
        where: { id, status: 'open', OR: [{ lockedBy: null }, { lockedBy: login }, { lockedUntil: { lt: now } }] },
        data: { lockedBy: login, lockedUntil: until },
      });
      if (count === 1) return { ok: true, until };
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
