-- Direct replies the bot could not deliver while handling the update (bot/middleware/delivery.ts) are
-- kept as outbox rows (cases/directReplies.ts). An emergency's numbers must not wait behind the
-- resident's earlier messages: in a private chat a row is held back only by an earlier pending row
-- of the same or a higher priority (workers/outbox.ts CLAIM). 1 = emergency, 0 = everything else.
ALTER TABLE outbox ADD COLUMN priority smallint NOT NULL DEFAULT 0;
