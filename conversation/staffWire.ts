/** The staff buttons' second-step arguments: how a choice travels inside a button's `ref` (`<case ref>_<arg>`). */
import crypto from 'node:crypto';
import { isRef } from '../cases/refs.js';
import type { NotAcceptedReason } from '../cases/types.js';
import type { Handler } from '../directory/directory.js';

// ---------------------------------------------------------------------------------------------------
// Wire formats of the second-step buttons (inside the signed `ref` field: `<case ref>_<arg>`)

/** Reason codes on the wire: short and fixed (never reuse one; add new reasons at the end). */
export const REASON_WIRE: Record<NotAcceptedReason, string> = {
  legal_channel: 'lc',
  not_government_duty: 'ng',
  other_jurisdiction: 'oj',
  duplicate: 'du',
  already_concluded: 'ac',
  insufficient_information: 'ii',
  other: 'ot',
};
export const REASON_BY_WIRE = new Map(Object.entries(REASON_WIRE).map(([r, w]) => [w, r as NotAcceptedReason]));

/** A handler's token on a button: stable across directory reorderings, 8 hex characters so `<ref>_<token>` fits 32. */
export function handlerToken(kind: Handler['kind'], id: string): string {
  return crypto.createHash('sha256').update(`${kind}:${id}`).digest('hex').slice(0, 8);
}

export function splitRef(raw: string): { ref: string; arg: string | null } | null {
  const i = raw.indexOf('_');
  const ref = i < 0 ? raw : raw.slice(0, i);
  const arg = i < 0 ? null : raw.slice(i + 1);
  if (!isRef(ref) || arg === '') return null;
  return { ref, arg };
}

