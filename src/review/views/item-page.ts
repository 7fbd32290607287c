// One review item: the message shown safely (text as text; HTML only sanitised in a sandboxed frame; photos with
// zoom/rotate and the OCR highlight; attachments as downloads), the registry record, the prefilled readings and
// every action as a plain form. Everything the customer wrote reaches this page as escaped text only.
import type { StoredMeter } from '../../store/index.js';
import { html, type Html } from '../html.js';
import { REJECT_TEMPLATES } from '../reply-templates.js';
import { CLOSE_REASONS } from '../services/close-item.js';
import type { AttachmentView, ItemView } from '../services/load-item.js';
import { dateTime, size, zoneValues } from './format.js';
import { csrfField, notice, page, type PageContext } from './layout.js';

// A page stays readable; the whole message is in the Review folder and in the database.
const MAX_TEXT_CHARS = 200_000;
const KIND_NAMES: Record<string, string> = { electricity: 'электроэнергия', heat: 'тепло' };
const ACTION_NAMES: Record<string, string> = {
  decide: 'решение', 'review.confirm': 'подтверждено', 'review.correct': 'исправлено и подтверждено', 'review.reject': 'отклонено с ответом',
  'review.close': 'закрыто без ответа', 'review.link_sender': 'адрес привязан к счёту', 'review.forward': 'переслано', fail: 'ошибка', duplicate: 'повтор',
};

export interface ItemPageOptions {
  flash?: string | null;
  error?: string | null;
  forwardTo: readonly { name: string; address: string }[];
  /** Values the clerk submitted (shown again after a refused confirm). */
  rows?: { meterId: string; values: string[] }[];
  account?: string;
}

const meterLabel = (m: StoredMeter): string =>
  `счёт ${m.account} · № ${m.meter} · ${KIND_NAMES[m.kind] ?? m.kind}, ${m.zones} зон. · посл. ${zoneValues(m.last)} (${m.lastDate ?? '—'})`;

