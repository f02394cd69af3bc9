import { z } from 'zod';
import type { Language } from '../../kernel/language.js';
import type { ReferralRecord, ResidentRecord } from '../caseRepository.js';
import { alertDedupeKey, type OfficeAlertLimiter } from '../officeAlerts.js';
import type { OutboxRow } from '../outboxRepository.js';
import type { CaseRepositories, Channel, OutboxRepository, ResidentRepository } from '../ports.js';
import type { OutboxMessage } from '../types.js';
import type { Outgoing } from '../delivery.js';
import { channelSchema, clip, externalIdSchema, languageSchema, parse, refSchema } from '../validation.js';
import { deliverOn, officeNote, type CaseDeps } from './run.js';

/* Residents: their record and language, their additions to a case, and the office alert of an emergency. */

export async function upsertResident(
  deps: Pick<CaseDeps, 'store'>,
  input: { channel: Channel; externalId: string; chatId: number | null; language: Language },
): Promise<ResidentRecord> {
  const r = parse(
    z.object({ channel: channelSchema, externalId: externalIdSchema, chatId: z.number().int().nullable(), language: languageSchema }),
    input,
    'resident',
  );
  return deps.store.residents.upsert(r);
}

/** The language a resident chose (or was last answered in); null when they have no record. */
export async function residentLanguage(residents: ResidentRepository, channel: Channel, externalId: string): Promise<Language | null> {
  return (await residents.byExternalId(channel, externalId))?.language ?? null;
}

/** Saves a resident's language choice (creating the resident if needed) with the chat it was made in. */
export async function setResidentLanguage(
  residents: ResidentRepository,
  input: { channel: Channel; externalId: string; chatId: number; language: Language },
): Promise<ResidentRecord> {
  const r = parse(
    z.object({ channel: channelSchema, externalId: externalIdSchema, chatId: z.number().int(), language: languageSchema }),
    input,
    'resident language',
  );
  return residents.upsert(r);
}

export type ResidentNoteType = 'resident_note' | 'satisfaction_comment' | 'resident_attachment' | 'resident_answer';

export interface ResidentNoteInput {
  residentId: number;
  ref: string;
  type: ResidentNoteType;
  /** Already redacted by the caller (no ID numbers, phones…): it is stored and shown to the office. */
  note: string | null;
  file?: { kind: 'photo' | 'document'; fileId: string };
  /** `resident_answer`: the question it answers, as the office or the handler asked it. */
  question?: string;
  /** `resident_answer`: the handler holding the case asked, so it is told too. */
  toHandler?: boolean;
}

/**
 * A resident's addition to their own case: an audit event the office sees and a note to the office chat,
 * in one transaction. It changes neither the status nor the version, so a staff card shown before it stays
 * valid. Returns false (nothing written) when the case does not exist or is not the resident's.
 */
export async function addResidentNote(deps: CaseDeps, input: ResidentNoteInput): Promise<boolean> {
  const ref = parse(refSchema, input.ref, 'reference');
  const note = input.note === null ? null : parse(z.string().max(20_000), input.note, 'note');
  if (input.type === 'resident_attachment' && !input.file) throw new TypeError('an attachment note needs its file');
  const question = input.question === undefined ? null : parse(z.string().max(1000), input.question, 'question');
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const c = await tx.cases.byRef(ref, { forUpdate: true });
    if (!c || c.residentId !== input.residentId) return false;
    const resident = await tx.residents.byId(input.residentId);
    const eventId = await tx.events.insert({
      caseId: c.id,
      at: now,
      actorKind: 'resident',
      actorId: resident?.externalId ?? null,
      type: input.type,
      fromStatus: c.status,
      toStatus: c.status,
      data: { ...(note !== null ? { note } : {}), ...(input.file ?? {}), ...(question !== null ? { question } : {}) },
    });
    const message: OutboxMessage =
      input.type === 'resident_attachment'
        ? { key: 'conversation.office.resident_attachment', params: { ref: c.ref, kind: input.file!.kind === 'photo' ? '照片' : '文件', fileId: input.file!.fileId } }
        : { key: `conversation.office.${input.type}`, params: { ref: c.ref, note: officeNote(note ?? '', c.ref), ...(question !== null ? { question: clip(question, 300) } : {}) } };
    const out: Outgoing[] = [{ to: { kind: 'office' }, message }];
    // What the resident adds after the referral is the holder's to read too (it had reached only the office), and
    // so is the answer to a question the holder asked. Attachments stay with the office: a photo cannot be redacted.
    const forHolder = input.type === 'resident_note' || (input.type === 'resident_answer' && input.toHandler === true);
    const holder = forHolder && note !== null ? await holderToTell(tx, c.id) : null;
    if (holder) {
      const handlerMessage: OutboxMessage =
        input.type === 'resident_note' ? { key: 'cases.handler.resident_note', params: { ref: c.ref, note } } : { ...message, params: { ...message.params, note } };
      out.push({ to: { kind: 'handler', handlerKind: holder.handlerKind, handlerId: holder.handlerId }, message: handlerMessage });
    }
    await deliverOn(deps, tx, c, resident, out, `note:${c.id}:${eventId}`, now);
    return true;
  });
}

