import type { Queue } from 'bullmq';
import type { Logger } from '../kernel/logger.js';
import type { RetentionResult } from '../cases/privacy.js';
import type { JobHandler } from './registry.js';

/*
 * The retention policy's schedule (RETENTION_DAYS_AFTER_CLOSE, docs/privacy.md): a repeatable job on the
 * `deadlines` queue runs the domain's sweep (cases/commands/privacy.ts retentionSweep), which reads what
 * is due from Postgres and is idempotent, so a missed, repeated or concurrent run changes nothing.
 */

export const RETENTION_SCHEDULER_ID = 'retention-sweep';
/** Every six hours: a case is anonymised at most a quarter of a day after its retention period ends. */
export const RETENTION_EVERY_MS = 6 * 3600 * 1000;

export interface RetentionOptions {
  /** One sweep at the clock's now (app/main.ts: `cases.retentionSweep(cfg.RETENTION_DAYS_AFTER_CLOSE)`). */
  run(): Promise<RetentionResult>;
  everyMs?: number;
}

/** The job's handler; without a policy (a process that does not run it) it does nothing and says so. */
export function retentionHandler(retention: RetentionOptions | undefined, logger: Logger): JobHandler<Record<string, never>> {
  return async () => {
    if (!retention) {
      logger.warn('retention-sweep job ran in a worker without a retention policy; nothing done');
      return { skipped: true };
    }
    return retention.run();
  };
}

/** Upserts (or, without a policy, removes) the repeatable job; several processes upsert one scheduler. */
export async function scheduleRetention(queue: Queue, retention: RetentionOptions | undefined): Promise<void> {
  if (!retention) {
    await queue.removeJobScheduler(RETENTION_SCHEDULER_ID);
    return;
  }
  await queue.upsertJobScheduler(
    RETENTION_SCHEDULER_ID,
    { every: retention.everyMs ?? RETENTION_EVERY_MS },
    { name: 'retention-sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 10 } },
  );
}
