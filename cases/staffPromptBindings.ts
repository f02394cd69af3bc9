/**
 * Where a staff prompt (a forced reply asking for a reason, a note, a question…) learns which message
 * it went out as: only a reply to that message answers it (conversation/staffPrompts.ts). The bot
 * records it when the prompt is sent at once; when Telegram did not take it and it was kept in the
 * outbox (cases/directReplies.ts), the outbox worker records it after delivering the row. Both write
 * through here, because workers may not use conversation/. The prompt itself stays in the staff
 * conversation's state (conversation_state, one entry per user under `pending`); this only fills in
 * its message, with the version bump the conversation store's optimistic writes rely on.
 */
import type { Queryable } from '../db/pool.js';

/** Names one prompt: the chat and user it waits in, and when it was opened (a later prompt replaces it). */
export interface PromptBinding {
  chatId: number;
  userId: number;
  /** The prompt's `at` (ISO time it was opened); omitted: whatever prompt the user has open now. */
  openedAt?: string;
}

/**
 * The prompt went out as `messageId` at `now`: a reply to that message answers it. Returns false when
 * the prompt is no longer open (answered, cancelled, or replaced by a later one, which keeps its own
 * message).
 */
export async function recordPromptMessage(q: Queryable, b: PromptBinding, messageId: number, now: Date): Promise<boolean> {
  const r = await q.query(
    `UPDATE conversation_state
        SET state = jsonb_set(state, ARRAY['pending', $2::text], (state->'pending'->$2::text) || jsonb_build_object('messageId', $3::bigint, 'sentAt', $4::text)),
            version = version + 1, updated_at = $5
      WHERE channel = 'telegram' AND chat_id = $1 AND state->'pending'->$2::text IS NOT NULL
        AND ($6::text IS NULL OR state->'pending'->$2::text->>'at' = $6::text)
      RETURNING 1`,
    [b.chatId, String(b.userId), messageId, now.toISOString(), now, b.openedAt ?? null],
  );
  return (r.rowCount ?? 0) > 0;
}
