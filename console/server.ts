import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from '../kernel/paths.js';
import { send, type Response } from './http.js';
import { errorPage, failureResponse, readPost, requestContext, type ConsoleDeps, type Handler, type RouteEnv } from './request.js';
import { Router } from './router.js';
import { actionRoutes } from './routes/actions.js';
import { caseRoutes } from './routes/case.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { directoryRoutes } from './routes/directory.js';
import { queueRoutes } from './routes/queue.js';
import { sessionRoutes } from './routes/session.js';
import { tr } from './views/common.js';

/*
 * The petition-office web console: server-rendered pages over node:http. This module assembles the routes
 * (console/routes/*, one file per area) and runs every request the same way: static files first, then the
 * session, the route, the POST form with its CSRF check, and one mapping of refusals and failures to pages.
 * Handler accounts are read-only and see only cases referred to their own department or organization.
 */

export { SESSION_COOKIE, type ConsoleDeps } from './request.js';

export interface ConsoleOptions {
  host: string;
  port: number;
  /** Mark cookies Secure (set behind HTTPS); also the __Host- cookie prefix and HSTS. */
  secureCookies: boolean;
  /** Behind a reverse proxy: the client's address is the last X-Forwarded-For entry (CONSOLE_TRUST_PROXY). */
  trustProxy?: boolean;
}

function loadStatic(): Map<string, { type: string; body: Buffer }> {
  // From the project root, not this module: the build (dist/console/) has no copy of the static files.
  const here = path.join(PROJECT_ROOT, 'console');
  const require = createRequire(import.meta.url);
  // Served from node_modules: no CDN, so the console works on a closed network.
  const chartDir = path.dirname(require.resolve('chart.js'));
  return new Map([
    ['/static/console.css', { type: 'text/css; charset=utf-8', body: fs.readFileSync(path.join(here, 'static', 'console.css')) }],
    ['/static/console.js', { type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(here, 'static', 'console.js')) }],
    ['/static/chart.umd.min.js', { type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(chartDir, 'chart.umd.min.js')) }],
  ]);
}

export function consoleRouter(env: RouteEnv): Router<Handler> {
  const router = new Router<Handler>();
  for (const routes of [queueRoutes, caseRoutes, actionRoutes, dashboardRoutes, directoryRoutes, sessionRoutes]) routes(router, env);
  return router;
}

/** The address sign-in throttling counts: the socket's, or the one the trusted proxy appended last. */
export function clientAddress(raw: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = raw.headers['x-forwarded-for'];
  const last = trustProxy && typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return last || raw.socket.remoteAddress || 'unknown';
}

export function createConsoleHandler(deps: ConsoleDeps, opts: Pick<ConsoleOptions, 'secureCookies' | 'trustProxy'>): http.RequestListener {
  const { logger } = deps;
  const statics = loadStatic();
  const router = consoleRouter({ deps, secure: opts.secureCookies });

  async function handle(raw: http.IncomingMessage): Promise<Response> {
    let url: URL;
    try {
      url = new URL(raw.url ?? '/', 'http://console.local');
    } catch {
      return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Bad Request' };
    }
    const method = (raw.method ?? 'GET').toUpperCase();
    const stat = statics.get(url.pathname);
    if (stat && (method === 'GET' || method === 'HEAD')) {
      return { status: 200, headers: { 'content-type': stat.type, 'cache-control': 'public, max-age=3600' }, body: stat.body };
    }
    const c = await requestContext(deps, method, url, raw.headers, { secure: opts.secureCookies, remote: clientAddress(raw, opts.trustProxy ?? false) });
    try {
      const m = router.match(method, url.pathname);
      if (m === null) return errorPage(c, 404, tr(c.view, 'console.error.not_found'));
      if (m === 'method') return { ...errorPage(c, 405, tr(c.view, 'console.error.not_found')), headers: { allow: 'GET, POST' } };
      c.req.params = m.params;
      if (method === 'POST') await readPost(raw, c, logger);
      return await m.handler(c);
    } catch (err) {
      return failureResponse(c, err, logger);
    }
  }

  return (raw, res) => {
    handle(raw).then(
      (r) => send(res, r, raw.method === 'HEAD', opts.secureCookies),
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
