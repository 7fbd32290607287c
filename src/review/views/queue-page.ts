// The queue: filters (reason, kind, age), search, counts per reason, oldest first, an SLA marker.
import { html } from '../html.js';
import { AGES, KINDS } from '../queue-kinds.js';
import { PAGE_SIZE, type QueueQuery, type QueueView } from '../services/load-queue.js';
import { age, dateTime } from './format.js';
import { notice, page, type PageContext } from './layout.js';

function link(query: QueueQuery, patch: Partial<QueueQuery>): string {
  const q = { ...query, page: 1, ...patch };
  const params = new URLSearchParams();
  if (q.reason) params.set('reason', q.reason);
  if (q.kind) params.set('kind', q.kind);
  if (q.age) params.set('age', q.age);
  if (q.q) params.set('q', q.q);
  if (q.page > 1) params.set('page', String(q.page));
  const s = params.toString();
  return s ? `/queue?${s}` : '/queue';
}

export function queuePage(ctx: PageContext, view: QueueView, flash: string | null): string {
  const { query, now } = view;
  const slaMs = view.slaHours * 3600_000;
  const pages = Math.max(1, Math.ceil(view.total / PAGE_SIZE));
  return page(ctx, 'Очередь', html`
<h1>Очередь: ${view.openTotal} открыт.${view.oldest ? html` <small>старейшее — ${age(view.oldest, now)}</small>` : ''}</h1>
${notice('ok', flash)}
<form method="get" action="/queue" class="filters" role="search">
  <label>Поиск <input type="search" name="q" value="${query.q}" placeholder="счёт, прибор или адрес" id="queue-search"></label>
  <label>Вид <select name="kind"><option value="">все</option>${Object.entries(KINDS).map(([k, v]) => html`<option value="${k}"${query.kind === k ? ' selected' : ''}>${v.label}</option>`)}</select></label>
  <label>Возраст <select name="age"><option value="">любой</option>${Object.entries(AGES).map(([k, v]) => html`<option value="${k}"${query.age === k ? ' selected' : ''}>${k === 'sla' ? `старше ${view.slaHours} ч (срок)` : v}</option>`)}</select></label>
  ${query.reason ? html`<input type="hidden" name="reason" value="${query.reason}">` : ''}
  <button type="submit">Показать</button>
  <a href="/queue">Сбросить</a>
</form>
<section class="reasons">
  <h2>По причинам</h2>
  <ul>${view.byReason.map((r) => html`<li${query.reason === r.code ? html` class="current"` : ''}><a href="${link(query, { reason: query.reason === r.code ? null : r.code })}" title="${r.code}">${r.text}</a> <span class="count">${r.count}</span></li>`)}</ul>
</section>
<p class="summary">Найдено: ${view.total}${query.reason ? html` · причина «${view.byReason.find((r) => r.code === query.reason)?.text ?? query.reason}»` : ''}. Сначала самые старые. Красная метка — старше ${view.slaHours} ч.</p>
<table class="queue">
  <thead><tr><th>№</th><th>Получено</th><th>Ждёт</th><th>Отправитель</th><th>Тема</th><th>Причины</th><th>Занято</th></tr></thead>
  <tbody>
  ${view.rows.map((r) => {
    const late = now.getTime() - r.createdAt.getTime() > slaMs;
    const locked = r.lockedBy && r.lockedUntil && r.lockedUntil > now ? r.lockedBy : null;
    return html`<tr class="${late ? 'late' : ''}">
      <td><a href="/items/${r.id}">${r.id}</a></td>
      <td>${dateTime(r.receivedAt ?? r.createdAt, ctx.timeZone)}</td>
      <td>${late ? html`<span class="sla" title="Старше срока обработки">⚠ ${age(r.createdAt, now)}</span>` : age(r.createdAt, now)}</td>
      <td>${r.fromAddress ?? '—'}</td>
      <td><a href="/items/${r.id}">${r.subject || '(без темы)'}</a></td>
      <td>${r.reasons.map((c) => html`<span class="reason" title="${view.byReason.find((b) => b.code === c)?.text ?? c}">${c}</span> `)}</td>
      <td>${locked ?? ''}</td>
    </tr>`;
  })}
  </tbody>
</table>
${view.rows.length === 0 ? html`<p class="empty">Нет обращений.</p>` : ''}
<nav class="pages">
  ${query.page > 1 ? html`<a href="${link(query, { page: query.page - 1 })}" rel="prev">← назад</a>` : ''}
  <span>стр. ${query.page} из ${pages}</span>
  ${query.page < pages ? html`<a href="${link(query, { page: query.page + 1 })}" rel="next">дальше →</a>` : ''}
  <a href="/items/next" class="next-item">Взять следующее (n)</a>
</nav>`, { bodyClass: 'queue-page' });
}
