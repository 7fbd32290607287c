// The clerk queue's reads over many open items, as plain SQL (portable between SQLite and PostgreSQL): with
// 10,000 open items the ORM's per-query overhead, not the database, dominated the queue page. Also keeps
// ReviewItem.searchText filled — the sender, subject, accounts and meters the queue's search matches.
import { join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';
import type { MeterKind } from '../domain/types.js';
import type { AccountView, SenderLink } from './registry.js';
import type { QueueFilter, QueueRow, ReviewItem } from './review.js';
import type { AuditRecord } from './audit.js';

type RawRow = {
  id: number | bigint; messageId: number | bigint; status: string; reasons: string; lockedBy: string | null;
  lockedUntil: Date | string | null; resolvedBy: string | null; resolvedAt: Date | string | null; createdAt: Date | string;
  fromAddress: string | null; subject: string | null; receivedAt: Date | string | null;
};

const date = (v: Date | string | number | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(f: QueueFilter): Sql {
  const parts: Sql[] = [sql`r."status" = 'open'`];
  if (f.reasonsAny && f.reasonsAny.length > 0) {
    parts.push(sql`(${join(f.reasonsAny.map((c) => sql`r."reasons" LIKE ${`%${escapeLike(JSON.stringify(c))}%`} ESCAPE '\\'`), ' OR ')})`);
  }
  if (f.createdBefore) parts.push(sql`r."createdAt" < ${f.createdBefore}`);
  if (f.createdAfter) parts.push(sql`r."createdAt" >= ${f.createdAfter}`);
  const q = f.search?.trim().toLowerCase();
  if (q) parts.push(sql`r."searchText" LIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'`);
  return join(parts, ' AND ');
}

/** What the item page shows of the message (every column but the raw bytes it parses separately). */
export interface ItemMessage {
  id: number;
  messageIdHeader: string | null;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date | null;
  dateHeader: Date | null;
  createdAt: Date;
  state: string;
  outcomeFolder: string | null;
}

/** An audit entry as the item page's history shows it. */
export type HistoryEntry = AuditRecord;

export interface MissingSearchText {
  id: number;
  fromAddress: string | null;
  subject: string | null;
  /** The `after` of the message's latest decision audit entry. */
  decision: unknown;
}

/** Part of the review repository (review.ts). */
export function reviewQueueQueries(db: Db) {
  return {
    /** Open items matching the filter, oldest first, and how many match in all (counted unless the caller knows). */
    async listOpen(filter: QueueFilter, page: { offset: number; limit: number }, knownTotal?: number): Promise<{ rows: QueueRow[]; total: number }> {
      const where = conditions(filter);
      const [rows, count] = await Promise.all([
        db.$queryRaw<RawRow[]>(sql`SELECT r."id", r."messageId", r."status", r."reasons", r."lockedBy", r."lockedUntil", r."resolvedBy",
          r."resolvedAt", r."createdAt", m."fromAddress", m."subject", m."receivedAt"
          FROM "ReviewItem" r JOIN "InboundMessage" m ON m."id" = r."messageId"
          WHERE ${where} ORDER BY r."createdAt", r."id" LIMIT ${page.limit} OFFSET ${page.offset}`),
        knownTotal !== undefined ? [{ n: knownTotal }] : db.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS "n" FROM "ReviewItem" r WHERE ${where}`),
      ]);
      return {
        total: Number(count[0]?.n ?? 0),
        rows: rows.map((r) => ({
          id: Number(r.id), messageId: Number(r.messageId), status: r.status as ReviewItem['status'], reasons: JSON.parse(r.reasons) as string[],
          lockedBy: r.lockedBy, lockedUntil: date(r.lockedUntil), resolvedBy: r.resolvedBy, resolvedAt: date(r.resolvedAt),
          createdAt: date(r.createdAt)!, fromAddress: r.fromAddress, subject: r.subject, receivedAt: date(r.receivedAt),
        })),
      };
    },

    /** Open items in all and per reason code (an item with two reasons counts for both), and the oldest one's time. */
    async openStats(): Promise<{ open: number; byReason: Record<string, number>; oldest: Date | null }> {
      const groups = await db.$queryRaw<{ reasons: string; n: number | bigint; oldest: Date | string | null }[]>(
        sql`SELECT r."reasons", COUNT(*) AS "n", MIN(r."createdAt") AS "oldest" FROM "ReviewItem" r WHERE r."status" = 'open' GROUP BY r."reasons"`);
      const byReason: Record<string, number> = {};
      let open = 0;
      let oldest: Date | null = null;
      for (const g of groups) {
        const n = Number(g.n);
        open += n;
        const at = date(g.oldest);
        if (at && (!oldest || at < oldest)) oldest = at;
        for (const code of JSON.parse(g.reasons) as string[]) byReason[code] = (byReason[code] ?? 0) + n;
      }
      return { open, byReason, oldest };
    },

    /** One item with what its page shows of the message, in one statement. */
    async itemWithMessage(id: number): Promise<{ item: ReviewItem; message: ItemMessage } | null> {
      const [r] = await db.$queryRaw<(RawRow & { mid: number | bigint; messageIdHeader: string | null; dateHeader: Date | string | null; mcreatedAt: Date | string; state: string; outcomeFolder: string | null })[]>(
        sql`SELECT r."id", r."messageId", r."status", r."reasons", r."lockedBy", r."lockedUntil", r."resolvedBy", r."resolvedAt", r."createdAt",
          m."id" AS "mid", m."messageIdHeader", m."fromAddress", m."subject", m."receivedAt", m."dateHeader", m."createdAt" AS "mcreatedAt",
          m."state", m."outcomeFolder"
          FROM "ReviewItem" r JOIN "InboundMessage" m ON m."id" = r."messageId" WHERE r."id" = ${id}`);
      if (!r) return null;
      return {
        item: {
          id: Number(r.id), messageId: Number(r.messageId), status: r.status as ReviewItem['status'], reasons: JSON.parse(r.reasons) as string[],
          lockedBy: r.lockedBy, lockedUntil: date(r.lockedUntil), resolvedBy: r.resolvedBy, resolvedAt: date(r.resolvedAt), createdAt: date(r.createdAt)!,
        },
        message: {
          id: Number(r.mid), messageIdHeader: r.messageIdHeader, fromAddress: r.fromAddress, subject: r.subject, receivedAt: date(r.receivedAt),
          dateHeader: date(r.dateHeader), createdAt: date(r.mcreatedAt)!, state: r.state, outcomeFolder: r.outcomeFolder,
        },
      };
    },

    /** The audit entries of an item and of its message, newest first. */
    async historyOf(itemId: number, messageId: number, limit = 120): Promise<HistoryEntry[]> {
      const rows = await db.$queryRaw<{ id: number | bigint; at: Date | string; actor: string; action: string; entity: string; entityId: string | null; before: string | null; after: string | null }[]>(
        sql`SELECT "id", "at", "actor", "action", "entity", "entityId", "before", "after" FROM "AuditLog"
            WHERE ("entity" = 'review' AND "entityId" = ${String(itemId)}) OR ("entity" = 'message' AND "entityId" = ${String(messageId)})
            ORDER BY "id" DESC LIMIT ${limit}`);
      return rows.map((e) => ({
        id: Number(e.id), at: date(e.at)!, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId,
        before: e.before === null ? null : JSON.parse(e.before), after: e.after === null ? null : JSON.parse(e.after),
      }));
    },

    /** A message's raw bytes for display (plain SQL: the ORM moves Bytes several times slower); null when purged. */
    async rawOf(messageId: number): Promise<Buffer | null> {
      const [row] = await db.$queryRaw<{ raw: Uint8Array | Buffer | null }[]>(sql`SELECT "raw" FROM "MessageSource" WHERE "messageId" = ${messageId}`);
      if (!row || row.raw === null) return null;
      return Buffer.isBuffer(row.raw) ? row.raw : Buffer.from(row.raw.buffer, row.raw.byteOffset, row.raw.byteLength);
    },

    /** Takes or renews the item's lock for `login` until `until`, unless another clerk's lock is still valid. */
    async tryLock(id: number, login: string, now: Date, until: Date): Promise<boolean> {
      const n = await db.$executeRaw(sql`UPDATE "ReviewItem" SET "lockedBy" = ${login}, "lockedUntil" = ${until}
        WHERE "id" = ${id} AND "status" = 'open' AND ("lockedBy" IS NULL OR "lockedBy" = ${login} OR "lockedUntil" < ${now})`);
      return n === 1;
    },

    /** Accounts linked to a sender address (what the decision core also uses). */
    async accountsOfAddress(address: string): Promise<string[]> {
      const rows = await db.$queryRaw<{ number: string }[]>(sql`SELECT DISTINCT a."number" FROM "SenderAddress" s JOIN "Account" a ON a."id" = s."accountId"
        WHERE s."address" = ${address.trim().toLowerCase()} ORDER BY a."number"`);
      return rows.map((r) => r.number);
    },

    /** The registry records the item page shows: accounts with their meters (by serial) and linked addresses. */
    async accountsView(numbers: readonly string[]): Promise<AccountView[]> {
      if (numbers.length === 0) return [];
      const list = join(numbers.map((n) => sql`${n}`));
      const [meters, senders] = await Promise.all([
        db.$queryRaw<{ accountId: number | bigint; number: string; id: number | bigint | null; serial: string | null; serialKey: string | null; kind: string | null;
          zones: number | bigint | null; digits: number | bigint | null; lastT1: number | bigint | null; lastT2: number | bigint | null; lastT3: number | bigint | null; lastDate: string | null }[]>(
          sql`SELECT a."id" AS "accountId", a."number", m."id", m."serial", m."serialKey", m."kind", m."zones", m."digits", m."lastT1", m."lastT2", m."lastT3", m."lastDate"
              FROM "Account" a LEFT JOIN "Meter" m ON m."accountId" = a."id" WHERE a."number" IN (${list}) ORDER BY a."number", m."serial"`),
        db.$queryRaw<{ number: string; address: string; source: string }[]>(
          sql`SELECT a."number", s."address", s."source" FROM "SenderAddress" s JOIN "Account" a ON a."id" = s."accountId"
              WHERE a."number" IN (${list}) ORDER BY s."address"`),
      ]);
      const num = (v: number | bigint | null): number | null => (v === null ? null : Number(v));
      const out = new Map<string, AccountView>();
      for (const r of meters) {
        let account = out.get(r.number);
        if (!account) {
          const links = senders.filter((s) => s.number === r.number);
          account = { id: Number(r.accountId), number: r.number, meters: [], senders: links.map((s) => ({ address: s.address, source: s.source as SenderLink['source'] })) };
          out.set(r.number, account);
        }
        if (r.id === null) continue;
        account.meters.push({
          id: Number(r.id), accountId: Number(r.accountId), serialKey: r.serialKey!, account: r.number, meter: r.serial!, kind: r.kind as MeterKind,
          zones: Number(r.zones) as 1 | 2 | 3, digits: Number(r.digits), last: { t1: num(r.lastT1), t2: num(r.lastT2), t3: num(r.lastT3) }, lastDate: r.lastDate,
          emails: account.senders.map((s) => s.address),
        });
      }
      return numbers.flatMap((n) => (out.has(n) ? [out.get(n)!] : []));
    },

    /** Open items whose searchText is not filled yet, with what it is made of. */
    async missingSearchText(limit: number): Promise<MissingSearchText[]> {
      const rows = await db.$queryRaw<{ id: number | bigint; messageId: number | bigint; fromAddress: string | null; subject: string | null }[]>(
        sql`SELECT r."id", r."messageId", m."fromAddress", m."subject" FROM "ReviewItem" r JOIN "InboundMessage" m ON m."id" = r."messageId"
            WHERE r."status" = 'open' AND r."searchText" IS NULL LIMIT ${limit}`);
      if (rows.length === 0) return [];
      const decided = await db.$queryRaw<{ entityId: string; after: string | null }[]>(
        sql`SELECT "entityId", "after" FROM "AuditLog" WHERE "entity" = 'message' AND "action" = 'decide'
            AND "entityId" IN (${join(rows.map((r) => String(r.messageId)))}) ORDER BY "id"`);
      const latest = new Map(decided.map((d) => [d.entityId, d.after]));
      return rows.map((r) => {
        const after = latest.get(String(r.messageId)) ?? null;
        return { id: Number(r.id), fromAddress: r.fromAddress, subject: r.subject, decision: after === null ? null : JSON.parse(after) };
      });
    },

    async setSearchText(id: number, text: string): Promise<void> {
      await db.$executeRaw(sql`UPDATE "ReviewItem" SET "searchText" = ${text} WHERE "id" = ${id}`);
    },
  };
}

