// Outgoing mail waiting for SMTP: queued in the same transaction as the decision that wants it, sent later
// by src/reply/send-outbox.ts. The dedupe key makes queueing idempotent: a replayed message finds its reply
// already queued (or sent) and never gets a second one.
import type { Db } from './client.js';
import { uniqueViolation } from './errors.js';

export type OutboxKind = 'accepted' | 'rejected' | 'review' | 'clerk' | 'forward';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface NewOutboxEntry {
  /** The inbound message answered, when there is one. */
  messageId: number | null;
  kind: OutboxKind;
  /** One recipient address; stored lower-case. */
  to: string;
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string | null;
  /** Unique per reply, e.g. `reply:<messageId>`: a second enqueue with it returns the first row. */
  dedupeKey: string;
  /** Queue time (createdAt, first nextAttemptAt); defaults to the database clock's now. */
  at?: Date;
}

export interface OutboxEntry extends Omit<NewOutboxEntry, 'kind' | 'at'> {
  id: number;
  kind: OutboxKind;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentMessageId: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface EnqueueResult {
  /** False when the dedupe key was already queued: `entry` is the existing row. */
  created: boolean;
  entry: OutboxEntry;
}

export interface OutboxStats {
  pending: number;
  failed: number;
  sent: number;
  /** Milliseconds since the oldest pending row was queued, or null when none is pending. */
  oldestPendingAgeMs: number | null;
}

type Row = Omit<OutboxEntry, 'kind' | 'status'> & { kind: string; status: string };

const toEntry = (row: Row): OutboxEntry => ({ ...row, kind: row.kind as OutboxKind, status: row.status as OutboxStatus });

// Errors are stored for the operator, not kept whole (an SMTP transcript can be long).
const MAX_ERROR_CHARS = 2000;

export function outboxRepo(db: Db) {
  const oldestFailingPending = async (): Promise<Date | null> => {
    const agg = await db.outbox.aggregate({ where: { status: 'pending', attempts: { gt: 0 } }, _min: { createdAt: true } });
    return agg._min.createdAt ?? null;
  };
  return {
    async enqueue(input: NewOutboxEntry): Promise<EnqueueResult> {
      // Look first: on PostgreSQL a unique violation would abort the caller's transaction.
      const existing = await db.outbox.findUnique({ where: { dedupeKey: input.dedupeKey } });
      if (existing) return { created: false, entry: toEntry(existing) };
      const { at, ...fields } = input;
      try {
        const row = await db.outbox.create({
          data: { ...fields, to: input.to.trim().toLowerCase(), ...(at ? { createdAt: at, nextAttemptAt: at } : {}) },
        });
        return { created: true, entry: toEntry(row) };
      } catch (e) {
        // Another writer queued the same key between the look and the insert (outside a transaction).
        if (!uniqueViolation(e)) throw e;
        const winner = await db.outbox.findUnique({ where: { dedupeKey: input.dedupeKey } });
        if (!winner) throw e;
        return { created: false, entry: toEntry(winner) };
      }
    },

    async get(id: number): Promise<OutboxEntry | null> {
      const row = await db.outbox.findUnique({ where: { id } });
      return row ? toEntry(row) : null;
    },

    async findByDedupeKey(dedupeKey: string): Promise<OutboxEntry | null> {
      const row = await db.outbox.findUnique({ where: { dedupeKey } });
      return row ? toEntry(row) : null;
    },

    /** Rows queued to `address` since `since`, whatever became of them: the per-sender daily cap. */
    async countRecentTo(address: string, since: Date): Promise<number> {
      return db.outbox.count({ where: { to: address.trim().toLowerCase(), createdAt: { gte: since } } });
    },

    /** The per-sender cap for many senders in one statement: lower-case address → rows since `since`. */
    async countRecentToMany(addresses: readonly string[], since: Date): Promise<Map<string, number>> {
      const to = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
      if (to.length === 0) return new Map();
      const groups = await db.outbox.groupBy({ by: ['to'], where: { to: { in: to }, createdAt: { gte: since } }, _count: { _all: true } });
      return new Map(groups.map((g) => [g.to, g._count._all]));
    },

    /** Which of these dedupe keys are queued already. */
    async existingDedupeKeys(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await db.outbox.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { dedupeKey: true } });
      return new Set(rows.map((r) => r.dedupeKey));
    },

