import type { MessageParam, TextRef } from '../kernel/language.js';
import { isDepartmentCode, isServiceCode, type Category } from '../kernel/taxonomy.js';
import type { Directory, Handler } from '../directory/directory.js';
import type { CaseStatus, ClockKind, ReferralStatus } from './types.js';

/*
 * What staff cards say about a case's target, handler and clock, as message parameters. The cases area
 * writes outbox rows long before anyone renders them and may not import the catalogue, so names go as the
 * directory's names in every language and labels as catalogue references (kernel/language.ts MessageParam):
 * the reader gets them in their language, and never a code such as `housing` or `mediation` (which cards
 * had shown, and after a department declined, the code of the one that declined).
 */

/** A handler's name as staff read it (the sample mark kept: staff must replace those entries). */
export const staffName = (h: Pick<Handler, 'names'>): MessageParam => ({ ...h.names });

/** The service a 信访外 or legal-aid case was read as, by its label (the console's labels: one text for both). */
export const serviceLabel = (code: string): TextRef => ({ key: `console.service.${code}` });

/** "Not chosen yet": a case without a handler. */
export const TO_BE_CHOSEN: TextRef = { key: 'cases.staff.to_be_chosen' };

/**
 * Where a case goes, by kind: a department's petition says "government department" (its name follows as the
 * handler), a service says which service. Unknown codes (an old row) fall back to "not chosen".
 */
export function targetLabel(target: string | null): MessageParam {
  if (isServiceCode(target)) return serviceLabel(target);
  if (isDepartmentCode(target)) return { key: 'cases.staff.target.department' };
  return TO_BE_CHOSEN;
}

/** A target code read from the engine's reasons (a second matter): the department's name or the service's label. */
export function codeLabel(directory: Directory, code: string): MessageParam {
  const d = directory.department(code);
  if (d) return staffName(d);
  return isServiceCode(code) ? serviceLabel(code) : code;
}

/** The name of the handler a case is with or proposed to; "not chosen yet" when there is none. */
export function handlerLabel(directory: Directory, kind: Handler['kind'] | null, id: string | null): MessageParam {
  const h = kind && id ? directory.handler(kind, id) : undefined;
  return h ? staffName(h) : TO_BE_CHOSEN;
}

/** Why no obligation clock runs on a case (cases/types.ts OBLIGATION_CLOCKS), as the cases area reads it. */
export type NoClockReason = 'declined' | 'not_referred' | 'reopened' | 'other';

/**
 * What stops the clock, from the case's own state: the handler it was referred to sent it back (the org_accept
 * SLA stopped at the decline; a 信访外 case has no statutory clock, and the next one starts at the next referral);
 * a 信访外 or legal-aid case not referred yet (the organization's SLA starts at referral); a case reopened after a
 * dissatisfied rating (the Art. 34 period stopped at resolve and starts again when a handler accepts it).
 */
export function noClockReason(c: { status: CaseStatus; category: Category; lastReferral: ReferralStatus | null }): NoClockReason {
  if ((c.status === 'office_review' || c.status === 'reopened') && c.lastReferral === 'declined') return 'declined';
  if (c.status === 'reopened') return 'reopened';
  if (c.status === 'office_review' && c.category !== 'petition' && c.lastReferral === null) return 'not_referred';
  return 'other';
}

/** The clock line of a staff card: the running clock's date, or why none runs. */
export function deadlineLabel(running: { kind: ClockKind; dueDate: string } | null, why: NoClockReason): TextRef {
  if (running) return { key: 'cases.staff.deadline.running', params: { clock: { key: `console.clock.${running.kind}` }, dueDate: running.dueDate } };
  return { key: 'cases.staff.deadline.none', params: { why: { key: `cases.staff.no_clock.${why}` } } };
}

/**
 * The decision reasons that say why the office reviews a case (the card's 存疑原因), in the order the engine and
 * the conversation add them: the engine unsure of the target, the pipeline's checks, and the resident's own choices.
 */
const UNSURE_REASON = /^(target_unsure|low_confidence|no_target|engine_emergency|target_not_allowed|resident_asked_case|resident_chose_service|resident_asked_other_org|unclear_twice|resident_refused_service|after_emergency)/;

/** The first reason of a decision that says why it is reviewed, or null. */
export const unsureReasonOf = (reasons: readonly string[]): string | null => reasons.find((r) => UNSURE_REASON.test(r)) ?? null;

/** Reasons that are a sentence on their own (no code inside): `cases.staff.unsure.<reason>`. */
const PLAIN_REASONS = new Set(['low_confidence', 'no_target', 'resident_asked_case', 'resident_asked_other_org', 'unclear_twice', 'resident_refused_service', 'after_emergency']);

/**
 * Why the engine is unsure, as a sentence naming departments and services by name (the card had shown the machine
 * reason: `target_unsure:margin 0.06 housing>transport`, `resident_asked_case`). A reason of a shape this code does
 * not know keeps its words inside a generic sentence, so a newer engine's reason is still shown, never a crash.
 */
export function unsureLabel(directory: Directory, reason: string): MessageParam {
  const [head, rest = ''] = splitOnce(reason, ':');
  if (head === 'target_unsure') {
    // "margin 0.06 housing>transport" (the offline engine: by how much the first led) or "llm family>youth".
    const m = /^(?:margin\s+([\d.]+)\s+)?(?:llm\s+)?([a-z_]+)>([a-z_]+)$/.exec(rest.trim());
    if (m) {
      const [, margin, first, second] = m as unknown as [string, string | undefined, string, string];
      const kind = isDepartmentCode(first) && isDepartmentCode(second) ? 'departments' : 'targets';
      const params = { first: codeLabel(directory, first), second: codeLabel(directory, second) };
      return margin !== undefined
        ? { key: `cases.staff.unsure.margin_${kind}`, params: { ...params, margin } }
        : { key: `cases.staff.unsure.close_${kind}`, params };
    }
    return { key: 'cases.staff.unsure.target_unsure' };
  }
  if (head === 'target_not_allowed' && rest) return { key: 'cases.staff.unsure.target_not_allowed', params: { target: codeLabel(directory, rest.trim()) } };
  if (head === 'resident_chose_service' && rest) return { key: 'cases.staff.unsure.resident_chose_service', params: { service: codeLabel(directory, rest.trim()) } };
  // engine_emergency and engine_emergency_without_crisis: the engine alone read a danger.
  if (head.startsWith('engine_emergency')) return { key: 'cases.staff.unsure.engine_emergency' };
  if (PLAIN_REASONS.has(head)) return { key: `cases.staff.unsure.${head}` };
  return { key: 'cases.staff.unsure.other', params: { reason: reason.replace(/[_:>]+/g, ' ').replace(/\s+/g, ' ').trim() } };
}

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}
