import type { ConsentRecord } from '../caseRepository.js';
import { residentName } from '../../directory/directory.js';
import { serviceLabel, staffName, TO_BE_CHOSEN } from '../cardLabels.js';
import { CATEGORY_LABELS_ZH, HANDLER_REFERRAL_ACTIONS, msg } from '../messages.js';
import { shanghaiDay } from '../refs.js';
import { clockFor } from '../statutory.js';
import type { HandlerKind } from '../types.js';
import { checkHandlerFor, type CaseDeps, type Ctx, type Effects } from './run.js';

/* Referring a case to the handler the office approved (and, for an organization, the resident consented to). */

const NOT_SHARED = '（未授权共享）';

/** The referral itself: the referral row, its clock, the handler's card (only consented fields) and the resident's notice. */
export async function referEffects(deps: CaseDeps, { tx, c, now, resident }: Ctx, kind: HandlerKind, id: string, consent: ConsentRecord | null): Promise<Effects> {
  const h = checkHandlerFor(deps, c, kind, id);
  const referral = await tx.cases.insertReferral({ caseId: c.id, handlerKind: kind, handlerId: id, at: now });
  let dueAt: Date;
  if (kind === 'organization') {
    dueAt = (await tx.clocks.start(c.id, clockFor('org_accept', now, deps.calendar, deps.clockSettings), now)).dueAt;
  } else {
    dueAt = (await tx.clocks.running(c.id, 'forward_notify'))?.dueAt ?? clockFor('forward_notify', now, deps.calendar, deps.clockSettings).dueAt;
  }
  const res = await resident();
  const shares = (field: string) => kind === 'department' || (consent?.sharedFields.includes(field) ?? false);
  const card = msg(
    'cases.handler.referral_card',
    {
      ref: c.ref,
      category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
      // The department's own name, or the service an organization is asked for: never a code.
      target:
        kind === 'department'
          ? { key: 'cases.handler.target.department', params: { name: staffName(h) } }
          : { key: 'cases.handler.target.service', params: { service: c.target ? serviceLabel(c.target) : TO_BE_CHOSEN } },
      // The whole redacted summary: the handler acts on it, and a card had cut it at 600 characters without a word.
      // A text past Telegram's 4,096 characters goes as several messages, the buttons on the last (bot/telegramSender.ts).
      // The original text never leaves the office.
      summary: shares('summary') ? c.summary : NOT_SHARED,
      contact: shares('contact_chat') && res.chatId !== null ? `${res.channel} chat ${res.chatId}` : NOT_SHARED,
      dueDate: shanghaiDay(dueAt),
    },
    HANDLER_REFERRAL_ACTIONS,
  );
  // The dispatcher sends the card only while this consent stands (checked again at send time).
  if (kind === 'organization') card.consentOf = id;
  return {
    patch: { handlerKind: kind, handlerId: id },
    data: { handlerKind: kind, handlerId: id, referralId: referral.id, sharedFields: consent?.sharedFields ?? null, consentId: consent?.id ?? null },
    out: [
      { to: { kind: 'handler', handlerKind: kind, handlerId: id }, message: card },
      { to: { kind: 'resident' }, message: msg('cases.resident.referred', { ref: c.ref, handler: residentName(h, res.language) }) },
    ],
  };
}
