// GET /items/:id and the actions on it (POST confirm, reject, close, link-sender, forward, lock).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebDeps } from '../deps.js';
import { pageContext, sendPage } from '../server.js';
import { closeItem } from '../services/close-item.js';
import { confirmItem, type ConfirmRow } from '../services/confirm-item.js';
import { forwardItem } from '../services/forward-item.js';
import { linkSender } from '../services/link-sender.js';
import { loadItem } from '../services/load-item.js';
import { invalidateQueueStats } from '../services/load-queue.js';
import { rejectItem } from '../services/reject-item.js';
import { errorPage } from '../views/error-page.js';
import { itemPage, type ItemPageOptions } from '../views/item-page.js';
import { doneText } from './queue-routes.js';

const MAX_ROWS = 10;

export function itemId(request: FastifyRequest): number | null {
  const raw = (request.params as { id?: string }).id ?? '';
  return /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

const field = (body: unknown, name: string, max = 20_000): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

const accountParam = (v: unknown): string | null => (typeof v === 'string' && /^\d{1,20}$/.test(v.trim()) ? v.trim() : null);

export function registerItemRoutes(app: FastifyInstance, deps: WebDeps): void {
  const forwardTo = deps.settings.WEB_FORWARD_ADDRESSES;

  async function show(request: FastifyRequest, reply: FastifyReply, id: number, status: number, options: Partial<ItemPageOptions>) {
    const account = options.account ?? accountParam((request.query as { account?: unknown }).account) ?? undefined;
    const view = await loadItem(deps, id, request.session!.user.login, account ?? null);
    if (!view) return sendPage(reply, 404, errorPage(pageContext(deps, request), 'Не найдено', 'Такого обращения нет.'));
    return sendPage(reply, status, itemPage(pageContext(deps, request), view, { forwardTo, ...(account ? { account } : {}), ...options }));
  }

  /** Success: straight on to the next item, as a clerk works through the queue. */
  const next = (reply: FastifyReply, id: number, done: string) => {
    invalidateQueueStats(deps.store);
    return reply.code(303).header('location', `/items/next?after=${id}&done=${done}`).send();
  };

  app.get('/items/:id', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return sendPage(reply, 404, errorPage(pageContext(deps, request), 'Не найдено', 'Такого обращения нет.'));
    return show(request, reply, id, 200, { flash: doneText(request.query) });
  });

  app.post('/items/:id/confirm', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send();
    const rows: ConfirmRow[] = [];
    for (let n = 0; n < MAX_ROWS; n++) {
      rows.push({ meterId: field(request.body, `meter_${n}`, 20), values: [field(request.body, `t1_${n}`, 30), field(request.body, `t2_${n}`, 30), field(request.body, `t3_${n}`, 30)] });
    }
    const result = await confirmItem(deps, { itemId: id, login: request.session!.user.login, rows });
    if (!result.ok) {
      const filled = rows.filter((r) => r.meterId !== '' || r.values.some((v) => v !== ''));
      return show(request, reply, id, 422, { error: result.message, rows: filled });
    }
    return next(reply, id, !result.replyQueued ? 'confirmed_noreply' : result.corrected ? 'corrected' : 'confirmed');
  });

  app.post('/items/:id/reject', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send();
    const result = await rejectItem(deps, {
      itemId: id, login: request.session!.user.login, subject: field(request.body, 'subject', 300), text: field(request.body, 'text'),
      template: field(request.body, 'template', 50),
    });
    if (!result.ok) return show(request, reply, id, 422, { error: result.message });
    return next(reply, id, 'rejected');
  });

  app.post('/items/:id/close', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send();
    const result = await closeItem(deps, { itemId: id, login: request.session!.user.login, reason: field(request.body, 'reason', 50), note: field(request.body, 'note', 2000) });
    if (!result.ok) return show(request, reply, id, 422, { error: result.message });
    return next(reply, id, 'closed');
  });

  app.post('/items/:id/forward', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send();
    const result = await forwardItem(deps, { itemId: id, login: request.session!.user.login, to: field(request.body, 'to', 300), note: field(request.body, 'note', 5000) });
    if (!result.ok) return show(request, reply, id, 422, { error: result.message });
    return next(reply, id, 'forwarded');
  });

  app.post('/items/:id/link-sender', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send();
    const result = await linkSender(deps, { itemId: id, login: request.session!.user.login, account: field(request.body, 'account', 30) });
    if (!result.ok) return show(request, reply, id, 422, { error: result.message });
    return reply.code(303).header('location', `/items/${id}?done=linked`).send();
  });

  // Renews the lock while the page is open (our script, every minute).
  app.post('/items/:id/lock', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send({ ok: false });
    const now = deps.clock();
    const lock = await deps.store.review.lock(id, request.session!.user.login, now, new Date(now.getTime() + deps.settings.WEB_LOCK_MINUTES * 60_000));
    return reply.send(lock.ok ? { ok: true, until: lock.until.toISOString() } : { ok: false, holder: lock.holder, resolved: lock.resolved });
  });

  app.post('/items/:id/release', async (request, reply) => {
    const id = itemId(request);
    if (id === null) return reply.code(404).send({ ok: false });
    await deps.store.review.unlock(id, request.session!.user.login);
    return reply.code(303).header('location', '/queue').send();
  });
}
