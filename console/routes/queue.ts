import { isCaseStatus } from '../../cases/stateMachine.js';
import type { CaseStatus } from '../../cases/types.js';
import { isCategory, TARGET_CODES } from '../../kernel/taxonomy.js';
import type { Session } from '../auth.js';
import { htmlResponse, jsonResponse } from '../http.js';
import { flashDone, requireSession, type RouteEnv, type Routes } from '../request.js';
import { QUEUE_PAGE_SIZE, queuePage, type QueueFilters } from '../views/queue.js';

/* The review queue (office) or a handler's own cases, as a page and as JSON. */

/** Filters from the query string; unknown values are ignored rather than refused, as in a bookmarked link. */
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

export function queueRoutes(r: Routes, { deps }: RouteEnv): void {
  const { cases } = deps;

  const listCases = (s: Session, f: QueueFilters) =>
    cases.queue({
      category: f.category,
      target: f.target,
      statuses: f.status ? [f.status as CaseStatus] : undefined,
      deadline: f.deadline,
      sort: f.sort,
      handler: s.user.role === 'handler' ? s.user.handler! : undefined,
      limit: QUEUE_PAGE_SIZE,
      offset: (f.page - 1) * QUEUE_PAGE_SIZE,
    });

  r.get('/queue', async (c) => {
    const s = requireSession(c);
    const filters = queueFilters(c.req.query);
    const list = await listCases(s, filters);
    return htmlResponse(200, queuePage(c.view, { ...list, filters, readOnly: s.user.role === 'handler', ok: flashDone(c) }));
  });

  r.get('/api/queue', async (c) => {
    const s = requireSession(c);
    const { rows, total, capped, hasMore } = await listCases(s, queueFilters(c.req.query));
    return jsonResponse(200, { total, capped, hasMore, rows });
  });
}
