// The audit trail: one clerk's actions, or everything (admins).
import type { AuditRecord } from '../../store/index.js';
import { html } from '../html.js';
import { dateTime } from './format.js';
import { page, type PageContext } from './layout.js';

export function auditPage(ctx: PageContext, actor: string | null, entries: AuditRecord[]): string {
  return page(ctx, 'Журнал', html`
<h1>Журнал действий${actor ? html`: ${actor}` : ''}</h1>
<table class="audit"><thead><tr><th>Когда</th><th>Кто</th><th>Действие</th><th>Объект</th><th>Было</th><th>Стало</th></tr></thead><tbody>
${entries.map((e) => html`<tr><td>${dateTime(e.at, ctx.timeZone)}</td><td>${e.actor}</td><td>${e.action}</td>
<td>${e.entity === 'review' && e.entityId ? html`<a href="/items/${e.entityId}">обращение ${e.entityId}</a>` : `${e.entity} ${e.entityId ?? ''}`}</td>
<td><code>${e.before === null ? '' : JSON.stringify(e.before).slice(0, 400)}</code></td><td><code>${e.after === null ? '' : JSON.stringify(e.after).slice(0, 400)}</code></td></tr>`)}
</tbody></table>
${entries.length === 0 ? html`<p>Записей нет.</p>` : ''}`);
}
