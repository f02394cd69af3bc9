import { NotFoundError } from '../../kernel/errors.js';
import type { CaseService } from '../../cases/caseService.js';
import { isRef } from '../../cases/refs.js';
import { mayTake } from '../../cases/policy.js';
import type { Session } from '../auth.js';
import { htmlResponse, jsonResponse, type Response } from '../http.js';
import { flashDone, HttpError, requireSession, type Ctx, type RouteEnv, type Routes } from '../request.js';
import { casePage, type Visibility } from '../views/case.js';
import { handlerView } from '../handlerView.js';

/* One case, as a page and as JSON, within what the signed-in account may see. */

type CaseDetail = Awaited<ReturnType<CaseService['caseDetail']>>;

/** Loads a case the session may see; a handler asking for someone else's case gets the same 404 as for no case. */
export async function visibleCase(cases: CaseService, s: Session, ref: string): Promise<{ detail: CaseDetail; visibility: Visibility }> {
  if (!isRef(ref)) throw new HttpError(404, 'console.error.not_found');
  if (s.user.role === 'handler') {
    const h = s.user.handler!;
    if (!(await cases.visibleToHandler(ref, h.kind, h.id))) throw new HttpError(404, 'console.error.not_found');
  }
  try {
    const detail = await cases.caseDetail(ref);
    if (s.user.role === 'handler') return { detail: handlerView(detail, s.user.handler!), visibility: s.user.handler!.kind };
    return { detail, visibility: 'office' };
  } catch (err) {
    if (err instanceof NotFoundError) throw new HttpError(404, 'console.error.not_found');
    throw err;
  }
}

/** Logs the office's view of the original text and returns the detail with that event on its timeline. */
async function originalViewed(cases: CaseService, s: Session, ref: string, via: 'page' | 'api', detail: CaseDetail): Promise<CaseDetail> {
  await cases.recordOriginalViewed(ref, { id: s.user.username }, via);
  // Only the timeline changed: re-reading it is one query, not the whole detail again.
  return { ...detail, events: await cases.timeline(ref) };
}

/** The case page; after a refused action, with the refusal's status and text instead of a confirmation. */
export async function renderCase(cases: CaseService, c: Ctx, s: Session, ref: string, status = 200, error: string | null = null): Promise<Response> {
  const { detail, visibility } = await visibleCase(cases, s, ref);
  // The office page shows the original text: each view is on the timeline (who, when), this one included.
  const shown = visibility === 'office' ? await originalViewed(cases, s, ref, 'page', detail) : detail;
  // Load per handler is a scan of the open cases: read it only when the reassign list will show it.
  const load = visibility === 'office' && mayTake({ kind: 'office' }, detail.case, 'reassign') ? await cases.handlerLoad() : {};
  return htmlResponse(status, casePage(c.view, shown, { visibility, load, ok: status === 200 ? flashDone(c) : null, error }));
}

export function caseRoutes(r: Routes, { deps }: RouteEnv): void {
  const { cases } = deps;

  r.get('/cases/:ref', async (c) => renderCase(cases, c, requireSession(c), c.req.params.ref!));

  r.get('/api/cases/:ref', async (c) => {
    const s = requireSession(c);
    const { detail, visibility } = await visibleCase(cases, s, c.req.params.ref!);
    if (visibility === 'office') await cases.recordOriginalViewed(detail.case.ref, { id: s.user.username }, 'api');
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
      referrals: detail.referrals.map((x) => ({ handlerKind: x.handlerKind, handlerId: x.handlerId, status: x.status, createdAt: x.createdAt, answeredAt: x.answeredAt })),
      events: detail.events.map((e) => ({ at: e.at, actorKind: e.actorKind, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus })),
    });
  });
}
