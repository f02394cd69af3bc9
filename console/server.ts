import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../app/clock.js';
import { AppError, ForbiddenError, IllegalTransitionError, NotFoundError, StaleError, ValidationError } from '../app/errors.js';
import type { Logger } from '../app/logger.js';
import { isLanguage, t } from '../bot/messages/index.js';
import type { CaseService } from '../cases/caseService.js';
import { isRef } from '../cases/refs.js';
import { canApply, isCaseStatus } from '../cases/stateMachine.js';
import { NOT_ACCEPTED_REASONS, type CaseStatus, type HandlerKind, type NotAcceptedReason } from '../cases/types.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../knowledge/directory.js';
import { isCategory, TARGET_CODES } from '../triage/taxonomy.js';
import type { Language } from '../triage/types.js';
import { safeEqual, type ConsoleAuth, type Session } from './auth.js';
import { overrideSchema, saveDirectoryOverride } from './directoryOverrides.js';
import { html } from './html.js';
import {
  BodyTooLargeError,
  cookie,
  htmlResponse,
  jsonResponse,
  localPath,
  parseCookies,
  readForm,
  redirect,
  Router,
  send,
  UnsupportedBodyError,
  type Request,
  type Response,
} from './http.js';
import { casePage, reassignTargets, type Visibility } from './views/case.js';
import { label, page, tr, type ViewContext } from './views/common.js';
import { dashboardCsv, dashboardPage, type DashboardData } from './views/dashboard.js';
import { directoryPage } from './views/directory.js';
import { loginPage } from './views/login.js';
import { QUEUE_PAGE_SIZE, queuePage, type QueueFilters } from './views/queue.js';

/*
 * The petition-office web console: server-rendered pages over node:http. Every case action goes through
 * CaseService with the version the form was rendered with (expectedVersion) and a per-form idempotency
 * key, exactly as the Telegram office card does, so the two channels cannot conflict: whichever acts
 * second gets a StaleError and a clear message. Handler accounts are read-only and see only cases
 * referred to their own department or organization (404 otherwise, pages and API alike).
 */

export const SESSION_COOKIE = 'xf_console_session';
const LOGIN_COOKIE = 'xf_console_login';
const LANG_COOKIE = 'xf_console_lang';
const MAX_BODY_BYTES = 64 * 1024;

export interface ConsoleDeps {
  pool: Pool;
  cases: CaseService;
  directory: Directory;
  clock: Clock;
  auth: ConsoleAuth;
  logger: Logger;
}

export interface ConsoleOptions {
  host: string;
  port: number;
  /** Mark cookies Secure (set behind HTTPS). */
  secureCookies: boolean;
}

interface Ctx {
  req: Request;
  session: Session | null;
  lang: Language;
  view: ViewContext;
}

const OFFICE_ROLES = new Set(['reviewer', 'supervisor']);
const ACTION_LABEL: Record<string, string> = {
  approve: 'console.action.approve',
  reassign: 'console.action.reassign',
  ask: 'console.action.ask',
  'not-accept': 'console.action.not_accept',
  urgent: 'console.action.urgent',
};

class HttpError extends Error {
  constructor(readonly status: number, readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

function loadStatic(): Map<string, { type: string; body: Buffer }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  // Served from node_modules: no CDN, so the console works on a closed network.
  const chartDir = path.dirname(require.resolve('chart.js'));
  return new Map([
    ['/static/console.css', { type: 'text/css; charset=utf-8', body: fs.readFileSync(path.join(here, 'static', 'console.css')) }],
    ['/static/console.js', { type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(here, 'static', 'console.js')) }],
    ['/static/chart.umd.min.js', { type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(chartDir, 'chart.umd.min.js')) }],
  ]);
}

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 86_400_000;

