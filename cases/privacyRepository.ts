import type { Queryable } from '../db/pool.js';
import type { Row } from './rows.js';
import { chatAlertKeyPatterns } from './officeAlerts.js';
import type { ResidentRecord } from './caseRepository.js';
import {
  DECISION_KEYS_KEPT,
  EVENT_KEYS_KEPT,
  RETAINED_STATUSES,
  type ErasureTrigger,
  type ExportCase,
  type ExportMessage,
  type ResidentExport,
} from './privacy.js';
import { OPEN_STATUSES } from './types.js';

/*
 * SQL of the data rights and the retention policy. Everything runs on the caller's Queryable (the
 * command's transaction). Anonymisation overwrites in place: no copy, hash or key of what was removed
 * is kept anywhere, so it cannot be undone or recomputed.
 */

type Channel = ResidentRecord['channel'];

export interface ErasableResident {
  id: number;
  channel: Channel;
  chatId: number | null;
  erasedAt: Date | null;
}

export interface PrivacyRepository {
  /** Everything held about (channel, externalId) and the conversation in `chatId`, as stored. */
  exportData(channel: Channel, externalId: string, chatId: number): Promise<Omit<ResidentExport, 'format' | 'exportedAt'>>;
  /** The resident row, locked for the erasure; null when there is none. */
  lockResident(channel: Channel, externalId: string): Promise<ErasableResident | null>;
  /** References of the resident's open cases. */
  openRefs(residentId: number): Promise<string[]>;
  /** Ids of the resident's cases not yet anonymised, locked. */
  casesToAnonymise(residentId: number): Promise<number[]>;
  /** Removes personal data and raw texts of these cases; keeps their aggregates. Returns their refs. */
  anonymiseCases(caseIds: number[], now: Date, trigger: ErasureTrigger, retentionDays?: number): Promise<string[]>;
  /**
   * Deletes every message to this private chat (pending ones are thereby cancelled); returns how many were
   * pending and written before `before` (not those the erasure itself just wrote, such as withdrawal notices).
   */
  deletePrivateMessages(channel: Channel, chatId: number, before?: Date): Promise<number>;
  /** Deletes delivered emergency and concern alerts about this chat (their parameters name it). */
  deleteChatAlerts(channel: Channel, chatId: number): Promise<number>;
  deleteConversationState(channel: Channel, chatId: number): Promise<number>;
  /** Deletes the resident row when no case refers to it, else removes its Telegram id and chat. */
  eraseResident(residentId: number, now: Date): Promise<'deleted' | 'anonymised'>;
  /** Finished cases last changed before `cutoff`, not anonymised, no clock running; locked, skipping locked ones. */
  casesPastRetention(cutoff: Date, limit: number): Promise<number[]>;
  /** Residents with nothing left that is not anonymised and no conversation since `cutoff`. */
  residentsPastRetention(cutoff: Date, limit: number): Promise<ErasableResident[]>;
  purgeConversationStates(cutoff: Date): Promise<number>;
  /** Delivered messages without a case (alerts) older than `cutoff`. */
  purgeCaselessMessages(cutoff: Date): Promise<number>;
}

