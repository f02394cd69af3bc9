import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { applyDirectoryOverrides } from '../../console/directoryOverrides.js';
import { Client, LOCKOUT_ATTEMPTS, petition, startHarness, testDirectory, type ConsoleHarness } from '../helpers/console.js';

/*
 * The console over HTTP without a browser: authorisation at the API level, CSRF, stale and forged forms,
 * lock-out, the handler scope and the directory edit. One server for the whole file.
 */
describe('web console over HTTP', () => {
  let h: ConsoleHarness;
  const snapshot = async (ref: string) => {
    const c = (await h.db.pool.query('SELECT id, status, version, urgent, handler_id FROM cases WHERE ref = $1', [ref])).rows[0];
    const n = async (table: string, where = '') => (await h.db.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1${where}`, [c.id])).rows[0].n;
    // Views of the original text are logged on every office page (privacy-boundary.test.ts); they change nothing.
    return { ...c, events: await n('case_events', ` AND type <> 'original_viewed'`), outbox: await n('outbox'), referrals: await n('referrals') };
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends visitors without a session to the sign-in page and refuses the API with 401', async () => {
    const anon = new Client(h.url);
    const r = await anon.get('/queue');
    assert.equal(r.status, 303);
    assert.match(r.location ?? '', /^\/login\?back=/);
    assert.equal((await anon.get('/api/queue')).status, 401);
    const login = await anon.get('/login');
    assert.equal(login.status, 200);
    assert.match(login.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(login.headers.get('set-cookie') ?? '', /HttpOnly/);
    assert.match(login.headers.get('set-cookie') ?? '', /SameSite=Strict/);
  });

  it('refuses a sign-in post without the form token, and a wrong password', async () => {
    const c = new Client(h.url);
    await c.get('/login');
    assert.equal((await c.post('/login', { username: 'rev', password: 'correct-horse-battery' })).status, 403);
    assert.equal((await c.signIn('rev', 'wrong-password-1')).status, 401);
    const ok = await c.signIn('rev');
    assert.equal(ok.status, 303);
    assert.equal((await c.get('/queue')).status, 200);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const c = new Client(h.url);
    for (let i = 0; i < LOCKOUT_ATTEMPTS - 1; i++) assert.equal((await c.signIn('locky', `bad-password-${i}`)).status, 401);
    const last = await c.signIn('locky', 'bad-password-x');
    // The same answer as any wrong password (it mentions the lock without saying whether it applies).
    assert.equal(last.status, 401);
    assert.match(last.text, /锁定/);
    assert.equal((await c.signIn('locky')).status, 401, 'the right password does not open a locked account');
    h.clock.advance(16 * 60_000);
    assert.equal((await c.signIn('locky')).status, 303, 'the lock lifts after the lock-out period');
    const audit = (await h.db.pool.query(`SELECT count(*)::int AS n FROM console_audit WHERE action = 'locked_out' AND username = 'locky'`)).rows[0].n;
    assert.equal(audit, 1);
  });

  it('refuses posts without or with a wrong CSRF token, and changes nothing', async () => {
    const { ref, version } = await h.openPetition();
    const c = new Client(h.url);
    await c.signIn('super');
    const before = await snapshot(ref);
    assert.equal((await c.post(`/cases/${ref}/approve`, { version: String(version) })).status, 403);
    assert.equal((await c.post(`/cases/${ref}/urgent`, { version: String(version), _csrf: 'forged-token' })).status, 403);
    // A token from another session is as good as none.
    const other = new Client(h.url);
    await other.signIn('rev');
    const foreign = await other.csrf();
    const r = await c.post(`/cases/${ref}/approve`, { version: String(version), _csrf: foreign });
    assert.equal(r.status, 403);
    assert.match(r.text, /安全校验/);
    assert.deepEqual(await snapshot(ref), before);
  });

  it('refuses a stale form (the case changed since the page was shown) with a clear message', async () => {
    const { ref, version } = await h.openPetition();
    const c = new Client(h.url);
    await c.signIn('rev');
    const csrf = await c.csrf();
    // Someone else (e.g. the Telegram office card) acts first.
    await h.cases.markUrgent(ref, { kind: 'office', id: '901' }, { expectedVersion: version });
    const before = await snapshot(ref);
    const r = await c.post(`/cases/${ref}/approve`, { version: String(version), _csrf: csrf });
    assert.equal(r.status, 409);
    assert.match(r.text, /已被更改/);
    assert.deepEqual(await snapshot(ref), before);
    // With the current version it goes through.
    const ok = await c.post(`/cases/${ref}/approve`, { version: String(before.version), _csrf: csrf, back: '/queue' });
    assert.equal(ok.status, 303);
    assert.match(ok.location ?? '', /^\/queue\?done=approve/);
    assert.equal((await snapshot(ref)).status, 'referred');
  });

  it('refuses forged forms: unknown handler, unknown reason, missing version, action the status does not allow', async () => {
    const { ref, version } = await h.openPetition();
    const c = new Client(h.url);
    await c.signIn('super');
    const csrf = await c.csrf();
    const before = await snapshot(ref);
    const v = String(version);
    assert.equal((await c.post(`/cases/${ref}/reassign`, { version: v, _csrf: csrf, handler: 'department:nope' })).status, 422);
    assert.equal((await c.post(`/cases/${ref}/reassign`, { version: v, _csrf: csrf, handler: 'organization:' + h.directory.organizations[0]!.id })).status, 422);
    assert.equal((await c.post(`/cases/${ref}/not-accept`, { version: v, _csrf: csrf, reason: 'because' })).status, 422);
    assert.equal((await c.post(`/cases/${ref}/not-accept`, { version: v, _csrf: csrf, reason: 'other', note: '' })).status, 422);
    assert.equal((await c.post(`/cases/${ref}/approve`, { _csrf: csrf })).status, 400);
    assert.equal((await c.post(`/cases/${ref}/explode`, { version: v, _csrf: csrf })).status, 404);
    assert.deepEqual(await snapshot(ref), before);
    await h.cases.notAccept(ref, { kind: 'office', id: '901' }, 'duplicate', undefined, { expectedVersion: version });
    const after = await snapshot(ref);
    const r = await c.post(`/cases/${ref}/approve`, { version: String(after.version), _csrf: csrf });
    assert.equal(r.status, 409);
    assert.match(r.text, /不能执行此操作/);
    assert.deepEqual(await snapshot(ref), after);
  });

  it('does the office card actions through CaseService: reassign, ask, urgent, not accepted', async () => {
    const c = new Client(h.url);
    await c.signIn('super');
    const csrf = await c.csrf();
    const a = await h.openPetition('housing');
    let r = await c.post(`/cases/${a.ref}/reassign`, { version: String(a.version), _csrf: csrf, handler: 'department:water', note: '属供水问题' });
    assert.equal(r.status, 303);
    let s = await snapshot(a.ref);
    assert.equal(s.handler_id, 'water');
    r = await c.post(`/cases/${a.ref}/ask`, { version: String(s.version), _csrf: csrf, question: '请问是哪个小区？', idem: 'form-nonce-0001' });
    assert.equal(r.status, 303);
    // The same form submitted twice (double click) runs once.
    const again = await c.post(`/cases/${a.ref}/ask`, { version: String(s.version), _csrf: csrf, question: '请问是哪个小区？', idem: 'form-nonce-0001' });
    assert.equal(again.status, 303);
    const asked = (await h.db.pool.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'question_asked'`, [s.id])).rows[0].n;
    assert.equal(asked, 1);
    s = await snapshot(a.ref);
    r = await c.post(`/cases/${a.ref}/urgent`, { version: String(s.version), _csrf: csrf });
    assert.equal(r.status, 303);
    s = await snapshot(a.ref);
    assert.equal(s.urgent, true);
    r = await c.post(`/cases/${a.ref}/not-accept`, { version: String(s.version), _csrf: csrf, reason: 'other_jurisdiction' });
    assert.equal(r.status, 303);
    assert.equal((await snapshot(a.ref)).status, 'not_accepted');
    const actor = (await h.db.pool.query(`SELECT DISTINCT actor_id FROM case_events WHERE case_id = $1 AND actor_kind = 'office'`, [s.id])).rows.map((x) => x.actor_id);
    assert.deepEqual(actor, ['console:super']);
  });

  it('lets a reviewer reassign only to a handler with spare capacity; a supervisor to any', async () => {
    const a = await h.openPetition('housing');
    const water = h.directory.department('water')!;
    const saved = water.capacity;
    water.capacity = 1;
    const busy = await h.openPetition('water');
    await h.cases.approveReferral(busy.ref, { kind: 'office', id: '901' }, { expectedVersion: busy.version });
    try {
      const rev = new Client(h.url);
      await rev.signIn('rev');
      const r = await rev.post(`/cases/${a.ref}/reassign`, { version: String(a.version), _csrf: await rev.csrf(), handler: 'department:water' });
      assert.equal(r.status, 403);
      assert.match(r.text, /满负荷/);
      const sup = new Client(h.url);
      await sup.signIn('super');
      assert.equal((await sup.post(`/cases/${a.ref}/reassign`, { version: String(a.version), _csrf: await sup.csrf(), handler: 'department:water' })).status, 303);
    } finally {
      water.capacity = saved;
    }
  });

  it('shows a handler account only its own cases: 404 for another handler’s case, pages and API alike', async () => {
    const mine = await h.openPetition('housing');
    await h.cases.approveReferral(mine.ref, { kind: 'office', id: '901' }, { expectedVersion: mine.version });
    const theirs = await h.openPetition('water');
    await h.cases.approveReferral(theirs.ref, { kind: 'office', id: '901' }, { expectedVersion: theirs.version });
    const notReferred = await h.openPetition('housing');
    const c = new Client(h.url);
    await c.signIn('housing');
    const page = await c.get(`/cases/${mine.ref}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /13812345678/, 'a handler never sees the original text');
    assert.doesNotMatch(page.text, /张三/);
    assert.equal((await c.get(`/cases/${theirs.ref}`)).status, 404);
    assert.equal((await c.get(`/api/cases/${theirs.ref}`)).status, 404);
    assert.equal((await c.get(`/api/cases/${notReferred.ref}`)).status, 404, 'not yet referred: not theirs either');
    const api = await c.get(`/api/cases/${mine.ref}`);
    assert.equal(api.status, 200);
    const body = JSON.parse(api.text);
    assert.equal(body.ref, mine.ref);
    assert.equal(body.originalText, undefined);
    const list = JSON.parse((await c.get('/api/queue')).text);
    assert.ok(list.rows.every((r: { handlerId: string }) => r.handlerId === 'housing'));
    assert.ok(list.rows.some((r: { ref: string }) => r.ref === mine.ref));
    assert.ok(!list.rows.some((r: { ref: string }) => r.ref === theirs.ref));
    // Read-only: no office action, no dashboard, no directory.
    assert.equal((await c.post(`/cases/${mine.ref}/urgent`, { version: '2', _csrf: await c.csrf() })).status, 403);
    assert.equal((await c.get('/dashboard')).status, 403);
    assert.equal((await c.get('/directory')).status, 403);
    const other = new Client(h.url);
    await other.signIn('water');
    assert.equal((await other.get(`/cases/${theirs.ref}`)).status, 200);
    assert.equal((await other.get(`/cases/${mine.ref}`)).status, 404);
  });

  it('says that approving an organization the resident has not agreed to asks the resident first', async () => {
    const c = new Client(h.url);
    await c.signIn('super');
    const csrf = await c.csrf();
    const a = await h.openOutOfScope('mediation');
    const first = (await h.cases.getCase(a.ref)).handlerId!;
    const other = h.directory.organizationsFor('mediation').find((o) => o.id !== first)!;
    let r = await c.post(`/cases/${a.ref}/reassign`, { version: String(a.version), _csrf: csrf, handler: `organization:${other.id}` });
    assert.equal(r.status, 303);
    r = await c.post(`/cases/${a.ref}/approve`, { version: String((await snapshot(a.ref)).version), _csrf: csrf, back: `/cases/${a.ref}` });
    assert.equal(r.status, 303);
    assert.match(r.location ?? '', /done=consent-asked/);
    const page = await c.get(r.location!);
    assert.match(page.text, /已请群众确认是否同意转介给该组织/);
    assert.doesNotMatch(page.text, /已批准转办/);
    const s = await snapshot(a.ref);
    assert.equal(s.status, 'office_review', 'nothing is referred before the resident agrees');
    assert.equal(s.referrals, 0);
  });

  it('shows an organization only the fields the resident consented to share', async () => {
    const c0 = await h.openOutOfScope('mediation');
    const org = (await h.cases.getCase(c0.ref)).handlerId!;
    await h.cases.approveReferral(c0.ref, { kind: 'office', id: '901' }, { expectedVersion: c0.version });
    await h.auth.createUser({ username: 'org1', password: 'correct-horse-battery', role: 'handler', handler: { kind: 'organization', id: org } });
    const c = new Client(h.url);
    await c.signIn('org1');
    const page = await c.get(`/cases/${c0.ref}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /邻居因噪音/, 'summary not consented → not shown');
    assert.match(page.text, /未授权共享/);
    assert.equal(JSON.parse((await c.get(`/api/cases/${c0.ref}`)).text).summary, null);
  });

  it('tells the office on the case page when the resident names another district', async () => {
    const resident = await h.cases.upsertResident({ channel: 'telegram', externalId: '4344', chatId: 4344, language: 'zh-Hans' });
    const elsewhere = await h.cases.openCase({ residentId: resident.id, decision: { ...petition('human_resources'), redactedText: '公司拖欠工资三个月，在宝安区福永街道' }, originalText: '公司拖欠工资三个月，在宝安区福永街道', language: 'zh-Hans' });
    const here = await h.cases.openCase({ residentId: resident.id, decision: petition('housing'), originalText: '楼道灯坏了', language: 'zh-Hans' });
    const c = new Client(h.url);
    await c.signIn('rev');
    assert.match((await c.get(`/cases/${elsewhere.ref}`)).text, /id="case-place">来信提到宝安区，不是本区/);
    assert.doesNotMatch((await c.get(`/cases/${here.ref}`)).text, /case-place/);
  });

  it('marks an anonymised case on its page and shows no trace of the erased words', async () => {
    const resident = await h.cases.upsertResident({ channel: 'telegram', externalId: '4343', chatId: 4343, language: 'zh-Hans' });
    const opened = await h.cases.openCase({ residentId: resident.id, decision: petition('housing'), originalText: '我叫李四，电话13900001111，楼道灯坏了', language: 'zh-Hans' });
    const c = new Client(h.url);
    await c.signIn('rev');
    const before = await c.get(`/cases/${opened.ref}`);
    assert.match(before.text, /李四/, 'the office sees the original text before erasure');
    assert.doesNotMatch(before.text, /case-anonymised/);

    const outcome = await h.cases.eraseResidentData({ channel: 'telegram', externalId: '4343', chatId: 4343 }, [opened.ref]);
    assert.equal(outcome.ok, true);
    const after = await c.get(`/cases/${opened.ref}`);
    assert.equal(after.status, 200);
    assert.match(after.text, /id="case-anonymised"[^>]*>已匿名化/);
    assert.match(after.text, /个人信息已按居民请求或保存期限删除/);
    assert.doesNotMatch(after.text, /李四|13900001111|楼道灯/);
  });

  it('keeps statistics and directory edits to supervisors; edits are validated, applied and audited', async () => {
    const rev = new Client(h.url);
    await rev.signIn('rev');
    assert.equal((await rev.get('/dashboard')).status, 403);
    assert.equal((await rev.get('/directory')).status, 200);
    assert.equal((await rev.post('/directory/department/water', { _csrf: await rev.csrf(), capacity: '5', memberIds: '', contact: '' })).status, 403);
    const sup = new Client(h.url);
    await sup.signIn('super');
    const csrf = await sup.csrf();
    const bad = await sup.post('/directory/department/water', { _csrf: csrf, capacity: '-3', memberIds: 'abc', contact: '' });
    assert.equal(bad.status, 422);
    const ok = await sup.post('/directory/department/water', { _csrf: csrf, capacity: '77', memberIds: '5011, 5099', contact: '' });
    assert.equal(ok.status, 303);
    assert.equal(h.directory.department('water')!.capacity, 77);
    assert.deepEqual(h.directory.department('water')!.memberIds, [5011, 5099]);
    const row = (await h.db.pool.query(`SELECT capacity, member_ids FROM directory_overrides WHERE handler_id = 'water'`)).rows[0];
    assert.equal(row.capacity, 77);
    const audit = (await h.db.pool.query(`SELECT username, data FROM console_audit WHERE action = 'directory_edited' AND subject = 'department:water'`)).rows[0];
    assert.equal(audit.username, 'super');
    assert.equal(audit.data.after.capacity, 77);
    // Another process (bot, workers) applies the stored overrides over its own copy of the file at start.
    const fresh = testDirectory();
    assert.notEqual(fresh.department('water')!.capacity, 77);
    assert.equal(await applyDirectoryOverrides(h.db.pool, fresh), 1);
    assert.equal(fresh.department('water')!.capacity, 77);
    assert.deepEqual(fresh.department('water')!.memberIds, [5011, 5099]);
    const csv = await sup.get('/dashboard.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.text, /^\uFEFF?# period/);
    assert.match(csv.text, /by_category,petition,cases,\d+/);
    assert.match(csv.text, /satisfaction,all,rate,/);
  });

  it('keeps cases.next_due_at (the queue’s sort key, maintained by a trigger) equal to the earliest running obligation clock', async () => {
    const { ref, version } = await h.openPetition('housing');
    await h.cases.approveReferral(ref, { kind: 'office', id: '901' }, { expectedVersion: version });
    await h.cases.handlerAccept(ref, { kind: 'handler', id: String(h.directory.department('housing')!.memberIds[0]) }, {});
    const mismatches = (
      await h.db.pool.query(
        `SELECT c.ref, c.next_due_at, (SELECT min(due_at) FROM clocks k WHERE k.case_id = c.id AND k.stopped_at IS NULL
           AND k.kind IN ('forward_notify', 'resolve', 'review_answer', 'recheck_answer', 'org_accept', 'org_first_contact')) AS expected
         FROM cases c`,
      )
    ).rows.filter((r) => String(r.next_due_at) !== String(r.expected));
    assert.deepEqual(mismatches, []);
    const c = (await h.db.pool.query(`SELECT next_due_at FROM cases WHERE ref = $1`, [ref])).rows[0];
    const resolve = (await h.cases.clocks(ref)).find((k) => k.kind === 'resolve' && !k.stoppedAt)!;
    assert.equal(c.next_due_at.getTime(), resolve.dueAt.getTime(), 'after acceptance the Art. 34 clock is the one that counts');
  });

  it('answers a malformed address (bad percent-encoding) with a clean 400, pages and API alike', async () => {
    const c = new Client(h.url);
    await c.signIn('rev');
    const page = await c.get('/cases/%E0%A4%A');
    assert.equal(page.status, 400);
    assert.match(page.text, /输入有误/);
    assert.doesNotMatch(page.text, /错误编号|URIError|at .*\.ts/, 'no error id or stack: it is the client’s mistake, not a failure');
    const api = await c.get('/api/cases/%E0%A4%A');
    assert.equal(api.status, 400);
    assert.match(JSON.parse(api.text).error, /输入有误/);
    const anon = new Client(h.url);
    assert.equal((await anon.get('/cases/%E0%A4%A')).status, 400);
    const { ref, version } = await h.openPetition();
    const before = await snapshot(ref);
    const post = await c.post(`/cases/${ref}/%E0%A4%A`, { version: String(version), _csrf: await c.csrf() });
    assert.equal(post.status, 400);
    assert.deepEqual(await snapshot(ref), before);
  });

  it('filters and pages the queue', async () => {
    const c = new Client(h.url);
    await c.signIn('rev');
    const all = JSON.parse((await c.get('/api/queue')).text);
    assert.ok(all.total >= 1);
    const none = JSON.parse((await c.get('/api/queue?category=emergency')).text);
    assert.equal(none.total, 0);
    const water = JSON.parse((await c.get('/api/queue?target=water&sort=oldest')).text);
    assert.ok(water.rows.every((r: { target: string }) => r.target === 'water'));
    const overdue = JSON.parse((await c.get('/api/queue?deadline=overdue')).text);
    assert.equal(overdue.total, 0);
    const soon = JSON.parse((await c.get('/api/queue?deadline=7d')).text);
    assert.equal(soon.total, 0, 'forward_notify runs 15 days from today');
    const html = await c.get('/queue?lang=x&sort=oldest&page=1');
    assert.equal(html.status, 200);
  });
});
