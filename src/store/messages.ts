// Inbound messages: one row per message fetched (or read from a file), the unit of idempotency.
import type { DecisionKind } from '../domain/types.js';
import type { Db } from './client.js';
import { uniqueViolation } from './errors.js';

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

export type InsertMessageResult =
  | { ok: true; id: number }
  /** The same mailbox + UIDVALIDITY + UID is already stored: the message was fetched before. */
  | { ok: false; reason: 'duplicate_uid'; existingId: number | null };

const big = (v: bigint | number | null | undefined): bigint | null => (v === null || v === undefined ? null : BigInt(v));

// Every column but the raw bytes, which only getRaw reads.
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

export function messagesRepo(db: Db) {
  return {
    async insert(input: NewInboundMessage): Promise<InsertMessageResult> {
      const mailbox = input.mailbox ?? null;
      const uidValidity = big(input.uidValidity);
      const uid = big(input.uid);
      try {
        const row = await db.inboundMessage.create({
          data: {
            mailbox, uidValidity, uid, messageIdHeader: input.messageIdHeader ?? null, sha256: input.sha256,
            raw: input.raw ? new Uint8Array(input.raw) : null, size: input.size, receivedAt: input.receivedAt ?? null, dateHeader: input.dateHeader ?? null,
            fromAddress: input.fromAddress ?? null, subject: input.subject ?? null,
          },
          select: { id: true },
        });
        return { ok: true, id: row.id };
      } catch (e) {
        if (!uniqueViolation(e)) throw e;
        const existing = mailbox !== null && uidValidity !== null && uid !== null
          ? await db.inboundMessage.findFirst({ where: { mailbox, uidValidity, uid }, select: { id: true } })
          : null;
        return { ok: false, reason: 'duplicate_uid', existingId: existing?.id ?? null };
      }
    },

    async get(id: number): Promise<StoredMessage | null> {
      const row = await db.inboundMessage.findUnique({ where: { id }, select: columns });
      return row ? toMessage(row) : null;
    },

    /** The raw message, or null when unknown or purged by retention. */
    async getRaw(id: number): Promise<Uint8Array | null> {
      const row = await db.inboundMessage.findUnique({ where: { id }, select: { raw: true } });
      return row?.raw ?? null;
    },

    async findByUid(mailbox: string, uidValidity: bigint | number, uid: bigint | number): Promise<StoredMessage | null> {
      const row = await db.inboundMessage.findFirst({ where: { mailbox, uidValidity: BigInt(uidValidity), uid: BigInt(uid) }, select: columns });
      return row ? toMessage(row) : null;
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

    async update(id: number, patch: MessagePatch): Promise<void> {
      const { reasons, ...rest } = patch;
      await db.inboundMessage.update({
        where: { id },
        data: { ...rest, ...(reasons !== undefined ? { reasons: JSON.stringify(reasons) } : {}) },
      });
    },

    /** Counts a processing attempt and returns the new count. */
    async countAttempt(id: number): Promise<number> {
      const row = await db.inboundMessage.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
      return row.attempts;
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
}

export type MessagesRepo = ReturnType<typeof messagesRepo>;
