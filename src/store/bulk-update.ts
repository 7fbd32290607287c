// Many rows updated with different values in ONE statement, on SQLite and PostgreSQL alike:
//   UPDATE "T" SET "a" = CASE "id" WHEN ? THEN CAST(? AS type) … END, "b" = ? WHERE "id" IN (…) [AND guard]
// Prisma's updateMany sets one value for all rows, so a batch of decisions (each meter its own last values, each
// message its own outcome) would otherwise cost one statement, and about a millisecond of client overhead, per
// row. Identifiers are quoted the standard way, which both databases accept; every value is a bound parameter
// and the CAST gives PostgreSQL the type it cannot infer from a CASE arm.
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';
import { wellFormed } from './well-formed.js';

export type SqlType = 'INTEGER' | 'BIGINT' | 'TEXT';

export interface BulkUpdate<Row> {
  table: string;
  /** Columns whose value differs per row, with the SQL type of the value. */
  perRow: { [column: string]: { type: SqlType; value(row: Row): string | number | bigint | null } };
  /** Columns set to the same value in every row (a Date, a state). */
  shared?: { [column: string]: string | number | Date | null };
  /** Only rows whose `column` is null or at most the row's own value are changed (a later stored date wins). */
  atMost?: { column: string; type: SqlType; value(row: Row): string | number | bigint };
}

// Each row binds 2 parameters per per-row column plus its id: 300 rows stay far below SQLite's 32,766 and
// PostgreSQL's 65,535 bound parameters.
const ROWS_PER_STATEMENT = 300;

const ident = (name: string): Sql => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return raw(`"${name}"`);
};

/** Updates each row (by its numeric `id`, each id once) with its own values; returns how many rows were changed. */
export async function updateEach<Row extends { id: number }>(db: Db, spec: BulkUpdate<Row>, rows: readonly Row[]): Promise<number> {
  if (new Set(rows.map((r) => r.id)).size !== rows.length) throw new Error(`updateEach ${spec.table}: an id appears twice`);
  let changed = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const caseOf = (type: SqlType, value: (row: Row) => string | number | bigint | null): Sql =>
      sql`CASE "id" ${join(part.map((row) => sql`WHEN ${row.id} THEN CAST(${wellFormed(value(row))} AS ${raw(type)})`), ' ')} END`;
    const sets = [
      ...Object.entries(spec.perRow).map(([column, { type, value }]) => sql`${ident(column)} = ${caseOf(type, value)}`),
      ...Object.entries(spec.shared ?? {}).map(([column, value]) => sql`${ident(column)} = ${wellFormed(value)}`),
    ];
    const where = sql`"id" IN (${join(part.map((row) => row.id))})`;
    const { atMost } = spec;
    const guard = atMost ? sql` AND (${ident(atMost.column)} IS NULL OR ${ident(atMost.column)} <= ${caseOf(atMost.type, atMost.value)})` : raw('');
    changed += await db.$executeRaw`UPDATE ${ident(spec.table)} SET ${join(sets, ', ')} WHERE ${where}${guard}`;
  }
  return changed;
}
