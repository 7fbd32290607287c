// The login form: login first, then password; Enter submits. A failed attempt shows the form again with the error.
import { html } from '../html.js';
import { notice, page } from './layout.js';

export function loginPage(input: { csrf: string; login?: string; error?: string | null; next?: string; timeZone: string }): string {
  return page({ session: null, timeZone: input.timeZone }, 'Вход', html`
<section class="login">
  <h1>Вход для специалистов</h1>
  ${notice('error', input.error)}
  <form method="post" action="/login" id="login-form">
    <input type="hidden" name="_csrf" value="${input.csrf}">
    <input type="hidden" name="next" value="${input.next ?? ''}">
    <label for="login">Логин</label>
    <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${input.login ?? ''}">
    <label for="password">Пароль</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Войти</button>
  </form>
</section>`, { bodyClass: 'login-page' });
}