export function itemPage(ctx: PageContext, v: ItemView, o: ItemPageOptions): string {
  const { item, message, lock } = v;
  const open = item.status === 'open';
  const editable = open && lock.mine;
  const tz = ctx.timeZone;
  return page(ctx, `Обращение ${item.id}`, html`
<div class="item-head">
  <h1>Обращение № ${item.id} <small>${open ? 'открыто' : 'обработано'}</small></h1>
  <nav class="item-nav"><a href="/queue">← очередь</a> <a href="/items/next?after=${item.id}" id="next-item" accesskey="n">следующее (n)</a></nav>
</div>
${notice('ok', o.flash)}
${notice('error', o.error)}
${open && !lock.mine ? html`<p class="notice lock" role="alert" id="lock-holder">Обращение открыто специалистом <b>${lock.holder ?? '—'}</b> до ${dateTime(lock.until, tz)}. Только просмотр.</p>` : ''}
${open && lock.mine ? html`<p class="lock-mine" id="lock-mine" data-item="${item.id}">Обращение закреплено за вами до <span id="lock-until">${dateTime(lock.until, tz)}</span> (продлевается, пока страница открыта).</p>` : ''}
${!open ? html`<p class="notice info">Обработано: ${item.resolvedBy ?? '—'}, ${dateTime(item.resolvedAt, tz)}.</p>` : ''}
<div class="item-grid">
<section class="message">
  <h2>Письмо</h2>
  <table class="headers">
    <tr><th>Получено</th><td>${dateTime(message.receivedAt ?? message.createdAt, tz)}</td></tr>
    ${v.headers.map((h) => html`<tr><th>${h.name}</th><td>${h.value}</td></tr>`)}
    ${v.headers.length === 0 ? html`<tr><th>from</th><td>${message.fromAddress ?? '—'}</td></tr><tr><th>subject</th><td>${message.subject ?? ''}</td></tr>` : ''}
  </table>
  ${v.parsed === null ? html`<p class="notice info">Исходный текст письма удалён по сроку хранения.</p>` : html`
  <h3>Текст</h3>
  <pre class="body-text" id="body-text">${v.parsed.fullText.slice(0, MAX_TEXT_CHARS) || '(пусто)'}</pre>
  ${v.parsed.fullText.length > MAX_TEXT_CHARS ? html`<p class="hint">Показано начало текста (${MAX_TEXT_CHARS} из ${v.parsed.fullText.length} символов).</p>` : ''}
  ${v.parsed.html !== null ? html`<h3>HTML-версия <small>(очищена, без скриптов и внешних ресурсов)</small></h3>
  <iframe class="body-html" src="/items/${item.id}/body.html" sandbox="" referrerpolicy="no-referrer" title="HTML-версия письма"></iframe>` : ''}
  ${v.attachments.length > 0 ? html`<h3>Вложения</h3>
  <ul class="attachments">${v.attachments.map((a) => html`<li><a href="/items/${item.id}/attachments/${a.index}" download>${a.filename}</a> <small>${a.contentType}, ${size(a.size)}</small></li>`)}</ul>
  ${v.attachments.filter((a) => a.photo).map((a) => photo(item.id, a))}` : ''}`}
</section>
<section class="work">
  <h2>Причины</h2>
  <ul class="reasons-list">${v.reasons.map((r) => html`<li><span class="reason">${r.code}</span> ${r.text}</li>`)}</ul>
  ${v.period ? html`<p>Расчётный период письма: <b>${v.period}</b></p>` : ''}
  <h2>Реестр</h2>
  ${v.accounts.length === 0 ? html`<p>Лицевой счёт не определён.</p>` : v.accounts.map((a) => html`
  <div class="account">
    <h3>Лицевой счёт ${a.number}</h3>
    <table class="meters"><thead><tr><th>Прибор</th><th>Вид</th><th>Зон</th><th>Разр.</th><th>Последние</th><th>Дата</th></tr></thead>
    <tbody>${a.meters.map((m) => html`<tr><td>${m.meter}</td><td>${KIND_NAMES[m.kind] ?? m.kind}</td><td>${m.zones}</td><td>${m.digits}</td><td>${zoneValues(m.last)}</td><td>${m.lastDate ?? '—'}</td></tr>`)}</tbody></table>
    <p class="senders">Адреса: ${a.senders.map((s) => `${s.address}${s.source === 'clerk' ? ' (привязан специалистом)' : ''}`).join(', ') || '—'}</p>
  </div>`)}
  <form method="get" action="/items/${item.id}" class="account-lookup">
    <label>Найти счёт <input name="account" inputmode="numeric" value="${o.account ?? ''}" placeholder="номер лицевого счёта"></label>
    <button type="submit">Показать</button>
  </form>
  ${editable ? actions(ctx, v, o) : ''}
</section>
</div>
<section class="history">
  <h2>История</h2>
  <table><thead><tr><th>Когда</th><th>Кто</th><th>Действие</th><th>Было</th><th>Стало</th></tr></thead><tbody>
  ${v.history.map((h) => html`<tr><td>${dateTime(h.at, tz)}</td><td><a href="/audit?actor=${h.actor}">${h.actor}</a></td><td>${ACTION_NAMES[h.action] ?? h.action}</td><td><code>${json(h.before)}</code></td><td><code>${json(h.after)}</code></td></tr>`)}
  </tbody></table>
</section>
<aside class="keys"><b>Клавиши:</b> Tab — по полям, Enter — подтвердить, <kbd>n</kbd> — следующее, <kbd>r</kbd> — к ответу с отказом, <kbd>c</kbd> — к значениям, <kbd>z</kbd>/<kbd>x</kbd> — увеличить/повернуть фото.</aside>`, { bodyClass: 'item-page' });
}

function json(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}

function photo(itemId: number, a: AttachmentView): Html {
  const r = a.reading;
  const crop = r?.crop && r.imageWidth > 0 && r.imageHeight > 0 ? r.crop : null;
  const best = r?.candidates[0];
  // Another meter's counter in the same photo (a cabinet): the decision may have taken it by its serial.
  const others = crop ? (r?.otherCounters ?? []) : [];
  return html`<figure class="photo" data-index="${a.index}">
  <div class="photo-controls">
    <button type="button" data-photo="zoom-in" title="Увеличить (z)">+</button>
    <button type="button" data-photo="zoom-out" title="Уменьшить">-</button>
    <button type="button" data-photo="rotate" title="Повернуть (x)">⟳</button>
    <button type="button" data-photo="reset" title="Исходный вид">1:1</button>
  </div>
  <div class="photo-frame"><div class="photo-stage">
    <img src="/items/${itemId}/photos/${a.index}" alt="${a.filename}">
    ${crop && r ? html`<svg class="crop" viewBox="0 0 ${r.imageWidth} ${r.imageHeight}" preserveAspectRatio="none" aria-hidden="true"><rect class="crop-box" x="${crop.left}" y="${crop.top}" width="${crop.width}" height="${crop.height}"/>${others.map((o) => html`<rect class="crop-box other" x="${o.crop.left}" y="${o.crop.top}" width="${o.crop.width}" height="${o.crop.height}"/>`)}</svg>` : ''}
  </div></div>
  <figcaption>${a.filename}${r ? html` · распознано: ${best ? html`<b>${best.digits}</b> (уверенность ${Math.round(best.confidence * 100)}%)` : r.problem ?? '—'}${r.serial ? html` · № ${r.serial}` : ''}` : ''}${others.map((o) => html`<br>ещё счётчик на фото (пунктир): <b>${o.candidates[0]?.digits ?? '—'}</b> (уверенность ${Math.round((o.candidates[0]?.confidence ?? 0) * 100)}%)${o.serial ? html` · № ${o.serial}` : ''}`)}</figcaption>
</figure>`;
}

