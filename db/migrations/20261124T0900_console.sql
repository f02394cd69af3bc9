-- Web console (console/): staff accounts, their sessions, an audit trail of console-only actions
-- (sign-ins, lock-outs, directory edits), directory overrides edited by supervisors, and the indexes
-- the review queue and handler-scoped views read.

CREATE TABLE console_users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('reviewer', 'supervisor', 'handler')),
  handler_kind text CHECK (handler_kind IN ('department', 'organization')),
  handler_id text,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- a handler account is bound to exactly one department or organization; office accounts to none
  CONSTRAINT console_users_handler_binding CHECK ((role = 'handler') = (handler_kind IS NOT NULL AND handler_id IS NOT NULL))
);

-- The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES console_users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_user_idx ON console_sessions (user_id);
CREATE INDEX console_sessions_expires_idx ON console_sessions (expires_at);

CREATE TABLE console_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  username text,
  action text NOT NULL,
  subject text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX console_audit_at_idx ON console_audit (at DESC);

-- Supervisors' edits to the directory, applied over the YAML file at start and on every edit.
CREATE TABLE directory_overrides (
  handler_kind text NOT NULL CHECK (handler_kind IN ('department', 'organization')),
  handler_id text NOT NULL,
  capacity integer CHECK (capacity > 0),
  member_ids bigint[],
  contact text,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (handler_kind, handler_id)
);

-- Handler accounts list the cases referred to them.
CREATE INDEX referrals_handler_idx ON referrals (handler_kind, handler_id, case_id);
-- The review queue sorted by received time with a category filter.
CREATE INDEX cases_review_category_idx ON cases (category, received_at) WHERE status IN ('office_review', 'reopened', 'review_requested');
