// Stores fetched messages' raw bytes in SQLite straight through better-sqlite3. Prisma moves a Bytes parameter
// slowly (measured: 300 KB rows at ~30 MB/s through the client against ~130 MB/s here), and the intake stores
// every message before anything else; the rows are otherwise exactly what Prisma writes (same columns, its
// ISO-8601 timestamps), and every other access stays with Prisma. SQLite only: PostgreSQL keeps the Prisma path.
import Database from 'better-sqlite3';
import type { NewInboundMessage } from './messages.js';

export interface RawMessageWriter {
  /** Inserts messages that carry mailbox, UIDVALIDITY and UID, in one transaction; a UID already stored is left as it is. */
  insert(inputs: readonly NewInboundMessage[]): void;
}

// As @prisma/adapter-better-sqlite3 writes DateTime (timestampFormat "iso8601").
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString().replace('Z', '+00:00') : null);
const int = (v: bigint | number | null | undefined): bigint | null => (v === null || v === undefined ? null : BigInt(v));

/** Opens the intake's own connection to the SQLite file (raw inserts, sqlite-batch.ts). */
export function openSqliteDirect(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.defaultSafeIntegers(true);
  return db;
}

export function sqliteRawWriter(db: Database.Database): RawMessageWriter {
  const insert = db.prepare(`INSERT INTO "InboundMessage"
    ("mailbox", "uidValidity", "uid", "messageIdHeader", "sha256", "raw", "size", "receivedAt", "dateHeader", "fromAddress", "subject",
     "state", "attempts", "createdAt", "updatedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)
    ON CONFLICT ("mailbox", "uidValidity", "uid") DO NOTHING`);
  const insertAll = db.transaction((inputs: readonly NewInboundMessage[]) => {
    const now = iso(new Date());
    for (const m of inputs) {
      insert.run(m.mailbox ?? null, int(m.uidValidity), int(m.uid), m.messageIdHeader ?? null, m.sha256, m.raw ? Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength) : null,
        m.size, iso(m.receivedAt), iso(m.dateHeader), m.fromAddress ?? null, m.subject ?? null, m.attempts ?? 0, now, now);
    }
  });
  return {
    insert: (inputs) => insertAll(inputs),
  };
}
