// openStore(DATABASE_URL) → the repositories over the right Prisma client (SQLite or PostgreSQL).
// Opening refuses a database that lacks any committed migration, so no command runs on an old schema.
import { existsSync } from 'node:fs';
import { auditRepo, type AuditRepo } from './audit.js';
import type { Client, Db } from './client.js';
import { postgresAdapterFactory, sqliteAdapterFactory } from './driver-adapters.js';
import { MIGRATE_HINT, StoreError, asStoreError, guarded } from './errors.js';
import { messagesRepo, type MessagesRepo } from './messages.js';
import { openSqliteDirect, sqliteMessages, type DirectMessages } from './sqlite-messages.js';
import { sqliteBatchRepos, sqliteBatchTransaction } from './sqlite-batch.js';
import type { BatchRepos } from './batch-repos.js';
import { migrationNames } from './migrate.js';
import { outboxRepo, type OutboxRepo } from './outbox.js';
import { providerOf, sqliteFilePath, type Provider } from './providers.js';
import { readingsRepo, type ReadingsRepo } from './readings.js';
import { registryRepo, type RegistryRepo } from './registry.js';
import { reviewRepo, type ReviewRepo } from './review.js';
import { leasesRepo, type LeasesRepo } from './leases.js';
import { usersRepo, type UsersRepo } from './users.js';
import { retentionRepo, type RetentionRepo } from './retention.js';
import { withWellFormedStrings } from './well-formed.js';

export interface Repos {
  registry: RegistryRepo;
  messages: MessagesRepo;
  readings: ReadingsRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  review: ReviewRepo;
  leases: LeasesRepo;
  users: UsersRepo;
  retention: RetentionRepo;
}