export function pgPrivacyRepository(q: Queryable): PrivacyRepository {
  return {
    exportData: (channel, externalId, chatId) => exportData(q, channel, externalId, chatId),
    async lockResident(channel, externalId) {
      const r = await q.query('SELECT id, channel, chat_id, erased_at FROM residents WHERE channel = $1 AND external_id = $2 FOR UPDATE', [channel, externalId]);
      return r.rows[0] ? erasable(r.rows[0]) : null;
    },
    async openRefs(residentId) {
      const r = await q.query('SELECT ref FROM cases WHERE resident_id = $1 AND status = ANY($2::text[]) ORDER BY id', [residentId, OPEN_STATUSES]);
      return r.rows.map((x) => x.ref as string);
    },
    async casesToAnonymise(residentId) {
      const r = await q.query('SELECT id FROM cases WHERE resident_id = $1 AND anonymised_at IS NULL ORDER BY id FOR UPDATE', [residentId]);
      return r.rows.map((x) => Number(x.id));
    },
    anonymiseCases: (ids, now, trigger, days) => anonymiseCases(q, ids, now, trigger, days),
    async deletePrivateMessages(channel, chatId, before) {
      const r = await q.query(
        `DELETE FROM outbox WHERE channel = $1 AND chat_id = $2 AND chat_kind = 'private' RETURNING status, created_at`,
        [channel, chatId],
      );
      return r.rows.filter((x) => x.status === 'pending' && (!before || (x.created_at as Date).getTime() < before.getTime())).length;
    },
    async deleteChatAlerts(channel, chatId) {
      // The alerts and the summaries of held ones (cases/officeAlerts.ts). A pending alert is still
      // delivered: an emergency is never held back.
      const r = await q.query(
        `DELETE FROM outbox WHERE case_id IS NULL AND status <> 'pending' AND dedupe_key LIKE ANY($1::text[])`,
        [chatAlertKeyPatterns(channel, chatId)],
      );
      return r.rowCount ?? 0;
    },
    async deleteConversationState(channel, chatId) {
      const r = await q.query('DELETE FROM conversation_state WHERE channel = $1 AND chat_id = $2', [channel, chatId]);
      return r.rowCount ?? 0;
    },
    eraseResident: (id, now) => eraseResident(q, id, now),
    async casesPastRetention(cutoff, limit) {
      const r = await q.query(
        `SELECT c.id FROM cases c
          WHERE c.anonymised_at IS NULL AND c.status IN (${RETAINED_SQL}) AND c.updated_at < $1
            AND NOT EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = c.id AND k.stopped_at IS NULL)
          ORDER BY c.updated_at, c.id
          LIMIT $2
          FOR UPDATE OF c SKIP LOCKED`,
        [cutoff, limit],
      );
      return r.rows.map((x) => Number(x.id));
    },
    async residentsPastRetention(cutoff, limit) {
      const r = await q.query(
        `SELECT r.id, r.channel, r.chat_id, r.erased_at FROM residents r
          WHERE r.erased_at IS NULL AND r.created_at < $1
            AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = r.id AND c.anonymised_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM conversation_state s WHERE s.channel = r.channel AND s.chat_id = r.chat_id AND s.updated_at >= $1)
          ORDER BY r.id
          LIMIT $2
          FOR UPDATE OF r SKIP LOCKED`,
        [cutoff, limit],
      );
      return r.rows.map(erasable);
    },
    async purgeConversationStates(cutoff) {
      const r = await q.query('DELETE FROM conversation_state WHERE updated_at < $1', [cutoff]);
      return r.rowCount ?? 0;
    },
    async purgeCaselessMessages(cutoff) {
      const r = await q.query(`DELETE FROM outbox WHERE case_id IS NULL AND status <> 'pending' AND created_at < $1`, [cutoff]);
      return r.rowCount ?? 0;
    },
  };
}

const RETAINED_SQL = RETAINED_STATUSES.map((s) => `'${s}'`).join(', ');

const erasable = (r: Row): ErasableResident => ({
  id: Number(r.id),
  channel: r.channel,
  chatId: r.chat_id === null ? null : Number(r.chat_id),
  erasedAt: r.erased_at,
});

