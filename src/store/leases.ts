// Named leases with expiry: the intake lock (one instance fetches and processes at a time). A holder renews its
// lease while it works; a crashed holder's lease simply expires.
import type { Db } from './client.js';

export function leasesRepo(db: Db) {
  return {
    /** Takes or renews `name` for `holder` until now + ttl; false when another holder's lease is still valid. */
    async acquire(name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
      const expiresAt = new Date(now.getTime() + ttlMs);
      const { count } = await db.lease.updateMany({
        where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
        data: { holder, expiresAt },
      });
      if (count === 1) return true;
      try {
        await db.lease.create({ data: { name, holder, expiresAt } });
        return true;
      } catch {
        return false; // the row exists and is held by someone else (or was just created by them)
      }
    },

    /** Replaces exactly `from` as the holder (compare-and-set: two contenders cannot both win). */
    async takeOver(name: string, from: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
      const { count } = await db.lease.updateMany({ where: { name, holder: from }, data: { holder, expiresAt: new Date(now.getTime() + ttlMs) } });
      return count === 1;
    },

    async release(name: string, holder: string): Promise<void> {
      await db.lease.deleteMany({ where: { name, holder } });
    },

    async holderOf(name: string, now: Date = new Date()): Promise<{ holder: string; expiresAt: Date } | null> {
      const row = await db.lease.findUnique({ where: { name } });
      return row && row.expiresAt >= now ? { holder: row.holder, expiresAt: row.expiresAt } : null;
    },
  };
}

export type LeasesRepo = ReturnType<typeof leasesRepo>;
