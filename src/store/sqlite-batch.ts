// The intake's batch of decisions applied to SQLite straight through better-sqlite3, in one transaction on the
// intake's own connection. Prisma costs the intake most of its time on SQLite: about half a millisecond per
// statement and ~12 MB/s for string parameters (measured: 45 outbox rows with their 4 KB reply texts take 25 ms
// through createMany or $executeRaw, well under 1 ms here). The statements write exactly the rows the Prisma
// repositories write (same columns, defaults and ISO-8601 timestamps); the same intake tests run on PostgreSQL,
// where these repositories are Prisma's.
//
// The transaction runs on a second connection to the file, so nothing else in this process may write through
// Prisma while it is open (a write there would wait on the lock this connection holds, blocking the thread):
// the intake applies batches one after another, and a clerk's action runs in its own process or inside its own
// Prisma transaction (review/services/held-item.ts), never here.
import type Database from 'better-sqlite3';
import type { BatchRepos } from './batch-repos.js';
import type { RegistryRepo } from './registry.js';
import { iso, statements } from './sqlite-statements.js';
import { wellFormed } from './well-formed.js';

type Db = Database.Database;

const text = (v: string | null | undefined): string | null => (v === null || v === undefined ? null : (wellFormed(v) as string));
const big = (v: number | null): bigint | null => (v === null ? null : BigInt(v));
const json = (v: unknown): string | null => (v === undefined || v === null ? null : text(JSON.stringify(v)));