async function anonymiseCases(q: Queryable, ids: number[], now: Date, trigger: ErasureTrigger, retentionDays?: number): Promise<string[]> {
  if (ids.length === 0) return [];
  // The decision keeps what routed the case; redacted text, reasons, cues and citations go.
  const decisionKept = DECISION_KEYS_KEPT.map((k) => `'${k}', decision->'${k}'`).join(', ');
  const cases = await q.query(
    `UPDATE cases SET summary = '', original_text = '', anonymised_at = $2,
            decision = jsonb_strip_nulls(jsonb_build_object(${decisionKept},
              'crisis', CASE WHEN decision ? 'crisis' THEN jsonb_build_object('level', decision->'crisis'->'level', 'kinds', decision->'crisis'->'kinds') END))
      WHERE id = ANY($1::bigint[]) AND anonymised_at IS NULL
      RETURNING id, ref`,
    [ids, now],
  );
  const done = cases.rows.map((r) => Number(r.id));
  if (done.length === 0) return [];
  await q.query(
    `UPDATE case_events SET
        actor_id = CASE WHEN actor_kind = 'resident' THEN NULL ELSE actor_id END,
        data = COALESCE((SELECT jsonb_object_agg(e.k, e.v) FROM jsonb_each(case_events.data) AS e(k, v)
                          WHERE e.k = ANY($2::text[])
                             OR (e.k = 'reason' AND jsonb_typeof(e.v) = 'string' AND (e.v #>> '{}') ~ '^[a-z_]{1,40}$')), '{}'::jsonb)
      WHERE case_id = ANY($1::bigint[])`,
    [done, EVENT_KEYS_KEPT],
  );
  await q.query('UPDATE satisfaction SET comment = NULL WHERE case_id = ANY($1::bigint[]) AND comment IS NOT NULL', [done]);
  await q.query('UPDATE referrals SET reason = NULL WHERE case_id = ANY($1::bigint[]) AND reason IS NOT NULL', [done]);
  await q.query('UPDATE clocks SET extension_reason = NULL WHERE case_id = ANY($1::bigint[]) AND extension_reason IS NOT NULL', [done]);
  // Messages to the resident's chat go (pending ones are thereby cancelled); staff messages keep their key
  // and reference, not their text, and one still waiting that says more than the reference is cancelled.
  await q.query(`DELETE FROM outbox WHERE case_id = ANY($1::bigint[]) AND chat_kind = 'private'`, [done]);
  await q.query(
    `UPDATE outbox SET message = jsonb_strip_nulls(jsonb_build_object('key', message->'key', 'params', jsonb_strip_nulls(jsonb_build_object('ref', message->'params'->'ref')))),
                       status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
                       last_error = CASE WHEN status = 'pending' THEN 'cancelled: personal data erased' ELSE last_error END
      WHERE case_id = ANY($1::bigint[])
        AND (status <> 'pending' OR EXISTS (SELECT 1 FROM jsonb_object_keys(COALESCE(message->'params', '{}'::jsonb)) AS p(k) WHERE p.k <> 'ref'))`,
    [done],
  );
  await q.query(
    `INSERT INTO case_events (case_id, at, actor_kind, actor_id, type, from_status, to_status, data)
     SELECT c.id, $2, 'system', 'privacy', 'personal_data_erased', c.status, c.status, $3::jsonb
       FROM cases c WHERE c.id = ANY($1::bigint[])`,
    [done, now, JSON.stringify({ trigger, ...(retentionDays !== undefined ? { retentionDays } : {}) })],
  );
  return cases.rows.map((r) => r.ref as string);
}

async function eraseResident(q: Queryable, id: number, now: Date): Promise<'deleted' | 'anonymised'> {
  const used = await q.query('SELECT 1 FROM cases WHERE resident_id = $1 UNION ALL SELECT 1 FROM consents WHERE resident_id = $1 LIMIT 1', [id]);
  if (used.rows.length === 0) {
    await q.query('DELETE FROM residents WHERE id = $1', [id]);
    return 'deleted';
  }
  // The external id becomes a label derived from the row's own serial: nothing of the Telegram id remains.
  await q.query(`UPDATE residents SET external_id = 'erased-' || id, chat_id = NULL, erased_at = $2 WHERE id = $1`, [id, now]);
  return 'anonymised';
}

