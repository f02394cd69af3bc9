import fs from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { createLogger, silentLogger } from '../../kernel/logger.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { ConsoleAuth } from '../../console/auth.js';
import { startConsole, type RunningConsole } from '../../console/server.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from './db.js';

/** One console over a fresh database, with accounts for each role; shared by a test file. */
export interface ConsoleHarness {
  db: Database;
  clock: FixedClock;
  cases: CaseService;
  directory: Directory;
  auth: ConsoleAuth;
  server: RunningConsole;
  url: string;
  residentId: number;
  openPetition(target?: string, text?: string): Promise<{ ref: string; version: number }>;
  openOutOfScope(service?: string): Promise<{ ref: string; version: number }>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct-horse-battery';
export const LOCKOUT_ATTEMPTS = 3;

export function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}

export function petition(target = 'housing', confidence = 0.87): Decision {
  return {
    category: 'petition',
    target: target as Decision['target'],
    confidence,
    needsReview: true,
    reasons: ['classifier:petition 0.87', 'target:housing'],
    citations: [{ source: 'notes/housing.md', title: '物业管理', article: '第三十四条', excerpt: '物业服务企业应当按照合同约定提供服务。' }],
    redactedText: '小区电梯坏了三个月物业不修，电话[PHONE]',
    language: 'zh-Hans',
    engine: 'offline',
  };
}

export async function startHarness(): Promise<ConsoleHarness> {
  const db = await testDatabase();
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  const directory = testDirectory();
  const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
  const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: -900 };
  const cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
  const auth = new ConsoleAuth({
    pool: db.pool,
    clock,
    sessionHours: 12,
    lockoutAttempts: LOCKOUT_ATTEMPTS,
    lockoutMinutes: 15,
    secret: 'console-test-secret-0123456789abcdef',
    bcryptRounds: 4,
  });
  await auth.createUser({ username: 'super', password: PASSWORD, role: 'supervisor' });
  await auth.createUser({ username: 'rev', password: PASSWORD, role: 'reviewer' });
  await auth.createUser({ username: 'housing', password: PASSWORD, role: 'handler', handler: { kind: 'department', id: 'housing' } });
  await auth.createUser({ username: 'water', password: PASSWORD, role: 'handler', handler: { kind: 'department', id: 'water' } });
  await auth.createUser({ username: 'locky', password: PASSWORD, role: 'reviewer' });
  const server = await startConsole({ pool: db.pool, cases, directory, clock, auth, logger: process.env.CONSOLE_TEST_LOG ? createLogger("error") : silentLogger() }, { host: '127.0.0.1', port: 0, secureCookies: false });
  const resident = await cases.upsertResident({ channel: 'telegram', externalId: '42', chatId: 42, language: 'zh-Hans' });
  return {
    db,
    clock,
    cases,
    directory,
    auth,
    server,
    url: server.url,
    residentId: resident.id,
    async openPetition(target = 'housing', text = '我叫张三，电话13812345678，小区电梯坏了三个月物业不修') {
      const c = await cases.openCase({ residentId: resident.id, decision: petition(target), originalText: text, language: 'zh-Hans' });
      return { ref: c.ref, version: c.version };
    },
    async openOutOfScope(service = 'mediation') {
      const c = await cases.openCase({
        residentId: resident.id,
        decision: { ...petition(), category: 'out_of_scope', target: service as Decision['target'], redactedText: '和邻居因噪音吵了很久，想找人调解' },
        originalText: '和邻居因噪音吵了很久，想找人调解',
        language: 'zh-Hans',
        consent: { sharedFields: ['contact_chat'] },
      });
      return { ref: c.ref, version: c.version };
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/** A tiny HTTP client with a cookie jar, for tests that speak to the console without a browser. */
export class Client {
  private readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(method: string, path: string, form?: Record<string, string>, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const k = pair!.slice(0, i);
      const v = pair!.slice(i + 1);
      if (/Max-Age=0/.test(c) || v === '') this.jar.delete(k);
      else this.jar.set(k, v);
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, form: Record<string, string>) {
    return this.request('POST', path, form);
  }

  async signIn(username: string, password = PASSWORD) {
    const page = await this.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    return this.post('/login', { _csrf: csrf, username, password, back: '/queue' });
  }

  /** The session's CSRF token, read from any signed-in page's forms. */
  async csrf(path = '/queue'): Promise<string> {
    const page = await this.get(path);
    return /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  }
}
