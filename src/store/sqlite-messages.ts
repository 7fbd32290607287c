// The intake's statements on InboundMessage and MessageSource, on SQLite straight through better-sqlite3: storing
// fetched messages, reading them back by UID and by content, counting attempts, marking them filed. These run for
// every batch, and Prisma costs about half a millisecond of client CPU per statement and moves a Bytes parameter
// slowly (measured: 300 KB rows at ~30 MB/s through the client against ~130 MB/s here). The rows read and written
// are exactly what the Prisma repository reads and writes (same columns, its ISO-8601 timestamps, the same
// StoredMessage values: test/store/sqlite-messages.test.ts compares them); every other access stays with Prisma,
// and PostgreSQL keeps the Prisma path.
//
// Each statement commits on its own (none runs inside a transaction of this connection), so it never waits on
// the batch transaction of sqlite-batch.ts, which the intake runs one at a time on the same connection.
import Database from 'better-sqlite3';
import type { DecisionKind } from '../domain/types.js';
import type { MessageCopy, MessageState, NewInboundMessage, StoredMessage } from './messages.js';
import { iso, statements } from './sqlite-statements.js';

export interface DirectMessages {
  /** Inserts messages that carry mailbox, UIDVALIDITY and UID, in one transaction; a UID already stored is left as it is. */
  insert(inputs: readonly NewInboundMessage[]): void;
  findByUids(mailbox: string, uidValidity: bigint | number, uids: readonly (bigint | number)[]): StoredMessage[];
  findBySha256(sha256s: readonly string[]): MessageCopy[];
  countAttempts(ids: readonly number[]): void;
  markFiled(ids: readonly number[], at: Date): void;
}

const int = (v: bigint | number | null | undefined): bigint | null => (v === null || v === undefined ? null : BigInt(v));
const date = (v: string | null): Date | null => (v === null ? null : new Date(v));
const num = (v: bigint | null): number | null => (v === null ? null : Number(v));

/** Opens the intake's own connection to the SQLite file (these statements, sqlite-batch.ts). */
export function openSqliteDirect(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.defaultSafeIntegers(true);
  return db;
}

// The columns StoredMessage carries, as messages.ts selects them through Prisma.
const COLUMNS = `"id", "mailbox", "uidValidity", "uid", "messageIdHeader", "sha256", "size", "receivedAt", "dateHeader", "fromAddress",
  "subject", "state", "decision", "reasons", "explanation", "outcomeFolder", "error", "attempts", "duplicateOfId", "decidedAt", "filedAt",
  "rawPurgedAt", "createdAt"`;

interface Row {
  id: bigint; mailbox: string | null; uidValidity: bigint | null; uid: bigint | null; messageIdHeader: string | null; sha256: string;
  size: bigint; receivedAt: string | null; dateHeader: string | null; fromAddress: string | null; subject: string | null; state: string;
  decision: string | null; reasons: string | null; explanation: string | null; outcomeFolder: string | null; error: string | null;
  attempts: bigint; duplicateOfId: bigint | null; decidedAt: string | null; filedAt: string | null; rawPurgedAt: string | null; createdAt: string;
}

function toStored(r: Row): StoredMessage {
  return {
    id: Number(r.id), mailbox: r.mailbox, uidValidity: r.uidValidity, uid: r.uid, messageIdHeader: r.messageIdHeader, sha256: r.sha256,
    size: Number(r.size), receivedAt: date(r.receivedAt), dateHeader: date(r.dateHeader), fromAddress: r.fromAddress, subject: r.subject,
    state: r.state as MessageState, decision: r.decision as DecisionKind | null, reasons: r.reasons === null ? [] : (JSON.parse(r.reasons) as string[]),
    explanation: r.explanation, outcomeFolder: r.outcomeFolder, error: r.error, attempts: Number(r.attempts), duplicateOfId: num(r.duplicateOfId),
    decidedAt: date(r.decidedAt), filedAt: date(r.filedAt), rawPurgedAt: date(r.rawPurgedAt), createdAt: new Date(r.createdAt),
  };
}

export function sqliteMessages(db: Database.Database): DirectMessages {
  const insert = db.prepare(`INSERT INTO "InboundMessage"
    ("mailbox", "uidValidity", "uid", "messageIdHeader", "sha256", "size", "receivedAt", "dateHeader", "fromAddress", "subject",
     "state", "attempts", "createdAt", "updatedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)
    ON CONFLICT ("mailbox", "uidValidity", "uid") DO NOTHING`);
  const insertSource = db.prepare('INSERT INTO "MessageSource" ("messageId", "raw") VALUES (?, ?)');
  const insertAll = db.transaction((inputs: readonly NewInboundMessage[]) => {
    const now = iso(new Date());
    for (const m of inputs) {
      const { changes, lastInsertRowid } = insert.run(m.mailbox ?? null, int(m.uidValidity), int(m.uid), m.messageIdHeader ?? null, m.sha256,
        m.size, iso(m.receivedAt), iso(m.dateHeader), m.fromAddress ?? null, m.subject ?? null, m.attempts ?? 0, now, now);
      if (changes > 0 && m.raw) insertSource.run(lastInsertRowid, Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength));
    }
  });
  const { allIn, runIn } = statements(db);
  return {
    insert: (inputs) => insertAll(inputs),
    findByUids(mailbox, uidValidity, uids) {
      return allIn<Row>((m) => `SELECT ${COLUMNS} FROM "InboundMessage" WHERE "uid" IN (${m}) AND "mailbox" = ? AND "uidValidity" = ?`,
        uids.map((u) => BigInt(u)), [mailbox, BigInt(uidValidity)]).map(toStored);
    },
    findBySha256(sha256s) {
      return allIn<{ id: bigint; messageIdHeader: string | null; sha256: string; outcomeFolder: string | null }>(
        (m) => `SELECT "id", "messageIdHeader", "sha256", "outcomeFolder" FROM "InboundMessage" WHERE "sha256" IN (${m})`, [...new Set(sha256s)],
      ).map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
    },
    countAttempts(ids) {
      runIn((m) => `UPDATE "InboundMessage" SET "attempts" = "attempts" + 1, "updatedAt" = ? WHERE "id" IN (${m})`, ids, [iso(new Date())]);
    },
    markFiled(ids, at) {
      // One statement per chunk: a decided message becomes filed, a failed or duplicate one keeps its state.
      runIn((m) => `UPDATE "InboundMessage" SET "filedAt" = ?, "updatedAt" = ?,
        "state" = CASE WHEN "state" = 'decided' THEN 'filed' ELSE "state" END
        WHERE "filedAt" IS NULL AND "id" IN (${m})`, ids, [iso(at), iso(new Date())]);
    },
  };
}
