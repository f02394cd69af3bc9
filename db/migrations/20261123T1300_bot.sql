-- Conversation state of the bot channels, shared by every bot process (no process-local state).
-- One row per (channel, chat); `version` makes writes optimistic: a write names the version it read.
CREATE TABLE conversation_state (
  channel text NOT NULL CHECK (channel IN ('telegram', 'terminal')),
  chat_id bigint NOT NULL,
  state jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (channel, chat_id)
);
CREATE INDEX conversation_state_updated_idx ON conversation_state (updated_at);
