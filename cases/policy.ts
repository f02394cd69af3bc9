import { AppError, ForbiddenError, IllegalTransitionError, NotFoundError, StaleError, ValidationError } from '../kernel/errors.js';
import type { CaseRecord } from './caseRepository.js';
import { canApply, type CaseAction } from './stateMachine.js';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus, type HandlerKind } from './types.js';

/*
 * What adapters ask the domain before they show or do something: which actions a role may take on a case
 * now (Telegram buttons, console forms), who may extend, capacity, finished statuses, and which message
 * tells a user why a command was refused. Pure; the service still checks everything again when it acts.
 */

// ---------------------------------------------------------------------------------------------------
// Statuses

/** Statuses in which nobody owes the case any more work (a resident may still ask for 复查 or withdraw consent). */
export const FINISHED_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !(OPEN_STATUSES as readonly CaseStatus[]).includes(s));
export const isFinished = (s: CaseStatus): boolean => FINISHED_STATUSES.includes(s);

// ---------------------------------------------------------------------------------------------------
// Actions a role may take now

/** The actions a user interface offers, by the names buttons and forms use. */
export const UI_ACTIONS = ['approve', 'reassign', 'ask', 'not_accept', 'urgent', 'accept', 'decline', 'progress', 'resolve', 'extend'] as const;
export type UiAction = (typeof UI_ACTIONS)[number];

/** The lifecycle action behind each interface action (what the state machine is asked). */
export const UI_ACTION_TRANSITION: Record<UiAction, CaseAction> = {
  approve: 'approve',
  reassign: 'reassign',
  ask: 'ask',
  not_accept: 'not_accept',
  urgent: 'mark_urgent',
  accept: 'handler_accept',
  decline: 'handler_decline',
  progress: 'report_progress',
  resolve: 'resolve',
  extend: 'request_extension',
};

const OFFICE_UI: readonly UiAction[] = ['approve', 'reassign', 'ask', 'not_accept', 'urgent'];
const HANDLER_UI: readonly UiAction[] = ['accept', 'decline', 'progress', 'resolve', 'extend'];

export type CaseRole = { kind: 'office' } | { kind: 'handler'; handlerKind: HandlerKind; handlerId: string };

type PolicyCase = Pick<CaseRecord, 'status' | 'category' | 'handlerKind' | 'handlerId' | 'urgent'>;

/** Art. 34: only a department handling a petition may extend its period (once; the service checks that). */
export function mayExtend(c: Pick<CaseRecord, 'category' | 'handlerKind'>): boolean {
  return c.handlerKind === 'department' && c.category === 'petition';
}

/**
 * Whether `role` may take `action` on the case now. The office acts on what the state machine allows
 * (approving needs a proposed handler; marking urgent, a case not urgent yet); a handler acts only on a
 * case it holds, and only a department on a petition may extend.
 */
export function mayTake(role: CaseRole, c: PolicyCase, action: UiAction): boolean {
  if (!canApply(c.status, UI_ACTION_TRANSITION[action])) return false;
  if (role.kind === 'office') {
    if (!OFFICE_UI.includes(action)) return false;
    if (action === 'approve') return c.handlerId !== null;
    if (action === 'urgent') return !c.urgent;
    return true;
  }
  if (!HANDLER_UI.includes(action)) return false;
  if (c.handlerKind !== role.handlerKind || c.handlerId !== role.handlerId) return false;
  return action !== 'extend' || mayExtend(c);
}

/** The office could approve but must first choose a handler (a console shows the form disabled). */
export function needsHandler(c: PolicyCase): boolean {
  return c.handlerId === null && canApply(c.status, 'approve');
}

/** The actions `role` may take on the case now, in the order interfaces show them. */
export function actionsFor(role: CaseRole, c: PolicyCase): UiAction[] {
  return UI_ACTIONS.filter((a) => mayTake(role, c, a));
}

// ---------------------------------------------------------------------------------------------------
// Capacity

export type StaffRole = 'reviewer' | 'supervisor';

/**
 * Reviewers may give a case only to a handler with spare capacity; supervisors may give any case to anyone
 * (the directory's capacity is a planning figure, not a hard limit).
 */
export function exceedsCapacity(role: StaffRole | string, load: number, capacity: number): boolean {
  return role !== 'supervisor' && load >= capacity;
}

// ---------------------------------------------------------------------------------------------------
// Refusals: one mapping from an error to the message each adapter shows

export const REFUSALS = ['stale', 'illegal', 'forbidden', 'not_member', 'not_found', 'invalid'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Where the refusal is shown: each has its own texts in the catalogue. */
export type Surface = 'office_chat' | 'handler_chat' | 'console' | 'resident' | 'bot';

export const REFUSAL_KEYS: Record<Surface, Record<Refusal, string>> = {
  office_chat: {
    stale: 'staff.stale',
    illegal: 'staff.not_applicable',
    forbidden: 'staff.denied.wrong_chat',
    not_member: 'staff.denied.not_member',
    not_found: 'staff.not_found',
    invalid: 'staff.invalid',
  },
  handler_chat: {
    stale: 'staff.stale',
    illegal: 'staff.not_applicable',
    forbidden: 'staff.denied.not_holder',
    not_member: 'staff.denied.not_member',
    not_found: 'staff.not_found',
    invalid: 'staff.invalid',
  },
  console: {
    stale: 'console.error.stale',
    illegal: 'console.error.illegal',
    forbidden: 'console.error.forbidden',
    not_member: 'console.error.forbidden',
    not_found: 'console.error.not_found',
    invalid: 'console.error.validation',
  },
  // A resident is never told why a case action is unavailable beyond that it is (no other resident's data leaks).
  resident: {
    stale: 'conversation.error.case_unavailable',
    illegal: 'conversation.error.case_unavailable',
    forbidden: 'conversation.error.case_unavailable',
    not_member: 'conversation.error.case_unavailable',
    not_found: 'conversation.error.case_unavailable',
    invalid: 'conversation.error.case_unavailable',
  },
  bot: {
    stale: 'error.stale',
    illegal: 'error.illegal_transition',
    forbidden: 'error.forbidden',
    not_member: 'error.forbidden',
    not_found: 'error.not_found',
    invalid: 'error.validation',
  },
};

/** HTTP status of each refusal (the console and its API). */
export const REFUSAL_STATUS: Record<Refusal, number> = { stale: 409, illegal: 409, forbidden: 403, not_member: 403, not_found: 404, invalid: 422 };

/** Which refusal an error is; null for anything else (a bug, or an error of another layer). */
export function refusalOf(err: unknown): Refusal | null {
  if (err instanceof StaleError) return 'stale';
  if (err instanceof IllegalTransitionError) return 'illegal';
  if (err instanceof ForbiddenError) return /not a member/.test(err.message) ? 'not_member' : 'forbidden';
  if (err instanceof NotFoundError) return 'not_found';
  if (err instanceof ValidationError) return 'invalid';
  return null;
}

/**
 * The message key for `err` on `surface`; null when the error is not a refusal (the adapter's generic
 * failure path handles it). On the bot surface another AppError's own key is used when it has one.
 */
export function refusalKey(err: unknown, surface: Surface): string | null {
  const r = refusalOf(err);
  if (r) return REFUSAL_KEYS[surface][r];
  if (surface === 'bot' && err instanceof AppError) return err.options.userMessageKey ?? null;
  return null;
}
