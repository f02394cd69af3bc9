import { z } from 'zod';
import { StaleError } from '../../kernel/errors.js';
import { isFinished } from '../policy.js';
import {
  EXPORT_FORMAT,
  retentionCutoff,
  type ErasureResult,
  type ResidentExport,
  type RetentionResult,
} from '../privacy.js';
import type { Channel } from '../ports.js';
import { CONSENT_PURPOSE } from '../types.js';
import { channelSchema, externalIdSchema, parse, text } from '../validation.js';
import { withdraw, withdrawConsent } from './resident.js';
import { deliverOn, officeNote, type CaseDeps } from './run.js';

/*
 * The resident's data rights (PIPL Art. 45 access and copy, Art. 46 correction, Art. 47 erasure) and the
 * retention policy. Each write is one transaction on the case store; withdrawing open cases before an
 * erasure goes through the ordinary withdraw commands (run()), so handlers and the office are told as for
 * any withdrawal.
 */

export interface ResidentKey {
  channel: Channel;
  externalId: string;
  /** The chat the conversation lives in (its state and the resident's messages). */
  chatId: number;
}

const keySchema = z.object({ channel: channelSchema, externalId: externalIdSchema, chatId: z.number().int() });

/** Everything held about the resident, read in one transaction so the parts agree with each other. */
export async function exportResidentData(deps: CaseDeps, key: ResidentKey): Promise<ResidentExport> {
  const k = parse(keySchema, key, 'resident');
  const exportedAt = deps.clock.now();
  const data = await deps.store.transaction((tx) => tx.privacy.exportData(k.channel, k.externalId, k.chatId));
  deps.logger?.info({ channel: k.channel, cases: data.cases.length, messages: data.messages.length }, 'resident data exported');
  return { format: EXPORT_FORMAT, exportedAt, ...data };
}

export interface CorrectionInput extends ResidentKey {
  /** The resident's words, kept on each case for the office (the office sees residents' own words). */
  correction: string;
  /** The same text redacted: what the office group's chat shows. */
  redacted: string;
}

/**
 * A correction of the resident's data: a `resident_correction` event on each of their cases that still
 * holds personal data, and one note to the office naming them. Neither status nor version changes. Returns
 * the references it was added to; [] (nothing written) when the resident has no such case.
 */
export async function addCorrection(deps: CaseDeps, input: CorrectionInput): Promise<string[]> {
  const k = parse(keySchema, input, 'resident');
  const correction = parse(text('correction', 2000), input.correction, 'correction');
  const redacted = parse(z.string().max(20_000), input.redacted, 'redacted correction');
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const resident = await tx.residents.byExternalId(k.channel, k.externalId);
    if (!resident) return [];
    const ids = new Set(await tx.privacy.casesToAnonymise(resident.id));
    const cases = (await tx.cases.forResident(resident.id)).filter((c) => ids.has(c.id));
    if (cases.length === 0) return [];
    let lastEvent = 0;
    for (const c of cases) {
      lastEvent = await tx.events.insert({
        caseId: c.id,
        at: now,
        actorKind: 'resident',
        actorId: resident.externalId,
        type: 'resident_correction',
        fromStatus: c.status,
        toStatus: c.status,
        data: { correction },
      });
    }
    const refs = cases.map((c) => c.ref);
    const latest = cases[0]!;
    await deliverOn(
      deps,
      tx,
      latest,
      resident,
      [{ to: { kind: 'office' }, message: { key: 'privacy.office.correction', params: { ref: latest.ref, refs: refs.join(', '), note: officeNote(redacted, latest.ref) } } }],
      `correction:${latest.id}:${lastEvent}`,
      now,
    );
    deps.logger?.info({ cases: refs.length }, 'resident correction recorded');
    return refs;
  });
}

/** The open cases an erasure would withdraw first (what the confirmation names). */
export async function openCasesOf(deps: CaseDeps, key: Pick<ResidentKey, 'channel' | 'externalId'>): Promise<string[]> {
  const resident = await deps.store.residents.byExternalId(key.channel, key.externalId);
  return resident ? deps.store.privacy.openRefs(resident.id) : [];
}

export type ErasureOutcome = { ok: true; result: ErasureResult } | { ok: false; open: string[] };

/**
 * Erasure on the resident's request. `confirmedOpen` are the open cases the resident was shown and agreed
 * to withdraw; another open case (opened since) ends the command unchanged with the new list, to be
 * confirmed again. Otherwise: open cases are withdrawn (consent cases by withdrawing the consent, which
 * also tells the organization), finished cases with a consent still in force have it withdrawn (the
 * organization is told to delete what it received), then one transaction removes the personal data and
 * raw texts of every case, the resident's messages (pending ones are cancelled), their alerts, their
 * conversation state and their Telegram id. The office keeps each case anonymised (see cases/privacy.ts).
 */
