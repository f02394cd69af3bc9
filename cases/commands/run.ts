import type { Clock } from '../../kernel/clock.js';
import { ForbiddenError, NotFoundError, StaleError, ValidationError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { MessageParam, TextRef } from '../../kernel/language.js';
import type { Directory, Handler } from '../../directory/directory.js';
import { districtsOutside, officeArea } from '../../directory/places.js';
import type { WorkingCalendar } from '../calendar.js';
import { codeLabel, handlerLabel, targetLabel, unsureLabel, unsureReasonOf } from '../cardLabels.js';
import type { CasePatch, CaseRecord, ReferralRecord, ResidentRecord } from '../caseRepository.js';
import { outboxRowsFor, type Outgoing } from '../delivery.js';
import type { OfficeAlertLimiter } from '../officeAlerts.js';
import { CATEGORY_LABELS_ZH, msg, OFFICE_REVIEW_ACTIONS } from '../messages.js';
import type { CaseRepositories, CaseStore } from '../ports.js';
import { transition, type CaseAction } from '../stateMachine.js';
import { clockFor, type ClockSettings } from '../statutory.js';
import { HANDLER_HELD_STATUSES, type Actor, type CaseStatus, type HandlerActor, type HandlerKind } from '../types.js';
import { actorSchema, parse, refSchema, text, versionSchema } from '../validation.js';

/** What every command, query and report of the case service is given (the service's deps, resolved). */
export interface CaseDeps {
  store: CaseStore;
  clock: Clock;
  calendar: WorkingCalendar;
  directory: Directory;
  officeChatId: number | null;
  /** Only the clock fields: clockFor validates every key it is given. */
  clockSettings: ClockSettings;
  logger?: Logger;
  /** Paces office alerts per resident (cases/officeAlerts.ts); none: every alert is written. */
  alertLimiter?: OfficeAlertLimiter;
}

export interface CommandOptions {
  /** The version the actor saw; a different current version throws StaleError. */
  expectedVersion?: number;
  /**
   * A key naming this request (e.g. the Telegram update or callback id). A command retried with a key already
   * recorded on the case does nothing and returns the case as it is, so a retry never writes a second message.
   */
  idempotencyKey?: string;
}

export interface Ctx {
  tx: CaseRepositories;
  c: CaseRecord;
  now: Date;
  to: CaseStatus | null;
  resident(): Promise<ResidentRecord>;
}

export interface Effects {
  patch?: CasePatch;
  /** Audit event type; defaults to the action. */
  eventType?: string;
  data?: Record<string, unknown>;
  out?: Outgoing[];
}

export interface RunSpec {
  ref: string;
  actor: Actor;
  /** null: no status change (the event is still written and the version still bumps). */
  action: CaseAction | null | ((c: CaseRecord) => CaseAction | null);
  /** The caller's expected version and idempotency key. */
  opts?: CommandOptions;
  /** Runs under the row lock before the version and transition checks; returning 'noop' ends the command unchanged. */
  precheck?: (ctx: Ctx) => Promise<'noop' | void>;
  /** Checked after the state machine: the actor must belong to the handler of the case's open referral. */
  authorizeHandler?: HandlerActor;
  body: (ctx: Ctx) => Promise<Effects>;
}

/** The office card's share of a long summary (the whole is on the console's case page). */
export const CARD_SUMMARY_MAX = 600;

/**
 * One command on one case, in one transaction: lock the row, honour the idempotency key, check the expected
 * version and the state machine, authorise, then write the change, exactly one audit event and the outbox
 * rows together — a crash between a transition and its delivery loses nothing.
 */
export async function run(deps: CaseDeps, spec: RunSpec): Promise<CaseRecord> {
  const ref = parse(refSchema, spec.ref, 'reference');
  parse(actorSchema, spec.actor, 'actor');
  const expected = parse(versionSchema, spec.opts?.expectedVersion, 'expected version');
  const requestKey = parse(text('idempotency key', 200).optional(), spec.opts?.idempotencyKey, 'idempotency key');
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const c = await tx.cases.byRef(ref, { forUpdate: true });
    if (!c) throw new NotFoundError('case', ref);
    let residentRow: ResidentRecord | null = null;
    const resident = async () => (residentRow ??= (await tx.residents.byId(c.residentId))!);
    const ctx: Ctx = { tx, c, now, to: null, resident };
    if (requestKey !== undefined && (await tx.events.hasKey(c.id, requestKey))) return c;
    if (spec.precheck && (await spec.precheck(ctx)) === 'noop') return c;
    if (expected !== undefined && expected !== c.version) throw new StaleError(ref);
    const action = typeof spec.action === 'function' ? spec.action(c) : spec.action;
    ctx.to = action === null ? null : transition(c.status, action, ref);
    if (spec.authorizeHandler) await authorizeActor(deps, tx, c, spec.authorizeHandler);
    const effects = await spec.body(ctx);
    const status = ctx.to ?? c.status;
    const updated = await tx.cases.update(c, status, effects.patch ?? {}, now);
    await tx.events.insert({
      caseId: c.id,
      at: now,
      actorKind: spec.actor.kind,
      actorId: spec.actor.id,
      type: effects.eventType ?? action ?? 'note',
      fromStatus: c.status,
      toStatus: status,
      data: requestKey === undefined ? (effects.data ?? {}) : { ...effects.data, idempotencyKey: requestKey },
    });
    if (effects.out?.length) {
      const needsResident = effects.out.some((o) => o.to.kind === 'resident');
      const prefix = requestKey === undefined ? `case:${c.id}:v${updated.version}` : `case:${c.id}:req:${requestKey}`;
      await deliverOn(deps, tx, updated, needsResident ? await resident() : null, effects.out, prefix, now);
    }
    // Ids and codes only: never message text at info.
    deps.logger?.info({ ref, action: effects.eventType ?? action, from: c.status, to: status, version: updated.version, actor: spec.actor.kind }, 'case changed');
    return updated;
  });
}

