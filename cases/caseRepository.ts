import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import type { Category, Decision, TargetCode } from '../kernel/taxonomy.js';
import { formatRef, NEXT_REF_SQL, shanghaiDay } from './refs.js';
import type { ActorKind, CaseStatus, HandlerKind, ReferralStatus, SatisfactionRating } from './types.js';
import type { Row } from './rows.js';

/*
 * SQL for the case aggregate: residents, cases, case_events, referrals, consents, satisfaction.
 * Every function takes the caller's Queryable so commands run it on their transaction's client.
 */

export interface ResidentRecord {
  id: number;
  channel: 'telegram' | 'terminal';
  externalId: string;
  chatId: number | null;
  language: Language;
}

export interface CaseRecord {
  id: number;
  ref: string;
  residentId: number;
  category: Category;
  target: TargetCode | null;
  handlerKind: HandlerKind | null;
  handlerId: string | null;
  status: CaseStatus;
  urgent: boolean;
  /** Redacted: what staff, handlers and any model see. */
  summary: string;
  /** The resident's own words: for the office only, never a model or an organization. */
  originalText: string;
  decision: Partial<Decision>;
  language: Language;
  version: number;
  receivedAt: Date;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** When the resident's erasure or the retention policy removed its personal data (null: never). */
  anonymisedAt: Date | null;
}

export interface CaseEventRecord {
  id: number;
  caseId: number;
  at: Date;
  actorKind: ActorKind;
  actorId: string | null;
  type: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  data: Record<string, unknown>;
}

