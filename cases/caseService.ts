import { z } from 'zod';
import type { Clock } from '../app/clock.js';
import { ForbiddenError, NotFoundError, StaleError, ValidationError } from '../app/errors.js';
import type { Logger } from '../app/logger.js';
import { withTransaction, type Pool, type Queryable, type TxClient } from '../db/pool.js';
import type { Directory, Handler } from '../knowledge/directory.js';
import { CATEGORIES, isDepartmentCode, isServiceCode, targetsFor, type ServiceCode } from '../triage/taxonomy.js';
import type { Decision, Language } from '../triage/types.js';
import type { WorkingCalendar } from './calendar.js';
import * as repo from './caseRepository.js';
import * as reports from './reportRepository.js';
import type { OverdueClock } from './reportRepository.js';
import type { CaseEventRecord, CasePatch, CaseRecord, ReferralRecord, ResidentRecord } from './caseRepository.js';
import { clocksForCase, extendClock, runningClock, startClock, stopClocks, type ClockRecord } from './clockRepository.js';
import { deliver, type Outgoing } from './delivery.js';
import {
  CATEGORY_LABELS_ZH,
  HANDLER_REFERRAL_ACTIONS,
  msg,
  notAcceptedKey,
  OFFICE_REVIEW_ACTIONS,
  SURVEY_ACTIONS,
} from './messages.js';
import { isRef, shanghaiDay } from './refs.js';
import { transition, type CaseAction } from './stateMachine.js';
import { clockFor, extendResolveClock, type ClockSettings } from './statutory.js';
import {
  CASE_STATUSES,
  HANDLER_HELD_STATUSES,
  NOT_ACCEPTED_REASONS,
  SHAREABLE_FIELDS,
  type Actor,
  type CaseStatus,
  type ClockKind,
  type HandlerActor,
  type HandlerKind,
  type NotAcceptedReason,
  type SatisfactionRating,
} from './types.js';

