// GET/POST /login, POST /logout. The login form is protected against CSRF by a double-submit token
// (a cookie and the same value in the form); afterwards the session's own token is used.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebDeps } from '../deps.js';
import type { LoginLimiter } from '../login-limiter.js';
import { SESSION_COOKIE, sameToken, secureCookies, sendPage } from '../server.js';
import { logIn, logOut, newToken } from '../services/auth.js';
import { loginPage } from '../views/login-page.js';

const LOGIN_CSRF_COOKIE = 'login_csrf';

/** Only a local path: never another site, never "//host". */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : '/queue';

function showForm(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, status: number, extra: { login?: string; error?: string; next?: string }) {
  const csrf = newToken();
  reply.setCookie(LOGIN_CSRF_COOKIE, csrf, { path: '/login', httpOnly: true, sameSite: 'strict', secure: secureCookies(deps, request), maxAge: 3600 });
  return sendPage(reply, status, loginPage({ csrf, timeZone: deps.replyRules.window.timeZone, ...extra }));
}

export function registerAuthRoutes(app: FastifyInstance, deps: WebDeps, limiter: LoginLimiter): void {
  app.get('/login', async (request, reply) => {
    const next = (request.query as { next?: string }).next;
    return showForm(deps, request, reply, 200, { next: safeNext(next) });
  });

  app.post('/login', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const login = typeof body['login'] === 'string' ? body['login'].slice(0, 100) : '';
    const next = safeNext(body['next']);
    const cookie = request.cookies[LOGIN_CSRF_COOKIE];
    if (!cookie || !sameToken(body['_csrf'], cookie)) {
      return showForm(deps, request, reply, 403, { login, next, error: 'Форма входа устарела. Введите данные ещё раз.' });
    }
    const password = typeof body['password'] === 'string' ? body['password'].slice(0, 1000) : '';
    const result = await logIn(deps, limiter, { login, password, ip: request.ip });
    if (!result.ok) {
      if (result.reason === 'limited') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        return showForm(deps, request, reply, 429, { login, next, error: `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(result.retryAfterSeconds / 60)} мин.` });
      }
      return showForm(deps, request, reply, 401, { login, next, error: 'Неверный логин или пароль.' });
    }
    reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/login' });
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookies(deps, request), maxAge: deps.settings.WEB_SESSION_HOURS * 3600,
    });
    return reply.code(303).header('location', next).send();
  });

  app.post('/logout', async (request, reply) => {
    if (request.session) await logOut(deps, request.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(303).header('location', '/login').send();
  });

  app.get('/', async (_request, reply) => reply.code(303).header('location', '/queue').send());
}
