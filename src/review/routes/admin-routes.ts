// GET/POST /admin/users: admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebDeps } from '../deps.js';
import { pageContext, sendPage } from '../server.js';
import { forgetSessions } from '../services/auth.js';
import { createUser, updateUser } from '../services/manage-users.js';
import { errorPage } from '../views/error-page.js';
import { usersPage } from '../views/users-page.js';

const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, 300) : '';
};

export function registerAdminRoutes(app: FastifyInstance, deps: WebDeps): void {
  function admin(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.session?.user.role === 'admin') return true;
    void sendPage(reply, 403, errorPage(pageContext(deps, request), 'Нет доступа', 'Раздел доступен администраторам.'));
    return false;
  }
  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, flash: { ok?: string; error?: string }) =>
    sendPage(reply, status, usersPage(pageContext(deps, request), await deps.store.users.list(), flash));

  app.get('/admin/users', async (request, reply) => {
    if (!admin(request, reply)) return reply;
    return show(request, reply, 200, (request.query as { done?: string }).done === '1' ? { ok: 'Сохранено.' } : {});
  });

  app.post('/admin/users', async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const result = await createUser(deps.store, {
      login: field(request.body, 'login'), role: field(request.body, 'role'), password: field(request.body, 'password'), actor: request.session!.user.login,
    });
    if (!result.ok) return show(request, reply, 422, { error: `Не создан: ${result.message}.` });
    return reply.code(303).header('location', '/admin/users?done=1').send();
  });

  app.post('/admin/users/:id', async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const id = Number.parseInt((request.params as { id: string }).id, 10);
    const password = field(request.body, 'password');
    const active = field(request.body, 'active');
    const role = field(request.body, 'role');
    const result = await updateUser(deps.store, {
      id, actor: request.session!.user.login, ...(role !== '' ? { role } : {}),
      ...(active === 'true' || active === 'false' ? { active: active === 'true' } : {}),
      ...(password !== '' ? { password } : {}),
    });
    if (!result.ok) return show(request, reply, 422, { error: `Не сохранено: ${result.message}.` });
    forgetSessions();
    return reply.code(303).header('location', '/admin/users?done=1').send();
  });
}
