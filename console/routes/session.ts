import { isLanguage } from '../../i18n/index.js';
import { cookie, htmlResponse, jsonResponse, localPath, redirect, type Response } from '../http.js';
import { cookieName, LANG_COOKIE, LOGIN_COOKIE, SESSION_COOKIE, type Ctx, type RouteEnv, type Routes } from '../request.js';
import { tr } from '../views/common.js';
import { loginPage } from '../views/login.js';

/* Sign-in, sign-out and the language switch; the root and the health check. */

const shanghaiTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function sessionRoutes(r: Routes, { deps, secure }: RouteEnv): void {
  const { auth, clock, logger } = deps;
  const sessionCookie = cookieName(SESSION_COOKIE, secure);
  const loginCookie = cookieName(LOGIN_COOKIE, secure);

  function loginForm(c: Ctx, status: number, error: string | null, username?: string): Response {
    const { nonce, token } = auth.newLoginNonce();
    return htmlResponse(status, loginPage(c.view, { csrf: token, error, username, back: localPath(c.req.query.get('back') ?? c.req.form.get('back'), '/queue') }), {
      'set-cookie': cookie(loginCookie, nonce, { secure, maxAgeSeconds: 3600 }),
    });
  }

  r.get('/login', async (c) => {
    if (c.session) return redirect('/queue');
    return loginForm(c, 200, null);
  });

  r.post('/login', async (c) => {
    const { req } = c;
    if (!auth.checkLoginToken(req.cookies[loginCookie], req.form.get('_csrf') ?? undefined)) {
      return loginForm(c, 403, tr(c.view, 'console.login.expired'));
    }
    const username = (req.form.get('username') ?? '').slice(0, 64);
    const result = await auth.signIn(username, req.form.get('password') ?? '', req.remote);
    if (!result.ok) {
      logger.info({ user: username.toLowerCase(), reason: result.reason }, 'console sign-in refused');
      // The address's limit says nothing about any account; every account-related refusal reads the same.
      if (result.reason === 'throttled') {
        return loginForm(c, 429, tr(c.view, 'console.login.locked', { until: shanghaiTime(result.retryAt) }), username);
      }
      if (result.reason === 'busy') return loginForm(c, 503, tr(c.view, 'console.login.busy'), username);
      return loginForm(c, 401, tr(c.view, 'console.login.invalid'), username);
    }
    logger.info({ user: result.session.user.username, role: result.session.user.role }, 'console sign-in');
    const maxAge = Math.floor((result.session.expiresAt.getTime() - clock.now().getTime()) / 1000);
    return redirect(localPath(req.form.get('back'), '/queue'), {
      'set-cookie': [cookie(sessionCookie, result.token, { secure, maxAgeSeconds: maxAge }), cookie(loginCookie, '', { secure, maxAgeSeconds: 0 })],
    });
  });

  r.post('/logout', async (c) => {
    await auth.signOut(c.req.cookies[sessionCookie]);
    return redirect('/login', { 'set-cookie': cookie(sessionCookie, '', { secure, maxAgeSeconds: 0 }) });
  });

  r.get('/lang', async (c) => {
    const to = c.req.query.get('to');
    const back = localPath(c.req.query.get('back'), '/queue');
    if (!isLanguage(to)) return redirect(back);
    return redirect(back, { 'set-cookie': cookie(LANG_COOKIE, to, { secure, maxAgeSeconds: 365 * 86_400 }) });
  });

  r.get('/', async (c) => redirect(c.session ? '/queue' : '/login'));
  r.get('/healthz', async () => jsonResponse(200, { ok: true }));
}
