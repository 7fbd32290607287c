// The clerk UI's HTTP server: thin Fastify routes over src/review/services. Every page but the login page,
// /healthz, /readyz, /metrics and the static files needs a session; every POST needs the session's CSRF token.
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { SessionRecord } from '../store/index.js';
import type { WebDeps } from './deps.js';
import { loginLimiter } from './login-limiter.js';
import { webMetrics } from './metrics.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerItemRoutes } from './routes/item-routes.js';
import { registerMessageContentRoutes } from './routes/message-content-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerQueueRoutes } from './routes/queue-routes.js';
import { registerStaticRoutes } from './routes/static-routes.js';
import { COMMON_HEADERS, PAGE_CSP } from './security-headers.js';
import { sessionOf } from './services/auth.js';
import { errorPage } from './views/error-page.js';
import type { PageContext } from './views/layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRecord | null;
  }
}

export const SESSION_COOKIE = 'sid';
const PUBLIC = new Set(['/login', '/healthz', '/readyz', '/metrics']);
const isPublic = (path: string): boolean => PUBLIC.has(path) || path.startsWith('/static/');

export function pageContext(deps: WebDeps, request: FastifyRequest): PageContext {
  return { session: request.session, timeZone: deps.replyRules.window.timeZone };
}

export function secureCookies(deps: WebDeps, request: FastifyRequest): boolean {
  const mode = deps.settings.WEB_COOKIE_SECURE;
  return mode === 'always' || (mode === 'auto' && request.protocol === 'https');
}

export function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

export async function buildServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false, trustProxy: deps.settings.WEB_TRUST_PROXY, bodyLimit: 256 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  app.decorateRequest('session', null);
  const metrics = webMetrics(deps.store);
  const limiter = loginLimiter(deps.settings.WEB_LOGIN_MAX_ATTEMPTS, deps.settings.WEB_LOGIN_WINDOW_MINUTES * 60_000);

  // Session first, before the body is even parsed: without one, every route leads to the login page.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (isPublic(path)) return;
    request.session = await sessionOf(deps, request.cookies[SESSION_COOKIE]);
    if (request.session) return;
    const next = request.method === 'GET' && path !== '/' ? `?next=${encodeURIComponent(request.url)}` : '';
    return reply.code(303).header('location', `/login${next}`).send();
  });

  // Every state change carries the session's CSRF token (form field or, from our script, a header).
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !request.session) return;
    const body = request.body as Record<string, unknown> | undefined;
    const token = body?.['_csrf'] ?? request.headers['x-csrf-token'];
    if (sameToken(token, request.session.csrfToken)) return;
    deps.log.warn({ path: request.url.split('?')[0], user: request.session.user.login }, 'request without a valid CSRF token refused');
    return sendPage(reply, 403, errorPage(pageContext(deps, request), 'Запрос отклонён', 'Форма устарела или отправлена не со страницы приложения. Обновите страницу и повторите.'));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) reply.header(k, v);
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', PAGE_CSP);
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.routeOptions.url ?? 'unknown', request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) deps.log.error({ err: error, path: request.url.split('?')[0] }, 'request failed');
    const text = status === 415 ? 'Неподдерживаемый формат запроса.' : status < 500 ? 'Неверный запрос.' : 'Внутренняя ошибка. Повторите позже.';
    return sendPage(reply, status, errorPage(pageContext(deps, request), status < 500 ? 'Запрос отклонён' : 'Ошибка', text));
  });
  app.setNotFoundHandler(async (request, reply) => sendPage(reply, 404, errorPage(pageContext(deps, request), 'Не найдено', 'Такой страницы нет.')));

  registerStaticRoutes(app);
  registerOpsRoutes(app, deps, metrics);
  registerAuthRoutes(app, deps, limiter);
  registerQueueRoutes(app, deps);
  registerItemRoutes(app, deps);
  registerMessageContentRoutes(app, deps);
  registerAdminRoutes(app, deps);
  return app;
}