/** Writes the outbox rows for `out` in the transaction (recipients without a chat are skipped and logged). */
export function deliverOn(
  deps: CaseDeps,
  tx: CaseRepositories,
  c: CaseRecord,
  resident: ResidentRecord | null,
  out: Outgoing[],
  prefix: string,
  now: Date,
): Promise<number> {
  const rows = outboxRowsFor({ directory: deps.directory, officeChatId: deps.officeChatId, logger: deps.logger }, c, resident, out, prefix, now);
  return rows.length ? tx.outbox.insert(rows) : Promise.resolve(0);
}

/** Open cases held per handler id (referred, accepted, in progress). */
export function handlerLoadOn(tx: Pick<CaseRepositories, 'reports'>): Promise<Record<string, number>> {
  return tx.reports.loadByHandler(HANDLER_HELD_STATUSES);
}

export async function startSurvey(deps: CaseDeps, tx: CaseRepositories, caseId: number, now: Date): Promise<number> {
  const round = await tx.cases.startSurveyRound(caseId, now);
  await tx.clocks.start(caseId, clockFor('survey_reminder', now, deps.calendar, deps.clockSettings), now);
  await tx.clocks.start(caseId, clockFor('survey_close', now, deps.calendar, deps.clockSettings), now);
  return round.round;
}

export async function requireOwner({ tx, c }: Ctx, externalId: string): Promise<void> {
  const r = await tx.residents.byId(c.residentId);
  if (!r || r.externalId !== externalId) throw new ForbiddenError(`Case ${c.ref} belongs to another resident`);
}

/** The handler's kind must suit the case (departments for petitions, organizations otherwise) and exist. */
export function checkHandlerFor(deps: CaseDeps, c: CaseRecord, kind: HandlerKind, id: string): Handler {
  const wanted: HandlerKind = c.category === 'petition' ? 'department' : 'organization';
  if (kind !== wanted) throw new ValidationError(`A ${c.category} case goes to a ${wanted}, not a ${kind}`);
  const h = deps.directory.handler(kind, id);
  if (!h) throw new ValidationError(`Unknown ${kind}: ${id}`);
  return h;
}

/**
 * A handler actor may act only on a case with an open referral to their handler, and must be one of its
 * members (memberIds). Fails closed: a handler with no members listed lets nobody act (issue 13).
 */
