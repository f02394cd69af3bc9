import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { IllegalTransitionError } from '../../kernel/errors.js';
import { allowedActions, CASE_ACTIONS, canApply, transition, tryTransition } from '../../cases/stateMachine.js';
import { formatRef, isRef, shanghaiDay } from '../../cases/refs.js';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../cases/types.js';

describe('case state machine', () => {
  it('walks the main path received → … → closed', () => {
    const path: [string, CaseStatus][] = [
      ['open', 'office_review'],
      ['approve', 'referred'],
      ['handler_accept', 'accepted'],
      ['report_progress', 'in_progress'],
      ['report_progress', 'in_progress'],
      ['resolve', 'resolved'],
      ['rate_satisfied', 'closed'],
    ];
    let s: CaseStatus = 'received';
    for (const [action, to] of path) {
      s = transition(s, action as never);
      assert.equal(s, to, `after ${action}`);
    }
  });

  it('sends a declined referral back to the office and lets the office re-refer a reopened case', () => {
    assert.equal(transition('referred', 'handler_decline'), 'office_review');
    assert.equal(transition('office_review', 'reassign'), 'office_review');
    assert.equal(transition('resolved', 'rate_dissatisfied'), 'reopened');
    assert.equal(transition('reopened', 'approve'), 'referred');
    assert.equal(transition('reopened', 'reassign'), 'office_review');
  });

  it('allows 复查 from resolved, closed and reopened, and answers back to resolved', () => {
    for (const s of ['resolved', 'closed', 'reopened'] as const) assert.equal(transition(s, 'request_review'), 'review_requested');
    assert.equal(transition('review_requested', 'answer_review'), 'resolved');
    assert.equal(tryTransition('office_review', 'request_review'), null);
  });

  it('lets a resident withdraw from every open status and from no finished one', () => {
    for (const s of CASE_STATUSES) {
      const open = (OPEN_STATUSES as readonly string[]).includes(s);
      assert.equal(canApply(s, 'withdraw'), open, s);
    }
  });

  it('refuses illegal transitions with IllegalTransitionError naming status, action and case', () => {
    assert.throws(
      () => transition('closed', 'resolve', 'YT-20260214-0001'),
      (e: unknown) => e instanceof IllegalTransitionError && e.from === 'closed' && e.action === 'resolve' && /YT-20260214-0001/.test(e.message),
    );
    assert.throws(() => transition('office_review', 'handler_accept'), IllegalTransitionError);
    assert.throws(() => transition('referred', 'resolve'), IllegalTransitionError);
    assert.throws(() => transition('withdrawn', 'withdraw'), IllegalTransitionError);
    assert.throws(() => transition('not_accepted', 'approve'), IllegalTransitionError);
  });

  it('leaves terminal statuses without any status-changing action except 复查 from closed', () => {
    assert.deepEqual(allowedActions('withdrawn'), []);
    assert.deepEqual(allowedActions('not_accepted'), []);
    assert.deepEqual(allowedActions('closed'), ['request_review']);
    // every action is reachable from some status
    for (const a of CASE_ACTIONS) assert.ok(CASE_STATUSES.some((s) => canApply(s, a)), a);
  });
});

describe('case references', () => {
  it('use the Shanghai date of receipt, so 23:30 UTC is already the next day', () => {
    const at = new Date('2026-02-13T23:30:00Z');
    assert.equal(shanghaiDay(at), '2026-02-14');
    assert.equal(formatRef(at, 7), 'YT-20260214-0007');
    assert.ok(isRef('YT-20260214-0007'));
    assert.ok(!isRef('YT-2026021-0007'));
    assert.ok(!isRef("YT-20260214-0001' OR 1=1"));
  });
});
