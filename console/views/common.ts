import { hasMessage, t } from '../../i18n/index.js';
import { noClockReason } from '../../cases/cardLabels.js';
import { shanghaiDateTime, shanghaiDay } from '../../cases/refs.js';
import type { Directory } from '../../directory/directory.js';
import type { Language } from '../../kernel/language.js';
import type { Session } from '../auth.js';
import { html, raw, type Html } from '../html.js';

/** What every page needs to render: language, who is signed in, the CSRF token, the live directory. */
export interface ViewContext {
  lang: Language;
  session: Session | null;
  path: string;
  directory: Directory;
  now: Date;
}

export type Params = Record<string, string | number | null | undefined>;
export const tr = (v: ViewContext, key: string, params: Params = {}): string => t(v.lang, key, params);
/** A vocabulary label (`console.status.referred`), or the code itself when the catalogue has none. */
export const label = (v: ViewContext, prefix: string, code: string | null | undefined): string =>
  code ? (hasMessage(`${prefix}.${code}`) ? t(v.lang, `${prefix}.${code}`) : code) : t(v.lang, 'console.none');

export const day = (d: Date | null | undefined): string => (d ? shanghaiDay(d) : '—');
export const dateTime = (d: Date | null | undefined): string => (d ? shanghaiDateTime(d) : '—');

/** A department's or organization's name in the page language; a service code's label otherwise. */
export function handlerName(v: ViewContext, kind: string | null, id: string | null): string {
  if (!kind || !id) return tr(v, 'console.none');
  const h = v.directory.handler(kind as 'department' | 'organization', id);
  return h ? h.names[v.lang] : id;
}

export function targetName(v: ViewContext, target: string | null): string {
  if (!target) return tr(v, 'console.none');
  const d = v.directory.department(target);
  if (d) return d.names[v.lang];
  return label(v, 'console.service', target);
}

/**
 * A case's target as a list shows it: a petition whose department declined it keeps that department's code as
 * its target until the office chooses, so without a handler it reads "government department", not the one
 * that sent it back (the queue had named the declining department as the case's target).
 */
export function caseTargetName(v: ViewContext, c: { target: string | null; handlerId: string | null }): string {
  if (!c.handlerId && c.target && v.directory.department(c.target)) return tr(v, 'cases.staff.target.department');
  return targetName(v, c.target);
}

/** The handler's name, or "not chosen yet" (a case whose handler declined, before the office chooses). */
export function caseHandlerName(v: ViewContext, c: { handlerKind: string | null; handlerId: string | null }): string {
  return c.handlerId ? handlerName(v, c.handlerKind, c.handlerId) : tr(v, 'cases.staff.to_be_chosen');
}

/** Why a queue row has no statutory date (cases/cardLabels.ts): a decline, no referral yet, a reopening. */
export function noClockText(v: ViewContext, c: Parameters<typeof noClockReason>[0]): string {
  return tr(v, `cases.staff.no_clock.${noClockReason(c)}`);
}

export function timeLeft(v: ViewContext, due: Date | null): { text: string; overdue: boolean } {
  if (!due) return { text: tr(v, 'console.none'), overdue: false };
  const ms = due.getTime() - v.now.getTime();
  if (ms < 0) return { text: tr(v, 'console.left.overdue', { days: Math.ceil(-ms / 86_400_000) }), overdue: true };
  if (ms < 48 * 3_600_000) return { text: tr(v, 'console.left.hours', { hours: Math.floor(ms / 3_600_000) }), overdue: false };
  return { text: tr(v, 'console.left.days', { days: Math.floor(ms / 86_400_000) }), overdue: false };
}

export const csrfField = (v: ViewContext): Html => html`<input type="hidden" name="_csrf" value="${v.session?.csrf ?? ''}">`;

export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

const LANG_NAMES: Record<Language, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

export function flash(kind: 'ok' | 'error', text: string | null | undefined): Html {
  if (!text) return html``;
  return kind === 'ok'
    ? html`<p class="flash ok" role="status">${text}</p>`
    : html`<p class="flash error" role="alert">${text}</p>`;
}

export function page(v: ViewContext, title: string, body: Html, opts: { scripts?: string[] } = {}): Html {
  const s = v.session;
  const nav: Array<[string, string]> = [];
  if (s) {
    if (s.user.role === 'handler') nav.push(['/queue', tr(v, 'console.nav.my_cases')]);
    else nav.push(['/queue', tr(v, 'console.nav.queue')]);
    if (s.user.role === 'supervisor') nav.push(['/dashboard', tr(v, 'console.nav.dashboard')]);
    if (s.user.role !== 'handler') nav.push(['/directory', tr(v, 'console.nav.directory')]);
  }
  const back = encodeURIComponent(v.path);
  return html`<!doctype html>
<html lang="${v.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${tr(v, 'console.title')}</title>
<link rel="stylesheet" href="/static/console.css">
${(opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${tr(v, 'console.skip')}</a>
<header class="top">
  <span class="brand">${tr(v, 'console.title')}</span>
  ${s
    ? html`<nav aria-label="${tr(v, 'console.nav.label')}"><ul>${nav.map(
        ([href, text]) => html`<li><a href="${href}"${v.path.startsWith(href) ? raw(' aria-current="page"') : ''}>${text}</a></li>`,
      )}</ul></nav>`
    : ''}
  <div class="who">
    <span class="langs" role="group" aria-label="${tr(v, 'console.lang.label')}">${(Object.keys(LANG_NAMES) as Language[]).map((l) =>
      l === v.lang
        ? html`<strong lang="${l}">${LANG_NAMES[l]}</strong>`
        : html`<a lang="${l}" hreflang="${l}" href="/lang?to=${l}&amp;back=${back}">${LANG_NAMES[l]}</a>`,
    )}</span>
    ${s
      ? html`<span>${tr(v, 'console.signed_in_as', { user: s.user.username, role: tr(v, `console.role.${s.user.role}`) })}</span>
    <form method="post" action="/logout" class="inline">${csrfField(v)}<button type="submit">${tr(v, 'console.nav.sign_out')}</button></form>`
      : ''}
  </div>
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}