    /** Many rows in one statement; the caller has excluded keys already queued (existingDedupeKeys). */
    async enqueueMany(inputs: readonly NewOutboxEntry[]): Promise<void> {
      if (inputs.length === 0) return;
      await db.outbox.createMany({
        data: inputs.map(({ at, ...fields }) => ({ ...fields, to: fields.to.trim().toLowerCase(), ...(at ? { createdAt: at, nextAttemptAt: at } : {}) })),
      });
    },

    /** Pending rows whose next attempt is due, oldest first. */
    async due(now: Date, limit = 50): Promise<OutboxEntry[]> {
      const rows = await db.outbox.findMany({
        where: { status: 'pending', nextAttemptAt: { lte: now } },
        orderBy: { id: 'asc' },
        take: limit,
      });
      return rows.map(toEntry);
    },

    /**
     * Takes a due row for one sending attempt by pushing its next attempt to `until`; false when it is no
     * longer due (sent, failed, or claimed by another sender). A sender that dies holding the claim leaves
     * the row to be retried once `until` has passed.
     */
    async claim(id: number, now: Date, until: Date): Promise<boolean> {
      const { count } = await db.outbox.updateMany({
        where: { id, status: 'pending', nextAttemptAt: { lte: now } },
        data: { nextAttemptAt: until },
      });
      return count === 1;
    },

    /** The server accepted the message. */
    async markSent(id: number, sentMessageId: string, at: Date): Promise<void> {
      await db.outbox.update({
        where: { id },
        data: { status: 'sent', sentMessageId, sentAt: at, lastError: null, attempts: { increment: 1 } },
      });
    },

    /** One attempt failed: retry at `nextAttemptAt`, or stop trying (`giveUp`, status failed). */
    async markAttemptFailed(id: number, error: string, nextAttemptAt: Date, giveUp: boolean): Promise<OutboxEntry> {
      const row = await db.outbox.update({
        where: { id },
        data: {
          status: giveUp ? 'failed' : 'pending', lastError: error.slice(0, MAX_ERROR_CHARS), nextAttemptAt,
          attempts: { increment: 1 },
        },
      });
      return toEntry(row);
    },

    async stats(now: Date): Promise<OutboxStats> {
      const groups = await db.outbox.groupBy({ by: ['status'], _count: { _all: true } });
      const count = (status: OutboxStatus) => groups.find((g) => g.status === status)?._count._all ?? 0;
      const oldest = await db.outbox.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } });
      return {
        pending: count('pending'), failed: count('failed'), sent: count('sent'),
        oldestPendingAgeMs: oldest ? Math.max(0, now.getTime() - oldest.createdAt.getTime()) : null,
      };
    },

    /** Counts and ages for metrics and readiness, in two statements (src/ops runs it on every scrape). */
    async health(now: Date): Promise<OutboxHealth> {
      const [groups, failing] = await Promise.all([
        db.outbox.groupBy({ by: ['status'], where: { status: { in: ['pending', 'failed'] } }, _count: { _all: true }, _min: { createdAt: true } }),
        oldestFailingPending(),
      ]);
      const pending = groups.find((g) => g.status === 'pending');
      const oldest = pending?._min.createdAt ?? null;
      return {
        pending: pending?._count._all ?? 0, failed: groups.find((g) => g.status === 'failed')?._count._all ?? 0,
        oldestPendingAgeMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : null,
        oldestFailingPending: failing,
      };
    },

    /** When the oldest pending row that has had a failed attempt (and is still retried) was queued; null when none. */
    oldestFailingPending,
  };
}

export interface OutboxHealth {
  pending: number;
  failed: number;
  oldestPendingAgeMs: number | null;
  /** Queue time of the oldest pending row whose SMTP attempts so far failed. */
  oldestFailingPending: Date | null;
}

export type OutboxRepo = ReturnType<typeof outboxRepo>;
