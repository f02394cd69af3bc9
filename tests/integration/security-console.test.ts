import assert from 'node:assert/strict';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { ConsoleAuth, Semaphore } from '../../console/auth.js';
import { startConsole, type RunningConsole } from '../../console/server.js';
import { silentLogger } from '../../kernel/logger.js';
import { Client, LOCKOUT_ATTEMPTS, PASSWORD, startHarness, type ConsoleHarness } from '../helpers/console.js';

/** The flash message of a refused sign-in (the page is otherwise the same form). */
const flash = (html: string) => /<p class="flash error"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';

async function loginForm(c: Client): Promise<string> {
  const page = await c.get('/login');
  return /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
}

describe('console sign-in (issue 13)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('12 parallel wrong guesses with the limit at 3 lock the account; the right password among them does not unlock it', async () => {
    await h.auth.createUser({ username: 'racer', password: PASSWORD, role: 'reviewer' });
    const clients = Array.from({ length: 12 }, () => new Client(h.url));
    const tokens = await Promise.all(clients.map(loginForm));
    const results = await Promise.all(
      clients.map((c, i) => c.post('/login', { _csrf: tokens[i]!, username: 'racer', password: i === 6 ? PASSWORD : `wrong-guess-${i}`, back: '/queue' })),
    );
    assert.equal(results.filter((r) => r.status === 303).length <= 1, true);
    const row = (await h.db.pool.query(`SELECT failed_attempts, locked_until FROM console_users WHERE username = 'racer'`)).rows[0];
    assert.ok(row.locked_until > h.clock.now(), 'locked');
    assert.equal(row.failed_attempts >= LOCKOUT_ATTEMPTS, true);
    // Locked: the right password gets the same answer as a wrong one, until the lock runs out.
    const after = await new Client(h.url).signIn('racer');
    assert.equal(after.status, 401);
    h.clock.advance(16 * 60_000);
    assert.equal((await new Client(h.url).signIn('racer')).status, 303, 'the lock lifts after the lock-out period');
  });

  it('only as many password checks against the real hash as the limit allows, however many arrive at once', async () => {
    await h.auth.createUser({ username: 'counted', password: PASSWORD, role: 'reviewer' });
    const hash = (await h.db.pool.query(`SELECT password_hash FROM console_users WHERE username = 'counted'`)).rows[0].password_hash;
    const spy = vi.spyOn(bcrypt, 'compare');
    try {
      const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => h.auth.signIn('counted', `nope-${i}`, `10.0.0.${i}`)));
      assert.ok(outcomes.every((o) => !o.ok && o.reason === 'invalid'));
      const real = spy.mock.calls.filter((call) => call[1] === hash).length;
      assert.equal(real, LOCKOUT_ATTEMPTS);
      assert.equal(spy.mock.calls.length, 12, 'every attempt does one bcrypt (a dummy when refused): same work');
    } finally {
      spy.mockRestore();
    }
  });

  it('answers an unknown user, a wrong password and a locked account alike, with one bcrypt each', async () => {
    await h.auth.createUser({ username: 'quiet', password: PASSWORD, role: 'reviewer' });
    const spy = vi.spyOn(bcrypt, 'compare');
    try {
      const unknown = await new Client(h.url).signIn('nobody-here', 'whatever-password');
      const wrong = await new Client(h.url).signIn('quiet', 'not-the-password');
      for (let i = 0; i < LOCKOUT_ATTEMPTS; i++) await new Client(h.url).signIn('quiet', `again-${i}`);
      const locked = await new Client(h.url).signIn('quiet');
      const calls = spy.mock.calls.length;
      assert.deepEqual([unknown.status, wrong.status, locked.status], [401, 401, 401]);
      assert.equal(flash(unknown.text), flash(wrong.text));
      assert.equal(flash(locked.text), flash(wrong.text));
      assert.ok(flash(wrong.text).length > 0);
      assert.equal(calls, 3 + LOCKOUT_ATTEMPTS);
    } finally {
      spy.mockRestore();
    }
  });

  it('throttles an address after too many failures, for any username, and counts successes back', async () => {
    const auth = new ConsoleAuth({ pool: h.db.pool, clock: h.clock, sessionHours: 12, lockoutAttempts: 100, lockoutMinutes: 15, ipAttempts: 4, secret: 'x'.repeat(32), bcryptRounds: 4 });
    for (let i = 0; i < 3; i++) assert.equal((await auth.signIn(`ghost${i}`, 'bad-password', '198.51.100.7')).ok, false);
    assert.equal((await auth.signIn('super', PASSWORD, '198.51.100.7')).ok, true, 'a success does not use up the budget');
    assert.equal((await auth.signIn('ghost3', 'bad-password', '198.51.100.7')).ok, false);
    const refused = await auth.signIn('super', PASSWORD, '198.51.100.7');
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.reason, 'throttled');
    assert.equal((await auth.signIn('super', PASSWORD, '198.51.100.8')).ok, true, 'another address is not affected');
    h.clock.advance(16 * 60_000);
    assert.equal((await auth.signIn('super', PASSWORD, '198.51.100.7')).ok, true, 'the window passes');
  });

  it('ends a session after the idle timeout, and activity keeps it alive', async () => {
    const auth = new ConsoleAuth({ pool: h.db.pool, clock: h.clock, sessionHours: 12, idleMinutes: 30, lockoutAttempts: 3, lockoutMinutes: 15, secret: 'x'.repeat(32), bcryptRounds: 4 });
    const signed = await auth.signIn('rev', PASSWORD, '203.0.113.1');
    assert.ok(signed.ok);
    h.clock.advance(20 * 60_000);
    assert.ok(await auth.session(signed.token), 'used after 20 minutes');
    h.clock.advance(20 * 60_000);
    assert.ok(await auth.session(signed.token), '40 minutes in, but used 20 minutes ago');
    h.clock.advance(31 * 60_000);
    assert.equal(await auth.session(signed.token), null, 'unused for 31 minutes');
    h.clock.advance(-31 * 60_000);
    assert.equal(await auth.session(signed.token), null, 'gone for good, not just hidden');
  });

  it('bounds bcrypt checks in parallel', async () => {
    const slots = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const gates: Array<() => void> = [];
    const runs = Array.from({ length: 6 }, () =>
      slots.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => gates.push(resolve));
        active--;
      }),
    );
    await vi.waitFor(() => assert.equal(gates.length, 2));
    assert.equal(slots.queued, 4);
    while (gates.length || slots.queued) {
      await vi.waitFor(() => assert.ok(gates.length > 0));
      gates.shift()!();
    }
    await Promise.all(runs);
    assert.equal(peak, 2);
  });

  it('shows a handler only its own referral and the events addressed to it', async () => {
    const c0 = await h.openPetition('housing');
    const office = { kind: 'office' as const, id: '901' };
    await h.cases.approveReferral(c0.ref, office, { expectedVersion: c0.version });
    const housingMember = { kind: 'handler' as const, id: String(h.directory.department('housing')!.memberIds[0]) };
    const declined = await h.cases.handlerDecline(c0.ref, housingMember, '不属本部门职责，建议水务');
    const moved = await h.cases.reassign(c0.ref, office, { handlerKind: 'department', handlerId: 'water', note: '转水务', expectedVersion: declined.version });
    await h.cases.approveReferral(c0.ref, office, { expectedVersion: moved.version });

    const water = new Client(h.url);
    await water.signIn('water');
    const api = JSON.parse((await water.get(`/api/cases/${c0.ref}`)).text);
    assert.deepEqual(api.referrals.map((r: { handlerId: string }) => r.handlerId), ['water']);
    assert.ok(api.events.length > 0);
    assert.ok(!api.events.some((e: { type: string }) => e.type === 'opened'), 'not the office timeline');
    const page = await water.get(`/cases/${c0.ref}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /不属本部门职责/, 'not the other handler’s decline');

    const rev = new Client(h.url);
    await rev.signIn('rev');
    const full = JSON.parse((await rev.get(`/api/cases/${c0.ref}`)).text);
    assert.deepEqual(full.referrals.map((r: { handlerId: string }) => r.handlerId).sort(), ['housing', 'water']);
    assert.ok(full.events.some((e: { type: string }) => e.type === 'opened'));
  });
});

describe('console served securely', () => {
  let h: ConsoleHarness;
  let secure: RunningConsole;
  beforeAll(async () => {
    h = await startHarness();
    secure = await startConsole(
      { pool: h.db.pool, cases: h.cases, directory: h.directory, clock: h.clock, auth: h.auth, logger: silentLogger() },
      { host: '127.0.0.1', port: 0, secureCookies: true },
    );
  });
  afterAll(async () => {
    await secure.close();
    await h.close();
  });

  it('uses __Host- cookies and sends HSTS; plain HTTP (development) does neither', async () => {
    const res = await fetch(`${secure.url}/login`);
    const cookies = res.headers.getSetCookie();
    assert.ok(cookies.some((c) => /^__Host-xf_console_login=[^;]+; Path=\/;.*Secure/.test(c)), cookies.join('\n'));
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    const nonce = cookies[0]!.split(';')[0]!;
    const signed = await fetch(`${secure.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonce },
      body: new URLSearchParams({ _csrf: csrf, username: 'rev', password: PASSWORD, back: '/queue' }).toString(),
    });
    assert.equal(signed.status, 303);
    const session = signed.headers.getSetCookie().find((c) => c.startsWith('__Host-xf_console_session='))!;
    assert.ok(session);
    const queue = await fetch(`${secure.url}/queue`, { redirect: 'manual', headers: { cookie: session.split(';')[0]! } });
    assert.equal(queue.status, 200);
    // Without the prefix the same token is not a session here (a cookie a sibling host could have set).
    const unprefixed = session.split(';')[0]!.replace('__Host-', '');
    assert.equal((await fetch(`${secure.url}/queue`, { redirect: 'manual', headers: { cookie: unprefixed } })).status, 303);

    const plain = await fetch(`${h.url}/login`);
    assert.equal(plain.headers.get('strict-transport-security'), null);
    assert.ok(plain.headers.getSetCookie().every((c) => !c.startsWith('__Host-')));
  });
});
