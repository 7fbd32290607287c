// Broken infrastructure is an exception with a code and a cause; expected trouble (a duplicate
// message, a reading already stored) is a result returned by the repositories.

export type StoreErrorCode =
  | 'STORE_NOT_MIGRATED' // no database, or migrations pending/failed: run `npm run db -- migrate`
  | 'STORE_CLIENT_MISSING' // generated Prisma client absent: run `npm run db -- generate`
  | 'STORE_UNAVAILABLE' // cannot open or reach the database
  | 'STORE_MIGRATE_FAILED' // a Prisma CLI command failed
  | 'STORE_INVALID_VALUE' // a value the schema cannot hold (e.g. a reading beyond 32-bit)
  | 'STORE_BACKUP_FAILED' // `cli backup` could not write the copy
  | 'STORE_QUERY_FAILED'; // any other database error; cause holds Prisma's error (cause.code P2xxx)

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export const MIGRATE_HINT = 'run `npm run db -- migrate`';

/** Prisma's unique-constraint violation (P2002); with driver adapters the fields sit in the adapter error. */
export function uniqueViolation(e: unknown): { fields: string[] } | null {
  const err = e as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } };
  if (err?.code !== 'P2002') return null;
  const fields = err.meta?.driverAdapterError?.cause?.constraint?.fields ?? err.meta?.target;
  return { fields: Array.isArray(fields) ? fields.map(String) : [] };
}

/** Wraps every method of a repository so that unexpected errors leave the store as StoreError. */
export function guarded<T extends object>(repo: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(repo)) {
    out[name] = typeof fn !== 'function' ? fn : async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        throw asStoreError(e);
      }
    };
  }
  return out as T;
}

export function asStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const err = e as { code?: unknown; message?: unknown };
  const detail = typeof err?.code === 'string' ? `[${err.code}] ` : '';
  const message = String(err?.message ?? e);
  if (/no such table|does not exist in the current database|relation .* does not exist/i.test(message)) {
    return new StoreError('STORE_NOT_MIGRATED', `database is not migrated (${message.split('\n').pop()?.trim()}): ${MIGRATE_HINT}`, { cause: e });
  }
  const short = withoutArguments(message);
  // The cause's message and stack are scrubbed too: pino's error serializer prints causes.
  if (short !== message.trim() && e instanceof Error) {
    e.message = short;
    e.stack = `${e.name}: ${short}`;
  }
  return new StoreError('STORE_QUERY_FAILED', `${detail}${short}`, { cause: e });
}

/** Prisma's "Invalid `prisma.x.create()` invocation" messages print the call's arguments — message bodies, raw
 *  sources, addresses — which would end up in logs and in a failed message's stored error. Only the call and the
 *  final explanation are kept. */
export function withoutArguments(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const call = lines.find((l) => /invocation/.test(l));
  if (!call) return message.trim();
  const name = /`([^`]+)`/.exec(call)?.[1] ?? 'query';
  return `${name}: ${lines[lines.length - 1]}`.slice(0, 500);
}