async function exportData(q: Queryable, channel: Channel, externalId: string, chatId: number): Promise<Omit<ResidentExport, 'format' | 'exportedAt'>> {
  const state = await q.query('SELECT state, updated_at FROM conversation_state WHERE channel = $1 AND chat_id = $2', [channel, chatId]);
  const conversationState = state.rows[0] ? { state: state.rows[0].state, updatedAt: state.rows[0].updated_at as Date } : null;
  const res = await q.query('SELECT id, channel, external_id, chat_id, language, created_at FROM residents WHERE channel = $1 AND external_id = $2', [channel, externalId]);
  const r = res.rows[0];
  const privateMessages = async (chat: number) =>
    (await q.query(
      // A kept upload of the export itself (message.document) is not a message the resident was sent.
      `SELECT o.*, c.ref FROM outbox o LEFT JOIN cases c ON c.id = o.case_id
        WHERE o.channel = $1 AND o.chat_id = $2 AND o.chat_kind = 'private' AND NOT (o.message ? 'document') ORDER BY o.id`,
      [channel, chat],
    )).rows;
  if (!r) return { resident: null, cases: [], messages: (await privateMessages(chatId)).map((m) => message(m, 'you')), conversationState };
  const residentId = Number(r.id);
  const cases = (await q.query('SELECT * FROM cases WHERE resident_id = $1 ORDER BY id', [residentId])).rows;
  const ids = cases.map((c) => Number(c.id));
  const byCase = async (sql: string) => {
    const rows = (await q.query(sql, [ids])).rows;
    const m = new Map<number, Row[]>();
    for (const row of rows) m.set(Number(row.case_id), [...(m.get(Number(row.case_id)) ?? []), row]);
    return (id: number) => m.get(id) ?? [];
  };
  const events = await byCase('SELECT * FROM case_events WHERE case_id = ANY($1::bigint[]) ORDER BY id');
  const referrals = await byCase('SELECT * FROM referrals WHERE case_id = ANY($1::bigint[]) ORDER BY id');
  const consents = await byCase('SELECT * FROM consents WHERE case_id = ANY($1::bigint[]) ORDER BY id');
  const surveys = await byCase('SELECT * FROM satisfaction WHERE case_id = ANY($1::bigint[]) ORDER BY round');
  const clocks = await byCase('SELECT * FROM clocks WHERE case_id = ANY($1::bigint[]) ORDER BY id');
  const residentChat = r.chat_id === null ? chatId : Number(r.chat_id);
  const staff = (await q.query(
    `SELECT o.*, c.ref FROM outbox o JOIN cases c ON c.id = o.case_id
      WHERE o.case_id = ANY($1::bigint[]) AND o.chat_kind = 'group' ORDER BY o.id`,
    [ids],
  )).rows;
  const mine = await privateMessages(residentChat);
  const messages = [...mine.map((m) => message(m, 'you')), ...staff.map((m) => message(m, groupRecipient(m)))].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    resident: { channel: r.channel, externalId: r.external_id, chatId: r.chat_id === null ? null : Number(r.chat_id), language: r.language, createdAt: r.created_at },
    cases: cases.map((c): ExportCase => {
      const { citations: _c, ...decision } = (c.decision ?? {}) as Record<string, unknown>;
      const id = Number(c.id);
      return {
        ref: c.ref,
        category: c.category,
        target: c.target,
        handlerKind: c.handler_kind,
        handlerId: c.handler_id,
        status: c.status,
        urgent: c.urgent,
        language: c.language,
        summary: c.summary,
        originalText: c.original_text,
        decision,
        receivedAt: c.received_at,
        acceptedAt: c.accepted_at,
        repliedAt: c.replied_at,
        resolvedAt: c.resolved_at,
        closedAt: c.closed_at,
        anonymisedAt: c.anonymised_at,
        events: events(id).map((e) => ({ at: e.at, actor: e.actor_kind, type: e.type, fromStatus: e.from_status, toStatus: e.to_status, data: e.data ?? {} })),
        referrals: referrals(id).map((x) => ({ handlerKind: x.handler_kind, handlerId: x.handler_id, status: x.status, reason: x.reason, createdAt: x.created_at, answeredAt: x.answered_at })),
        // Every column: the consent record may gain fields (organization, text version) without this code changing.
        consents: consents(id).map(({ id: _i, case_id: _cid, resident_id: _r, ...rest }) => rest),
        satisfaction: surveys(id).map((s) => ({ round: s.round, rating: s.rating, comment: s.comment, askedAt: s.asked_at, answeredAt: s.answered_at })),
        clocks: clocks(id).map((k) => ({ kind: k.kind, article: k.article, startsAt: k.starts_at, dueAt: k.due_at, stoppedAt: k.stopped_at, extensionReason: k.extension_reason })),
      };
    }),
    messages,
    conversationState,
  };
}

const groupRecipient = (m: Row): string => {
  const key = String(m.dedupe_key ?? '');
  const handler = /\|handler:(department|organization):([^|]+)\|/.exec(key);
  return handler ? `${handler[1]}:${handler[2]}` : 'office';
};

const message = (m: Row, to: string): ExportMessage => ({
  at: m.created_at,
  to,
  key: m.message?.key ?? '',
  params: m.message?.params ?? {},
  status: m.status,
  sentAt: m.sent_at,
  ref: m.ref ?? null,
});
