import type { Queryable } from '../db/pool.js';
import { toConsentRecord, type ConsentRecord } from './caseRepository.js';
import type { Row } from './rows.js';
import type { OutboxMessage } from './types.js';
import { insertOutboxRow } from './outboxRepository.js';

/*
 * SQL for consent beyond the consent rows themselves: the questions about another organization
 * (consent_requests), the consent standing for one organization, and what a withdrawal does to the
 * outbox (cancel what has not gone out, replace what has). Also the dispatcher's checks at send time.
 */

export type ConsentAnswer = 'given' | 'declined' | 'superseded';

export interface ConsentRequestRecord {
  id: number;
  caseId: number;
  organizationId: string;
  purpose: string;
  sharedFields: string[];
  textVersion: string;
  askedAt: Date;
  answer: ConsentAnswer | null;
  answeredAt: Date | null;
}

export type NewConsentRequest = Pick<ConsentRequestRecord, 'caseId' | 'organizationId' | 'purpose' | 'sharedFields' | 'textVersion' | 'askedAt'>;

const toRequest = (r: Row): ConsentRequestRecord => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  organizationId: r.organization_id,
  purpose: r.purpose,
  sharedFields: r.shared_fields,
  textVersion: r.text_version,
  askedAt: r.asked_at,
  answer: r.answer,
  answeredAt: r.answered_at,
});

/** Rows addressed to an organization (`recipient` since 20261206T0910; the dedupe key for older rows). */
const TO_ORGANIZATION = `(o.recipient LIKE 'handler:organization:%' OR o.dedupe_key LIKE '%|handler:organization:%')`;

export async function activeConsentFor(q: Queryable, caseId: number, organizationId: string): Promise<ConsentRecord | null> {
  const res = await q.query(
    'SELECT * FROM consents WHERE case_id = $1 AND organization_id = $2 AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1',
    [caseId, organizationId],
  );
  return res.rows[0] ? toConsentRecord(res.rows[0]) : null;
}

export async function supersedeOpenRequests(q: Queryable, caseId: number, at: Date): Promise<number> {
  const res = await q.query(
    `UPDATE consent_requests SET answer = 'superseded', answered_at = $2 WHERE case_id = $1 AND answer IS NULL`,
    [caseId, at],
  );
  return res.rowCount ?? 0;
}

export async function askConsent(q: Queryable, r: NewConsentRequest): Promise<ConsentRequestRecord> {
  await supersedeOpenRequests(q, r.caseId, r.askedAt);
  const res = await q.query(
    `INSERT INTO consent_requests (case_id, organization_id, purpose, shared_fields, text_version, asked_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [r.caseId, r.organizationId, r.purpose, r.sharedFields, r.textVersion, r.askedAt],
  );
  return toRequest(res.rows[0]!);
}

export async function consentRequest(q: Queryable, id: number): Promise<ConsentRequestRecord | null> {
  const res = await q.query('SELECT * FROM consent_requests WHERE id = $1', [id]);
  return res.rows[0] ? toRequest(res.rows[0]) : null;
}

export async function openConsentRequest(q: Queryable, caseId: number): Promise<ConsentRequestRecord | null> {
  const res = await q.query('SELECT * FROM consent_requests WHERE case_id = $1 AND answer IS NULL ORDER BY id DESC LIMIT 1', [caseId]);
  return res.rows[0] ? toRequest(res.rows[0]) : null;
}

/** Records the answer once: false when the question was already answered (or superseded). */
export async function answerConsentRequest(q: Queryable, id: number, answer: ConsentAnswer, at: Date): Promise<boolean> {
  const res = await q.query('UPDATE consent_requests SET answer = $2, answered_at = $3 WHERE id = $1 AND answer IS NULL', [id, answer, at]);
  return (res.rowCount ?? 0) > 0;
}

export async function consentRequestsForCase(q: Queryable, caseId: number): Promise<ConsentRequestRecord[]> {
  const res = await q.query('SELECT * FROM consent_requests WHERE case_id = $1 ORDER BY id', [caseId]);
  return res.rows.map(toRequest);
}

/**
 * Consent withdrawn: every row of the case to an organization that has not gone out is cancelled (a
 * row being sent right now is cancelled too; the dispatcher replaces it once its send returns), and
 * every card delivered to an organization gets an edit that replaces it with `replacement`.
 */
export async function retractOrganizationMessages(
  q: Queryable,
  caseId: number,
  replacement: OutboxMessage,
  at: Date,
): Promise<{ cancelled: number; replaced: number; deliveredTo: string[] }> {
  const cancelled = await q.query(
    `UPDATE outbox o SET status = 'cancelled', last_error = 'consent withdrawn' WHERE o.case_id = $1 AND o.status = 'pending' AND ${TO_ORGANIZATION}`,
    [caseId],
  );
  const delivered = await q.query(
    `SELECT o.id, o.chat_id, o.external_message_id, o.message->>'consentOf' AS org FROM outbox o
     WHERE o.case_id = $1 AND o.status = 'sent' AND o.message ? 'consentOf' AND o.external_message_id IS NOT NULL AND o.chat_id IS NOT NULL
     ORDER BY o.id`,
    [caseId],
  );
  let replaced = 0;
  for (const d of delivered.rows) {
    if (await insertReplacement(q, caseId, Number(d.id), Number(d.chat_id), Number(d.external_message_id), String(d.org), replacement, at)) replaced++;
  }
  return { cancelled: cancelled.rowCount ?? 0, replaced, deliveredTo: [...new Set(delivered.rows.map((d) => String(d.org)))] };
}

async function insertReplacement(
  q: Queryable,
  caseId: number,
  outboxId: number,
  chatId: number,
  messageId: number,
  organizationId: string,
  replacement: OutboxMessage,
  at: Date,
): Promise<number | null> {
  return insertOutboxRow(q, {
    caseId,
    channel: 'telegram',
    chatId,
    chatKind: 'group',
    language: 'zh-Hans',
    message: { ...replacement, replaces: messageId },
    dedupeKey: `consent-retract:${outboxId}`,
    notBefore: at,
    recipient: `handler:organization:${organizationId}`,
  });
}

// ---- the dispatcher's side (workers/outbox.ts)

/** Whether the resident's consent to `organizationId` on the case still stands (checked just before sending). */
export async function consentStands(q: Queryable, caseId: number | null, organizationId: string): Promise<boolean> {
  if (caseId === null) return false;
  const res = await q.query('SELECT 1 FROM consents WHERE case_id = $1 AND organization_id = $2 AND withdrawn_at IS NULL LIMIT 1', [caseId, organizationId]);
  return res.rows.length > 0;
}

/**
 * A card that went out while its consent was being withdrawn (the row was cancelled during the send):
 * queues the edit that replaces it. Returns the new row's id (null: already queued).
 */
export async function replaceSentCard(
  q: Queryable,
  row: { outboxId: number; caseId: number; chatId: number; messageId: number; organizationId: string; ref: string },
  at: Date,
): Promise<number | null> {
  return insertReplacement(q, row.caseId, row.outboxId, row.chatId, row.messageId, row.organizationId, CARD_WITHDRAWN(row.ref), at);
}

/** What replaces an organization's card once the resident withdrew consent (i18n/consent.ts). */
export const CARD_WITHDRAWN = (ref: string): OutboxMessage => ({ key: 'consent.handler.card_withdrawn', params: { ref } });