export interface CaseServiceDeps {
  pool: Pool;
  clock: Clock;
  calendar: WorkingCalendar;
  directory: Directory;
  settings: ClockSettings & { officeChatId: number | null };
  logger?: Logger;
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

export interface OpenCaseInput {
  residentId: number;
  decision: Decision;
  originalText: string;
  language: Language;
  /** Required for referrals to social organizations (信访外, legal aid): 案主自愿. */
  consent?: { sharedFields?: string[] };
}

export const CONSENT_PURPOSE = 'refer_to_organization';
export const DEFAULT_SHARED_FIELDS = ['summary', 'contact_chat'];

/** Clock kinds that are obligations of the office or a handler (what on-time rates and the overdue list count). */
export const OBLIGATION_CLOCKS: ClockKind[] = ['forward_notify', 'resolve', 'review_answer', 'recheck_answer', 'org_accept', 'org_first_contact'];
const SURVEY_CLOCKS: ClockKind[] = ['survey_reminder', 'survey_close'];
const REVIEW_QUEUE_STATUSES: CaseStatus[] = ['office_review', 'reopened', 'review_requested'];
const ALL_STATUSES: readonly CaseStatus[] = CASE_STATUSES;

const CARD_SUMMARY_MAX = 600;
const NOT_SHARED = '（未授权共享）';

// ---------------------------------------------------------------------------------------------------
// Input validation (zod at the boundary; messages say what to fix)

const noNul = (s: string) => !s.includes('\u0000');
const text = (what: string, max: number) =>
  z
    .string({ message: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .refine(noNul, `${what} must not contain binary data`);
const refSchema = z.string({ message: 'case reference must be text' }).refine(isRef, 'case reference must look like YT-20260214-0001');
const versionSchema = z.number().int().positive().optional();
const externalIdSchema = text('resident id', 200);

const decisionSchema = z.object(
  {
    category: z.enum(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(', ')}` }),
    target: z.string().nullable(),
    confidence: z.number().min(0).max(1),
    needsReview: z.boolean(),
    reasons: z.array(z.string()),
    citations: z.array(z.any()),
    redactedText: text('redacted text', 10_000),
    language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
    emergencyKinds: z.array(z.string()).optional(),
    engine: z.enum(['offline', 'llm', 'rules']),
  },
  { message: 'decision must be a triage Decision object' },
);

const openCaseSchema = z.object({
  residentId: z.number().int().positive(),
  decision: decisionSchema,
  originalText: text('original text', 10_000),
  language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
  consent: z
    .object({
      sharedFields: z
        .array(z.enum(SHAREABLE_FIELDS, { message: `shared fields must be among ${SHAREABLE_FIELDS.join(', ')}` }))
        .min(1, 'share at least one field, or give no consent')
        .optional(),
    })
    .optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ValidationError(`Invalid ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}

// ---------------------------------------------------------------------------------------------------

export interface OfficeQueueFilters {
  category?: string;
  target?: string;
  urgentOnly?: boolean;
  statuses?: CaseStatus[];
}


export type { OverdueClock };

export interface CaseStats {
  from: Date;
  to: Date;
  total: number;
  byCategory: Record<string, number>;
  byTarget: Record<string, number>;
  byStatus: Record<string, number>;
  /** Per obligation clock kind: met on time, late (met late or still running past due); rate = met / (met + late). */
  onTime: Record<string, { met: number; late: number; rate: number | null }>;
  satisfaction: {
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    noAnswer: number;
    answered: number;
    /** (satisfied + basically satisfied) / answered; null when nobody answered. */
    rate: number | null;
  };
}

interface Ctx {
  tx: TxClient;
  c: CaseRecord;
  now: Date;
  to: CaseStatus | null;
  resident(): Promise<ResidentRecord>;
}

interface Effects {
  patch?: CasePatch;
  /** Audit event type; defaults to the action. */
  eventType?: string;
  data?: Record<string, unknown>;
  out?: Outgoing[];
}

interface RunSpec {
  ref: string;
  actor: Actor;
  /** null: no status change (the event is still written and the version still bumps). */
  action: CaseAction | null | ((c: CaseRecord) => CaseAction | null);
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Runs under the row lock before the version and transition checks; returning 'noop' ends the command unchanged. */
  precheck?: (ctx: Ctx) => Promise<'noop' | void>;
  /** Checked after the state machine: the actor must belong to the handler of the case's open referral. */
  authorizeHandler?: HandlerActor;
  body: (ctx: Ctx) => Promise<Effects>;
}

/**
 * The case lifecycle. Every command is one transaction that locks the case row, checks the expected version and
 * the state machine, then writes the change, exactly one audit event and the outbox rows together: a crash
 * between a transition and its delivery loses nothing, because the message is committed with the transition.
 */
export class CaseService {
  private readonly pool: Pool;
  private readonly clock: Clock;
  private readonly calendar: WorkingCalendar;
  private readonly directory: Directory;
  private readonly settings: ClockSettings & { officeChatId: number | null };
  private readonly logger?: Logger;
  /** Only the clock fields: clockFor validates every key it is given. */
  private readonly clockSettings: ClockSettings;

  constructor(deps: CaseServiceDeps) {
    this.pool = deps.pool;
    this.clock = deps.clock;
    this.calendar = deps.calendar;
    this.directory = deps.directory;
    this.settings = deps.settings;
    const { orgAcceptWorkingDays, orgFirstContactDays, reminderLeadWorkingDays, surveyReminderHours, surveyCloseDays } = deps.settings;
    this.clockSettings = { orgAcceptWorkingDays, orgFirstContactDays, reminderLeadWorkingDays, surveyReminderHours, surveyCloseDays };
    this.logger = deps.logger;
  }

  // -------------------------------------------------------------------------------------------------
  // Residents and opening

  async upsertResident(input: { channel: 'telegram' | 'terminal'; externalId: string; chatId: number | null; language: Language }): Promise<ResidentRecord> {
    const r = parse(
      z.object({
        channel: z.enum(['telegram', 'terminal']),
        externalId: externalIdSchema,
        chatId: z.number().int().nullable(),
        language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
      }),
      input,
      'resident',
    );
    return repo.upsertResident(this.pool, r);
  }

  async openCase(input: OpenCaseInput): Promise<CaseRecord> {
    const inp = parse(openCaseSchema, input, 'case');
    const d = inp.decision;
    let handlerKind: HandlerKind;
    let service: ServiceCode | null = null;
    if (d.category === 'petition') {
      handlerKind = 'department';
      if (d.target !== null && !isDepartmentCode(d.target)) {
        throw new ValidationError(`A petition's target must be a department code, got ${d.target}`);
      }
    } else if (d.category === 'out_of_scope' || d.category === 'legal_channel') {
      handlerKind = 'organization';
      const target = d.category === 'legal_channel' ? 'legal_aid' : d.target;
      if (!isServiceCode(target) || !targetsFor(d.category).includes(target)) {
        throw new ValidationError(`A ${d.category} case needs a service target among ${targetsFor(d.category).join(', ')}, got ${String(d.target)}`);
      }
      service = target;
      if (!inp.consent) {
        throw new ValidationError('Referring a matter to a social organization needs the resident’s consent (案主自愿); ask for it first', {
          field: 'consent',
        });
      }
    } else {
      throw new ValidationError(`No case is opened for category ${d.category}; only petition, out_of_scope and legal_channel (legal aid) are`);
    }
    const now = this.clock.now();
    return withTransaction(this.pool, async (tx) => {
      const found = await repo.residentWithNewRef(tx, inp.residentId, now);
      if (!found) throw new NotFoundError('resident', String(inp.residentId));
      const { resident, ref } = found;
      let handlerId: string | null = null;
      if (handlerKind === 'department') {
        handlerId = d.target && this.directory.department(d.target) ? d.target : null;
      } else {
        handlerId = this.directory.nextOrganization(service!, [], await this.handlerLoadOn(tx))?.id ?? null;
      }
      const status = transition('received', 'open', ref);
      const c = await repo.insertCase(tx, {
        ref,
        residentId: resident.id,
        category: d.category,
        target: d.category === 'legal_channel' ? 'legal_aid' : (d.target as CaseRecord['target']),
        handlerKind: handlerId ? handlerKind : null,
        handlerId,
        status,
        summary: d.redactedText,
        originalText: inp.originalText,
        decision: d as Decision,
        language: inp.language,
        receivedAt: now,
      });
      let sharedFields: string[] | null = null;
      if (handlerKind === 'organization') {
        sharedFields = inp.consent?.sharedFields ?? DEFAULT_SHARED_FIELDS;
        await repo.insertConsent(tx, { caseId: c.id, residentId: resident.id, purpose: CONSENT_PURPOSE, sharedFields, at: now });
      }
      let dueAt: Date;
      if (handlerKind === 'department') {
        dueAt = (await startClock(tx, c.id, clockFor('forward_notify', now, this.calendar, this.clockSettings), now, { newCase: true })).dueAt;
      } else {
        // Not a statutory clock: the office's promise to name the organization, shown to the resident.
        dueAt = clockFor('org_accept', now, this.calendar, this.clockSettings).dueAt;
      }
      await repo.insertEvent(tx, {
        caseId: c.id,
        at: now,
        actorKind: 'resident',
        actorId: resident.externalId,
        type: 'opened',
        fromStatus: 'received',
        toStatus: status,
        data: { category: c.category, target: c.target, handlerKind: c.handlerKind, handlerId: c.handlerId, confidence: d.confidence, sharedFields },
      });
      const dueDate = shanghaiDay(dueAt);
      await this.deliverOn(tx, c, resident, [
        {
          to: { kind: 'resident' },
          message: handlerKind === 'department' ? msg('cases.resident.opened', { ref, dueDate }) : msg('cases.resident.opened_org', { ref, dueDate }),
        },
        { to: { kind: 'office' }, message: this.reviewCard(c, dueDate) },
      ], `case:${c.id}:v${c.version}`, now);
      this.logger?.info({ ref, category: c.category, target: c.target }, 'case opened');
      return c;
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Office commands

  async approveReferral(
    ref: string,
    actor: Actor,
    opts: CommandOptions & { handlerKind?: HandlerKind; handlerId?: string } = {},
  ): Promise<CaseRecord> {
    requireOffice(actor);
    return this.run({
      ref,
      actor,
      action: 'approve',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      body: async ({ tx, c, now, resident }) => {
        const kind = opts.handlerKind ?? c.handlerKind;
        const id = opts.handlerId ?? c.handlerId;
        if (!kind || !id) throw new ValidationError(`Case ${c.ref} has no proposed handler: choose a department or organization`);
        const h = this.checkHandlerFor(c, kind, id);
        let consent: repo.ConsentRecord | null = null;
        if (kind === 'organization') {
          consent = await repo.activeConsent(tx, c.id, CONSENT_PURPOSE);
          if (!consent) throw new ValidationError(`Case ${c.ref}: the resident has not consented (or withdrew consent) to a referral to an organization`);
        }
        const referral = await repo.insertReferral(tx, { caseId: c.id, handlerKind: kind, handlerId: id, at: now });
        let dueAt: Date;
        if (kind === 'organization') {
          dueAt = (await startClock(tx, c.id, clockFor('org_accept', now, this.calendar, this.clockSettings), now)).dueAt;
        } else {
          dueAt = (await runningClock(tx, c.id, 'forward_notify'))?.dueAt ?? clockFor('forward_notify', now, this.calendar, this.clockSettings).dueAt;
        }
        const res = await resident();
        const shares = (field: string) => kind === 'department' || (consent?.sharedFields.includes(field) ?? false);
        return {
          patch: { handlerKind: kind, handlerId: id },
          data: { handlerKind: kind, handlerId: id, referralId: referral.id, sharedFields: consent?.sharedFields ?? null },
          out: [
            {
              to: { kind: 'handler', handlerKind: kind, handlerId: id },
              message: msg(
                'cases.handler.referral_card',
                {
                  ref: c.ref,
                  category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
                  target: c.target ?? '—',
                  // The redacted summary only; the original text never leaves the office.
                  summary: shares('summary') ? clip(c.summary, CARD_SUMMARY_MAX) : NOT_SHARED,
                  contact: shares('contact_chat') && res.chatId !== null ? `${res.channel} chat ${res.chatId}` : NOT_SHARED,
                  dueDate: shanghaiDay(dueAt),
                },
                HANDLER_REFERRAL_ACTIONS,
              ),
            },
            { to: { kind: 'resident' }, message: msg('cases.resident.referred', { ref: c.ref, handler: h.names[res.language] }) },
          ],
        };
      },
    });
  }

  async reassign(ref: string, actor: Actor, opts: CommandOptions & { handlerKind: HandlerKind; handlerId: string; note?: string }): Promise<CaseRecord> {
    requireOffice(actor);
    const note = opts.note === undefined ? undefined : parse(text('note', 2000), opts.note, 'note');
    return this.run({
      ref,
      actor,
      action: 'reassign',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      body: async ({ c, tx }) => {
        this.checkHandlerFor(c, opts.handlerKind, opts.handlerId);
        const updated = { ...c, handlerKind: opts.handlerKind, handlerId: opts.handlerId };
        const running = await runningClock(tx, c.id, 'forward_notify');
        return {
          patch: { handlerKind: opts.handlerKind, handlerId: opts.handlerId },
          data: { from: { kind: c.handlerKind, id: c.handlerId }, to: { kind: opts.handlerKind, id: opts.handlerId }, note: note ?? null },
          out: [{ to: { kind: 'office' }, message: this.reviewCard(updated, running ? shanghaiDay(running.dueAt) : '—') }],
        };
      },
    });
  }

  /** The office, or a member of the handler holding the case, asks the resident a question (no status change). */
  async askResident(ref: string, actor: Actor, question: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    const q = parse(text('question', 1000), question, 'question');
    if (actor.kind !== 'office' && actor.kind !== 'handler') throw new ForbiddenError('Only the office or the handler may ask the resident');
    return this.run({
      ref,
      actor,
      action: 'ask',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor.kind === 'handler' ? (actor as HandlerActor) : undefined,
      body: async ({ c }) => ({
        eventType: 'question_asked',
        data: { question: q },
        out: [{ to: { kind: 'resident' }, message: msg('cases.resident.question', { ref: c.ref, question: q }) }],
      }),
    });
  }

  async notAccept(ref: string, actor: Actor, reasonCode: NotAcceptedReason, note?: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    requireOffice(actor);
    const reason = parse(z.enum(NOT_ACCEPTED_REASONS, { message: `reason must be one of ${NOT_ACCEPTED_REASONS.join(', ')}` }), reasonCode, 'reason');
    const n = note === undefined || note.trim() === '' ? undefined : parse(text('note', 2000), note, 'note');
    if (reason === 'other' && !n) throw new ValidationError('Reason "other" needs a note telling the resident why');
    return this.run({
      ref,
      actor,
      action: 'not_accept',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      body: async ({ tx, c, now }) => {
        // Telling the resident is the office's answer within the Art. 22 period.
        await stopClocks(tx, c.id, 'all', now, 'met');
        const out: Outgoing[] = [{ to: { kind: 'resident' }, message: msg(notAcceptedKey(reason), { ref: c.ref }) }];
        if (n) out.push({ to: { kind: 'resident' }, message: msg('cases.resident.office_note', { ref: c.ref, note: n }) });
        return { patch: { repliedAt: now }, data: { reason, note: n ?? null }, out };
      },
    });
  }

  async markUrgent(ref: string, actor: Actor, opts: CommandOptions = {}): Promise<CaseRecord> {
    requireOffice(actor);
    return this.run({
      ref,
      actor,
      action: 'mark_urgent',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      precheck: async ({ c }) => (c.urgent ? 'noop' : undefined),
      body: async ({ tx, c }) => {
        const referral = await repo.openReferral(tx, c.id);
        return {
          patch: { urgent: true },
          out: referral
            ? [{ to: { kind: 'handler', handlerKind: referral.handlerKind, handlerId: referral.handlerId }, message: msg('cases.handler.urgent', { ref: c.ref }) }]
            : [],
        };
      },
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Handler commands

  /**
   * Checks in the database that `ref` has an open referral to this handler (what a callback from a handler's
   * chat may act on). Throws ForbiddenError otherwise.
   */
  async authorizeHandler(ref: string, handlerKind: HandlerKind, handlerId: string): Promise<{ caseId: number; referralId: number; referralStatus: string }> {
    const r = parse(refSchema, ref, 'reference');
    const found = await reports.openReferralTo(this.pool, r, handlerKind, handlerId);
    if (!found) throw new ForbiddenError(`Case ${r} is not referred to ${handlerKind} ${handlerId}`);
    return found;
  }


  async handlerAccept(ref: string, actor: HandlerActor, opts: CommandOptions = {}): Promise<CaseRecord> {
    return this.run({
      ref,
      actor,
      action: 'handler_accept',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor,
      body: async ({ tx, c, now, resident }) => {
        const referral = (await repo.openReferral(tx, c.id))!;
        await repo.answerReferral(tx, referral.id, 'accepted', now);
        const h = this.directory.handler(referral.handlerKind, referral.handlerId)!;
        const res = await resident();
        const out: Outgoing[] = [
          { to: { kind: 'office' }, message: msg('cases.staff.accepted', { ref: c.ref, handler: h.names['zh-Hans'] }) },
        ];
        if (referral.handlerKind === 'department') {
          await stopClocks(tx, c.id, ['forward_notify'], now, 'met');
          const clock = await startClock(tx, c.id, clockFor('resolve', now, this.calendar, this.clockSettings), now);
          out.unshift({
            to: { kind: 'resident' },
            message: msg('cases.resident.accepted', { ref: c.ref, handler: h.names[res.language], dueDate: shanghaiDay(clock.dueAt) }),
          });
        } else {
          await stopClocks(tx, c.id, ['org_accept'], now, 'met');
          const clock = await startClock(tx, c.id, clockFor('org_first_contact', now, this.calendar, this.clockSettings), now);
          out.unshift({
            to: { kind: 'resident' },
            message: msg('cases.resident.accepted_org', { ref: c.ref, handler: h.names[res.language], dueDate: shanghaiDay(clock.dueAt) }),
          });
        }
        return { patch: { acceptedAt: now }, data: { referralId: referral.id, handlerKind: referral.handlerKind, handlerId: referral.handlerId }, out };
      },
    });
  }

  async handlerDecline(ref: string, actor: HandlerActor, reason: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    const why = parse(text('reason', 1000), reason, 'decline reason');
    return this.run({
      ref,
      actor,
      action: 'handler_decline',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor,
      body: async ({ tx, c, now }) => {
        const referral = (await repo.openReferral(tx, c.id))!;
        await repo.answerReferral(tx, referral.id, 'declined', now, why);
        await stopClocks(tx, c.id, ['org_accept'], now, 'met');
        const declinedBy = this.directory.handler(referral.handlerKind, referral.handlerId);
        let next: Handler | undefined;
        if (referral.handlerKind === 'organization' && isServiceCode(c.target)) {
          const declined = (await repo.referralsForCase(tx, c.id)).filter((r) => r.status === 'declined').map((r) => r.handlerId);
          next = this.directory.nextOrganization(c.target, declined, await this.handlerLoadOn(tx));
        }
        const nextId = next ? this.directory.handlerId(next) : null;
        return {
          patch: { handlerKind: next ? next.kind : null, handlerId: nextId },
          data: { referralId: referral.id, handlerKind: referral.handlerKind, handlerId: referral.handlerId, reason: why, proposed: nextId },
          out: [
            {
              to: { kind: 'office' },
              message: msg(
                'cases.staff.declined',
                {
                  ref: c.ref,
                  handler: declinedBy?.names['zh-Hans'] ?? referral.handlerId,
                  reason: why,
                  proposal: next ? next.names['zh-Hans'] : referral.handlerKind === 'organization' ? '（无可用机构，请人工指定）' : '（请指定部门）',
                },
                next ? ['approve', 'reassign', 'not_accept'] : ['reassign', 'not_accept'],
              ),
            },
          ],
        };
      },
    });
  }

  async reportProgress(ref: string, actor: HandlerActor, note: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    const n = parse(text('progress note', 2000), note, 'progress note');
    return this.run({
      ref,
      actor,
      action: 'report_progress',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor,
      body: async ({ tx, c, now, resident }) => {
        // A progress report relayed to the resident is the organization's first contact.
        await stopClocks(tx, c.id, ['org_first_contact'], now, 'met');
        const res = await resident();
        const h = this.directory.handler(c.handlerKind!, c.handlerId!);
        return {
          data: { note: n },
          out: [{ to: { kind: 'resident' }, message: msg('cases.resident.progress', { ref: c.ref, handler: h?.names[res.language] ?? '—', note: n }) }],
        };
      },
    });
  }

  /** Art. 34: a department may extend the 60-day period once, by at most 30 days, telling the resident why. */
  async requestExtension(ref: string, actor: HandlerActor, days: number, reason: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    const d = parse(z.number().int('days must be a whole number').min(1, 'at least 1 day').max(30, 'at most 30 days (Art. 34)'), days, 'extension days');
    const why = parse(text('extension reason', 1000), reason, 'extension reason');
    return this.run({
      ref,
      actor,
      action: 'request_extension',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor,
      body: async ({ tx, c, now }) => {
        if (c.handlerKind !== 'department' || c.category !== 'petition') {
          throw new ValidationError('Only a department handling a petition can extend its period (信访工作条例 第三十四条)');
        }
        const clock = await runningClock(tx, c.id, 'resolve');
        if (!clock) throw new ValidationError(`Case ${c.ref} has no running resolve period to extend`);
        if (clock.extendedAt || (await repo.hasEvent(tx, c.id, 'extension_granted'))) {
          throw new ValidationError(`Case ${c.ref} was already extended once; the period can be extended only once (信访工作条例 第三十四条)`);
        }
        const spec = extendResolveClock(
          { kind: 'resolve', article: clock.article ?? '', startsAt: clock.startsAt, dueAt: clock.dueAt, remindAt: clock.remindAt },
          d,
          why,
          this.calendar,
          this.settings.reminderLeadWorkingDays,
        );
        const extended = await extendClock(tx, clock.id, spec, why, now);
        const dueDate = shanghaiDay(extended.dueAt);
        const h = this.directory.handler(c.handlerKind, c.handlerId!);
        return {
          eventType: 'extension_granted',
          data: { days: d, reason: why, previousDueAt: clock.dueAt.toISOString(), dueAt: extended.dueAt.toISOString() },
          out: [
            { to: { kind: 'resident' }, message: msg('cases.resident.extended', { ref: c.ref, dueDate, reason: why }) },
            { to: { kind: 'office' }, message: msg('cases.staff.extended', { ref: c.ref, handler: h?.names['zh-Hans'] ?? c.handlerId!, dueDate, reason: why }) },
          ],
        };
      },
    });
  }

  async resolve(ref: string, actor: HandlerActor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    const o = parse(text('outcome', 4000), outcome, 'outcome');
    return this.run({
      ref,
      actor,
      action: 'resolve',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      authorizeHandler: actor,
      body: async ({ tx, c, now, resident }) => {
        await stopClocks(tx, c.id, ['resolve', 'forward_notify', 'org_accept', 'org_first_contact'], now, 'met');
        const referral = await repo.openReferral(tx, c.id);
        if (referral) await repo.answerReferral(tx, referral.id, 'completed', now);
        const round = await this.startSurvey(tx, c.id, now);
        const res = await resident();
        const h = this.directory.handler(c.handlerKind!, c.handlerId!);
        return {
          patch: { repliedAt: now, resolvedAt: now },
          data: { outcome: o, surveyRound: round },
          out: [
            { to: { kind: 'resident' }, message: msg('cases.resident.resolved', { ref: c.ref, handler: h?.names[res.language] ?? '—', outcome: o }) },
            { to: { kind: 'resident' }, message: msg('cases.resident.survey', { ref: c.ref }, SURVEY_ACTIONS) },
          ],
        };
      },
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Resident commands

  async recordSatisfaction(ref: string, residentExternalId: string, rating: SatisfactionRating, comment?: string): Promise<CaseRecord> {
    const r = parse(z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], { message: 'rating must be satisfied, basically_satisfied or dissatisfied' }), rating, 'rating');
    const cm = comment === undefined || comment.trim() === '' ? null : parse(text('comment', 2000), comment, 'comment');
    const ext = parse(externalIdSchema, residentExternalId, 'resident id');
    return this.run({
      ref,
      actor: { kind: 'resident', id: ext },
      action: r === 'dissatisfied' ? 'rate_dissatisfied' : 'rate_satisfied',
      precheck: async (ctx) => {
        await this.requireOwner(ctx, ext);
        const round = await repo.latestSurveyRound(ctx.tx, ctx.c.id);
        // A second answer (double tap, retried callback) changes nothing.
        if (!round || round.answeredAt) return 'noop';
      },
      body: async ({ tx, c, now }) => {
        const round = (await repo.latestSurveyRound(tx, c.id))!;
        await repo.answerSurvey(tx, round.id, r, cm, now);
        await stopClocks(tx, c.id, SURVEY_CLOCKS, now, 'met');
        const data = { rating: r, round: round.round, comment: cm };
        if (r !== 'dissatisfied') {
          return { eventType: 'satisfaction_recorded', patch: { closedAt: now }, data, out: [{ to: { kind: 'resident' }, message: msg('cases.resident.thanks', { ref: c.ref }) }] };
        }
        const out: Outgoing[] = [{ to: { kind: 'office' }, message: msg('cases.staff.dissatisfied', { ref: c.ref, comment: cm ? clip(cm, 500) : '—' }, ['approve', 'reassign']) }];
        if (c.category === 'petition' && c.repliedAt) {
          const reviewed = await repo.hasEvent(tx, c.id, 'review_answered');
          const kind: ClockKind = reviewed ? 'recheck_request_window' : 'review_request_window';
          const window = await startClock(tx, c.id, clockFor(kind, c.repliedAt, this.calendar, this.clockSettings), now);
          const deadline = shanghaiDay(window.dueAt);
          out.unshift({
            to: { kind: 'resident' },
            message: reviewed
              ? msg('cases.resident.reopened_recheck_right', { ref: c.ref, deadline })
              : msg('cases.resident.reopened_review_right', { ref: c.ref, deadline }),
          });
        } else {
          out.unshift({ to: { kind: 'resident' }, message: msg('cases.resident.reopened', { ref: c.ref }) });
        }
        return { eventType: 'satisfaction_recorded', data, out };
      },
    });
  }

  /** 复查 (Art. 35): petition cases, within 30 days of the written reply. */
  async requestReview(ref: string, residentExternalId: string, reason: string): Promise<CaseRecord> {
    const ext = parse(externalIdSchema, residentExternalId, 'resident id');
    const why = parse(text('review reason', 2000), reason, 'review reason');
    return this.run({
      ref,
      actor: { kind: 'resident', id: ext },
      action: 'request_review',
      precheck: (ctx) => this.requireOwner(ctx, ext),
      body: async ({ tx, c, now }) => {
        if (c.category !== 'petition') throw new ValidationError('复查 (review) applies to petition cases only (信访工作条例 第三十五条)');
        if (await repo.hasEvent(tx, c.id, 'review_answered')) {
          throw new ValidationError(
            `Case ${c.ref} has already been reviewed (复查); a further re-examination (复核) is requested from the body above the reviewing body (信访工作条例 第三十六条)`,
          );
        }
        if (!c.repliedAt) throw new ValidationError(`Case ${c.ref} has no written reply yet, so there is nothing to review`);
        const deadline = clockFor('review_request_window', c.repliedAt, this.calendar, this.clockSettings).dueAt;
        if (now.getTime() > deadline.getTime()) {
          throw new ValidationError(
            `The 30-day period to request a review (复查) of case ${c.ref} ended on ${shanghaiDay(deadline)} (信访工作条例 第三十五条: within 30 days of the written reply)`,
            { deadline: shanghaiDay(deadline) },
          );
        }
        await stopClocks(tx, c.id, ['review_request_window'], now, 'met');
        await stopClocks(tx, c.id, SURVEY_CLOCKS, now, 'cancelled');
        const answer = await startClock(tx, c.id, clockFor('review_answer', now, this.calendar, this.clockSettings), now);
        const dueDate = shanghaiDay(answer.dueAt);
        return {
          data: { reason: why, deadline: shanghaiDay(deadline), answerDueAt: answer.dueAt.toISOString() },
          out: [
            { to: { kind: 'resident' }, message: msg('cases.resident.review_requested', { ref: c.ref, dueDate }) },
            { to: { kind: 'office' }, message: msg('cases.staff.review_requested', { ref: c.ref, dueDate, reason: clip(why, 500) }) },
          ],
        };
      },
    });
  }

  async answerReview(ref: string, actor: Actor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    requireOffice(actor);
    const o = parse(text('review opinion', 4000), outcome, 'review opinion');
    return this.run({
      ref,
      actor,
      action: 'answer_review',
      expectedVersion: opts.expectedVersion,
      idempotencyKey: opts.idempotencyKey,
      body: async ({ tx, c, now }) => {
        await stopClocks(tx, c.id, ['review_answer'], now, 'met');
        const round = await this.startSurvey(tx, c.id, now);
        return {
          eventType: 'review_answered',
          patch: { repliedAt: now, resolvedAt: now },
          data: { outcome: o, surveyRound: round },
          out: [
            { to: { kind: 'resident' }, message: msg('cases.resident.review_answered', { ref: c.ref, outcome: o }) },
            { to: { kind: 'resident' }, message: msg('cases.resident.survey', { ref: c.ref }, SURVEY_ACTIONS) },
          ],
        };
      },
    });
  }

  async withdraw(ref: string, residentExternalId: string, reason?: string): Promise<CaseRecord> {
    const ext = parse(externalIdSchema, residentExternalId, 'resident id');
    const why = reason === undefined || reason.trim() === '' ? null : parse(text('reason', 1000), reason, 'reason');
    return this.run({
      ref,
      actor: { kind: 'resident', id: ext },
      action: 'withdraw',
      precheck: (ctx) => this.requireOwner(ctx, ext),
      body: async (ctx) => this.withdrawEffects(ctx, { reason: why }, 'cases.handler.withdrawn', 'cases.resident.withdrawn'),
    });
  }

  /**
   * The resident withdraws consent to share with an organization: the referral stops and an open case is
   * withdrawn; the organization is told without any personal data.
   */
  async withdrawConsent(ref: string, residentExternalId: string): Promise<CaseRecord> {
    const ext = parse(externalIdSchema, residentExternalId, 'resident id');
    return this.run({
      ref,
      actor: { kind: 'resident', id: ext },
      action: (c) => (['closed', 'not_accepted', 'withdrawn', 'resolved'].includes(c.status) ? null : 'withdraw'),
      precheck: async (ctx) => {
        await this.requireOwner(ctx, ext);
        if (!(await repo.activeConsent(ctx.tx, ctx.c.id, CONSENT_PURPOSE))) {
          throw new ValidationError(`Case ${ctx.c.ref} has no consent to withdraw`);
        }
      },
      body: async (ctx) => {
        await repo.withdrawConsents(ctx.tx, ctx.c.id, ctx.now);
        if (ctx.to !== null) {
          return { ...(await this.withdrawEffects(ctx, {}, 'cases.handler.consent_withdrawn', 'cases.resident.consent_withdrawn')), eventType: 'consent_withdrawn' };
        }
        // Case already finished: still tell the last organization to delete what it received.
        const last = (await repo.referralsForCase(ctx.tx, ctx.c.id)).filter((r) => r.handlerKind === 'organization').at(-1);
        const out: Outgoing[] = [{ to: { kind: 'resident' }, message: msg('cases.resident.consent_withdrawn', { ref: ctx.c.ref }) }];
        if (last) out.push({ to: { kind: 'handler', handlerKind: 'organization', handlerId: last.handlerId }, message: msg('cases.handler.consent_withdrawn', { ref: ctx.c.ref }) });
        return { eventType: 'consent_withdrawn', out };
      },
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Queries

  async getCase(ref: string): Promise<CaseRecord> {
    const r = parse(refSchema, ref, 'reference');
    const c = await repo.caseByRef(this.pool, r);
    if (!c) throw new NotFoundError('case', r);
    return c;
  }

  async listForResident(residentId: number): Promise<CaseRecord[]> {
    return repo.casesForResident(this.pool, parse(z.number().int().positive(), residentId, 'resident id'));
  }

  async timeline(ref: string): Promise<CaseEventRecord[]> {
    const c = await this.getCase(ref);
    return repo.eventsForCase(this.pool, c.id);
  }

  async referrals(ref: string): Promise<ReferralRecord[]> {
    const c = await this.getCase(ref);
    return repo.referralsForCase(this.pool, c.id);
  }

  async clocks(ref: string): Promise<ClockRecord[]> {
    const c = await this.getCase(ref);
    return clocksForCase(this.pool, c.id);
  }

  /** Cases waiting for the office: urgent first, then oldest. */
  async officeQueue(opts: { limit?: number; filters?: OfficeQueueFilters } = {}): Promise<CaseRecord[]> {
    const limit = parse(z.number().int().min(1).max(500), opts.limit ?? 50, 'limit');
    const f = opts.filters ?? {};
    return reports.queue(this.pool, { ...f, statuses: f.statuses?.length ? f.statuses : REVIEW_QUEUE_STATUSES, limit });
  }


  /** Running obligation clocks past their due time at `now`, oldest first. */
  async overdue(now: Date = this.clock.now()): Promise<OverdueClock[]> {
    return reports.overdueClocks(this.pool, parse(z.date(), now, 'time'), OBLIGATION_CLOCKS);
  }


  /** Figures for cases received in [from, to). */
  async stats(range: { from: Date; to: Date }): Promise<CaseStats> {
    const { from, to } = parse(z.object({ from: z.date(), to: z.date() }), range, 'period');
    if (to.getTime() <= from.getTime()) throw new ValidationError('The period must end after it starts');
    const byCategory = await reports.countCasesBy(this.pool, 'category', from, to);
    const byTarget = await reports.countCasesBy(this.pool, 'target', from, to);
    const byStatus = await reports.countCasesBy(this.pool, 'status', from, to);
    const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
    const onTime: CaseStats['onTime'] = {};
    for (const [kind, { met, late }] of Object.entries(await reports.clockPunctuality(this.pool, from, to, this.clock.now(), OBLIGATION_CLOCKS))) {
      onTime[kind] = { met, late, rate: met + late ? met / (met + late) : null };
    }
    const sat = await reports.ratingCounts(this.pool, from, to);
    const satisfied = sat.satisfied ?? 0;
    const basicallySatisfied = sat.basically_satisfied ?? 0;
    const dissatisfied = sat.dissatisfied ?? 0;
    const answered = satisfied + basicallySatisfied + dissatisfied;
    return {
      from,
      to,
      total,
      byCategory,
      byTarget,
      byStatus,
      onTime,
      satisfaction: {
        satisfied,
        basicallySatisfied,
        dissatisfied,
        noAnswer: sat.no_answer ?? 0,
        answered,
        rate: answered ? (satisfied + basicallySatisfied) / answered : null,
      },
    };
  }


  /** Open cases held per handler id (referred, accepted, in progress). */
  async handlerLoad(): Promise<Record<string, number>> {
    return this.handlerLoadOn(this.pool);
  }

  // -------------------------------------------------------------------------------------------------
  // Read models for the web console (console/): case lists, the case page and dashboard figures

  /**
   * One page of the review queue (default statuses) or, with `handler`, of the cases referred to that
   * handler. `deadline`: only cases whose earliest running obligation clock is overdue ('overdue'), due
   * within N days ('3d', '7d'), or that have none ('none'). Sort 'urgent': urgent first, then earliest
   * statutory date; 'oldest': by receipt. `total` is exact up to repo.QUEUE_COUNT_CAP (`capped` beyond).
   */
  async casePage(opts: {
    category?: string;
    target?: string;
    statuses?: CaseStatus[];
    deadline?: 'overdue' | '3d' | '7d' | 'none';
    sort?: 'oldest' | 'urgent';
    handler?: { kind: HandlerKind; id: string };
    limit?: number;
    offset?: number;
  } = {}): Promise<{ rows: repo.QueueRow[]; total: number; capped: boolean; hasMore: boolean }> {
    const limit = parse(z.number().int().min(1).max(500), opts.limit ?? 50, 'limit');
    const offset = parse(z.number().int().min(0).max(10_000_000), opts.offset ?? 0, 'offset');
    const now = this.clock.now();
    const days = opts.deadline === '3d' ? 3 : opts.deadline === '7d' ? 7 : opts.deadline === 'overdue' ? 0 : null;
    return repo.queuePage(this.pool, {
      statuses: opts.statuses?.length ? opts.statuses : opts.handler ? ALL_STATUSES : REVIEW_QUEUE_STATUSES,
      category: opts.category,
      target: opts.target,
      handler: opts.handler,
      dueBefore: days === null ? undefined : new Date(now.getTime() + days * 86_400_000),
      noDeadline: opts.deadline === 'none',
      sort: opts.sort ?? 'urgent',
      obligationKinds: OBLIGATION_CLOCKS,
      limit,
      offset,
    });
  }

  /** Everything the case page shows, read in one go. */
  async caseDetail(ref: string): Promise<{
    case: CaseRecord;
    events: CaseEventRecord[];
    referrals: ReferralRecord[];
    clocks: ClockRecord[];
    consents: repo.ConsentRecord[];
    surveys: repo.SatisfactionRecord[];
    outbox: repo.OutboxLine[];
  }> {
    const c = await this.getCase(ref);
    return {
      case: c,
      events: await repo.eventsForCase(this.pool, c.id),
      referrals: await repo.referralsForCase(this.pool, c.id),
      clocks: await clocksForCase(this.pool, c.id),
      consents: await repo.consentsForCase(this.pool, c.id),
      surveys: await repo.surveysForCase(this.pool, c.id),
      outbox: await repo.outboxForCase(this.pool, c.id),
    };
  }

  /** Whether a handler may see the case: it was referred to them and they did not decline it. */
  async visibleToHandler(ref: string, handlerKind: HandlerKind, handlerId: string): Promise<boolean> {
    const r = parse(refSchema, ref, 'reference');
    const c = await repo.caseByRef(this.pool, r);
    return c ? repo.caseVisibleToHandler(this.pool, c.id, handlerKind, handlerId) : false;
  }

  /** 信访外 referrals made in [from, to), per organization: accepted / (accepted + declined). */
  async referralAcceptance(range: { from: Date; to: Date }): Promise<
    Record<string, { referred: number; accepted: number; declined: number; open: number; rate: number | null }>
  > {
    const { from, to } = parse(z.object({ from: z.date(), to: z.date() }), range, 'period');
    const out: Record<string, { referred: number; accepted: number; declined: number; open: number; rate: number | null }> = {};
    for (const { handlerId, status, n } of await repo.referralAnswers(this.pool, from, to)) {
      const o = (out[handlerId] ??= { referred: 0, accepted: 0, declined: 0, open: 0, rate: null });
      o.referred += n;
      // A completed referral was accepted first; a withdrawn one was never answered.
      if (status === 'accepted' || status === 'completed') o.accepted += n;
      else if (status === 'declined') o.declined += n;
      else o.open += n;
    }
    for (const o of Object.values(out)) o.rate = o.accepted + o.declined ? o.accepted / (o.accepted + o.declined) : null;
    return out;
  }

  /** Per Shanghai day or week in [from, to): received, resolved, survey answers and positive answers. */
  async trends(range: { from: Date; to: Date }, bucket: 'day' | 'week'): Promise<repo.TrendRow[]> {
    const { from, to } = parse(z.object({ from: z.date(), to: z.date() }), range, 'period');
    return repo.trendRows(this.pool, from, to, parse(z.enum(['day', 'week']), bucket, 'bucket'));
  }

  // -------------------------------------------------------------------------------------------------
  // Internals

  private handlerLoadOn(q: Queryable): Promise<Record<string, number>> {
    return reports.loadByHandler(q, HANDLER_HELD_STATUSES);
  }


  private async run(spec: RunSpec): Promise<CaseRecord> {
    const ref = parse(refSchema, spec.ref, 'reference');
    parse(actorSchema, spec.actor, 'actor');
    const expected = parse(versionSchema, spec.expectedVersion, 'expected version');
    const requestKey = parse(text('idempotency key', 200).optional(), spec.idempotencyKey, 'idempotency key');
    const now = this.clock.now();
    return withTransaction(this.pool, async (tx) => {
      const c = await repo.caseByRef(tx, ref, { forUpdate: true });
      if (!c) throw new NotFoundError('case', ref);
      let residentRow: ResidentRecord | null = null;
      const resident = async () => (residentRow ??= (await repo.residentById(tx, c.residentId))!);
      const ctx: Ctx = { tx, c, now, to: null, resident };
      if (requestKey !== undefined && (await repo.hasEventWithKey(tx, c.id, requestKey))) return c;
      if (spec.precheck && (await spec.precheck(ctx)) === 'noop') return c;
      if (expected !== undefined && expected !== c.version) throw new StaleError(ref);
      const action = typeof spec.action === 'function' ? spec.action(c) : spec.action;
      ctx.to = action === null ? null : transition(c.status, action, ref);
      if (spec.authorizeHandler) await this.authorizeActorOn(tx, c, spec.authorizeHandler);
      const effects = await spec.body(ctx);
      const status = ctx.to ?? c.status;
      const updated = await repo.updateCase(tx, c, status, effects.patch ?? {}, now);
      await repo.insertEvent(tx, {
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
        await this.deliverOn(tx, updated, needsResident ? await resident() : null, effects.out, prefix, now);
      }
      // Ids and codes only: never message text at info.
      this.logger?.info({ ref, action: effects.eventType ?? action, from: c.status, to: status, version: updated.version, actor: spec.actor.kind }, 'case changed');
      return updated;
    });
  }

  private deliverOn(tx: TxClient, c: CaseRecord, resident: ResidentRecord | null, out: Outgoing[], prefix: string, now: Date) {
    return deliver(tx, { directory: this.directory, officeChatId: this.settings.officeChatId, logger: this.logger }, c, resident, out, prefix, now);
  }

  private async withdrawEffects(
    { tx, c, now }: Ctx,
    data: Record<string, unknown>,
    handlerKey: 'cases.handler.withdrawn' | 'cases.handler.consent_withdrawn',
    residentKey: 'cases.resident.withdrawn' | 'cases.resident.consent_withdrawn',
  ): Promise<Effects> {
    const referral = await repo.openReferral(tx, c.id);
    if (referral) await repo.answerReferral(tx, referral.id, 'withdrawn', now);
    await stopClocks(tx, c.id, 'all', now, 'cancelled');
    const out: Outgoing[] = [
      { to: { kind: 'resident' }, message: msg(residentKey, { ref: c.ref }) },
      { to: { kind: 'office' }, message: msg('cases.staff.withdrawn', { ref: c.ref }) },
    ];
    if (referral) out.push({ to: { kind: 'handler', handlerKind: referral.handlerKind, handlerId: referral.handlerId }, message: msg(handlerKey, { ref: c.ref }) });
    return { data: { ...data, referralId: referral?.id ?? null }, out };
  }

  private async startSurvey(tx: TxClient, caseId: number, now: Date): Promise<number> {
    const round = await repo.startSurveyRound(tx, caseId, now);
    await startClock(tx, caseId, clockFor('survey_reminder', now, this.calendar, this.clockSettings), now);
    await startClock(tx, caseId, clockFor('survey_close', now, this.calendar, this.clockSettings), now);
    return round.round;
  }

  private async requireOwner({ tx, c }: Ctx, externalId: string): Promise<void> {
    const r = await repo.residentById(tx, c.residentId);
    if (!r || r.externalId !== externalId) throw new ForbiddenError(`Case ${c.ref} belongs to another resident`);
  }

  /** The handler's kind must suit the case (departments for petitions, organizations otherwise) and exist. */
  private checkHandlerFor(c: CaseRecord, kind: HandlerKind, id: string): Handler {
    const wanted: HandlerKind = c.category === 'petition' ? 'department' : 'organization';
    if (kind !== wanted) throw new ValidationError(`A ${c.category} case goes to a ${wanted}, not a ${kind}`);
    const h = this.directory.handler(kind, id);
    if (!h) throw new ValidationError(`Unknown ${kind}: ${id}`);
    return h;
  }

  /**
   * A handler actor may act only on a case with an open referral to their handler, and must be one of its
   * members (memberIds); a handler with no members listed is authorised by the chat the action came from.
   */
  private async authorizeActorOn(tx: Queryable, c: CaseRecord, actor: HandlerActor): Promise<ReferralRecord> {
    if (actor.kind !== 'handler') throw new ForbiddenError('Only the handler holding the case may do this');
    const referral = await repo.openReferral(tx, c.id);
    if (!referral) throw new ForbiddenError(`Case ${c.ref} has no open referral`);
    if (actor.handler && (actor.handler.kind !== referral.handlerKind || actor.handler.id !== referral.handlerId)) {
      throw new ForbiddenError(`Case ${c.ref} is not referred to ${actor.handler.kind} ${actor.handler.id}`);
    }
    const h = this.directory.handler(referral.handlerKind, referral.handlerId);
    if (!h) throw new ForbiddenError(`Handler ${referral.handlerId} is no longer in the directory`);
    const userId = Number(actor.id);
    if (h.memberIds.length > 0 ? !h.memberIds.includes(userId) : !actor.handler) {
      throw new ForbiddenError(`User ${actor.id} is not a member of ${referral.handlerKind} ${referral.handlerId}`);
    }
    return referral;
  }

  private reviewCard(c: CaseRecord, dueDate: string) {
    const h = c.handlerKind && c.handlerId ? this.directory.handler(c.handlerKind, c.handlerId) : undefined;
    return msg(
      'cases.staff.review_card',
      {
        ref: c.ref,
        category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
        target: c.target ?? '—',
        handler: h?.names['zh-Hans'] ?? '待指定',
        confidence: typeof c.decision.confidence === 'number' ? c.decision.confidence.toFixed(2) : '—',
        summary: clip(c.summary, CARD_SUMMARY_MAX),
        dueDate,
      },
      OFFICE_REVIEW_ACTIONS,
    );
  }
}

const actorSchema = z.object(
  {
    kind: z.enum(['resident', 'office', 'handler', 'system']),
    id: text('actor id', 200),
    handler: z.object({ kind: z.enum(['department', 'organization']), id: text('handler id', 200) }).optional(),
  },
  { message: 'actor must be {kind, id}' },
);

function requireOffice(actor: Actor): void {
  parse(actorSchema, actor, 'actor');
  if (actor.kind !== 'office') throw new ForbiddenError('Only petition-office staff may do this');
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