async function authorizeActor(deps: CaseDeps, tx: CaseRepositories, c: CaseRecord, actor: HandlerActor): Promise<ReferralRecord> {
  if (actor.kind !== 'handler') throw new ForbiddenError('Only the handler holding the case may do this');
  const referral = await tx.cases.openReferral(c.id);
  if (!referral) throw new ForbiddenError(`Case ${c.ref} has no open referral`);
  if (actor.handler && (actor.handler.kind !== referral.handlerKind || actor.handler.id !== referral.handlerId)) {
    throw new ForbiddenError(`Case ${c.ref} is not referred to ${actor.handler.kind} ${actor.handler.id}`);
  }
  const h = deps.directory.handler(referral.handlerKind, referral.handlerId);
  if (!h) throw new ForbiddenError(`Handler ${referral.handlerId} is no longer in the directory`);
  const userId = Number(actor.id);
  if (!h.memberIds.includes(userId)) {
    throw new ForbiddenError(`User ${actor.id} is not a member of ${referral.handlerKind} ${referral.handlerId}`);
  }
  return referral;
}

/**
 * The card's second-matter target and why the engine is unsure, read from the decision's machine reasons
 * ("secondary_target:transport 0.31", "target_unsure:margin 0.04 housing>transport", "low_confidence").
 */
export function reviewNotes(reasons: readonly string[]): { secondary: string; unsure: string } {
  const second = reasons.find((r) => r.startsWith('secondary_target:'));
  // A case the resident registered from a question, or that stayed unclear twice, has no target by design:
  // the card says so rather than leave the office to wonder why.
  // A matter taken up after an emergency reply, and a complaint the resident insisted on after refusing a service,
  // are reviewed for those reasons (the card had said 存疑原因：—).
  const why = unsureReasonOf(reasons);
  return { secondary: second ? second.slice('secondary_target:'.length).split(' ')[0]! : '—', unsure: why ?? '—' };
}

/**
 * The office card's text of the resident's matter: the redacted summary up to `max` characters, and past that
 * the start with a note saying it was cut and where the whole is (a card had ended mid-sentence in "…").
 */
export function cardSummary(summary: string, max = CARD_SUMMARY_MAX): MessageParam {
  const chars = [...summary];
  if (chars.length <= max) return summary;
  return { key: 'cases.staff.summary_cut', params: { head: chars.slice(0, max).join(''), shown: max, total: chars.length } };
}

/** How much of a resident's note (an addition, an answer, a rating comment, a correction) the office chat's copy holds. */
export const OFFICE_NOTE_MAX = 1000;

/**
 * The office chat's copy of a resident's note: whole up to `max` characters, and past that the start with how much
 * was left out and where the whole is — the console's case page, whose timeline shows a note whole (it had been
 * cut at 1,000 characters with a bare "…", and staff could not tell the resident had written more).
 */
export function officeNote(note: string, ref: string, max = OFFICE_NOTE_MAX): MessageParam {
  const chars = [...note];
  if (chars.length <= max) return note;
  return { key: 'cases.staff.note_cut', params: { head: chars.slice(0, max).join(''), omitted: chars.length - max, ref } };
}

/** The office's review card for a case, with its clock line (cases/cardLabels.ts deadlineLabel). */
export function reviewCard(deps: CaseDeps, c: CaseRecord, deadline: TextRef) {
  const h = c.handlerKind && c.handlerId ? deps.directory.handler(c.handlerKind, c.handlerId) : undefined;
  const area = h?.area ?? officeArea(deps.directory);
  const elsewhere = districtsOutside(c.summary, area);
  const notes = reviewNotes(c.decision.reasons ?? []);
  const fields = {
    ref: c.ref,
    category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
    target: targetLabel(c.target),
    handler: handlerLabel(deps.directory, c.handlerKind, c.handlerId),
    confidence: typeof c.decision.confidence === 'number' ? c.decision.confidence.toFixed(2) : '—',
    // The second matter's department by its name: the card had shown its code (第二事项：transport).
    secondary: notes.secondary === '—' ? notes.secondary : codeLabel(deps.directory, notes.secondary),
    // Why it is reviewed as a sentence naming the departments (cardLabels.ts unsureLabel), not the engine's code.
    unsure: notes.unsure === '—' ? notes.unsure : unsureLabel(deps.directory, notes.unsure),
    summary: cardSummary(c.summary),
    deadline,
  };
  return elsewhere.length > 0
    ? msg('cases.staff.review_card_elsewhere', { ...fields, districts: elsewhere.join('、') }, OFFICE_REVIEW_ACTIONS)
    : msg('cases.staff.review_card', fields, OFFICE_REVIEW_ACTIONS);
}
