/**
 * Errors with a stable id. `userMessageKey` points into the message catalogue so a resident or
 * staff member sees a polite text in their language; `report` says whether it is a bug to log at error level.
 */
export class AppError extends Error {
  constructor(
    public readonly id: string,
    message: string,
    public readonly options: { userMessageKey?: string; report?: boolean; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
  get report(): boolean {
    return this.options.report ?? false;
  }
}

export class IllegalTransitionError extends AppError {
  constructor(public readonly from: string, public readonly action: string, caseRef?: string) {
    super('illegal_transition', `Action "${action}" is not allowed from status "${from}"${caseRef ? ` (case ${caseRef})` : ''}`, {
      userMessageKey: 'error.illegal_transition',
      details: { from, action, caseRef },
    });
    this.name = 'IllegalTransitionError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super('not_found', `${what} not found: ${key}`, { userMessageKey: 'error.not_found' });
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends AppError {
  constructor(reason: string) {
    super('forbidden', reason, { userMessageKey: 'error.forbidden' });
    this.name = 'ForbiddenError';
  }
}

export class StaleError extends AppError {
  constructor(caseRef: string) {
    super('stale', `Case ${caseRef} changed since this was shown`, { userMessageKey: 'error.stale' });
    this.name = 'StaleError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('validation', message, { userMessageKey: 'error.validation', details });
    this.name = 'ValidationError';
  }
}
