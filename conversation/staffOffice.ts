/**
 * The office buttons that need a second step: reassign (choose the new handler) and not accepted
 * (choose the reason; "other" asks for a note). The choice comes back inside the button's ref
 * (conversation/staffWire.ts), so it is checked against the directory and the case as they are now,
 * never trusted as sent. Called by conversation/staff.ts after it has authorised the office user.
 */
import { handlerToken, REASON_BY_WIRE, REASON_WIRE } from './staffWire.js';
import { clip, LANG } from './staffViews.js';
import type { ReplyButton } from './types.js';
import { OK, type StaffCore } from './staffCore.js';
import type { StaffCallbackInput, StaffResult } from './staffTypes.js';
import { NOT_ACCEPTED_REASONS } from '../cases/types.js';

type OfficeActor = { kind: 'office'; id: string };
type CommandOpts = { expectedVersion?: number; idempotencyKey: string };

export async function reassignChoices(core: StaffCore, ref: string, version: number | undefined): Promise<StaffResult> {
  const c = await core.current(ref, version, 'reassign');
  const candidates = core.candidatesFor(c).filter((h) => !(h.kind === c.handlerKind && core.deps.directory.handlerId(h) === c.handlerId));
  if (candidates.length === 0) return { answer: OK, messages: [{ key: 'staff.reassign.none', params: { ref } }] };
  const buttons: ReplyButton[] = candidates.map((h) => ({
    label: { key: 'staff.choice.handler', params: { name: clip(h.names[LANG], 40) } },
    action: 'reassign',
    ref: `${ref}_${handlerToken(h.kind, core.deps.directory.handlerId(h))}`,
    version: c.version,
  }));
  return { answer: OK, messages: [{ key: 'staff.reassign.choose', params: { ref }, buttons: rows(buttons, 2) }] };
}

export async function reassignTo(core: StaffCore, ref: string, token: string, actor: OfficeActor, opts: CommandOpts): Promise<StaffResult> {
  const c = await core.deps.cases.getCase(ref);
  const h = core.candidatesFor(c).find((x) => handlerToken(x.kind, core.deps.directory.handlerId(x)) === token);
  if (!h) return core.refuse('staff.handler_gone');
  await core.deps.cases.reassign(ref, actor, { ...opts, handlerKind: h.kind, handlerId: core.deps.directory.handlerId(h) });
  return core.done('staff.done.reassigned', { ref, handler: h.names[LANG] }, true);
}

export async function reasonChoices(core: StaffCore, ref: string, version: number | undefined): Promise<StaffResult> {
  const c = await core.current(ref, version, 'not_accept');
  const buttons: ReplyButton[] = NOT_ACCEPTED_REASONS.map((r) => ({
    label: { key: `staff.reason.${r}` },
    action: 'not_accept',
    ref: `${ref}_${REASON_WIRE[r]}`,
    version: c.version,
  }));
  return { answer: OK, messages: [{ key: 'staff.not_accept.choose', params: { ref }, buttons: rows(buttons, 2) }] };
}

export async function notAcceptFor(
  core: StaffCore,
  cb: StaffCallbackInput,
  ref: string,
  wire: string,
  actor: OfficeActor,
  opts: CommandOpts,
): Promise<StaffResult> {
  const reason = REASON_BY_WIRE.get(wire);
  if (!reason) return core.refuse('bot.callback.invalid');
  if (reason === 'other') {
    const c = await core.current(ref, cb.version, 'not_accept');
    return core.prompt(cb, { kind: 'not_accept_note', ref, version: cb.version ?? c.version });
  }
  await core.deps.cases.notAccept(ref, actor, reason, undefined, opts);
  return core.done('staff.done.not_accepted', { ref, reason: { key: `staff.reason.${reason}` } }, true);
}

function rows<T>(buttons: T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
