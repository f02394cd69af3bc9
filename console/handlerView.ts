import type { CaseService } from '../cases/caseService.js';
import type { HandlerKind } from '../cases/types.js';

/*
 * What a handler account sees of a case: its own referral and the events addressed to it (its referral,
 * its answers, the resident's replies on its referral, a reassignment to it) — not the office's timeline,
 * nor other handlers' referrals, nor the outbox. The office sees everything (views/case.ts).
 */

type CaseDetail = Awaited<ReturnType<CaseService['caseDetail']>>;

export function handlerView(detail: CaseDetail, h: { kind: HandlerKind; id: string }): CaseDetail {
  const mine = (kind: unknown, id: unknown) => kind === h.kind && id === h.id;
  const referrals = detail.referrals.filter((r) => mine(r.handlerKind, r.handlerId));
  const referralIds = new Set(referrals.map((r) => r.id));
  const events = detail.events.filter((e) => {
    const d = e.data ?? {};
    if (typeof d.referralId === 'number' && referralIds.has(d.referralId)) return true;
    if (mine(d.handlerKind, d.handlerId)) return true;
    const to = d.to as { kind?: unknown; id?: unknown } | undefined;
    return Boolean(to && mine(to.kind, to.id));
  });
  return { ...detail, referrals, events, outbox: [] };
}
