// Inbound messages: one row per message fetched (or read from a file), the unit of idempotency.
import type { DecisionKind } from '../domain/types.js';
import { join, raw } from '@prisma/client/runtime/client';
import type { Provider } from './providers.js';
import { updateEach } from './bulk-update.js';
import { inTransaction, type Db } from './client.js';
import { uniqueViolation } from './errors.js';
import type { DirectMessages } from './sqlite-messages.js';

export type MessageState = 'received' | 'processing' | 'decided' | 'filed' | 'failed' | 'duplicate';

export interface NewInboundMessage {
  /** IMAP folder, UIDVALIDITY and UID; omit all three for dry-run and file imports. */
  mailbox?: string | null;
  uidValidity?: bigint | number | null;
  uid?: bigint | number | null;
  messageIdHeader?: string | null;
  sha256: string;
  raw?: Uint8Array | null;
  size: number;
  receivedAt?: Date | null;
  dateHeader?: Date | null;
  fromAddress?: string | null;
  subject?: string | null;
  /** Processing attempts counted at the insert (the intake stores a message as it starts its first); default 0. */
  attempts?: number;
}

export interface StoredMessage {
  id: number;
  mailbox: string | null;
  uidValidity: bigint | null;
  uid: bigint | null;
  messageIdHeader: string | null;
  sha256: string;
  size: number;
  receivedAt: Date | null;
  dateHeader: Date | null;
  fromAddress: string | null;
  subject: string | null;
  state: MessageState;
  decision: DecisionKind | null;
  reasons: string[];
  explanation: string | null;
  outcomeFolder: string | null;
  error: string | null;
  attempts: number;
  duplicateOfId: number | null;
  decidedAt: Date | null;
  filedAt: Date | null;
  rawPurgedAt: Date | null;
  createdAt: Date;
}

export interface MessagePatch {
  state?: MessageState;
  decision?: DecisionKind | null;
  reasons?: string[];
  explanation?: string | null;
  outcomeFolder?: string | null;
  error?: string | null;
  duplicateOfId?: number | null;
  decidedAt?: Date | null;
  filedAt?: Date | null;
}

/** A message's decision as markDecidedEach records it. */
export interface DecidedPatch {
  id: number;
  decision: DecisionKind;
  reasons: string[];
  explanation: string | null;
  outcomeFolder: string;
}

/** What the duplicate check needs of a stored message. */
export type MessageCopy = Pick<StoredMessage, 'id' | 'messageIdHeader' | 'sha256' | 'outcomeFolder'>;

export type InsertMessageResult =
  | { ok: true; id: number }
  /** The same mailbox + UIDVALIDITY + UID is already stored: the message was fetched before. */
  | { ok: false; reason: 'duplicate_uid'; existingId: number | null };

const big = (v: bigint | number | null | undefined): bigint | null => (v === null || v === undefined ? null : BigInt(v));

// Keeps IN lists and multi-row inserts well under the bound-parameter limits (SQLite 32766, PostgreSQL 65535).
const CHUNK = 500;
// A multi-row insert carries every column of each row, raw bytes included: fewer rows per statement.
const INSERT_CHUNK = 50;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// The message row; its raw bytes go to MessageSource, a table of their own (see prisma/models.prisma).
function insertData(input: NewInboundMessage) {
  return {
    mailbox: input.mailbox ?? null, uidValidity: big(input.uidValidity), uid: big(input.uid), messageIdHeader: input.messageIdHeader ?? null,
    sha256: input.sha256, size: input.size, receivedAt: input.receivedAt ?? null,
    dateHeader: input.dateHeader ?? null, fromAddress: input.fromAddress ?? null, subject: input.subject ?? null,
    attempts: input.attempts ?? 0,
  };
}

