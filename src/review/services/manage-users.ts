// Clerk UI accounts: created by `cli user add` or by an admin in the UI; deactivation and password changes end
// the user's sessions.
import type { Store, UserRole } from '../../store/index.js';
import { hashPassword, passwordProblem } from '../password.js';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/i;
export const isRole = (r: string): r is UserRole => r === 'clerk' || r === 'admin';

export type UserResult = { ok: true; id: number } | { ok: false; message: string };

export async function createUser(store: Pick<Store, 'users' | 'audit'>, input: { login: string; role: string; password: string; actor: string }): Promise<UserResult> {
  const login = input.login.trim();
  if (!LOGIN_PATTERN.test(login)) return { ok: false, message: 'логин: 2–40 латинских букв, цифр, точек, дефисов или подчёркиваний' };
  if (!isRole(input.role)) return { ok: false, message: 'роль: clerk или admin' };
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, message: problem };
  const created = await store.users.create({ login, role: input.role, passwordHash: await hashPassword(input.password) });
  if (!created.ok) return { ok: false, message: `пользователь ${login} уже есть` };
  await store.audit.append({ actor: input.actor, action: 'user.create', entity: 'user', entityId: created.id, after: { login, role: input.role } });
  return { ok: true, id: created.id };
}

export async function updateUser(store: Pick<Store, 'users' | 'audit'>, input: { id: number; actor: string; role?: string; active?: boolean; password?: string }): Promise<UserResult> {
  const user = await store.users.byId(input.id);
  if (!user) return { ok: false, message: 'пользователь не найден' };
  const patch: { role?: UserRole; active?: boolean; passwordHash?: string } = {};
  if (input.role !== undefined) {
    if (!isRole(input.role)) return { ok: false, message: 'роль: clerk или admin' };
    patch.role = input.role;
  }
  if (input.active !== undefined) patch.active = input.active;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) return { ok: false, message: problem };
    patch.passwordHash = await hashPassword(input.password);
  }
  const losesAdmin = user.role === 'admin' && user.active && (patch.role === 'clerk' || patch.active === false);
  if (losesAdmin && (await store.users.countAdmins()) <= 1) return { ok: false, message: 'нельзя лишить прав последнего администратора' };
  await store.users.update(user.id, patch);
  if (patch.active === false || patch.passwordHash !== undefined || patch.role !== undefined) await store.users.deleteSessionsOf(user.id);
  await store.audit.append({
    actor: input.actor, action: 'user.update', entity: 'user', entityId: user.id,
    before: { role: user.role, active: user.active },
    after: { role: patch.role ?? user.role, active: patch.active ?? user.active, passwordChanged: patch.passwordHash !== undefined },
  });
  return { ok: true, id: user.id };
}
