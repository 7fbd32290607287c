// Admins manage accounts: create, change role, (de)activate, set a new password.
import type { UserRecord } from '../../store/index.js';
import { html } from '../html.js';
import { dateTime } from './format.js';
import { csrfField, notice, page, type PageContext } from './layout.js';

export function usersPage(ctx: PageContext, users: UserRecord[], flash: { ok?: string | null; error?: string | null }): string {
  return page(ctx, 'Пользователи', html`
<h1>Пользователи</h1>
${notice('ok', flash.ok)}
${notice('error', flash.error)}
<table class="users"><thead><tr><th>Логин</th><th>Роль</th><th>Активен</th><th>Создан</th><th>Изменить</th></tr></thead><tbody>
${users.map((u) => html`<tr><td><a href="/audit?actor=${u.login}">${u.login}</a></td><td>${u.role}</td><td>${u.active ? 'да' : 'нет'}</td><td>${dateTime(u.createdAt, ctx.timeZone)}</td>
<td><form method="post" action="/admin/users/${u.id}" class="inline">${csrfField(ctx)}
  <select name="role"><option value="clerk"${u.role === 'clerk' ? ' selected' : ''}>clerk</option><option value="admin"${u.role === 'admin' ? ' selected' : ''}>admin</option></select>
  <select name="active"><option value="true"${u.active ? ' selected' : ''}>активен</option><option value="false"${u.active ? '' : ' selected'}>отключён</option></select>
  <input type="password" name="password" placeholder="новый пароль" autocomplete="new-password">
  <button type="submit">Сохранить</button></form></td></tr>`)}
</tbody></table>
<h2>Новый пользователь</h2>
<form method="post" action="/admin/users" class="new-user">${csrfField(ctx)}
  <label>Логин <input name="login" required></label>
  <label>Роль <select name="role"><option value="clerk">clerk</option><option value="admin">admin</option></select></label>
  <label>Пароль <input type="password" name="password" required autocomplete="new-password"></label>
  <button type="submit">Создать</button>
</form>`);
}