const bytesOf = (raw: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(raw);

// Every column of the message row (its raw bytes are in MessageSource: getRaw, rawOf).
const columns = {
  id: true, mailbox: true, uidValidity: true, uid: true, messageIdHeader: true, sha256: true, size: true,
  receivedAt: true, dateHeader: true, fromAddress: true, subject: true, state: true, decision: true, reasons: true,
  explanation: true, outcomeFolder: true, error: true, attempts: true, duplicateOfId: true, decidedAt: true,
  filedAt: true, rawPurgedAt: true, createdAt: true,
} as const;

type Row = Omit<StoredMessage, 'state' | 'decision' | 'reasons'> & { state: string; decision: string | null; reasons: string | null };

function toMessage(row: Row): StoredMessage {
  return {
    ...row,
    state: row.state as MessageState,
    decision: row.decision as DecisionKind | null,
    reasons: row.reasons === null ? [] : (JSON.parse(row.reasons) as string[]),
  };
}

/** `direct`: the intake's own statements on SQLite (sqlite-messages.ts), used where given for the per-batch calls. */
export function messagesRepo(db: Db, direct: DirectMessages | null = null, provider: Provider = 'sqlite') {
  const repo = {
    async insert(input: NewInboundMessage): Promise<InsertMessageResult> {
      const data = insertData(input);
      try {
        const row = await db.inboundMessage.create({
          data: { ...data, ...(input.raw ? { source: { create: { raw: bytesOf(input.raw) } } } : {}) }, select: { id: true },
        });
        return { ok: true, id: row.id };
      } catch (e) {
        if (!uniqueViolation(e)) throw e;
        const { mailbox, uidValidity, uid } = data;
        const existing = mailbox !== null && uidValidity !== null && uid !== null
          ? await db.inboundMessage.findFirst({ where: { mailbox, uidValidity, uid }, select: { id: true } })
          : null;
        return { ok: false, reason: 'duplicate_uid', existingId: existing?.id ?? null };
      }
    },

    /**
     * Stores messages of one mailbox epoch and returns their rows, in the order given, each as `get` would read
     * it: multi-row inserts, no read-back. A UID already stored (another writer got there first) makes that
     * chunk fall back to one insert per message, so the stored row is returned for it.
     */
    async insertMany(inputs: readonly NewInboundMessage[]): Promise<StoredMessage[]> {
      const first = inputs[0];
      const oneEpoch = first && inputs.every((m) => m.mailbox === first.mailbox && m.uidValidity === first.uidValidity && m.uid !== null && m.uid !== undefined);
      if (direct && oneEpoch && first.mailbox && first.uidValidity !== null && first.uidValidity !== undefined) {
        direct.insert(inputs);
        const rows = new Map((await repo.findByUids(first.mailbox, first.uidValidity, inputs.map((m) => m.uid!))).map((r) => [String(r.uid), r]));
        return inputs.map((m) => rows.get(String(m.uid))!);
      }
      const out: StoredMessage[] = [];
      for (const part of chunks(inputs, INSERT_CHUNK)) {
        try {
          const stored = await inTransaction(db, async (tx) => {
            const rows = await tx.inboundMessage.createManyAndReturn({ data: part.map(insertData), select: columns });
            // RETURNING order is not promised: match the rows back by UID, or by position when there is none.
            const byUid = new Map(rows.map((r) => [String(r.uid), r]));
            const matched = part.map((input, i) => (input.uid !== null && input.uid !== undefined ? byUid.get(String(input.uid)) : rows[i])!);
            const sources = part.flatMap((input, i) => (input.raw ? [{ messageId: matched[i]!.id, raw: bytesOf(input.raw) }] : []));
            if (sources.length > 0) await tx.messageSource.createMany({ data: sources });
            return matched;
          });
          for (const row of stored) out.push(toMessage(row));
        } catch (e) {
          if (!uniqueViolation(e)) throw e;
          for (const input of part) {
            const inserted = await repo.insert(input);
            const id = inserted.ok ? inserted.id : inserted.existingId;
            const row = id === null ? null : await repo.get(id);
            if (!row) throw e;
            out.push(row);
          }
        }
      }
      return out;
    },

    async get(id: number): Promise<StoredMessage | null> {
      const row = await db.inboundMessage.findUnique({ where: { id }, select: columns });
      return row ? toMessage(row) : null;
    },

    /** The raw message, or null when unknown or purged by retention. */
    async getRaw(id: number): Promise<Uint8Array | null> {
      const row = await db.messageSource.findUnique({ where: { messageId: id }, select: { raw: true } });
      return row?.raw ?? null;
    },

    /** The raw bytes of these messages (purged ones absent). */
    async rawOf(ids: readonly number[]): Promise<Map<number, Uint8Array>> {
      const out = new Map<number, Uint8Array>();
      for (const part of chunks(ids, INSERT_CHUNK)) {
        for (const row of await db.messageSource.findMany({ where: { messageId: { in: part } } })) out.set(row.messageId, row.raw);
      }
      return out;
    },

    /**
     * The shared intake's claim: up to `limit` unfiled messages of the mailbox epoch, oldest first, that no other
     * worker holds (never claimed, or its claim ran out), now held by `holder` until `until`. On PostgreSQL the rows
     * being claimed by another worker at the same moment are skipped (FOR UPDATE SKIP LOCKED), so two workers never
     * take the same message; SQLite has one writer at a time.
     */
    async claim(mailbox: string, uidValidity: bigint, holder: string, limit: number, until: Date, now: Date): Promise<{ id: number; uid: number }[]> {
      const skipLocked = provider === 'postgres' ? raw(' FOR UPDATE SKIP LOCKED') : raw('');
      const rows = await db.$queryRaw<{ id: number; uid: bigint }[]>`UPDATE "InboundMessage" SET "claimedBy" = ${holder}, "claimedUntil" = ${until}
        WHERE "id" IN (SELECT "id" FROM "InboundMessage"
          WHERE "mailbox" = ${mailbox} AND "uidValidity" = ${uidValidity} AND "filedAt" IS NULL AND "uid" IS NOT NULL
            AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
          ORDER BY "id" LIMIT ${limit}${skipLocked})
        RETURNING "id", "uid"`;
      return rows.map((r) => ({ id: Number(r.id), uid: Number(r.uid) })).sort((a, b) => a.id - b.id);
    },

    async findByUid(mailbox: string, uidValidity: bigint | number, uid: bigint | number): Promise<StoredMessage | null> {
      const row = await db.inboundMessage.findFirst({ where: { mailbox, uidValidity: BigInt(uidValidity), uid: BigInt(uid) }, select: columns });
      return row ? toMessage(row) : null;
    },

    /** The stored messages among these UIDs of a mailbox epoch. */
    async findByUids(mailbox: string, uidValidity: bigint | number, uids: readonly (bigint | number)[]): Promise<StoredMessage[]> {
      if (direct) return direct.findByUids(mailbox, uidValidity, uids);
      const out: StoredMessage[] = [];
      for (const part of chunks(uids.map((u) => BigInt(u)))) {
        const rows = await db.inboundMessage.findMany({ where: { mailbox, uidValidity: BigInt(uidValidity), uid: { in: part } }, select: columns });
        out.push(...rows.map(toMessage));
      }
      return out;
    },

    /** The earliest other message with the same content (same Message-ID header, or none, and same bytes). */
    async findEarlierCopy(id: number, messageIdHeader: string | null, sha256: string): Promise<StoredMessage | null> {
      const row = await db.inboundMessage.findFirst({
        where: { messageIdHeader, sha256, id: { lt: id } },
        orderBy: { id: 'asc' },
        select: columns,
      });
      return row ? toMessage(row) : null;
    },

    /** Every message, of any mailbox, whose bytes hash to one of these (the duplicate check of a batch), oldest first. */
    async findBySha256(sha256s: readonly string[]): Promise<MessageCopy[]> {
      if (direct) return direct.findBySha256(sha256s);
      const out: MessageCopy[] = [];
      for (const part of chunks([...new Set(sha256s)])) {
        out.push(...await db.inboundMessage.findMany({
          where: { sha256: { in: part } }, orderBy: { id: 'asc' },
          select: { id: true, messageIdHeader: true, sha256: true, outcomeFolder: true },
        }));
      }
      return out.sort((a, b) => a.id - b.id);
    },

    async update(id: number, patch: MessagePatch): Promise<void> {
      const { reasons, ...rest } = patch;
      await db.inboundMessage.update({
        where: { id },
        data: { ...rest, ...(reasons !== undefined ? { reasons: JSON.stringify(reasons) } : {}) },
        // Prisma returns the whole row otherwise: the raw bytes too.
        select: { id: true },
      });
    },

    /** The same patch to many messages in one statement. */
    async updateMany(ids: readonly number[], patch: MessagePatch): Promise<void> {
      if (ids.length === 0) return;
      const { reasons, ...rest } = patch;
      await db.inboundMessage.updateMany({
        where: { id: { in: [...ids] } },
        data: { ...rest, ...(reasons !== undefined ? { reasons: JSON.stringify(reasons) } : {}) },
      });
    },

    /** Each message decided with its own outcome, in one statement (the intake's batch of decisions). */
    async markDecidedEach(rows: readonly DecidedPatch[], decidedAt: Date): Promise<void> {
      await updateEach(db, {
        table: 'InboundMessage',
        perRow: {
          decision: { type: 'TEXT', value: (r) => r.decision },
          reasons: { type: 'TEXT', value: (r) => JSON.stringify(r.reasons) },
          explanation: { type: 'TEXT', value: (r) => r.explanation },
          outcomeFolder: { type: 'TEXT', value: (r) => r.outcomeFolder },
        },
        shared: { state: 'decided', decidedAt, error: null, updatedAt: new Date() },
      }, rows);
    },

    /** Counts a processing attempt and returns the new count. */
    async countAttempt(id: number): Promise<number> {
      const row = await db.inboundMessage.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
      return row.attempts;
    },

    /** Counts a processing attempt of each of these messages. */
    async countAttempts(ids: readonly number[]): Promise<void> {
      if (direct) return direct.countAttempts(ids);
      for (const part of chunks(ids)) {
        await db.inboundMessage.updateMany({ where: { id: { in: part } }, data: { attempts: { increment: 1 } } });
      }
    },

    /** Records that these messages were moved to their outcome folder: filedAt set once, a decided one becomes filed. */
    async markFiled(ids: readonly number[], at: Date): Promise<void> {
      if (direct) return direct.markFiled(ids, at);
      for (const part of chunks(ids)) {
        // One statement (one commit): a decided message becomes filed, a failed or duplicate one keeps its state.
        await db.$executeRaw`UPDATE "InboundMessage" SET "filedAt" = ${at}, "updatedAt" = ${new Date()},
          "state" = CASE WHEN "state" = 'decided' THEN 'filed' ELSE "state" END
          WHERE "filedAt" IS NULL AND "id" IN (${join(part)})`;
      }
    },

    /** Messages of a mailbox epoch that were decided (or failed, or found duplicate) but not yet moved. */
    async listUnfiled(mailbox: string, uidValidity: bigint): Promise<StoredMessage[]> {
      const rows = await db.inboundMessage.findMany({
        where: { mailbox, uidValidity, filedAt: null, state: { in: ['decided', 'failed', 'duplicate'] } },
        orderBy: { id: 'asc' }, select: columns,
      });
      return rows.map(toMessage);
    },

    async listByState(state: MessageState, limit = 100): Promise<StoredMessage[]> {
      const rows = await db.inboundMessage.findMany({ where: { state }, orderBy: { id: 'asc' }, take: limit, select: columns });
      return rows.map(toMessage);
    },
  };
  return repo;
}

export type MessagesRepo = ReturnType<typeof messagesRepo>;
