/**
 * Worker settings shared by the crash tests and the process they kill (crashChild.ts): the parent's
 * worker may only reclaim a send once the killed child's claim (`leaseMs`) and job lock
 * (`lockDurationMs`) have run out, so both sides must use the same values.
 */
export const CRASH_WORKER_TIMING = {
  sweepEveryMs: 60_000,
  sweepOnStart: false,
  outboxPollMs: 200,
  leaseMs: 1500,
  lockDurationMs: 1000,
  // Telegram's pacing would only slow the tests down.
  limits: false,
} as const;
