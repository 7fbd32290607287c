// Clerk UI accounts and their login sessions. Passwords arrive here already hashed (src/review/password.ts);
// sessions are stored by the SHA-256 of the cookie token, so a copy of the database opens no session.
import type { Db } from './client.js';
import { uniqueViolation } from './errors.js';

export type UserRole = 'clerk' | 'admin';

export interface UserRecord {
  id: number;
  login: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
}

export interface SessionRecord {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: UserRecord;
}

const userColumns = { id: true, login: true, role: true, active: true, createdAt: true } as const;
const toUser = (r: { id: number; login: string; role: string; active: boolean; createdAt: Date }): UserRecord => ({ ...r, role: r.role as UserRole });

export function usersRepo(db: Db) {
  return {
    async create(input: { login: string; role: UserRole; passwordHash: string }): Promise<{ ok: true; id: number } | { ok: false; reason: 'exists' }> {
      try {
        const row = await db.user.create({ data: input, select: { id: true } });
        return { ok: true, id: row.id };
      } catch (e) {
        if (uniqueViolation(e)) return { ok: false, reason: 'exists' };
        throw e;
      }
    },

    async list(): Promise<UserRecord[]> {
      return (await db.user.findMany({ select: userColumns, orderBy: { login: 'asc' } })).map(toUser);
    },

    async byLogin(login: string): Promise<(UserRecord & { passwordHash: string }) | null> {
      const row = await db.user.findUnique({ where: { login }, select: { ...userColumns, passwordHash: true } });
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
    },

    async byId(id: number): Promise<UserRecord | null> {
      const row = await db.user.findUnique({ where: { id }, select: userColumns });
      return row ? toUser(row) : null;
    },

    async update(id: number, patch: { role?: UserRole; active?: boolean; passwordHash?: string }): Promise<void> {
      await db.user.update({ where: { id }, data: patch, select: { id: true } });
    },

    async countAdmins(): Promise<number> {
      return db.user.count({ where: { role: 'admin', active: true } });
    },

    async createSession(input: { id: string; userId: number; csrfToken: string; expiresAt: Date; now: Date }): Promise<void> {
      await db.session.create({
        data: { id: input.id, userId: input.userId, csrfToken: input.csrfToken, expiresAt: input.expiresAt, createdAt: input.now, lastSeenAt: input.now },
        select: { id: true },
      });
    },

    /** A live session of an active user, or null. */
    async session(id: string, now: Date): Promise<SessionRecord | null> {
      const row = await db.session.findUnique({
        where: { id },
        select: { id: true, csrfToken: true, expiresAt: true, lastSeenAt: true, user: { select: userColumns } },
      });
      if (!row || row.expiresAt <= now || !row.user.active) return null;
      return { ...row, user: toUser(row.user) };
    },

    async touchSession(id: string, now: Date, expiresAt: Date): Promise<void> {
      await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt } });
    },

    async deleteSession(id: string): Promise<void> {
      await db.session.deleteMany({ where: { id } });
    },

    async deleteSessionsOf(userId: number): Promise<void> {
      await db.session.deleteMany({ where: { userId } });
    },

    async deleteExpiredSessions(now: Date): Promise<number> {
      return (await db.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
    },
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
