// The Prisma client types the repositories are written against. Both generated clients expose the
// same model API; typing everything with the SQLite client keeps the code to what both providers
// support (no `mode: 'insensitive'`, no `skipDuplicates`, no native types).
import type { Prisma, PrismaClient } from './generated/sqlite/client.js';

export type Client = PrismaClient;
/** The client or an interactive transaction: every repository works on either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Runs `fn` in a transaction of its own, or in the one `db` already is. Prisma's default of 5 s is too short for
 *  a 50 MB message on a busy machine; the limits are the store's own (open-store.ts). */
export async function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(fn, { timeout: 60_000, maxWait: 30_000 }) : fn(db);
}
