import type { Clock } from '../../kernel/clock.js';
import type { CaseService } from '../../cases/caseService.js';
import { htmlResponse } from '../http.js';
import { HttpError, requireSupervisor, type RouteEnv, type Routes } from '../request.js';
import { dashboardCsv, dashboardPage, type DashboardData } from '../views/dashboard.js';

/* Supervisors' figures for a period: the page with charts and tables, and the same figures as CSV. */

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 86_400_000;

async function dashboardData(cases: CaseService, clock: Clock, q: URLSearchParams): Promise<DashboardData> {
  const today = shanghaiDate(clock.now());
  const valid = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(shanghaiMidnight(d).getTime()) ? d : null);
  let to = valid(q.get('to')) ?? today;
  let from = valid(q.get('from')) ?? shanghaiDate(new Date(shanghaiMidnight(to).getTime() - 29 * DAY_MS));
  if (from > to) [from, to] = [to, from];
  const start = shanghaiMidnight(from);
  const end = new Date(shanghaiMidnight(to).getTime() + DAY_MS);
  if (end.getTime() - start.getTime() > 3 * 366 * DAY_MS) throw new HttpError(422, 'console.error.validation', { detail: 'period ≤ 3 years' });
  // Buckets, empty periods as zeros and the figures come from cases/reports.ts.
  return { from, to, ...(await cases.dashboard({ from: start, to: end })) };
}

export function dashboardRoutes(r: Routes, { deps }: RouteEnv): void {
  const { cases, clock } = deps;

  r.get('/dashboard', async (c) => {
    requireSupervisor(c);
    return htmlResponse(200, dashboardPage(c.view, await dashboardData(cases, clock, c.req.query)));
  });

  r.get('/dashboard.csv', async (c) => {
    requireSupervisor(c);
    const d = await dashboardData(cases, clock, c.req.query);
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="console-${d.from}-${d.to}.csv"` },
      body: '\uFEFF' + dashboardCsv(d),
    };
  });
}
