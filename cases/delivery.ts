import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import { groupLanguage, STAFF_LANGUAGE, type Directory } from '../directory/directory.js';
import type { CaseRecord, ResidentRecord } from './caseRepository.js';
import { enqueueOutbox, insertOutboxRows, type OutboxRow } from './outboxRepository.js';
import type { HandlerKind, OutboxMessage } from './types.js';

export type Recipient = { kind: 'resident' } | { kind: 'office' } | { kind: 'handler'; handlerKind: HandlerKind; handlerId: string };

export interface Outgoing {
  to: Recipient;
  message: OutboxMessage;
}

/** What outbox rows need to know about the case. */
export type DeliveryCase = Pick<CaseRecord, 'id' | 'ref' | 'residentId' | 'language'> & Partial<Pick<CaseRecord, 'version'>>;

/**
 * The outbox rows `out` turns into, without writing them. A handler or office group not configured yet
 * gets a row without a chat that waits (recipient, reason) until the chat is configured
 * (cases/waitingOutbox.ts); a resident without a chat id gets no row. Both are logged so an operator
 * can fix the directory or configuration. Pure apart from that log line, so the deadline sweeper can
 * plan a whole batch of clocks and write their rows with one statement.
 */
export function outboxRowsFor(
  ctx: { directory: Directory; officeChatId: number | null; logger?: Logger },
  c: DeliveryCase,
  resident: ResidentRecord | null,
  out: Outgoing[],
  dedupePrefix: string,
  now: Date,
): OutboxRow[] {
  const rows: OutboxRow[] = [];
  for (const o of out) {
    let chatId: number | null = null;
    let recipientKey: string;
    let row: { channel: 'telegram' | 'terminal'; chatKind: 'private' | 'group'; language: ResidentRecord['language'] };
    if (o.to.kind === 'resident') {
      chatId = resident?.chatId ?? null;
      recipientKey = `resident:${resident?.id ?? c.residentId}`;
      row = { channel: resident?.channel ?? 'telegram', chatKind: 'private', language: resident?.language ?? c.language };
    } else if (o.to.kind === 'office') {
      chatId = ctx.officeChatId;
      recipientKey = 'office';
      row = { channel: 'telegram', chatKind: 'group', language: STAFF_LANGUAGE };
    } else {
      // A handler's group reads the language the directory sets for it (chatLanguage), 简体 otherwise.
      const h = ctx.directory.handler(o.to.handlerKind, o.to.handlerId);
      chatId = h?.telegramChatId ?? null;
      recipientKey = `handler:${o.to.handlerKind}:${o.to.handlerId}`;
      row = { channel: 'telegram', chatKind: 'group', language: groupLanguage(h) };
    }
    let waitingReason: string | undefined;
    if (chatId === null) {
      if (o.to.kind === 'resident') {
        ctx.logger?.warn({ ref: c.ref, recipient: recipientKey, key: o.message.key }, 'no chat for recipient; message not queued');
        continue;
      }
      waitingReason = o.to.kind === 'office' ? 'no_office_chat' : 'no_handler_chat';
      ctx.logger?.warn({ ref: c.ref, recipient: recipientKey, key: o.message.key }, 'no chat for recipient yet; message waits in the outbox');
    }
    rows.push({
      caseId: c.id,
      chatId,
      ...row,
      message: withCardVersion(o, c),
      dedupeKey: `${dedupePrefix}|${recipientKey}|${o.message.key}`,
      notBefore: now,
      recipient: recipientKey,
      ...(waitingReason ? { waitingReason } : {}),
    });
  }
  return rows;
}

/**
 * A staff card's buttons carry the version the case has once this change commits (`params.caseVersion`,
 * signed into the callback data): a button pressed after the case changed again is refused as stale
 * instead of acting on whatever the case has become (conversation/staff.ts).
 */
function withCardVersion(o: Outgoing, c: DeliveryCase): OutboxMessage {
  if (o.to.kind === 'resident' || !o.message.actions?.length || c.version === undefined) return o.message;
  if (o.message.params && 'caseVersion' in o.message.params) return o.message;
  return { ...o.message, params: { ...o.message.params, caseVersion: c.version } };
}

/**
 * Turns messages for residents, the office and handlers into outbox rows in the caller's transaction
 * (see outboxRowsFor for recipients without a chat). Returns how many rows were written: a row whose
 * dedupe key was already used is not.
 */
export async function deliver(
  tx: Queryable,
  ctx: { directory: Directory; officeChatId: number | null; logger?: Logger },
  c: CaseRecord,
  resident: ResidentRecord | null,
  out: Outgoing[],
  dedupePrefix: string,
  now: Date,
): Promise<number> {
  const rows = outboxRowsFor(ctx, c, resident, out, dedupePrefix, now);
  if (rows.length === 1) return (await enqueueOutbox(tx, rows[0]!)) ? 1 : 0;
  // One round trip for all of a transition's messages: on the single embedded connection every
  // statement is waited for by everything else.
  return (await insertOutboxRows(tx, rows)).length;
}
