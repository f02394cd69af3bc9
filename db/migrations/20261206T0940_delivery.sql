-- Telegram's answers about a chat, kept for every process (bot/telegramSender.ts, workers/outbox.ts,
-- cases/outboxRepository.ts). A group upgraded to a supergroup gets a new id (migrated_to): rows
-- written for the old id are sent to the new one. A chat that removed or blocked the bot is
-- unreachable: its messages stay pending and are tried again later, and the office is told once.
CREATE TABLE chat_delivery (
  channel text NOT NULL,
  chat_id bigint NOT NULL,
  migrated_to bigint,
  unreachable_since timestamptz,
  unreachable_reason text,
  PRIMARY KEY (channel, chat_id)
);

-- A long text goes as several messages: parts already delivered are not sent again on a retry.
ALTER TABLE outbox ADD COLUMN parts_sent integer NOT NULL DEFAULT 0;
