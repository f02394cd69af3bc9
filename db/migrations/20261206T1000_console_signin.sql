-- Sign-in attempts counted per client address in fixed windows (console/auth.ts), shared by every
-- console process. Account lock-out stays on console_users.
CREATE TABLE console_signin_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX console_signin_throttle_window_idx ON console_signin_throttle (window_start);