export interface Store extends Repos {
  readonly provider: Provider;
  /** Runs `fn` in one database transaction; the repositories it receives write inside it. */
  transaction<T>(fn: (tx: Repos) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** One transaction for a batch of decisions (apply-decision.ts): on SQLite through the intake's own
   *  connection (sqlite-batch.ts), otherwise `transaction`. Never called inside another transaction. */
  batchTransaction<T>(fn: (tx: BatchRepos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function repos(db: Db, provider: Provider, direct: DirectMessages | null = null): Repos {
  return {
    registry: guarded(registryRepo(db, provider)),
    messages: guarded(messagesRepo(db, direct, provider)),
    readings: guarded(readingsRepo(db)),
    audit: guarded(auditRepo(db)),
    outbox: guarded(outboxRepo(db)),
    review: guarded(reviewRepo(db)),
    leases: guarded(leasesRepo(db)),
    users: guarded(usersRepo(db)),
    retention: guarded(retentionRepo(db)),
  };
}

async function createClient(provider: Provider, databaseUrl: string): Promise<Client> {
  try {
    // Only the client in use is loaded (each brings its own query compiler). Both have the same
    // model API, so the PostgreSQL one is typed as the SQLite one (see client.ts).
    if (provider === 'sqlite') {
      const { PrismaClient } = await import('./generated/sqlite/client.js');
      const c = new PrismaClient({ adapter: sqliteAdapterFactory(databaseUrl, { mustExist: true }), ...(process.env.QPROBE ? { log: [{ emit: 'event', level: 'query' }] } : {}) } as never);
      if (process.env.QPROBE) { const agg = new Map<string, [number, number]>(); (globalThis as any).__qagg = agg; (c as any).$on('query', (e: any) => { const k = String(e.query).slice(0, 90); const a = agg.get(k) ?? [0, 0]; a[0]++; a[1] += e.duration; agg.set(k, a); }); process.on('exit', () => { for (const [k, [n, d]] of [...agg].sort((x, y) => y[1][1] - x[1][1]).slice(0, 40)) console.error(n, d.toFixed(0), k); }); }
      return c;
    }
    const { PrismaClient } = await import('./generated/postgres/client.js');
    return new PrismaClient({ adapter: postgresAdapterFactory(databaseUrl) }) as unknown as Client;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new StoreError('STORE_CLIENT_MISSING', 'the Prisma client is not generated: run `npm run db -- generate`', { cause: e });
    }
    throw new StoreError('STORE_UNAVAILABLE', `cannot open the database: ${(e as Error).message}`, { cause: e });
  }
}

async function assertMigrated(client: Client, provider: Provider): Promise<void> {
  let rows: { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[];
  try {
    rows = await client.$queryRawUnsafe('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations');
  } catch (e) {
    const message = String((e as Error).message);
    if (/_prisma_migrations/.test(message)) {
      throw new StoreError('STORE_NOT_MIGRATED', `the database has no migrations applied: ${MIGRATE_HINT}`, { cause: e });
    }
    const detail = message.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? message;
    throw new StoreError('STORE_UNAVAILABLE', `cannot reach the database: ${detail}`, { cause: e });
  }
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  if (failed.length > 0) {
    throw new StoreError('STORE_NOT_MIGRATED', `migration ${failed.join(', ')} failed part-way; fix the database, then ${MIGRATE_HINT}`);
  }
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const pending = (await migrationNames(provider)).filter((name) => !applied.has(name));
  if (pending.length > 0) {
    throw new StoreError('STORE_NOT_MIGRATED', `the database lacks migration(s) ${pending.join(', ')}: ${MIGRATE_HINT}`);
  }
}

export async function openStore(databaseUrl: string): Promise<Store> {
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite' && !existsSync(sqliteFilePath(databaseUrl))) {
    throw new StoreError('STORE_NOT_MIGRATED', `database file ${sqliteFilePath(databaseUrl)} does not exist: ${MIGRATE_HINT}`);
  }
  const client = withWellFormedStrings(await createClient(provider, databaseUrl));
  try {
    await assertMigrated(client, provider);
    // WAL lets the web UI read while intake writes (the setting is kept in the file).
    if (provider === 'sqlite') await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  } catch (e) {
    await client.$disconnect().catch(() => undefined);
    throw asStoreError(e);
  }
  // Prisma would silently reconnect after $disconnect; a closed store refuses instead (readiness sees it, and a
  // late caller fails loudly rather than reopening the database behind the owner's back).
  let closed = false;
  // The intake's per-batch statements bypass Prisma on SQLite (sqlite-messages.ts, sqlite-batch.ts).
  const direct = provider === 'sqlite' ? openSqliteDirect(sqliteFilePath(databaseUrl)) : null;
  const base = repos(client, provider, direct ? sqliteMessages(direct) : null);
  const directBatch = direct ? sqliteBatchTransaction(direct, guardedBatch(sqliteBatchRepos(direct, base.registry))) : null;
  const store: Store = {
    provider,
    ...refuseWhenClosed(base, () => closed),
    async batchTransaction(fn) {
      if (!directBatch) return store.transaction(fn);
      if (closed) throw closedError();
      return directBatch(fn);
    },
    async transaction(fn, options = {}) {
      if (closed) throw closedError();
      // The caller's own errors pass through unchanged; only Prisma's become StoreErrors.
      let callerError: unknown = undefined;
      try {
        return await client.$transaction(async (tx) => {
          try {
            return await fn(repos(tx, provider));
          } catch (e) {
            callerError = e;
            throw e;
          }
        }, { timeout: options.timeoutMs ?? 60_000, maxWait: 30_000 });
      } catch (e) {
        throw e === callerError ? e : asStoreError(e);
      }
    },
    async close() {
      closed = true;
      direct?.close();
      await client.$disconnect();
    },
  };
  return store;
}

/** The batch repositories with errors as StoreErrors, like the Prisma ones. */
function guardedBatch(batch: BatchRepos): BatchRepos {
  return Object.fromEntries(Object.entries(batch).map(([name, repo]) => [name, guarded(repo as object)])) as unknown as BatchRepos;
}

const closedError = (): StoreError => new StoreError('STORE_UNAVAILABLE', 'the store is closed');

function refuseWhenClosed(all: Repos, isClosed: () => boolean): Repos {
  const out: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(all)) {
    const wrapped: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(repo as Record<string, unknown>)) {
      wrapped[method] = typeof fn !== 'function' ? fn : (...args: unknown[]) => {
        if (isClosed()) return Promise.reject(closedError());
        return (fn as (...a: unknown[]) => unknown)(...args);
      };
    }
    out[name] = wrapped;
  }
  return out as unknown as Repos;
}