export interface ReferralRecord {
  id: number;
  caseId: number;
  handlerKind: HandlerKind;
  handlerId: string;
  status: ReferralStatus;
  reason: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ConsentRecord {
  id: number;
  caseId: number;
  residentId: number;
  purpose: string;
  /** The organization the resident agreed to (null: recorded before consents named one). */
  organizationId: string | null;
  sharedFields: string[];
  /** Which text the resident read when agreeing (message key @ version / language). */
  textVersion: string;
  givenAt: Date;
  withdrawnAt: Date | null;
}

export interface SatisfactionRecord {
  id: number;
  caseId: number;
  round: number;
  rating: SatisfactionRating | null;
  comment: string | null;
  askedAt: Date;
  answeredAt: Date | null;
}


/** Maps resident columns, read under `prefix` when a join names them (e.g. `r_id`). */
export const residentFrom = (r: Row, prefix = ''): ResidentRecord => ({
  id: r[`${prefix}id`],
  channel: r[`${prefix}channel`],
  externalId: r[`${prefix}external_id`],
  chatId: r[`${prefix}chat_id`] === null ? null : Number(r[`${prefix}chat_id`]),
  language: r[`${prefix}language`],
});

/** The columns a case list shows (QUEUE_COLUMNS), mapped once for full records and queue rows alike. */
export type CaseListFields = Pick<CaseRecord, 'id' | 'ref' | 'category' | 'target' | 'handlerKind' | 'handlerId' | 'status' | 'urgent' | 'version' | 'receivedAt'>;

export const caseListFields = (r: Row): CaseListFields => ({
  id: r.id,
  ref: r.ref,
  category: r.category,
  target: r.target,
  handlerKind: r.handler_kind,
  handlerId: r.handler_id,
  status: r.status,
  urgent: r.urgent,
  version: r.version,
  receivedAt: r.received_at,
});

export const caseFromRow = (r: Row): CaseRecord => ({
  ...caseListFields(r),
  residentId: r.resident_id,
  summary: r.summary,
  originalText: r.original_text,
  decision: r.decision ?? {},
  language: r.language,
  acceptedAt: r.accepted_at,
  repliedAt: r.replied_at,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  updatedAt: r.updated_at,
  anonymisedAt: r.anonymised_at ?? null,
});

const toEvent = (r: Row): CaseEventRecord => ({
  id: r.id,
  caseId: r.case_id,
  at: r.at,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  type: r.type,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  data: r.data ?? {},
});

const toReferral = (r: Row): ReferralRecord => ({
  id: r.id,
  caseId: r.case_id,
  handlerKind: r.handler_kind,
  handlerId: r.handler_id,
  status: r.status,
  reason: r.reason,
  createdAt: r.created_at,
  answeredAt: r.answered_at,
});

export const toConsentRecord = (r: Row): ConsentRecord => ({
  id: r.id,
  caseId: r.case_id,
  residentId: r.resident_id,
  purpose: r.purpose,
  organizationId: r.organization_id ?? null,
  sharedFields: r.shared_fields,
  textVersion: r.text_version ?? 'unrecorded',
  givenAt: r.given_at,
  withdrawnAt: r.withdrawn_at,
});

const toSatisfaction = (r: Row): SatisfactionRecord => ({
  id: r.id,
  caseId: r.case_id,
  round: r.round,
  rating: r.rating,
  comment: r.comment,
  askedAt: r.asked_at,
  answeredAt: r.answered_at,
});

// ---- residents

export async function upsertResident(
  q: Queryable,
  r: { channel: 'telegram' | 'terminal'; externalId: string; chatId: number | null; language: Language },
): Promise<ResidentRecord> {
  // A resident who changes language or chat keeps the same row; only non-null chat ids overwrite.
  const res = await q.query(
    `INSERT INTO residents (channel, external_id, chat_id, language) VALUES ($1, $2, $3, $4)
     ON CONFLICT (channel, external_id) DO UPDATE
       SET chat_id = COALESCE(EXCLUDED.chat_id, residents.chat_id), language = EXCLUDED.language
     RETURNING *`,
    [r.channel, r.externalId, r.chatId, r.language],
  );
  return residentFrom(res.rows[0]!);
}

export async function residentById(q: Queryable, id: number): Promise<ResidentRecord | null> {
  const res = await q.query('SELECT * FROM residents WHERE id = $1', [id]);
  return res.rows[0] ? residentFrom(res.rows[0]) : null;
}

export async function residentByExternalId(q: Queryable, channel: 'telegram' | 'terminal', externalId: string): Promise<ResidentRecord | null> {
  // Read on every Telegram update (the saved language): for a checked numeric id, literals instead of
  // parameters are one protocol message instead of five on PGlite.
  const literal = (channel === 'telegram' || channel === 'terminal') && /^-?\d{1,20}$/.test(externalId);
  const res = literal
    ? await q.query(`SELECT * FROM residents WHERE channel = '${channel}' AND external_id = '${externalId}'`)
    : await q.query('SELECT * FROM residents WHERE channel = $1 AND external_id = $2', [channel, externalId]);
  return res.rows[0] ? residentFrom(res.rows[0]) : null;
}

/**
 * The resident and a new case reference in one round trip (opening a case is on the bot's hot path).
 * Null when the resident does not exist; the counter bump is then undone with the caller's transaction.
 */
export async function residentWithNewRef(tx: Queryable, id: number, receivedAt: Date): Promise<{ resident: ResidentRecord; ref: string } | null> {
  const res = await tx.query(
    `WITH n AS (${NEXT_REF_SQL}) SELECT r.*, n.last_value AS ref_seq FROM residents r, n WHERE r.id = $2`,
    [shanghaiDay(receivedAt), id],
  );
  const row = res.rows[0];
  return row ? { resident: residentFrom(row), ref: formatRef(receivedAt, Number(row.ref_seq)) } : null;
}

// ---- cases

/** What opening a case writes: the record's own fields, with the whole triage decision. */
export type NewCase = Pick<
  CaseRecord,
  'ref' | 'residentId' | 'category' | 'target' | 'handlerKind' | 'handlerId' | 'status' | 'summary' | 'originalText' | 'language' | 'receivedAt'
> & { decision: Decision };

export async function insertCase(q: Queryable, c: NewCase): Promise<CaseRecord> {
  const res = await q.query(
    `INSERT INTO cases (ref, resident_id, category, target, handler_kind, handler_id, status, summary, original_text,
                        decision, language, received_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) RETURNING *`,
    [c.ref, c.residentId, c.category, c.target, c.handlerKind, c.handlerId, c.status, c.summary, c.originalText,
      JSON.stringify(c.decision), c.language, c.receivedAt],
  );
  return caseFromRow(res.rows[0]!);
}

export async function caseByRef(q: Queryable, ref: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRecord | null> {
  const res = await q.query(`SELECT * FROM cases WHERE ref = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [ref]);
  return res.rows[0] ? caseFromRow(res.rows[0]) : null;
}

export async function caseById(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRecord | null> {
  const res = await q.query(`SELECT * FROM cases WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return res.rows[0] ? caseFromRow(res.rows[0]) : null;
}

export async function casesForResident(q: Queryable, residentId: number): Promise<CaseRecord[]> {
  const res = await q.query('SELECT * FROM cases WHERE resident_id = $1 ORDER BY received_at DESC, id DESC', [residentId]);
  return res.rows.map(caseFromRow);
}

/** Columns a transition may change besides status and version. */
export interface CasePatch {
  /** The office turned a 信访外 case into a petition (`reassign` to a department while it reviews it). */
  category?: Category;
  /** A department reassigned by the office is the case's target from then on (the card showed the old code). */
  target?: TargetCode | null;
  handlerKind?: HandlerKind | null;
  handlerId?: string | null;
  urgent?: boolean;
  acceptedAt?: Date | null;
  repliedAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
}

const PATCH_COLUMNS: Record<keyof CasePatch, string> = {
  category: 'category',
  target: 'target',
  handlerKind: 'handler_kind',
  handlerId: 'handler_id',
  urgent: 'urgent',
  acceptedAt: 'accepted_at',
  repliedAt: 'replied_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};

/** Writes the new status and bumps the version; guarded on the version read under the row lock. */
export async function updateCase(
  q: Queryable,
  c: { id: number; version: number },
  status: CaseStatus,
  patch: CasePatch,
  now: Date,
): Promise<CaseRecord> {
  const sets = ['status = $3', 'version = version + 1', 'updated_at = $4'];
  const values: unknown[] = [c.id, c.version, status, now];
  for (const [k, col] of Object.entries(PATCH_COLUMNS) as [keyof CasePatch, string][]) {
    if (patch[k] === undefined) continue;
    values.push(patch[k]);
    sets.push(`${col} = $${values.length}`);
  }
  const res = await q.query(`UPDATE cases SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *`, values);
  if (!res.rows[0]) throw new Error(`case ${c.id} changed under its row lock`);
  return caseFromRow(res.rows[0]);
}

// ---- events

export async function insertEvent(
  q: Queryable,
  e: Omit<CaseEventRecord, 'id' | 'data'> & { data?: Record<string, unknown> },
): Promise<number> {
  const res = await q.query(
    `INSERT INTO case_events (case_id, at, actor_kind, actor_id, type, from_status, to_status, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [e.caseId, e.at, e.actorKind, e.actorId, e.type, e.fromStatus, e.toStatus, JSON.stringify(e.data ?? {})],
  );
  return res.rows[0]!.id;
}

/** Whether a command with this idempotency key already ran on the case. */
export async function hasEventWithKey(q: Queryable, caseId: number, key: string): Promise<boolean> {
  const res = await q.query(`SELECT 1 FROM case_events WHERE case_id = $1 AND data->>'idempotencyKey' = $2 LIMIT 1`, [caseId, key]);
  return res.rows.length > 0;
}

export async function eventsForCase(q: Queryable, caseId: number): Promise<CaseEventRecord[]> {
  const res = await q.query('SELECT * FROM case_events WHERE case_id = $1 ORDER BY id', [caseId]);
  return res.rows.map(toEvent);
}

export async function hasEvent(q: Queryable, caseId: number, type: string, dataMatch?: Record<string, unknown>): Promise<boolean> {
  const res = await q.query(
    `SELECT 1 FROM case_events WHERE case_id = $1 AND type = $2 AND data @> $3::jsonb LIMIT 1`,
    [caseId, type, JSON.stringify(dataMatch ?? {})],
  );
  return res.rows.length > 0;
}

// ---- referrals

export async function insertReferral(q: Queryable, r: { caseId: number; handlerKind: HandlerKind; handlerId: string; at: Date }): Promise<ReferralRecord> {
  const res = await q.query(
    `INSERT INTO referrals (case_id, handler_kind, handler_id, status, created_at) VALUES ($1, $2, $3, 'pending', $4) RETURNING *`,
    [r.caseId, r.handlerKind, r.handlerId, r.at],
  );
  return toReferral(res.rows[0]!);
}

/** The referral still in play (pending or accepted); at most one per case (unique index). */
export async function openReferral(q: Queryable, caseId: number): Promise<ReferralRecord | null> {
  const res = await q.query(`SELECT * FROM referrals WHERE case_id = $1 AND status IN ('pending', 'accepted')`, [caseId]);
  return res.rows[0] ? toReferral(res.rows[0]) : null;
}

export async function referralsForCase(q: Queryable, caseId: number): Promise<ReferralRecord[]> {
  const res = await q.query('SELECT * FROM referrals WHERE case_id = $1 ORDER BY id', [caseId]);
  return res.rows.map(toReferral);
}

export async function answerReferral(q: Queryable, id: number, status: ReferralStatus, at: Date, reason?: string | null): Promise<void> {
  await q.query('UPDATE referrals SET status = $2, answered_at = $3, reason = COALESCE($4, reason) WHERE id = $1', [id, status, at, reason ?? null]);
}

// ---- consents

export async function insertConsent(
  q: Queryable,
  c: { caseId: number; residentId: number; purpose: string; sharedFields: string[]; at: Date; organizationId?: string | null; textVersion?: string },
): Promise<ConsentRecord> {
  const res = await q.query(
    `INSERT INTO consents (case_id, resident_id, purpose, shared_fields, given_at, organization_id, text_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [c.caseId, c.residentId, c.purpose, c.sharedFields, c.at, c.organizationId ?? null, c.textVersion ?? 'unrecorded'],
  );
  return toConsentRecord(res.rows[0]!);
}

export async function activeConsent(q: Queryable, caseId: number, purpose: string): Promise<ConsentRecord | null> {
  const res = await q.query(
    `SELECT * FROM consents WHERE case_id = $1 AND purpose = $2 AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1`,
    [caseId, purpose],
  );
  return res.rows[0] ? toConsentRecord(res.rows[0]) : null;
}

export async function withdrawConsents(q: Queryable, caseId: number, at: Date): Promise<number> {
  const res = await q.query('UPDATE consents SET withdrawn_at = $2 WHERE case_id = $1 AND withdrawn_at IS NULL', [caseId, at]);
  return res.rowCount ?? 0;
}

// ---- satisfaction

export async function startSurveyRound(q: Queryable, caseId: number, at: Date): Promise<SatisfactionRecord> {
  const res = await q.query(
    `INSERT INTO satisfaction (case_id, round, asked_at)
     VALUES ($1, COALESCE((SELECT max(round) FROM satisfaction WHERE case_id = $1), 0) + 1, $2) RETURNING *`,
    [caseId, at],
  );
  return toSatisfaction(res.rows[0]!);
}

export async function latestSurveyRound(q: Queryable, caseId: number): Promise<SatisfactionRecord | null> {
  const res = await q.query('SELECT * FROM satisfaction WHERE case_id = $1 ORDER BY round DESC LIMIT 1', [caseId]);
  return res.rows[0] ? toSatisfaction(res.rows[0]) : null;
}

/** Records an answer once: returns false when the round was already answered. */
export async function answerSurvey(q: Queryable, id: number, rating: SatisfactionRating, comment: string | null, at: Date): Promise<boolean> {
  const res = await q.query(
    'UPDATE satisfaction SET rating = $2, comment = $3, answered_at = $4 WHERE id = $1 AND answered_at IS NULL',
    [id, rating, comment, at],
  );
  return (res.rowCount ?? 0) > 0;
}

// ---- read models for the web console (console/); lists and figures are in reportRepository.ts

export async function consentsForCase(q: Queryable, caseId: number): Promise<ConsentRecord[]> {
  const res = await q.query('SELECT * FROM consents WHERE case_id = $1 ORDER BY id', [caseId]);
  return res.rows.map(toConsentRecord);
}

export async function surveysForCase(q: Queryable, caseId: number): Promise<SatisfactionRecord[]> {
  const res = await q.query('SELECT * FROM satisfaction WHERE case_id = $1 ORDER BY round', [caseId]);
  return res.rows.map(toSatisfaction);
}
