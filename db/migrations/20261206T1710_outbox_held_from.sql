-- A chat that removed or blocked the bot holds its pending messages until a later try
-- (cases/outboxRepository.ts markChatUnreachable). held_from keeps the time a row was due before that
-- hold, so that when the chat comes back only the rows held for it are due at once, and a row
-- scheduled for later (a held office-alert summary, cases/officeAlerts.ts) keeps its own time.
ALTER TABLE outbox ADD COLUMN held_from timestamptz;
