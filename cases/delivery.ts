import type { Logger } from '../app/logger.js';
import type { Queryable } from '../db/pool.js';
import type { Directory } from '../knowledge/directory.js';
import type { CaseRecord, ResidentRecord } from './caseRepository.js';
import { enqueueOutbox } from './outboxRepository.js';
import type { HandlerKind, OutboxMessage } from './types.js';

export type Recipient = { kind: 'resident' } | { kind: 'office' } | { kind: 'handler'; handlerKind: HandlerKind; handlerId: string };

export interface Outgoing {
  to: Recipient;
  message: OutboxMessage;
}

/** Staff groups are written to in simplified Chinese. */
const GROUP_LANGUAGE = 'zh-Hans' as const;

/**
 * Turns messages for residents, the office and handlers into outbox rows in the caller's transaction.
 * A recipient with no chat (resident without a chat id, handler or office group not configured) gets no
 * row; the skip is logged so an operator can fix the directory or configuration.
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
  let written = 0;
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
      row = { channel: 'telegram', chatKind: 'group', language: GROUP_LANGUAGE };
    } else {
      chatId = ctx.directory.handler(o.to.handlerKind, o.to.handlerId)?.telegramChatId ?? null;
      recipientKey = `handler:${o.to.handlerKind}:${o.to.handlerId}`;
      row = { channel: 'telegram', chatKind: 'group', language: GROUP_LANGUAGE };
    }
    if (chatId === null) {
      ctx.logger?.warn({ ref: c.ref, recipient: recipientKey, key: o.message.key }, 'no chat for recipient; message not queued');
      continue;
    }
    const ok = await enqueueOutbox(tx, {
      caseId: c.id,
      chatId,
      ...row,
      message: o.message,
      dedupeKey: `${dedupePrefix}|${recipientKey}|${o.message.key}`,
      notBefore: now,
    });
    if (ok) written++;
  }
  return written;
}