export async function eraseResidentData(deps: CaseDeps, key: ResidentKey, confirmedOpen: readonly string[]): Promise<ErasureOutcome> {
  const k = parse(keySchema, key, 'resident');
  const started = deps.clock.now();
  const resident = await deps.store.residents.byExternalId(k.channel, k.externalId);
  const withdrawn: string[] = [];
  if (resident) {
    const open = await deps.store.privacy.openRefs(resident.id);
    if (open.some((ref) => !confirmedOpen.includes(ref))) return { ok: false, open };
    for (const c of await deps.store.cases.forResident(resident.id)) {
      const consent = await deps.store.cases.activeConsent(c.id, CONSENT_PURPOSE);
      if (consent) await withdrawConsent(deps, c.ref, k.externalId);
      else if (!isFinished(c.status)) await withdraw(deps, c.ref, k.externalId, 'personal_data_erasure');
      else continue;
      if (!isFinished(c.status)) withdrawn.push(c.ref);
    }
  }
  const now = deps.clock.now();
  const result = await deps.store.transaction(async (tx): Promise<ErasureResult> => {
    const r = await tx.privacy.lockResident(k.channel, k.externalId);
    const chats = [...new Set([k.chatId, ...(r?.chatId != null ? [r.chatId] : [])])];
    let cancelledMessages = 0;
    for (const chat of chats) {
      cancelledMessages += await tx.privacy.deletePrivateMessages(k.channel, chat, started);
      await tx.privacy.deleteChatAlerts(k.channel, chat);
      await tx.privacy.deleteConversationState(k.channel, chat);
    }
    if (!r) return { withdrawn, anonymised: [], cancelledMessages };
    // A case opened between the withdrawals and this transaction: nothing is erased; the resident asks again.
    const stillOpen = await tx.privacy.openRefs(r.id);
    if (stillOpen.length) throw new StaleError(stillOpen[0]!);
    const anonymised = await tx.privacy.anonymiseCases(await tx.privacy.casesToAnonymise(r.id), now, 'resident_request');
    await tx.privacy.eraseResident(r.id, now);
    return { withdrawn, anonymised, cancelledMessages };
  });
  // Counts only: the references are the resident's.
  deps.logger?.info({ withdrawn: result.withdrawn.length, anonymised: result.anonymised.length, cancelled: result.cancelledMessages }, 'resident data erased');
  return { ok: true, result };
}

/**
 * The retention policy: finished cases unchanged for `days` (and with no clock running, so no 复查 window
 * is open) are anonymised; residents with nothing left that is not anonymised and no conversation within
 * `days` lose their Telegram id (or their row, when no case refers to it); conversation state and delivered
 * case-less alerts older than that are deleted. Batches of `batchSize`, one transaction each, skipping rows
 * another sweep holds: running it twice, or in two processes at once, has the effect of one run.
 */
export async function retentionSweep(deps: CaseDeps, days: number, opts: { batchSize?: number } = {}): Promise<RetentionResult> {
  const batch = opts.batchSize ?? 200;
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, days);
  const result: RetentionResult = { cases: 0, residents: 0, conversationStates: 0, messages: 0 };
  for (;;) {
    const n = await deps.store.transaction(async (tx) => (await tx.privacy.anonymiseCases(await tx.privacy.casesPastRetention(cutoff, batch), now, 'retention', days)).length);
    result.cases += n;
    if (n < batch) break;
  }
  for (;;) {
    const n = await deps.store.transaction(async (tx) => {
      const residents = await tx.privacy.residentsPastRetention(cutoff, batch);
      for (const r of residents) {
        if (r.chatId !== null) {
          await tx.privacy.deletePrivateMessages(r.channel, r.chatId);
          await tx.privacy.deleteChatAlerts(r.channel, r.chatId);
          result.conversationStates += await tx.privacy.deleteConversationState(r.channel, r.chatId);
        }
        await tx.privacy.eraseResident(r.id, now);
      }
      return residents.length;
    });
    result.residents += n;
    if (n < batch) break;
  }
  await deps.store.transaction(async (tx) => {
    result.conversationStates += await tx.privacy.purgeConversationStates(cutoff);
    result.messages += await tx.privacy.purgeCaselessMessages(cutoff);
  });
  deps.logger?.info({ ...result, days }, 'retention sweep');
  return result;
}
