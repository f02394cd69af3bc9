import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Logger } from '../kernel/logger.js';

/** Queues are split by what may pause them: a Telegram 429 rate-limits `outbox`, never the sweep. */
export const QUEUE_NAMES = ['deadlines', 'outbox'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobDeclaration<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  /** Payloads carry ids only: no names, phone numbers or message text ever go into Redis. */
  schema: S;
}

/** Every job this application runs. Adding one here without registering its handler fails at start. */
export const JOBS = {
  'deadline-sweep': { queue: 'deadlines', schema: z.object({}).strict() },
  'outbox-deliver': { queue: 'outbox', schema: z.object({ outboxId: z.number().int().positive() }).strict() },
  // Picks up rows any writer committed (case service, bot) within a second, without every writer
  // having to reach Redis after its commit; the deadline sweep stays the safety net. It runs on the
  // deadlines queue: on the outbox queue it sat behind the whole backlog while Telegram's global 429
  // held that queue, so an emergency's kept numbers were offered only by the next minute's sweep.
  'outbox-poll': { queue: 'deadlines', schema: z.object({}).strict() },
  // The retention policy (workers/retention.ts): anonymises finished cases and purges idle conversation state.
  'retention-sweep': { queue: 'deadlines', schema: z.object({}).strict() },
} as const satisfies Record<string, JobDeclaration>;

export type Declarations = Record<string, JobDeclaration>;
export type JobName = keyof typeof JOBS & string;
export type PayloadOf<D extends Declarations, N extends keyof D> = z.infer<D[N]['schema']>;
export type JobPayload<N extends JobName> = PayloadOf<typeof JOBS, N>;

export interface JobContext {
  job: Job;
  /** The lock token BullMQ gave this run; needed for job.moveToDelayed. */
  token: string | undefined;
}
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<unknown>;

export class RegistryError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Job registry is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}\nEvery job in workers/registry.ts JOBS needs exactly one handler (registry.register(name, handler)).`);
    this.name = 'RegistryError';
  }
}

/** Describes zod issues by path and code only, so a rejected payload's values never reach a log. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'} (${i.code})`).join(', ');
}

/**
 * Job name → payload schema → exactly one handler. Handlers are collected first and checked as a
 * whole by assertRegistry(), so one start-up error lists every problem at once.
 */
export class JobRegistry<D extends Declarations = typeof JOBS> {
  private readonly handlers = new Map<string, JobHandler<never>[]>();

  constructor(
    readonly declarations: D,
    private readonly logger: Logger,
  ) {}

  register<N extends keyof D & string>(name: N, handler: JobHandler<PayloadOf<D, N>>): this {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as JobHandler<never>);
    this.handlers.set(name, list);
    return this;
  }

  assertRegistry(): void {
    const problems: string[] = [];
    for (const name of Object.keys(this.declarations)) {
      const n = this.handlers.get(name)?.length ?? 0;
      if (n === 0) problems.push(`job "${name}" is declared but has no handler`);
      if (n > 1) problems.push(`job "${name}" has ${n} handlers; exactly one is allowed`);
    }
    for (const name of this.handlers.keys()) {
      if (!(name in this.declarations)) problems.push(`a handler is registered for "${name}", which is not declared in JOBS`);
    }
    if (problems.length) throw new RegistryError(problems);
  }

  /** Validates a payload before it is enqueued, so a bad producer fails at the call site, not in a worker. */
  parse<N extends keyof D & string>(name: N, data: unknown): PayloadOf<D, N> {
    const decl = this.declarations[name];
    if (!decl) throw new UnrecoverableError(`Unknown job "${name}"`);
    const parsed = decl.schema.safeParse(data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid payload for job "${name}": ${describeIssues(parsed.error)}`);
    return parsed.data as PayloadOf<D, N>;
  }

  /** The BullMQ processor for one queue: dispatch by job name, validate, run the one handler. */
  processor(queue: QueueName): (job: Job, token?: string) => Promise<unknown> {
    return async (job, token) => {
      const decl = this.declarations[job.name];
      const handler = this.handlers.get(job.name)?.[0];
      if (!decl || decl.queue !== queue || !handler) {
        this.logger.error({ queue, job: job.name, jobId: job.id }, 'job has no handler on this queue; dropped');
        throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${queue}"`);
      }
      const parsed = decl.schema.safeParse(job.data);
      if (!parsed.success) {
        // Paths and codes only: the rejected values may be exactly the personal data that must not be logged.
        this.logger.error({ queue, job: job.name, jobId: job.id, issues: describeIssues(parsed.error) }, 'job payload rejected');
        throw new UnrecoverableError(`Invalid payload for job "${job.name}": ${describeIssues(parsed.error)}`);
      }
      return (handler as JobHandler<unknown>)(parsed.data, { job, token });
    };
  }
}
