import { NotFoundError } from '../../kernel/errors.js';
import type { CaseDeps } from './run.js';

/** The event type written each time the office is shown a case's original, unredacted text. */
export const ORIGINAL_VIEWED = 'original_viewed';

/**
 * Records that an office account was shown the original text of a case (who, when, where): the original
 * holds the resident's personal data, so every view of it is on the case's timeline. No status change, no
 * message; the case's version stays (an audit row must not make the viewer's next action a conflict).
 */
export async function recordOriginalViewed(deps: CaseDeps, ref: string, viewer: { id: string }, via: 'page' | 'api'): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const c = await tx.cases.byRef(ref);
    if (!c) throw new NotFoundError('case', ref);
    await tx.events.insert({ caseId: c.id, at: deps.clock.now(), actorKind: 'office', actorId: viewer.id, type: ORIGINAL_VIEWED, fromStatus: c.status, toStatus: c.status, data: { via } });
  });
}
