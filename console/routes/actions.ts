import { IllegalTransitionError, ValidationError } from '../../kernel/errors.js';
import type { CaseService } from '../../cases/caseService.js';
import { exceedsCapacity, REFUSAL_KEYS, REFUSAL_STATUS, refusalOf } from '../../cases/policy.js';
import { isRef } from '../../cases/refs.js';
import { NOT_ACCEPTED_REASONS, REVIEW_QUEUE_STATUSES, type HandlerKind, type NotAcceptedReason } from '../../cases/types.js';
import type { Session } from '../auth.js';
import { localPath, redirect } from '../http.js';
import { ACTION_LABEL, HttpError, requireOffice, type Ctx, type RouteEnv, type Routes } from '../request.js';
import { reassignTargets } from '../views/case.js';
import { label, tr } from '../views/common.js';
import { renderCase } from './case.js';

/*
 * The office card's actions. Each goes through CaseService with the version the form was rendered with
 * (expectedVersion) and a per-form idempotency key, as the Telegram office card does, so whichever channel
 * acts second gets a StaleError and a clear message instead of undoing the other.
 */

/** The text and status shown when CaseService refuses; null for errors that are bugs. */
async function caseRefusal(cases: CaseService, c: Ctx, ref: string, err: unknown): Promise<{ status: number; text: string } | null> {
  if (err instanceof HttpError) return { status: err.status, text: tr(c.view, err.key, err.params) };
  const refusal = refusalOf(err);
  if (!refusal) return null;
  const key = REFUSAL_KEYS.console[refusal];
  if (refusal === 'not_found') throw new HttpError(404, key);
  const params =
    refusal === 'stale'
      ? { version: (await cases.getCase(ref)).version }
      : err instanceof IllegalTransitionError
        ? { status: label(c.view, 'console.status', err.from) }
        : { detail: (err as Error).message };
  return { status: REFUSAL_STATUS[refusal], text: tr(c.view, key, params) };
}

export function actionRoutes(r: Routes, { deps }: RouteEnv): void {
  const { cases, directory, logger } = deps;

  async function reassign(c: Ctx, s: Session, ref: string, actor: { kind: 'office'; id: string }, opts: { expectedVersion: number; idempotencyKey?: string }) {
    const form = c.req.form;
    const [kind, id] = (form.get('handler') ?? '').split(':') as [HandlerKind, string];
    const h = kind === 'department' || kind === 'organization' ? directory.handler(kind, id ?? '') : undefined;
    if (!h) throw new ValidationError(`unknown handler ${form.get('handler') ?? ''}`);
    // Reviewers may reassign only to a handler with spare capacity; supervisors to any (DESIGN: "reassign anything").
    if (s.user.role !== 'supervisor') {
      const load = (await cases.handlerLoad())[id] ?? 0;
      if (exceedsCapacity(s.user.role, load, h.capacity)) throw new HttpError(403, 'console.error.over_capacity', { load, capacity: h.capacity });
    }
    const current = await cases.getCase(ref);
    if (!reassignTargets(c.view, current).includes(h)) throw new ValidationError(`${kind} ${id} does not take this kind of case`);
    const note = (form.get('note') ?? '').trim();
    await cases.reassign(ref, actor, { ...opts, handlerKind: kind, handlerId: id, note: note || undefined });
  }

  r.post('/cases/:ref/:action', async (c) => {
    const { req } = c;
    const s = requireOffice(c);
    const ref = req.params.ref!;
    const action = req.params.action!;
    if (!ACTION_LABEL[action]) throw new HttpError(404, 'console.error.not_found');
    if (!isRef(ref)) throw new HttpError(404, 'console.error.not_found');
    const version = Number(req.form.get('version'));
    if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'console.error.validation', { detail: 'version' });
    const idem = req.form.get('idem');
    const opts = {
      expectedVersion: version,
      idempotencyKey: idem && /^[A-Za-z0-9_-]{8,40}$/.test(idem) ? `console:${s.user.id}:${idem}` : undefined,
    };
    const actor = { kind: 'office' as const, id: `console:${s.user.username}` };
    let done = action;
    try {
      switch (action) {
        case 'approve': {
          // An organization the resident has not agreed to is first put to them: say so, not "approved".
          const after = await cases.approveReferral(ref, actor, opts);
          if (REVIEW_QUEUE_STATUSES.includes(after.status)) done = 'consent-asked';
          break;
        }
        case 'reassign':
          await reassign(c, s, ref, actor, opts);
          break;
        case 'ask':
          await cases.askResident(ref, actor, req.form.get('question') ?? '', opts);
          break;
        case 'not-accept': {
          const reason = req.form.get('reason') ?? '';
          if (!(NOT_ACCEPTED_REASONS as readonly string[]).includes(reason)) throw new ValidationError(`unknown reason ${reason}`);
          await cases.notAccept(ref, actor, reason as NotAcceptedReason, req.form.get('note') ?? undefined, opts);
          break;
        }
        case 'urgent':
          await cases.markUrgent(ref, actor, opts);
          break;
      }
    } catch (err) {
      const refusal = await caseRefusal(cases, c, ref, err);
      if (!refusal) throw err;
      logger.info({ user: s.user.username, action, ref, refused: refusal.status }, 'console action refused');
      return renderCase(cases, c, s, ref, refusal.status, refusal.text);
    }
    logger.info({ user: s.user.username, action, ref }, 'console action');
    const back = localPath(req.form.get('back'), `/cases/${ref}`);
    const sep = back.includes('?') ? '&' : '?';
    return redirect(`${back}${sep}done=${done}&ref=${ref}`);
  });
}
