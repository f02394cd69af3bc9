/**
 * Budgets for calls to outside providers (LLM, embeddings) made while a resident waits: a deadline
 * per call, and a cool-down that skips a provider for a while after it timed out or failed, so a
 * degraded provider costs one resident one budget and not every resident a budget each.
 */

export class DeadlineError extends Error {
  constructor(
    public readonly what: string,
    public readonly ms: number,
  ) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * `p`, or the error `late()` makes once `ms` have passed — the one race every caller that must not wait
 * forever uses (a provider, an engine, a Redis command). The work itself is not cancelled: pass it an
 * AbortSignal for that.
 */
export function within<T>(p: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

/** `p`, or a DeadlineError naming `what` after `ms`. */
export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return within(p, ms, () => new DeadlineError(what, ms));
}

/** Open after a failure for `cooldownMs`; closed again when the time has passed (the next call tries). */
export class Cooldown {
  private until = 0;

  constructor(
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the provider should be skipped. */
  get open(): boolean {
    return this.now() < this.until;
  }

  failed(): void {
    if (this.cooldownMs > 0) this.until = this.now() + this.cooldownMs;
  }

  succeeded(): void {
    this.until = 0;
  }
}
