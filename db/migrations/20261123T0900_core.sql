-- Core case model. Postgres is the source of truth: clocks and outbox rows here are what workers
-- re-enqueue from after Redis is flushed.

CREATE TABLE residents (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('telegram', 'terminal')),
  external_id text NOT NULL,
  chat_id bigint,
  language text NOT NULL DEFAULT 'zh-Hans' CHECK (language IN ('zh-Hans', 'zh-Hant', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, external_id)
);

CREATE TABLE case_ref_counters (
  day date PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE cases (
  id bigserial PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  resident_id bigint NOT NULL REFERENCES residents(id),
  category text NOT NULL CHECK (category IN ('emergency', 'legal_channel', 'petition', 'out_of_scope', 'inquiry', 'unclear')),
  target text,
  handler_kind text CHECK (handler_kind IN ('department', 'organization')),
  handler_id text,
  status text NOT NULL,
  urgent boolean NOT NULL DEFAULT false,
  -- redacted: what staff, handlers and any model see
  summary text NOT NULL,
  -- the resident's own words; shown to the office only, never to a model or an organization
  original_text text NOT NULL,
  decision jsonb NOT NULL DEFAULT '{}'::jsonb,
  language text NOT NULL DEFAULT 'zh-Hans',
  version integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL,
  accepted_at timestamptz,
  replied_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_status_idx ON cases (status, received_at);
CREATE INDEX cases_resident_idx ON cases (resident_id, created_at DESC);
CREATE INDEX cases_handler_idx ON cases (handler_kind, handler_id, status);

CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'office', 'handler', 'system')),
  actor_id text,
  type text NOT NULL,
  from_status text,
  to_status text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

CREATE TABLE referrals (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  handler_kind text NOT NULL CHECK (handler_kind IN ('department', 'organization')),
  handler_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'completed')),
  reason text,
  created_at timestamptz NOT NULL,
  answered_at timestamptz
);
CREATE INDEX referrals_case_idx ON referrals (case_id);
CREATE UNIQUE INDEX referrals_one_open ON referrals (case_id) WHERE status IN ('pending', 'accepted');

CREATE TABLE consents (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  resident_id bigint NOT NULL REFERENCES residents(id),
  purpose text NOT NULL,
  shared_fields text[] NOT NULL,
  given_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
CREATE INDEX consents_case_idx ON consents (case_id);

CREATE TABLE satisfaction (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  round integer NOT NULL,
  rating text CHECK (rating IN ('satisfied', 'basically_satisfied', 'dissatisfied', 'no_answer')),
  comment text,
  asked_at timestamptz NOT NULL,
  answered_at timestamptz,
  UNIQUE (case_id, round)
);

CREATE TABLE clocks (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  kind text NOT NULL,
  -- legal basis shown to staff, e.g. '信访工作条例 第三十四条'
  article text,
  starts_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  remind_at timestamptz,
  reminded_at timestamptz,
  escalated_at timestamptz,
  stopped_at timestamptz,
  extended_at timestamptz,
  extension_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clocks_remind_due ON clocks (remind_at) WHERE stopped_at IS NULL AND reminded_at IS NULL;
CREATE INDEX clocks_escalate_due ON clocks (due_at) WHERE stopped_at IS NULL AND escalated_at IS NULL;
CREATE UNIQUE INDEX clocks_one_running ON clocks (case_id, kind) WHERE stopped_at IS NULL;

-- Every message to send, written in the same transaction as the state change that causes it.
-- `message` is {key, params, actions?}: rendered in `language` by the channel adapter at send time.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  case_id bigint REFERENCES cases(id),
  channel text NOT NULL DEFAULT 'telegram' CHECK (channel IN ('telegram', 'terminal')),
  chat_id bigint NOT NULL,
  chat_kind text NOT NULL CHECK (chat_kind IN ('private', 'group')),
  language text NOT NULL DEFAULT 'zh-Hans',
  message jsonb NOT NULL,
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  external_message_id bigint,
  last_error text
);
CREATE INDEX outbox_pending ON outbox (not_before, id) WHERE status = 'pending';
