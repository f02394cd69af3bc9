/**
 * Office alerts capped per resident: a few accounts writing emergency after emergency must not bury
 * the office group. Per (level, channel, resident chat) one alert message goes out per window of
 * `windowMinutes`: the first at once; the ones after it within the window are counted into one summary
 * ("N more from this resident", with the latest excerpt) sent when the window ends — and that summary
 * uses the next window, so the group never gets more than one message per resident and window.
 * The resident always gets the numbers: the conversation answers before (and whatever) this writes.
 */
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import { enqueueOutbox, insertOutboxRow, type OutboxRow } from './outboxRepository.js';
import type { OutboxMessage } from './types.js';

export const DEFAULT_ALERT_WINDOW_MINUTES = 10;

/** The outbox dedupe key of one office alert about a resident's message (one alert per message). */
export const alertDedupeKey = (immediate: boolean, channel: string, chat: string | number, requestId: string): string =>
  `${immediate ? 'emergency' : 'concern'}:${channel}:${chat}:${requestId}`;

/** The summary of alerts held back in a window starting at `at` (`key` is the window's, see write()). */
const summaryDedupeKey = (key: string, at: Date): string => `held:${key}:${at.getTime()}`;

/**
 * LIKE patterns matching every office alert row about one resident chat — the alerts and the summaries
 * of held ones (window keys are `<level>:<channel>:<chat>`) — so that erasure finds them all.
 */
export const chatAlertKeyPatterns = (channel: string, chat: string | number): string[] => [
  `emergency:${channel}:${chat}:%`,
  `concern:${channel}:${chat}:%`,
  `held:immediate:${channel}:${chat}:%`,
  `held:concern:${channel}:${chat}:%`,
];

export interface CappedAlert {
  /** The alert's outbox row (its dedupeKey names the request). */
  row: OutboxRow;
  /** '<level>:<channel>:<chat>': whose alerts are paced together. */
  key: string;
  requestId: string;
  /** The summary's message for `held` alerts counted in a window of `minutes`. */
  summary(held: number, minutes: number): OutboxMessage;
}

export interface OfficeAlertLimiter {
  readonly windowMinutes: number;
  /** Writes the alert, or counts it into the window's summary. False for a retry of a request already written or counted. */
  write(alert: CappedAlert): Promise<boolean>;
}

interface WindowRow {
  window_end: Date;
  held: number;
  summary_id: string | number | null;
  last_request: string | null;
}

/** The limiter on Postgres: one short transaction on the window row (locked, so processes agree). */
export function pgOfficeAlertLimiter(pool: Pool, windowMinutes = DEFAULT_ALERT_WINDOW_MINUTES): OfficeAlertLimiter {
  const windowMs = windowMinutes * 60_000;
  return {
    windowMinutes,
    write: (alert) => withTransaction(pool, (tx) => writeCapped(tx, alert, windowMs, windowMinutes)),
  };
}

async function writeCapped(tx: Queryable, alert: CappedAlert, windowMs: number, minutes: number): Promise<boolean> {
  const { row, key, requestId } = alert;
  const now = row.notBefore;
  await tx.query(`INSERT INTO office_alert_windows (key, window_end) VALUES ($1, 'epoch') ON CONFLICT (key) DO NOTHING`, [key]);
  const w = (await tx.query<WindowRow>('SELECT window_end, held, summary_id, last_request FROM office_alert_windows WHERE key = $1 FOR UPDATE', [key])).rows[0]!;
  if (w.last_request === requestId) return false;
  const save = (end: Date, held: number, summaryId: number | null) =>
    tx.query('UPDATE office_alert_windows SET window_end = $2, held = $3, summary_id = $4, last_request = $5 WHERE key = $1', [key, end, held, summaryId, requestId]);
  const end = new Date(w.window_end);
  // A summary is about the resident, not one case, and goes at normal priority whatever the alert's.
  // Its key names the window, so a second write for the same window refreshes the one row.
  const newSummary = async (at: Date): Promise<number> =>
    (await insertOutboxRow(
      tx,
      {
        caseId: null,
        channel: row.channel,
        chatId: row.chatId,
        chatKind: row.chatKind,
        language: row.language,
        message: alert.summary(1, minutes),
        dedupeKey: summaryDedupeKey(key, at),
        notBefore: at,
        createdAt: now,
        recipient: row.recipient,
        waitingReason: row.waitingReason,
      },
      { onConflict: 'replaceMessage' },
    ))!;

  if (now.getTime() >= end.getTime()) {
    // A summary due at `end` used that slot: the next window runs from it.
    if (w.held > 0 && now.getTime() < end.getTime() + windowMs) {
      const next = new Date(end.getTime() + windowMs);
      await save(next, 1, await newSummary(next));
      return true;
    }
    const written = await enqueueOutbox(tx, row);
    await save(new Date(now.getTime() + windowMs), 0, null);
    return written;
  }
  const held = w.held + 1;
  let summaryId = w.summary_id === null ? null : Number(w.summary_id);
  if (summaryId === null) summaryId = await newSummary(end);
  else {
    // Latest excerpt and the count so far; a summary already claimed for sending keeps what it had.
    await tx.query(`UPDATE outbox SET message = $2 WHERE id = $1 AND status = 'pending' AND claimed_until IS NULL`, [summaryId, JSON.stringify(alert.summary(held, minutes))]);
  }
  await save(end, held, summaryId);
  return true;
}
