import { html, type Html } from '../html.js';
import { flash, page, tr, type ViewContext } from './common.js';

export function loginPage(v: ViewContext, data: { csrf: string; username?: string; error?: string | null; back?: string }): Html {
  const body = html`${flash('error', data.error)}
<form method="post" action="/login" class="login">
<input type="hidden" name="_csrf" value="${data.csrf}">
<input type="hidden" name="back" value="${data.back ?? '/queue'}">
<label for="username">${tr(v, 'console.login.username')}</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${data.username ?? ''}" maxlength="64">
<label for="password">${tr(v, 'console.login.password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">${tr(v, 'console.login.submit')}</button>
</form>`;
  return page(v, tr(v, 'console.login.title'), body);
}
