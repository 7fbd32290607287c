// Logging in and out, sessions: a random token in an HttpOnly cookie, its SHA-256 in the database, a CSRF token
// per session. Failed logins are rate limited per client address and per login name.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import type { LoginLimiter } from '../login-limiter.js';
import { dummyHash, verifyPassword } from '../password.js';

export const newToken = (): string => randomBytes(32).toString('base64url');
const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginResult =
  | { ok: true; token: string; session: SessionRecord }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number };

export async function logIn(deps: WebDeps, limiter: LoginLimiter, input: { login: string; password: string; ip: string }): Promise<LoginResult> {
  const now = deps.clock();
  const login = input.login.trim();
  const wait = limiter.retryAfter(input.ip, login, now.getTime());
  if (wait > 0) return { ok: false, reason: 'limited', retryAfterSeconds: wait };
  const user = login === '' ? null : await deps.store.users.byLogin(login);
  // The unknown login costs the same hash as a wrong password: no timing hint which logins exist.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? await dummyHash());
  if (!user || !user.active || !valid) {
    limiter.fail(input.ip, login, now.getTime());
    deps.log.warn({ login: login.slice(0, 64), ip: input.ip }, 'failed login');
    return { ok: false, reason: 'invalid' };
  }
  limiter.succeed(input.ip, login);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + deps.settings.WEB_SESSION_HOURS * 3600_000);
  const csrfToken = newToken();
  await deps.store.users.createSession({ id: tokenHash(token), userId: user.id, csrfToken, expiresAt, now });
  await deps.store.audit.append({ actor: user.login, action: 'login', entity: 'user', entityId: user.id, at: now });
  const { passwordHash: _, ...record } = user;
  return { ok: true, token, session: { id: tokenHash(token), csrfToken, expiresAt, lastSeenAt: now, user: record } };
}

const TOUCH_EVERY_MS = 60_000;
// Every request needs its session: a live one is remembered for a few seconds. Logging out and every change an
// admin makes in this process clear it at once; a user disabled by `cli user` elsewhere is out within this time.
const CACHE_MS = 5000;
const cache = new Map<string, { at: number; session: SessionRecord }>();

export function forgetSessions(): void {
  cache.clear();
}

/** The live session of a cookie token; its expiry slides forward while it is used. */
export async function sessionOf(deps: WebDeps, token: string | undefined): Promise<SessionRecord | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock();
  const id = tokenHash(token);
  const hit = cache.get(id);
  if (hit && now.getTime() - hit.at < CACHE_MS && hit.session.expiresAt > now) return hit.session;
  const session = await deps.store.users.session(id, now);
  if (!session) {
    cache.delete(id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await deps.store.users.touchSession(session.id, now, new Date(now.getTime() + deps.settings.WEB_SESSION_HOURS * 3600_000));
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(id, { at: now.getTime(), session });
  return session;
}

export async function logOut(deps: WebDeps, session: SessionRecord): Promise<void> {
  cache.delete(session.id);
  await deps.store.users.deleteSession(session.id);
  await deps.store.audit.append({ actor: session.user.login, action: 'logout', entity: 'user', entityId: session.user.id });
}
