import crypto from 'node:crypto';
import type http from 'node:http';
import type { Clock } from '../kernel/clock.js';
import { AppError, ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import { isLanguage, t } from '../i18n/index.js';
import type { CaseService } from '../cases/caseService.js';
import { isRef } from '../cases/refs.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import type { Language } from '../kernel/language.js';
import { safeEqual, type ConsoleAuth, type Session } from './auth.js';
import { html } from './html.js';
import { BodyTooLargeError, htmlResponse, jsonResponse, parseCookies, readForm, redirect, UnsupportedBodyError, type Request, type Response } from './http.js';
import { MalformedPathError, type Router } from './router.js';
import { page, tr, type ViewContext } from './views/common.js';

/*
 * What every console route shares: the request context (session, language, view), the guards that turn a
 * missing session or the wrong role into a refusal, the POST body with its CSRF check, and the mapping of
 * a refusal or failure to an HTML page (or JSON under /api/).
 */

export const SESSION_COOKIE = 'xf_console_session';
export const LOGIN_COOKIE = 'xf_console_login';
/** Over HTTPS the cookies carry the __Host- prefix: Secure, Path=/, no Domain, so no sibling host can set them. */
export const cookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);
export const LANG_COOKIE = 'xf_console_lang';
const MAX_BODY_BYTES = 64 * 1024;
/** The one POST checked against its own signed token instead of the session's: there is no session yet. */
const SIGN_IN_PATH = '/login';

export interface ConsoleDeps {
  pool: Pool;
  cases: CaseService;
  directory: Directory;
  clock: Clock;
  auth: ConsoleAuth;
  logger: Logger;
}

/** What a route module is given: the dependencies and whether cookies are marked Secure. */
export interface RouteEnv {
  deps: ConsoleDeps;
  secure: boolean;
}

export interface Ctx {
  /** The address as requested (the sign-in page sends the user back to it). */
  url: URL;
  req: Request;
  session: Session | null;
  lang: Language;
  view: ViewContext;
}

export type Handler = (c: Ctx) => Promise<Response>;
export type Routes = Router<Handler>;

/** A refusal shown to the user: status and message key. `login` means "no session": sign in first. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

const OFFICE_ROLES = new Set(['reviewer', 'supervisor']);

export function requireSession(c: Ctx): Session {
  if (!c.session) throw new HttpError(401, 'login');
  return c.session;
}

export function requireOffice(c: Ctx): Session {
  const s = requireSession(c);
  if (!OFFICE_ROLES.has(s.user.role)) throw new HttpError(403, 'console.error.forbidden');
  return s;
}

export function requireSupervisor(c: Ctx): Session {
  const s = requireSession(c);
  if (s.user.role !== 'supervisor') throw new HttpError(403, 'console.error.forbidden');
  return s;
}

export const ACTION_LABEL: Record<string, string> = {
  approve: 'console.action.approve',
  reassign: 'console.action.reassign',
  ask: 'console.action.ask',
  'not-accept': 'console.action.not_accept',
  urgent: 'console.action.urgent',
};

/** Confirmations that are a sentence of their own rather than "{action} done". */
const DONE_TEXT: Record<string, string> = { 'consent-asked': 'console.done.consent_asked' };

/** The confirmation after an action's redirect (`?done=approve&ref=…`), or null. */
export function flashDone(c: Ctx): string | null {
  const done = c.req.query.get('done');
  const ref = c.req.query.get('ref');
  if (!done || !ref || !isRef(ref)) return null;
  if (DONE_TEXT[done]) return tr(c.view, DONE_TEXT[done]!, { ref });
  return ACTION_LABEL[done] ? tr(c.view, 'console.done', { ref, action: tr(c.view, ACTION_LABEL[done]!) }) : null;
}

/** The request context: cookies, language (cookie, else 简体) and the session, if any. */
export async function requestContext(
  deps: ConsoleDeps,
  method: string,
  url: URL,
  headers: http.IncomingHttpHeaders,
  conn: { secure?: boolean; remote?: string } = {},
): Promise<Ctx> {
  const cookies = parseCookies(headers.cookie);
  const langCookie = cookies[LANG_COOKIE];
  const lang: Language = isLanguage(langCookie) ? langCookie : 'zh-Hans';
  const req: Request = { method, path: url.pathname, query: url.searchParams, cookies, headers, form: new URLSearchParams(), params: {}, remote: conn.remote };
  const session = await deps.auth.session(cookies[cookieName(SESSION_COOKIE, conn.secure ?? false)]);
  const view: ViewContext = {
    lang,
    session,
    path: req.path + (req.query.size ? `?${req.query}` : ''),
    directory: deps.directory,
    now: deps.clock.now(),
  };
  return { url, req, session, lang, view };
}

/** Reads a POST's url-encoded form into `c.req.form`; every POST but the sign-in must carry the session's token. */
export async function readPost(raw: http.IncomingMessage, c: Ctx, logger: Logger): Promise<void> {
  c.req.form = await readForm(raw, MAX_BODY_BYTES);
  if (c.req.path === SIGN_IN_PATH) return;
  if (!c.session) throw new HttpError(401, 'login');
  if (!safeEqual(c.req.form.get('_csrf') ?? '', c.session.csrf)) {
    logger.warn({ user: c.session.user.username, path: c.req.path }, 'console POST without a valid CSRF token refused');
    throw new HttpError(403, 'console.error.csrf');
  }
}

export function errorPage(c: Ctx, status: number, text: string): Response {
  if (c.req.path.startsWith('/api/')) return jsonResponse(status, { error: text });
  return htmlResponse(status, page(c.view, tr(c.view, 'console.error.title'), html`<p class="flash error" role="alert">${text}</p>`));
}

/** The answer to a request that threw: a refusal the user can act on, or a 500 with an id to quote (logged). */
export function failureResponse(c: Ctx, err: unknown, logger: Logger): Response {
  if (err instanceof HttpError) {
    if (err.key === 'login') {
      if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
        return redirect(`/login?back=${encodeURIComponent(c.url.pathname + c.url.search)}`);
      }
      return errorPage(c, 401, tr(c.view, 'console.login.title'));
    }
    return errorPage(c, err.status, tr(c.view, err.key, err.params));
  }
  if (err instanceof MalformedPathError) return errorPage(c, 400, tr(c.view, 'console.error.validation', { detail: 'malformed address' }));
  if (err instanceof BodyTooLargeError) return errorPage(c, 413, tr(c.view, 'console.error.validation', { detail: 'form too large' }));
  if (err instanceof UnsupportedBodyError) return errorPage(c, 415, tr(c.view, 'console.error.validation', { detail: 'form encoding' }));
  if (err instanceof AppError && !err.report && err instanceof ValidationError) {
    return errorPage(c, 422, tr(c.view, 'console.error.validation', { detail: err.message }));
  }
  const id = crypto.randomBytes(4).toString('hex');
  logger.error({ errorId: id, err: (err as Error).message, stack: (err as Error).stack, path: c.req.path }, 'console request failed');
  return errorPage(c, 500, t(c.lang, 'console.error.generic', { id }));
}
