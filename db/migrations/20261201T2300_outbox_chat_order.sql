-- Per-chat order: a message is claimed only when no earlier message to the same chat is still
-- pending, so a resident reads "your case is resolved: …" before "are you satisfied?". This index
-- keeps that check one index probe however long the outbox grows.
CREATE INDEX outbox_chat_pending ON outbox (channel, chat_id, id) WHERE status = 'pending';