/**
 * The handler a resident's addition may go to: the one holding the case's open referral, never a handler that
 * declined or was replaced (c.handlerId is by then the office's next proposal, whom the resident has not agreed
 * to), nor one only proposed. A department holds it once referred; an organization only once it accepted, and only
 * while the resident's consent to that organization stands and shares the matter's text (`summary`).
 */
async function holderToTell(tx: CaseRepositories, caseId: number): Promise<ReferralRecord | null> {
  const referral = await tx.cases.openReferral(caseId);
  if (!referral) return null;
  if (referral.handlerKind === 'department') return referral;
  if (referral.status !== 'accepted') return null;
  const consent = await tx.consents.activeFor(caseId, referral.handlerId);
  return consent?.sharedFields.includes('summary') ? referral : null;
}

export interface OfficeAlert {
  /** immediate danger, or a concern the office should know of while the request is still handled. */
  level: 'immediate' | 'concern';
  channel: Channel;
  /** The resident's chat, so staff can reach them. */
  chat: number | string;
  /** Names the request: one alert per message however often it is retried. */
  requestId: string;
  /** The message parameters staff see (which kinds, rules, cues fired; a redacted excerpt). */
  params: Record<string, string | number | null>;
  /**
   * A concern for which the resident was not given the lines (the crisis model's reading alone, on a clear matter or a
   * detail): the note says so. It had said "已告知相应的热线" of a resident who got none. Default: given.
   */
  linesGiven?: boolean;
}

/**
 * Tells the office group of an emergency or a crisis concern. It writes one outbox row and nothing else —
 * no case, no lock, no transaction (with `alertLimiter`: one short transaction on the resident's alert
 * window, cases/officeAlerts.ts) — so nothing a case command holds can block it. Without an office chat
 * the row waits for one (reason no_office_chat). Returns false when the alert was already written.
 */
export async function alertOffice(
  deps: { store: { outbox: OutboxRepository }; officeChatId: number | null; clock: CaseDeps['clock']; alertLimiter?: OfficeAlertLimiter },
  alert: OfficeAlert,
): Promise<boolean> {
  const immediate = alert.level === 'immediate';
  const row: OutboxRow = {
    caseId: null,
    channel: 'telegram',
    chatId: deps.officeChatId,
    chatKind: 'group',
    language: 'zh-Hans',
    message: { key: immediate ? 'conversation.office.emergency_alert' : alert.linesGiven === false ? 'conversation.office.crisis_concern_unsent' : 'conversation.office.crisis_concern', params: alert.params },
    dedupeKey: alertDedupeKey(immediate, alert.channel, alert.chat, alert.requestId),
    notBefore: deps.clock.now(),
    recipient: 'office',
    ...(deps.officeChatId === null ? { waitingReason: 'no_office_chat' } : {}),
  };
  if (deps.alertLimiter) {
    return deps.alertLimiter.write({
      row,
      key: `${alert.level}:${alert.channel}:${alert.chat}`,
      requestId: alert.requestId,
      summary: (held, minutes) => ({ key: immediate ? 'safety.office.emergency_held' : 'safety.office.concern_held', params: { ...alert.params, held, minutes } }),
    });
  }
  const written = await deps.store.outbox.insert([row]);
  return written > 0;
}
