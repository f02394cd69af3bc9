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

/** `p`, or a DeadlineError after `ms` (the work itself is not cancelled: pass it an AbortSignal for that). */
export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
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
