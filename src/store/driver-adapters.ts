// Driver adapters for the Prisma client (runtime) and for the JS schema engine (migrations).
// Both paths use the same factories so that what the tests migrate is what production migrates.
// The subclasses carry the smallest fixes measured in /work/shared/PRISMA-OFFLINE.md.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { sqliteFilePath } from './providers.js';

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  // migrate dev replays migration scripts into the shadow database as one statement string,
  // which better-sqlite3's prepare() refuses (P3006 "External error").
  override async connectToShadowDb(): Promise<SqliteAdapter> {
    const adapter = await super.connectToShadowDb();
    const { queryRaw, executeRaw } = adapter;
    const isScript = (e: unknown): boolean => e instanceof RangeError && /more than one statement/.test(e.message);
    adapter.executeRaw = async (q) => {
      try {
        return await executeRaw.call(adapter, q);
      } catch (e) {
        if (q.args.length > 0 || !isScript(e)) throw e;
        await adapter.executeScript(q.sql);
        return 0;
      }
    };
    adapter.queryRaw = async (q) => {
      try {
        return await queryRaw.call(adapter, q);
      } catch (e) {
        if (q.args.length > 0 || !isScript(e)) throw e;
        await adapter.executeScript(q.sql);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
    };
    return adapter;
  }
}

/** SQLite through better-sqlite3. `mustExist` keeps the runtime from creating an empty, unmigrated file. */
export function sqliteAdapterFactory(databaseUrl: string, options: { mustExist?: boolean } = {}): PrismaBetterSQLite3 {
  return new SqliteAdapterFactory({
    url: sqliteFilePath(databaseUrl),
    fileMustExist: options.mustExist ?? false,
    // Intake, the web UI and the CLI may write at once: wait for the lock rather than fail.
    timeout: 10_000,
  });
}

// PostgreSQL catalog columns of type "name" (19) and "char" (18) are plain text to us; the adapter
// refuses them ("could not be deserialized"), and the schema engine's introspection reads them.
const TEXT_OID = 25;
const RELABEL = new Set([18, 19]);

function relabelCatalogTypes<T extends object>(queryable: T): T {
  const io = queryable as unknown as { performIO(q: unknown): Promise<{ fields?: { dataTypeID: number }[] }> };
  const performIO = io.performIO.bind(io);
  io.performIO = async (q) => {
    const result = await performIO(q);
    for (const field of result.fields ?? []) if (RELABEL.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return result;
  };
  return queryable;
}

// PostgreSQL text cannot hold U+0000 (error 22021): one NUL in a hostile Subject or Message-ID would fail the whole
// batch insert, again on every retry. Every string parameter has its NULs replaced by U+FFFD — in writes and in
// lookups alike, so a value finds its stored twin. SQLite keeps NULs as they are. Bytes (raw messages) are untouched.
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

function stripNulArgs<T extends { queryRaw: PgAdapter['queryRaw']; executeRaw: PgAdapter['executeRaw'] }>(queryable: T): T {
  const { queryRaw, executeRaw } = queryable;
  queryable.queryRaw = (q) => queryRaw.call(queryable, { ...q, args: q.args.map(withoutNul) });
  queryable.executeRaw = (q) => executeRaw.call(queryable, { ...q, args: q.args.map(withoutNul) });
  return queryable;
}

class PgAdapterFactory extends PrismaPg {
  readonly #url: string;

  constructor(url: string) {
    // allowExitOnIdle: an idle pool must not hold the process (CLI commands, migrate deploy).
    super({ connectionString: url, allowExitOnIdle: true });
    this.#url = url;
  }

  override async connect(): Promise<PgAdapter> {
    const adapter = stripNulArgs(relabelCatalogTypes(await super.connect()));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (level) => stripNulArgs(relabelCatalogTypes(await startTransaction(level)));
    return adapter;
  }

  // The stock shadow database is unusable with a connection string (node-postgres ignores the
  // database override, so it would point at the MAIN database) and is dropped while still in use.
  // Here: create it, connect by a URL naming it, and on dispose close that pool before dropping it.
  override async connectToShadowDb(): Promise<PgAdapter> {
    const main = await this.connect();
    const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    try {
      await main.executeScript(`CREATE DATABASE "${name}"`);
    } catch (e) {
      await main.dispose();
      throw e;
    }
    const url = new URL(this.#url);
    url.pathname = `/${name}`;
    const shadow = await new PgAdapterFactory(url.toString()).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

/** PostgreSQL through node-postgres. */
export function postgresAdapterFactory(databaseUrl: string): PrismaPg {
  return new PgAdapterFactory(databaseUrl);
}
