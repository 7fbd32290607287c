// The page frame: Russian, our stylesheet and script only (the CSP allows nothing else), navigation, logout form.
import { html, type Html } from '../html.js';
import type { SessionRecord } from '../../store/index.js';

export interface PageContext {
  session: SessionRecord | null;
  timeZone: string;
}

export function page(ctx: PageContext, title: string, body: Html, options: { bodyClass?: string } = {}): string {
  const s = ctx.session;
  return html`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} — показания по e-mail</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body class="${options.bodyClass ?? ''}"${s ? html` data-csrf="${s.csrfToken}"` : ''}>
${s ? html`<header class="top">
  <a class="brand" href="/queue">Показания по e-mail</a>
  <nav>
    <a href="/queue">Очередь</a>
    <a href="/audit?actor=${s.user.login}">Мои действия</a>
    ${s.user.role === 'admin' ? html`<a href="/audit">Журнал</a> <a href="/admin/users">Пользователи</a>` : ''}
  </nav>
  <form method="post" action="/logout" class="logout">
    <input type="hidden" name="_csrf" value="${s.csrfToken}">
    <span class="who">${s.user.login} (${s.user.role === 'admin' ? 'администратор' : 'специалист'})</span>
    <button type="submit">Выйти</button>
  </form>
</header>` : ''}
<main>
${body}
</main>
</body>
</html>`.value;
}

export const csrfField = (ctx: PageContext): Html => html`<input type="hidden" name="_csrf" value="${ctx.session?.csrfToken ?? ''}">`;

export function notice(kind: 'ok' | 'error' | 'info', text: string | null | undefined): Html {
  return text ? html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>` : html``;
}
