import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalTransitionError, NotFoundError, StaleError, ValidationError } from '../../kernel/errors.js';
import { actionsFor, exceedsCapacity, FINISHED_STATUSES, isFinished, mayExtend, mayTake, REFUSAL_KEYS, refusalKey, refusalOf } from '../../cases/policy.js';
import { CASE_STATUSES, type CaseStatus } from '../../cases/types.js';
import { hasMessage } from '../../i18n/index.js';

const petition = (status: CaseStatus, extra: Partial<{ handlerId: string | null; urgent: boolean }> = {}) => ({
  status,
  category: 'petition' as const,
  handlerKind: 'department' as const,
  handlerId: 'housing' as string | null,
  urgent: false,
  ...extra,
});
const referral = (status: CaseStatus) => ({ ...petition(status), category: 'out_of_scope' as const, handlerKind: 'organization' as const, handlerId: 'org-1' });
const officeRole = { kind: 'office' } as const;
const housing = { kind: 'handler', handlerKind: 'department', handlerId: 'housing' } as const;

describe('case policy: what a role may do now', () => {
  it('the status → actions table for the office and the handler holding the case', () => {
    const table = Object.fromEntries(CASE_STATUSES.map((s) => [s, { office: actionsFor(officeRole, petition(s)), handler: actionsFor(housing, petition(s)) }]));
    expect(table).toEqual({
      received: { office: ['urgent'], handler: [] },
      office_review: { office: ['approve', 'reassign', 'ask', 'not_accept', 'urgent'], handler: [] },
      referred: { office: ['ask', 'urgent'], handler: ['accept', 'decline'] },
      accepted: { office: ['ask', 'urgent'], handler: ['progress', 'resolve', 'extend'] },
      in_progress: { office: ['ask', 'urgent'], handler: ['progress', 'resolve', 'extend'] },
      resolved: { office: [], handler: [] },
      closed: { office: [], handler: [] },
      not_accepted: { office: [], handler: [] },
      withdrawn: { office: [], handler: [] },
      reopened: { office: ['approve', 'reassign', 'ask', 'urgent'], handler: [] },
      review_requested: { office: ['ask', 'urgent'], handler: [] },
    });
  });

  it('approving needs a proposed handler; an urgent case is not marked again', () => {
    expect(actionsFor(officeRole, petition('office_review', { handlerId: null }))).not.toContain('approve');
    expect(actionsFor(officeRole, petition('office_review', { urgent: true }))).not.toContain('urgent');
  });

  it('a handler acts only on a case it holds; only a department on a petition extends (Art. 34)', () => {
    const other = { kind: 'handler', handlerKind: 'department', handlerId: 'water' } as const;
    expect(actionsFor(other, petition('accepted'))).toEqual([]);
    const org = { kind: 'handler', handlerKind: 'organization', handlerId: 'org-1' } as const;
    expect(actionsFor(org, referral('accepted'))).toEqual(['progress', 'resolve']);
    expect(mayExtend({ category: 'petition', handlerKind: 'department' })).toBe(true);
    expect(mayExtend({ category: 'out_of_scope', handlerKind: 'organization' })).toBe(false);
    expect(mayExtend({ category: 'petition', handlerKind: null })).toBe(false);
    expect(mayTake(officeRole, petition('accepted'), 'resolve')).toBe(false);
  });

  it('finished statuses are those nobody owes work on', () => {
    expect([...FINISHED_STATUSES].sort()).toEqual(['closed', 'not_accepted', 'resolved', 'withdrawn']);
    expect(isFinished('reopened')).toBe(false);
  });

  it('reviewers give cases only to handlers with spare capacity; supervisors to anyone', () => {
    expect(exceedsCapacity('reviewer', 3, 3)).toBe(true);
    expect(exceedsCapacity('reviewer', 2, 3)).toBe(false);
    expect(exceedsCapacity('supervisor', 10, 3)).toBe(false);
  });
});

describe('case policy: one mapping from a refusal to a message key', () => {
  const errors = [
    [new StaleError('YT-20260101-0001'), 'stale'],
    [new IllegalTransitionError('closed', 'approve'), 'illegal'],
    [new ForbiddenError('Only petition-office staff may do this'), 'forbidden'],
    [new ForbiddenError('User 1 is not a member of department housing'), 'not_member'],
    [new NotFoundError('case', 'x'), 'not_found'],
    [new ValidationError('bad'), 'invalid'],
  ] as const;

  it('classifies every service refusal, and nothing else', () => {
    for (const [err, kind] of errors) expect(refusalOf(err)).toBe(kind);
    expect(refusalOf(new Error('boom'))).toBeNull();
    expect(refusalKey(new Error('boom'), 'console')).toBeNull();
  });

  it('gives each surface a key for each refusal', () => {
    for (const surface of Object.keys(REFUSAL_KEYS) as (keyof typeof REFUSAL_KEYS)[]) {
      for (const [err] of errors) expect(hasMessage(refusalKey(err, surface)!), `${surface}: ${refusalKey(err, surface)}`).toBe(true);
    }
    expect(refusalKey(errors[0][0], 'office_chat')).toBe('staff.stale');
    expect(refusalKey(errors[2][0], 'office_chat')).toBe('staff.denied.wrong_chat');
    expect(refusalKey(errors[2][0], 'handler_chat')).toBe('staff.denied.not_holder');
    expect(refusalKey(errors[5][0], 'console')).toBe('console.error.validation');
    expect(refusalKey(errors[1][0], 'resident')).toBe('conversation.error.case_unavailable');
  });
});
