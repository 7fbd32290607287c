// Statement helpers for the intake's own better-sqlite3 connection (sqlite-messages.ts, sqlite-batch.ts).
import type Database from 'better-sqlite3';

export type Param = string | number | bigint | null;

// As @prisma/adapter-better-sqlite3 writes DateTime (timestampFormat "iso8601").
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString().replace('Z', '+00:00') : null);

// Keeps IN lists well under SQLite's bound-parameter limit.
const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The statements of a connection, each prepared once; IN lists by their length. */
export function statements(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
  return {
    prepared,
    /** Runs the query `sql` (with one `(IN)` placeholder list, then `extra`) over `values` in chunks, concatenating the rows. */
    allIn: <R>(sql: (marks: string) => string, values: readonly Param[], extra: readonly Param[] = []): R[] =>
      chunks(values).flatMap((part) => prepared(sql(marks(part.length))).all(...part, ...extra) as R[]),
    /** Runs the statement `sql` (`before`, then one `(IN)` placeholder list) over `values` in chunks. */
    runIn: (sql: (marks: string) => string, values: readonly Param[], before: readonly Param[] = []): void => {
      for (const part of chunks(values)) prepared(sql(marks(part.length))).run(...before, ...part);
    },
  };
}