export function createConsoleHandler(deps: ConsoleDeps, opts: Pick<ConsoleOptions, 'secureCookies'>): http.RequestListener {
  const { cases, auth, logger, clock } = deps;
  const statics = loadStatic();
  const router = new Router();
  const secure = opts.secureCookies;

  const view = (req: Request, session: Session | null, lang: Language): ViewContext => ({
    lang,
    session,
    path: req.path + (req.query.size ? `?${req.query}` : ''),
    directory: deps.directory,
    now: clock.now(),
  });
  const requireSession = (c: Ctx): Session => {
    if (!c.session) throw new HttpError(401, 'login');
    return c.session;
  };
  const requireOffice = (c: Ctx): Session => {
    const s = requireSession(c);
    if (!OFFICE_ROLES.has(s.user.role)) throw new HttpError(403, 'console.error.forbidden');
    return s;
  };
  const requireSupervisor = (c: Ctx): Session => {
    const s = requireSession(c);
    if (s.user.role !== 'supervisor') throw new HttpError(403, 'console.error.forbidden');
    return s;
  };
  const flashDone = (c: Ctx): string | null => {
    const done = c.req.query.get('done');
    const ref = c.req.query.get('ref');
    return done && ACTION_LABEL[done] && ref && isRef(ref) ? tr(c.view, 'console.done', { ref, action: tr(c.view, ACTION_LABEL[done]!) }) : null;
  };

  // ---- case lists

  function queueFilters(q: URLSearchParams): QueueFilters {
    const pick = <T extends string>(v: string | null, ok: (x: string) => boolean): T | undefined => (v && ok(v) ? (v as T) : undefined);
    return {
      category: pick(q.get('category'), isCategory),
      target: pick(q.get('target'), (x) => (TARGET_CODES as readonly string[]).includes(x)),
      status: pick(q.get('status'), isCaseStatus),
      deadline: pick(q.get('deadline'), (x) => ['overdue', '3d', '7d', 'none'].includes(x)),
      sort: q.get('sort') === 'oldest' ? 'oldest' : 'urgent',
      page: Math.min(100_000, Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1)),
    };
  }

  async function listCases(s: Session, f: QueueFilters) {
    return cases.casePage({
      category: f.category,
      target: f.target,
      statuses: f.status ? [f.status as CaseStatus] : undefined,
      deadline: f.deadline,
      sort: f.sort,
      handler: s.user.role === 'handler' ? s.user.handler! : undefined,
      limit: QUEUE_PAGE_SIZE,
      offset: (f.page - 1) * QUEUE_PAGE_SIZE,
    });
  }

  router.add('GET', '/queue', async (req) => {
    const c = ctxOf(req);
    const s = requireSession(c);
    const filters = queueFilters(req.query);
    const list = await listCases(s, filters);
    return htmlResponse(200, queuePage(c.view, { ...list, filters, readOnly: s.user.role === 'handler', ok: flashDone(c) }));
  });

  router.add('GET', '/api/queue', async (req) => {
    const c = ctxOf(req);
    const s = requireSession(c);
    const { rows, total, capped, hasMore } = await listCases(s, queueFilters(req.query));
    return jsonResponse(200, { total, capped, hasMore, rows });
  });

  // ---- one case

  /** Loads a case the session may see; a handler asking for someone else's case gets the same 404 as for no case. */
  async function visibleCase(s: Session, ref: string): Promise<{ detail: Awaited<ReturnType<CaseService['caseDetail']>>; visibility: Visibility }> {
    if (!isRef(ref)) throw new HttpError(404, 'console.error.not_found');
    if (s.user.role === 'handler') {
      const h = s.user.handler!;
      if (!(await cases.visibleToHandler(ref, h.kind, h.id))) throw new HttpError(404, 'console.error.not_found');
    }
    try {
      const detail = await cases.caseDetail(ref);
      return { detail, visibility: s.user.role === 'handler' ? s.user.handler!.kind : 'office' };
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404, 'console.error.not_found');
      throw err;
    }
  }

  async function renderCase(c: Ctx, s: Session, ref: string, status = 200, error: string | null = null): Promise<Response> {
    const { detail, visibility } = await visibleCase(s, ref);
    // Load per handler is a scan of the open cases: read it only when the reassign list will show it.
    const load = visibility === 'office' && canApply(detail.case.status, 'reassign') ? await cases.handlerLoad() : {};
    return htmlResponse(status, casePage(c.view, detail, { visibility, load, ok: status === 200 ? flashDone(c) : null, error }));
  }

  router.add('GET', '/cases/:ref', async (req) => {
    const c = ctxOf(req);
    return renderCase(c, requireSession(c), req.params.ref!);
  });

  router.add('GET', '/api/cases/:ref', async (req) => {
    const c = ctxOf(req);
    const s = requireSession(c);
    const { detail, visibility } = await visibleCase(s, req.params.ref!);
    const k = detail.case;
    const consent = detail.consents.find((x) => !x.withdrawnAt);
    const summaryShared = visibility !== 'organization' || (consent?.sharedFields.includes('summary') ?? false);
    return jsonResponse(200, {
      ref: k.ref,
      status: k.status,
      category: k.category,
      target: k.target,
      handler: k.handlerKind ? { kind: k.handlerKind, id: k.handlerId } : null,
      urgent: k.urgent,
      version: k.version,
      receivedAt: k.receivedAt,
      summary: summaryShared ? k.summary : null,
      ...(visibility === 'office' ? { originalText: k.originalText, decision: k.decision } : {}),
      clocks: detail.clocks.map((x) => ({ kind: x.kind, article: x.article, dueAt: x.dueAt, stoppedAt: x.stoppedAt, stopReason: x.stopReason })),
      referrals: detail.referrals.map((r) => ({ handlerKind: r.handlerKind, handlerId: r.handlerId, status: r.status, createdAt: r.createdAt, answeredAt: r.answeredAt })),
      events: detail.events.map((e) => ({ at: e.at, actorKind: e.actorKind, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus })),
    });
  });

  // ---- the office card's actions

  router.add('POST', '/cases/:ref/:action', async (req) => {
    const c = ctxOf(req);
    const s = requireOffice(c);
    const ref = req.params.ref!;
    const action = req.params.action!;
    if (!ACTION_LABEL[action]) throw new HttpError(404, 'console.error.not_found');
    if (!isRef(ref)) throw new HttpError(404, 'console.error.not_found');
    const version = Number(req.form.get('version'));
    if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'console.error.validation', { detail: 'version' });
    const idem = req.form.get('idem');
    const opts = {
      expectedVersion: version,
      idempotencyKey: idem && /^[A-Za-z0-9_-]{8,40}$/.test(idem) ? `console:${s.user.id}:${idem}` : undefined,
    };
    const actor = { kind: 'office' as const, id: `console:${s.user.username}` };
    try {
      switch (action) {
        case 'approve':
          await cases.approveReferral(ref, actor, opts);
          break;
        case 'reassign': {
          const [kind, id] = (req.form.get('handler') ?? '').split(':') as [HandlerKind, string];
          const h = kind === 'department' || kind === 'organization' ? deps.directory.handler(kind, id ?? '') : undefined;
          if (!h) throw new ValidationError(`unknown handler ${req.form.get('handler') ?? ''}`);
          // Reviewers may reassign only to a handler with spare capacity; supervisors to any (DESIGN: "reassign anything").
          if (s.user.role !== 'supervisor') {
            const load = (await cases.handlerLoad())[id] ?? 0;
            if (load >= h.capacity) throw new HttpError(403, 'console.error.over_capacity', { load, capacity: h.capacity });
          }
          const current = await cases.getCase(ref);
          if (!reassignTargets(c.view, current).includes(h)) throw new ValidationError(`${kind} ${id} does not take this kind of case`);
          const note = (req.form.get('note') ?? '').trim();
          await cases.reassign(ref, actor, { ...opts, handlerKind: kind, handlerId: id, note: note || undefined });
          break;
        }
        case 'ask':
          await cases.askResident(ref, actor, req.form.get('question') ?? '', opts);
          break;
        case 'not-accept': {
          const reason = req.form.get('reason') ?? '';
          if (!(NOT_ACCEPTED_REASONS as readonly string[]).includes(reason)) throw new ValidationError(`unknown reason ${reason}`);
          await cases.notAccept(ref, actor, reason as NotAcceptedReason, req.form.get('note') ?? undefined, opts);
          break;
        }
        case 'urgent':
          await cases.markUrgent(ref, actor, opts);
          break;
      }
    } catch (err) {
      const refusal = await caseRefusal(c, ref, err);
      if (!refusal) throw err;
      logger.info({ user: s.user.username, action, ref, refused: refusal.status }, 'console action refused');
      return renderCase(c, s, ref, refusal.status, refusal.text);
    }
    logger.info({ user: s.user.username, action, ref }, 'console action');
    const back = localPath(req.form.get('back'), `/cases/${ref}`);
    const sep = back.includes('?') ? '&' : '?';
    return redirect(`${back}${sep}done=${action}&ref=${ref}`);
  });

  /** The text and status shown when CaseService refuses; null for errors that are bugs. */
  async function caseRefusal(c: Ctx, ref: string, err: unknown): Promise<{ status: number; text: string } | null> {
    if (err instanceof HttpError) return { status: err.status, text: tr(c.view, err.key, err.params) };
    if (err instanceof StaleError) {
      const current = await cases.getCase(ref);
      return { status: 409, text: tr(c.view, 'console.error.stale', { version: current.version }) };
    }
    if (err instanceof IllegalTransitionError) {
      return { status: 409, text: tr(c.view, 'console.error.illegal', { status: label(c.view, 'console.status', err.from) }) };
    }
    if (err instanceof ValidationError) return { status: 422, text: tr(c.view, 'console.error.validation', { detail: err.message }) };
    if (err instanceof ForbiddenError) return { status: 403, text: tr(c.view, 'console.error.forbidden') };
    if (err instanceof NotFoundError) throw new HttpError(404, 'console.error.not_found');
    return null;
  }

  // ---- dashboard

  async function dashboardData(q: URLSearchParams): Promise<DashboardData> {
    const today = shanghaiDate(clock.now());
    const valid = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(shanghaiMidnight(d).getTime()) ? d : null);
    let to = valid(q.get('to')) ?? today;
    let from = valid(q.get('from')) ?? shanghaiDate(new Date(shanghaiMidnight(to).getTime() - 29 * DAY_MS));
    if (from > to) [from, to] = [to, from];
    const start = shanghaiMidnight(from);
    const end = new Date(shanghaiMidnight(to).getTime() + DAY_MS);
    if (end.getTime() - start.getTime() > 3 * 366 * DAY_MS) throw new HttpError(422, 'console.error.validation', { detail: 'period ≤ 3 years' });
    const bucket = end.getTime() - start.getTime() <= 62 * DAY_MS ? 'day' : 'week';
    const range = { from: start, to: end };
    const rows = await cases.trends(range, bucket);
    // Empty periods are shown as zeros, so the chart's time axis is even.
    const byKey = new Map(rows.map((r) => [r.bucket, r]));
    const trends = [];
    let cursor = start.getTime();
    if (bucket === 'week') {
      const dow = (new Date(cursor + 8 * 3_600_000).getUTCDay() + 6) % 7;
      cursor -= dow * DAY_MS;
    }
    for (; cursor < end.getTime(); cursor += (bucket === 'day' ? 1 : 7) * DAY_MS) {
      const k = shanghaiDate(new Date(cursor));
      trends.push(byKey.get(k) ?? { bucket: k, received: 0, resolved: 0, answered: 0, satisfied: 0 });
    }
    return { from, to, stats: await cases.stats(range), acceptance: await cases.referralAcceptance(range), trends, bucket };
  }

  router.add('GET', '/dashboard', async (req) => {
    const c = ctxOf(req);
    requireSupervisor(c);
    return htmlResponse(200, dashboardPage(c.view, await dashboardData(req.query)));
  });

  router.add('GET', '/dashboard.csv', async (req) => {
    const c = ctxOf(req);
    requireSupervisor(c);
    const d = await dashboardData(req.query);
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="console-${d.from}-${d.to}.csv"` },
      body: '\uFEFF' + dashboardCsv(d),
    };
  });

  // ---- directory

  router.add('GET', '/directory', async (req) => {
    const c = ctxOf(req);
    const s = requireOffice(c);
    const saved = req.query.get('saved');
    const [kind, id] = (saved ?? '').split(':');
    const h = kind && id ? deps.directory.handler(kind as HandlerKind, id) : undefined;
    return htmlResponse(
      200,
      directoryPage(c.view, { load: await cases.handlerLoad(), canEdit: s.user.role === 'supervisor', ok: h ? tr(c.view, 'console.dir.saved', { name: h.names[c.lang] }) : null }),
    );
  });

  router.add('POST', '/directory/:kind/:id', async (req) => {
    const c = ctxOf(req);
    const s = requireSupervisor(c);
    const kind = req.params.kind as HandlerKind;
    const id = req.params.id!;
    if ((kind !== 'department' && kind !== 'organization') || !deps.directory.handler(kind, id)) throw new HttpError(404, 'console.error.not_found');
    const parsed = overrideSchema.safeParse({ capacity: req.form.get('capacity') ?? '', memberIds: req.form.get('memberIds') ?? '', contact: req.form.get('contact') ?? '' });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.message).join('; ');
      return htmlResponse(
        422,
        directoryPage(c.view, { load: await cases.handlerLoad(), canEdit: true, error: tr(c.view, 'console.error.validation', { detail }), errorFor: `${kind}-${id}` }),
      );
    }
    await saveDirectoryOverride(deps.pool, deps.directory, kind, id, parsed.data, s.user.username, clock.now());
    logger.info({ user: s.user.username, kind, id }, 'directory entry edited');
    return redirect(`/directory?saved=${kind}:${id}#row-${kind}-${id}`);
  });

  // ---- sign-in, sign-out, language

  function loginForm(c: Ctx, status: number, error: string | null, username?: string): Response {
    const { nonce, token } = auth.newLoginNonce();
    return htmlResponse(status, loginPage(c.view, { csrf: token, error, username, back: localPath(c.req.query.get('back') ?? c.req.form.get('back'), '/queue') }), {
      'set-cookie': cookie(LOGIN_COOKIE, nonce, { secure, maxAgeSeconds: 3600 }),
    });
  }

  router.add('GET', '/login', async (req) => {
    const c = ctxOf(req);
    if (c.session) return redirect('/queue');
    return loginForm(c, 200, null);
  });

  router.add('POST', '/login', async (req) => {
    const c = ctxOf(req);
    if (!auth.checkLoginToken(req.cookies[LOGIN_COOKIE], req.form.get('_csrf') ?? undefined)) {
      return loginForm(c, 403, tr(c.view, 'console.login.expired'));
    }
    const username = (req.form.get('username') ?? '').slice(0, 64);
    const result = await auth.signIn(username, req.form.get('password') ?? '');
    if (!result.ok) {
      logger.info({ user: username.toLowerCase(), reason: result.reason }, 'console sign-in refused');
      if (result.reason === 'locked') {
        return loginForm(c, 429, tr(c.view, 'console.login.locked', { until: result.lockedUntil ? shanghaiTime(result.lockedUntil) : '' }), username);
      }
      return loginForm(c, 401, tr(c.view, 'console.login.invalid'), username);
    }
    logger.info({ user: result.session.user.username, role: result.session.user.role }, 'console sign-in');
    const maxAge = Math.floor((result.session.expiresAt.getTime() - clock.now().getTime()) / 1000);
    return redirect(localPath(req.form.get('back'), '/queue'), {
      'set-cookie': [cookie(SESSION_COOKIE, result.token, { secure, maxAgeSeconds: maxAge }), cookie(LOGIN_COOKIE, '', { secure, maxAgeSeconds: 0 })],
    });
  });

  router.add('POST', '/logout', async (req) => {
    await auth.signOut(req.cookies[SESSION_COOKIE]);
    return redirect('/login', { 'set-cookie': cookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0 }) });
  });

  router.add('GET', '/lang', async (req) => {
    const to = req.query.get('to');
    const back = localPath(req.query.get('back'), '/queue');
    if (!isLanguage(to)) return redirect(back);
    return redirect(back, { 'set-cookie': cookie(LANG_COOKIE, to, { secure, maxAgeSeconds: 365 * 86_400 }) });
  });

  router.add('GET', '/', async (req) => redirect(ctxOf(req).session ? '/queue' : '/login'));
  router.add('GET', '/healthz', async () => jsonResponse(200, { ok: true }));

  // ---- plumbing

  const contexts = new WeakMap<Request, Ctx>();
  const ctxOf = (req: Request): Ctx => contexts.get(req)!;
  const shanghaiTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

  function errorPage(c: Ctx, status: number, text: string): Response {
    if (c.req.path.startsWith('/api/')) return jsonResponse(status, { error: text });
    return htmlResponse(status, page(c.view, tr(c.view, 'console.error.title'), html`<p class="flash error" role="alert">${text}</p>`));
  }

  async function handle(raw: http.IncomingMessage): Promise<Response> {
    const url = new URL(raw.url ?? '/', 'http://console.local');
    const method = (raw.method ?? 'GET').toUpperCase();
    const stat = statics.get(url.pathname);
    if (stat && (method === 'GET' || method === 'HEAD')) {
      return { status: 200, headers: { 'content-type': stat.type, 'cache-control': 'public, max-age=3600' }, body: stat.body };
    }
    const cookies = parseCookies(raw.headers.cookie);
    const langCookie = cookies[LANG_COOKIE];
    const lang: Language = isLanguage(langCookie) ? langCookie : 'zh-Hans';
    const req: Request = { method, path: url.pathname, query: url.searchParams, cookies, headers: raw.headers, form: new URLSearchParams(), params: {} };
    const session = await auth.session(cookies[SESSION_COOKIE]);
    const c: Ctx = { req, session, lang, view: view(req, session, lang) };
    contexts.set(req, c);
    try {
      const m = router.match(method, url.pathname);
      if (m === null) throw new HttpError(404, 'console.error.not_found');
      if (m === 'method') return { ...errorPage(c, 405, tr(c.view, 'console.error.not_found')), headers: { allow: 'GET, POST' } };
      req.params = m.params;
      if (method === 'POST') {
        req.form = await readForm(raw, MAX_BODY_BYTES);
        // Synchronizer token: every POST but the sign-in (checked against its own signed token) must carry the session's.
        if (url.pathname !== '/login') {
          if (!session) throw new HttpError(401, 'login');
          if (!safeEqual(req.form.get('_csrf') ?? '', session.csrf)) {
            logger.warn({ user: session.user.username, path: url.pathname }, 'console POST without a valid CSRF token refused');
            throw new HttpError(403, 'console.error.csrf');
          }
        }
      }
      return await m.handler(req);
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.key === 'login') {
          if (method === 'GET' && !url.pathname.startsWith('/api/')) return redirect(`/login?back=${encodeURIComponent(url.pathname + url.search)}`);
          return errorPage(c, 401, tr(c.view, 'console.login.title'));
        }
        return errorPage(c, err.status, tr(c.view, err.key, err.params));
      }
      if (err instanceof BodyTooLargeError) return errorPage(c, 413, tr(c.view, 'console.error.validation', { detail: 'form too large' }));
      if (err instanceof UnsupportedBodyError) return errorPage(c, 415, tr(c.view, 'console.error.validation', { detail: 'form encoding' }));
      if (err instanceof AppError && !err.report && err instanceof ValidationError) {
        return errorPage(c, 422, tr(c.view, 'console.error.validation', { detail: err.message }));
      }
      const id = crypto.randomBytes(4).toString('hex');
      logger.error({ errorId: id, err: (err as Error).message, stack: (err as Error).stack, path: url.pathname }, 'console request failed');
      return errorPage(c, 500, t(lang, 'console.error.generic', { id }));
    }
  }

  return (raw, res) => {
    handle(raw).then(
      (r) => send(res, r, raw.method === 'HEAD'),
      (err) => {
        logger.error({ err: (err as Error).message }, 'console response failed');
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      },
    );
  };
}

export interface RunningConsole {
  url: string;
  close(): Promise<void>;
}

export async function startConsole(deps: ConsoleDeps, opts: ConsoleOptions): Promise<RunningConsole> {
  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 20_000 }, createConsoleHandler(deps, opts));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  // Expired sessions are deleted hourly; a crash only leaves rows that no lookup accepts anyway.
  const prune = setInterval(() => void deps.auth.pruneSessions().catch(() => undefined), 3_600_000);
  prune.unref();
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(prune);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
