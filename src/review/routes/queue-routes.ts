// GET /queue, GET /items/next, GET /audit.
import type { FastifyInstance } from 'fastify';
import type { WebDeps } from '../deps.js';
import { pageContext, sendPage } from '../server.js';
import { loadQueue, queueQuery } from '../services/load-queue.js';
import { auditPage } from '../views/audit-page.js';
import { errorPage } from '../views/error-page.js';
import { queuePage } from '../views/queue-page.js';

export const DONE_TEXT: Record<string, string> = {
  confirmed: 'Показания подтверждены, ответ абоненту поставлен в очередь.',
  corrected: 'Исправленные показания подтверждены, ответ абоненту поставлен в очередь.',
  confirmed_noreply: 'Показания подтверждены. Ответ абоненту не отправляется (правила ответов).',
  rejected: 'Обращение отклонено, ответ абоненту поставлен в очередь.',
  closed: 'Обращение закрыто без ответа.',
  forwarded: 'Письмо переслано в отдел.',
  linked: 'Адрес отправителя привязан к лицевому счёту.',
  empty: 'Открытых обращений больше нет.',
};

export const doneText = (q: unknown): string | null => {
  const code = (q as { done?: unknown }).done;
  return typeof code === 'string' ? DONE_TEXT[code] ?? null : null;
};

export function registerQueueRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/queue', async (request, reply) => {
    const view = await loadQueue(deps, queueQuery(request.query as Record<string, unknown>));
    return sendPage(reply, 200, queuePage(pageContext(deps, request), view, doneText(request.query)));
  });

  // The oldest open item nobody else holds; `after` skips the one just handled.
  app.get('/items/next', async (request, reply) => {
    const q = request.query as { after?: string; done?: string };
    const after = Number.parseInt(q.after ?? '', 10);
    const id = await deps.store.review.nextOpen(request.session!.user.login, deps.clock(), Number.isInteger(after) ? after : null);
    const done = typeof q.done === 'string' && DONE_TEXT[q.done] ? q.done : null;
    if (id === null) return reply.code(303).header('location', `/queue?done=${done ?? 'empty'}`).send();
    return reply.code(303).header('location', `/items/${id}${done ? `?done=${done}` : ''}`).send();
  });

  app.get('/audit', async (request, reply) => {
    const session = request.session!;
    const actor = (request.query as { actor?: string }).actor?.trim() || null;
    if (!actor && session.user.role !== 'admin') {
      return sendPage(reply, 403, errorPage(pageContext(deps, request), 'Нет доступа', 'Полный журнал доступен администраторам.'));
    }
    const entries = await deps.store.audit.list({ ...(actor ? { actor: actor.slice(0, 100) } : {}), limit: 300 });
    return sendPage(reply, 200, auditPage(pageContext(deps, request), actor, entries));
  });
}