export function sqliteBatchRepos(db: Db, registry: Pick<RegistryRepo, 'metersOfAccount'>): BatchRepos {
  const { prepared, allIn } = statements(db);
  return {
    readings: {
      async ofMessages(messageIds) {
        return allIn<{ id: bigint; messageId: bigint; meterId: bigint }>(
          (m) => `SELECT "id", "messageId", "meterId" FROM "Reading" WHERE "messageId" IN (${m})`, messageIds,
        ).map((r) => ({ id: Number(r.id), messageId: Number(r.messageId), meterId: Number(r.meterId) }));
      },
      async effectiveOf(meterIds, periods) {
        if (meterIds.length === 0) return [];
        const ps = [...new Set(periods)];
        const rows = allIn<{ id: bigint; meterId: bigint; period: string }>(
          (m) => `SELECT "id", "meterId", "period" FROM "Reading" WHERE "meterId" IN (${m}) AND "status" = 'effective' AND "period" IN (${ps.map(() => '?').join(', ')})`,
          [...new Set(meterIds)], ps,
        );
        return rows.map((r) => ({ id: Number(r.id), meterId: Number(r.meterId), period: r.period })).sort((a, b) => a.id - b.id);
      },
      async insertMany(inputs) {
        const st = prepared(`INSERT INTO "Reading" ("messageId", "meterId", "accountNumber", "meterSerial", "t1", "t2", "t3", "source", "period", "status", "createdAt", "createdBy")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'effective', ?, ?)`);
        const now = iso(new Date());
        for (const r of inputs) {
          st.run(r.messageId, r.meterId, text(r.accountNumber), text(r.meterSerial), big(r.t1), big(r.t2), big(r.t3), r.source, r.period, now, text(r.createdBy));
        }
      },
      async supersedeEach(pairs) {
        const st = prepared(`UPDATE "Reading" SET "status" = 'superseded', "supersededById" = ? WHERE "id" = ?`);
        for (const p of pairs) st.run(p.by, p.id);
      },
    },
    registry: {
      // A read through Prisma's connection: the registry's meters, which this transaction does not change.
      metersOfAccount: (account) => registry.metersOfAccount(account),
      // The transaction holds SQLite's write lock: nobody changes the rows until it ends.
      async lastValues(meterIds) {
        const rows = allIn<{ id: bigint; lastT1: bigint | null; lastT2: bigint | null; lastT3: bigint | null; lastDate: string | null; serial: string; number: string }>(
          (m) => `SELECT m."id", m."lastT1", m."lastT2", m."lastT3", m."lastDate", m."serial", a."number" FROM "Meter" m JOIN "Account" a ON a."id" = m."accountId" WHERE m."id" IN (${m})`,
          [...new Set(meterIds)],
        );
        const num = (v: bigint | null): number | null => (v === null ? null : Number(v));
        return new Map(rows.map((r) => [Number(r.id), {
          id: Number(r.id), account: r.number, meter: r.serial, last: { t1: num(r.lastT1), t2: num(r.lastT2), t3: num(r.lastT3) }, lastDate: r.lastDate,
        }]));
      },
      async setLastReadings(updates) {
        if (new Set(updates.map((u) => u.meterId)).size !== updates.length) throw new Error('setLastReadings: a meter appears twice');
        const st = prepared(`UPDATE "Meter" SET "lastT1" = ?, "lastT2" = ?, "lastT3" = ?, "lastDate" = ?, "updatedAt" = ?
          WHERE "id" = ? AND ("lastDate" IS NULL OR "lastDate" <= ?)`);
        const now = iso(new Date());
        let changed = 0;
        for (const u of updates) changed += st.run(big(u.values.t1), big(u.values.t2), big(u.values.t3), u.date, now, u.meterId, u.date).changes;
        return changed;
      },
    },
    review: {
      async openMany(items) {
        if (items.length === 0) return;
        const have = new Set(allIn<{ messageId: bigint }>((m) => `SELECT "messageId" FROM "ReviewItem" WHERE "messageId" IN (${m})`, items.map((i) => i.messageId))
          .map((r) => Number(r.messageId)));
        const st = prepared(`INSERT INTO "ReviewItem" ("messageId", "status", "reasons", "createdAt", "updatedAt") VALUES (?, 'open', ?, ?, ?)`);
        const now = iso(new Date());
        for (const i of items) if (!have.has(i.messageId)) st.run(i.messageId, json(i.reasons), now, now);
      },
    },
    outbox: {
      async existingDedupeKeys(keys) {
        return new Set(allIn<{ dedupeKey: string }>((m) => `SELECT "dedupeKey" FROM "Outbox" WHERE "dedupeKey" IN (${m})`, keys.map(text)).map((r) => r.dedupeKey));
      },
      async countRecentToMany(addresses, since) {
        const to = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
        const rows = allIn<{ to: string; n: bigint }>(
          (m) => `SELECT "to", COUNT(*) AS "n" FROM "Outbox" WHERE "to" IN (${m}) AND "createdAt" >= ? GROUP BY "to"`, to.map(text), [iso(since)],
        );
        return new Map(rows.map((r) => [r.to, Number(r.n)]));
      },
      async enqueueMany(inputs) {
        const st = prepared(`INSERT INTO "Outbox" ("messageId", "kind", "to", "subject", "text", "html", "inReplyTo", "references", "dedupeKey", "status", "attempts", "nextAttemptAt", "createdAt")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`);
        const now = new Date();
        for (const e of inputs) {
          const at = iso(e.at ?? now);
          st.run(e.messageId, e.kind, text(e.to.trim().toLowerCase()), text(e.subject), text(e.text), text(e.html), text(e.inReplyTo), text(e.references), text(e.dedupeKey), at, at);
        }
      },
    },
    messages: {
      async markDecidedEach(rows, decidedAt) {
        const st = prepared(`UPDATE "InboundMessage" SET "state" = 'decided', "decision" = ?, "reasons" = ?, "explanation" = ?, "outcomeFolder" = ?,
          "decidedAt" = ?, "error" = NULL, "updatedAt" = ? WHERE "id" = ?`);
        const at = iso(decidedAt);
        const now = iso(new Date());
        for (const r of rows) st.run(r.decision, json(r.reasons), text(r.explanation), text(r.outcomeFolder), at, now, r.id);
      },
    },
    audit: {
      async appendMany(entries) {
        const st = prepared(`INSERT INTO "AuditLog" ("at", "actor", "action", "entity", "entityId", "before", "after") VALUES (?, ?, ?, ?, ?, ?, ?)`);
        const now = iso(new Date());
        for (const e of entries) {
          st.run(e.at ? iso(e.at) : now, text(e.actor), text(e.action), text(e.entity), e.entityId === undefined || e.entityId === null ? null : text(String(e.entityId)),
            json(e.before), json(e.after));
        }
      },
    },
  };
}

/** Runs `fn` in one IMMEDIATE transaction on the connection; a second call while one is open is refused. */
export function sqliteBatchTransaction(db: Db, repos: BatchRepos): <T>(fn: (tx: BatchRepos) => Promise<T>) => Promise<T> {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  return async (fn) => {
    if (db.inTransaction) throw new Error('the intake connection is already in a transaction');
    begin.run();
    try {
      const result = await fn(repos);
      commit.run();
      return result;
    } catch (e) {
      if (db.inTransaction) rollback.run();
      throw e;
    }
  };
}
