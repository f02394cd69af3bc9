import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { LOCKOUT_ATTEMPTS, PASSWORD, startHarness, type ConsoleHarness } from '../helpers/console.js';

/*
 * The console in headless Chromium (Debian's package; the network is closed, so no browser download):
 * one server and one browser for the whole file. Screenshots go to artifacts/screenshots/ (CI keeps
 * artifacts/, git ignores it).
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = path.join(PROJECT_ROOT, 'artifacts', 'screenshots');

// On a developer machine without Chromium the file is skipped with the reason in its title; under CI
// (.ci/run installs Chromium) a missing browser fails instead of passing silently.
const missing = !fs.existsSync(CHROMIUM) && !process.env.CI;
describe.skipIf(missing)(`web console in a browser${missing ? ` (skipped: ${CHROMIUM} missing — apt-get install chromium)` : ''}`, () => {
  let h: ConsoleHarness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  // One signed-in context per account for the whole file: sign-ins and page loads are the slow part.
  const sessions = new Map<string, Page>();
  async function signedIn(username: string): Promise<Page> {
    const known = sessions.get(username);
    if (known) {
      await known.goto(`${h.url}/queue`);
      return known;
    }
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${h.url}/queue`);
    assert.match(page.url(), /\/login/);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/queue/);
    sessions.set(username, page);
    return page;
  }
  const statusCount = async (page: Page, label: string) => {
    const cell = page.locator('#dash-status tr', { hasText: label }).locator('td.num');
    return (await cell.count()) ? Number(await cell.first().textContent()) : 0;
  };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [h, browser] = await Promise.all([startHarness(), chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await h?.close();
  });

  it('signs in, approves a case from the queue, shows it on the case page, and the dashboard changes', async () => {
    const { ref } = await h.openPetition('housing');
    await h.openOutOfScope('mediation');
    const page = await signedIn('super');

    await page.goto(`${h.url}/dashboard`);
    const reviewBefore = await statusCount(page, '待审核');
    const referredBefore = await statusCount(page, '已转办');
    assert.ok(reviewBefore >= 1);

    await page.goto(`${h.url}/queue`);
    const row = page.locator('#queue tbody tr', { hasText: ref });
    await row.getByRole('button', { name: `批准转办 ${ref}` }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'queue.png'), fullPage: true });
    await row.getByRole('button', { name: `批准转办 ${ref}` }).click();
    await page.waitForURL(/done=approve/);
    assert.match((await page.getByRole('status').textContent()) ?? '', new RegExp(`${ref}：已批准转办`));
    assert.equal(await page.locator('#queue tbody tr', { hasText: ref }).count(), 0, 'an approved case leaves the review queue');

    await page.goto(`${h.url}/cases/${ref}`);
    assert.equal((await page.locator('#case-status').textContent())?.trim(), '已转办');
    assert.match((await page.locator('#timeline').textContent()) ?? '', /批准转办/);
    assert.match((await page.locator('#timeline').textContent()) ?? '', /console:super/);
    assert.match((await page.locator('#referrals').textContent()) ?? '', /住房和建设局/);
    assert.match((await page.locator('#clocks').textContent()) ?? '', /第二十二条|第二十三条|信访工作条例/);
    assert.match((await page.locator('#h-decision + dl').textContent()) ?? '', /0\.87/);
    await page.screenshot({ path: path.join(SHOTS, 'case.png'), fullPage: true });

    await page.goto(`${h.url}/dashboard`);
    assert.equal(await statusCount(page, '待审核'), reviewBefore - 1);
    assert.equal(await statusCount(page, '已转办'), referredBefore + 1);
    // The trend charts are drawn by the locally served Chart.js.
    await page.waitForFunction(() => (globalThis as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart-volume') !== undefined);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
    for (const f of ['queue.png', 'case.png', 'dashboard.png']) assert.ok(fs.statSync(path.join(SHOTS, f)).size > 10_000, `${f} written`);
  });

  it('refuses a stale form in a second tab and changes nothing', async () => {
    const { ref } = await h.openPetition('water');
    const a = await signedIn('rev');
    const b = await a.context().newPage();
    await a.goto(`${h.url}/cases/${ref}`);
    await b.goto(`${h.url}/cases/${ref}`);
    await a.locator('#form-urgent').getByRole('button').click();
    await a.waitForURL(/done=urgent/);
    const before = await h.cases.getCase(ref);
    const response = b.waitForResponse((r) => r.url().endsWith(`/cases/${ref}/approve`));
    await b.locator('#form-approve').getByRole('button').click();
    assert.equal((await response).status(), 409);
    assert.match((await b.getByRole('alert').textContent()) ?? '', /已被更改/);
    const after = await h.cases.getCase(ref);
    assert.equal(after.version, before.version);
    assert.equal(after.status, 'office_review');
  });

  it('refuses a forged form without the CSRF token', async () => {
    const { ref } = await h.openPetition('housing');
    const page = await signedIn('rev');
    await page.goto(`${h.url}/cases/${ref}`);
    const before = await h.cases.getCase(ref);
    // Runs in the page (no DOM types in this project's compiler settings).
    await page.evaluate(() => (globalThis as any).document.querySelectorAll('#form-approve input[name="_csrf"]').forEach((i: { remove(): void }) => i.remove()));
    const response = page.waitForResponse((r) => r.url().endsWith(`/cases/${ref}/approve`));
    await page.locator('#form-approve').getByRole('button').click();
    assert.equal((await response).status(), 403);
    assert.equal((await h.cases.getCase(ref)).version, before.version);
  });

  it('keeps a handler account to its own cases (404 for another handler’s case)', async () => {
    const mine = await h.openPetition('housing');
    await h.cases.approveReferral(mine.ref, { kind: 'office', id: '901' }, { expectedVersion: mine.version });
    const theirs = await h.openPetition('water');
    await h.cases.approveReferral(theirs.ref, { kind: 'office', id: '901' }, { expectedVersion: theirs.version });
    const page = await signedIn('housing');
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), '本单位事项');
    assert.equal(await page.locator('#queue tbody tr', { hasText: mine.ref }).count(), 1);
    assert.equal(await page.locator('#queue tbody tr', { hasText: theirs.ref }).count(), 0);
    assert.equal((await page.goto(`${h.url}/cases/${mine.ref}`))?.status(), 200);
    assert.equal(await page.locator('form.action').count(), 0, 'read-only: no actions');
    assert.equal((await page.goto(`${h.url}/cases/${theirs.ref}`))?.status(), 404);
    assert.equal((await page.goto(`${h.url}/api/cases/${theirs.ref}`))?.status(), 404);
  });

  it('locks the account after repeated failed sign-ins', async () => {
    await h.auth.createUser({ username: 'browser-lock', password: PASSWORD, role: 'reviewer' });
    const ctx = await browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    let status = 0;
    for (let i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      await page.goto(`${h.url}/login`);
      await page.getByLabel('用户名').fill('browser-lock');
      await page.getByLabel('密码').fill(`wrong-password-${i}`);
      const r = page.waitForResponse((x) => x.url().endsWith('/login') && x.request().method() === 'POST');
      await page.getByRole('button', { name: '登录' }).click();
      status = (await r).status();
    }
    // A locked account answers exactly like a wrong password (no oracle for guessers); the text says a
    // lock may apply, and the lock is recorded.
    assert.equal(status, 401);
    await page.getByLabel('密码').fill(PASSWORD);
    const r = page.waitForResponse((x) => x.url().endsWith('/login') && x.request().method() === 'POST');
    await page.getByRole('button', { name: '登录' }).click();
    assert.equal((await r).status(), 401, 'the right password does not open a locked account');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /锁定/);
    assert.notEqual(new URL(page.url()).pathname, '/queue', 'still on the sign-in page');
    const audit = (await h.db.pool.query(`SELECT count(*)::int AS n FROM console_audit WHERE action = 'locked_out' AND username = 'browser-lock'`)).rows[0].n;
    assert.equal(audit, 1);
  });

  it('switches language and is keyboard-navigable (skip link first, labelled filters)', async () => {
    const page = await signedIn('super');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent), '跳到正文');
    await page.getByRole('link', { name: 'English' }).click();
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Review queue');
    assert.equal(await page.getByLabel('Category').count(), 1);
    await page.getByLabel('Category').selectOption('petition');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/category=petition/);
    await page.setViewportSize({ width: 820, height: 1180 }); // tablet portrait
    await page.goto(`${h.url}/dashboard`);
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Dashboard');
    await page.getByRole('link', { name: '简体' }).click();
  });
});