function actions(ctx: PageContext, v: ItemView, o: ItemPageOptions): Html {
  const id = v.item.id;
  const options = v.meterOptions;
  const start = o.rows ?? [
    ...v.extracted.map((r) => ({
      meterId: String(options.find((m) => m.account === r.account && m.meter === r.meter)?.id ?? ''),
      values: [r.t1, r.t2, r.t3].map((x) => (x === null ? '' : String(x))),
    })),
    ...(v.extracted.length === 0 ? [{ meterId: options.length === 1 ? String(options[0]!.id) : '', values: ['', '', ''] }] : []),
  ];
  const rows = [...start, { meterId: '', values: ['', '', ''] }].slice(0, 10);
  const from = v.message.fromAddress;
  const linkable = from && !v.senderAccounts.includes(v.accounts[0]?.number ?? '');
  return html`
<h2>Действия</h2>
<form method="post" action="/items/${id}/confirm" class="confirm" id="confirm-form">
  ${csrfField(ctx)}
  <fieldset><legend>Показания (подтвердить как есть или исправить)</legend>
  <table class="rows"><thead><tr><th>Прибор учёта</th><th>Т1 / день</th><th>Т2 / ночь</th><th>Т3</th></tr></thead><tbody>
  ${rows.map((row, n) => html`<tr>
    <td><select name="meter_${n}" aria-label="Прибор, строка ${n + 1}"><option value="">—</option>${options.map((m) => html`<option value="${m.id}"${String(m.id) === row.meterId ? ' selected' : ''}>${meterLabel(m)}</option>`)}</select></td>
    ${[0, 1, 2].map((z) => html`<td><input name="t${z + 1}_${n}" inputmode="numeric" pattern="[0-9 ]*" size="9" autocomplete="off" value="${row.values[z] ?? ''}" aria-label="Зона ${z + 1}, строка ${n + 1}"${n === 0 && z === 0 ? html` autofocus id="first-value"` : ''}></td>`)}
  </tr>`)}
  </tbody></table>
  ${options.length === 0 ? html`<p class="hint">Найдите лицевой счёт выше, чтобы выбрать прибор.</p>` : ''}
  <button type="submit" class="primary">Подтвердить (Enter)</button>
  </fieldset>
</form>
${linkable && v.accounts.length > 0 ? html`<form method="post" action="/items/${id}/link-sender" class="link-sender">
  ${csrfField(ctx)}
  <label>Привязать адрес ${from} к счёту <select name="account">${v.accounts.map((a) => html`<option value="${a.number}">${a.number}</option>`)}</select></label>
  <button type="submit">Привязать</button>
</form>` : ''}
<form method="post" action="/items/${id}/reject" class="reject" id="reject-form">
  ${csrfField(ctx)}
  <fieldset><legend>Отклонить с ответом абоненту${from ? html` (${from})` : ''}</legend>
  <label>Шаблон <select name="template" id="reject-template">${REJECT_TEMPLATES.map((t) => html`<option value="${t.id}" data-body="${t.body}">${t.title}</option>`)}</select></label>
  <label>Тема <input name="subject" size="50" value="${replySubject(v.message.subject)}"></label>
  <textarea name="text" id="reject-text" rows="9" cols="70">${REJECT_TEMPLATES[0]!.body}</textarea>
  <button type="submit" id="reject-submit">Отклонить и отправить ответ</button>
  </fieldset>
</form>
<form method="post" action="/items/${id}/close" class="close">
  ${csrfField(ctx)}
  <fieldset><legend>Закрыть без ответа</legend>
  <select name="reason">${Object.entries(CLOSE_REASONS).map(([k, t]) => html`<option value="${k}">${t}</option>`)}</select>
  <input name="note" size="40" placeholder="примечание">
  <button type="submit">Закрыть</button>
  </fieldset>
</form>
${o.forwardTo.length > 0 ? html`<form method="post" action="/items/${id}/forward" class="forward">
  ${csrfField(ctx)}
  <fieldset><legend>Переслать в другой отдел</legend>
  <select name="to">${o.forwardTo.map((d) => html`<option value="${d.address}">${d.name} (${d.address})</option>`)}</select>
  <input name="note" size="40" placeholder="комментарий для отдела">
  <button type="submit">Переслать</button>
  </fieldset>
</form>` : ''}`;
}

function replySubject(subject: string | null): string {
  const s = (subject ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s ? `Re: ${s.replace(/^(re|отв|ответ)\s*:\s*/i, '')}`.slice(0, 200) : 'Ваше письмо с показаниями';
}
