-- Office alerts capped per resident: one alert message per window (OFFICE_ALERT_WINDOW_MINUTES) for
-- each resident chat and level; alerts within the window are counted into one summary row sent at the
-- window's end (cases/officeAlerts.ts). The resident always gets the numbers; this only paces the group.
CREATE TABLE office_alert_windows (
  key text PRIMARY KEY,                -- '<level>:<channel>:<chat>'
  window_end timestamptz NOT NULL,     -- until then, alerts are held back and counted
  held integer NOT NULL DEFAULT 0,     -- alerts counted into the pending summary
  summary_id bigint,                   -- the summary's outbox row
  last_request text                    -- the last request counted: a retried write counts once
);

-- Messages for a chat not configured yet (a handler without telegramChatId, no OFFICE_CHAT_ID) wait
-- in the outbox with the recipient and the reason, and get their chat when it is configured
-- (cases/waitingOutbox.ts: console directory edit, start-up). The sender only claims rows with a chat.
ALTER TABLE outbox ALTER COLUMN chat_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN recipient text;
ALTER TABLE outbox ADD COLUMN waiting_reason text;
ALTER TABLE outbox ADD CONSTRAINT outbox_chat_or_waiting CHECK (chat_id IS NOT NULL OR (recipient IS NOT NULL AND waiting_reason IS NOT NULL));
CREATE INDEX outbox_waiting ON outbox (recipient, id) WHERE chat_id IS NULL AND status = 'pending';

-- Chat ids can be set in the console (directory_overrides), so a waiting handler can be configured
-- without editing the file and restarting.
ALTER TABLE directory_overrides ADD COLUMN telegram_chat_id bigint;
