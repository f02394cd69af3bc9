/**
 * The resident conversation's state between steps: its schema and limits, and how it is read (with
 * the resident, in one coalesced statement) and written (optimistically, once per update).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import type { ResidentRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import type { Pool } from '../db/pool.js';
import { Coalescer, ConversationStore, MAX_STATE_BYTES, sqlLiteral, type ConversationSnapshot } from './store.js';
import { residentName, type Directory } from '../directory/directory.js';
import type { Language } from '../kernel/language.js';
import type { Reply, ResidentRef } from './types.js';

/**
 * Longest text kept from one message (and for a petition with its added details): the state row (MAX_STATE_BYTES,
 * 16 kB) holds a waiting text twice, as written and redacted, at up to 3 bytes a character. A longer message is
 * not refused: its start is kept (./residentLength.ts).
 */
export const MAX_TEXT_CHARS = 2000;
/** How much of an over-long text is still read for danger (Telegram's own cap is 4,096 characters). */
export const MAX_EMERGENCY_SCAN_CHARS = 8000;
/** A question or offer left unanswered longer than this is forgotten. */
export const PENDING_TTL_MS = 30 * 60 * 1000;
/** The matter kept behind an emergency reply waits longer: someone in danger may come back to it the next day. */
export const AFTER_EMERGENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An offer the resident said no to is not made again for this long: the rest of that day's conversation. */
export const REFUSED_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a concern reply is remembered: a denial within it answers that reply and raises no second office note. */
export const CONCERN_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an emergency reply may wait for the office alert's write before going out anyway. */
export const ALERT_WRITE_BUDGET_MS = 1500;
const SEEN_UPDATES = 30;
const STATE_ATTEMPTS = 4;

/**
 * The "yes, submit" button of a petition. `consent_yes` is still accepted for it so buttons sent
 * before `confirm` existed keep working.
 */
export const CONFIRM_ACTION = 'confirm';

// ---------------------------------------------------------------------------------------------------
// Conversation state (one row per channel and chat)

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{6,32}$/);
const decisionSchema = z.record(z.string(), z.unknown());
const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clarify'), at: z.number(), text: z.string() }),
  // `held`: a message that read as another matter, kept until the resident says whether it belongs here.
  z.object({ kind: z.literal('petition'), at: z.number(), token: tokenSchema, text: z.string(), decision: decisionSchema, held: z.string().optional() }),
  z.object({
    kind: z.literal('consent'),
    at: z.number(),
    token: tokenSchema,
    text: z.string(),
    decision: decisionSchema,
    purpose: z.enum(['legal_aid', 'service']),
    /** The organization the offer named and the text it was made in: what a yes consents to (optional in older states). */
    org: z.string().max(100).optional(),
    textKey: z.string().max(100).optional(),
    /** The runner-up service a resident may ask for instead (`consent_other`), when the first was not clearly ahead. */
    alt: z.string().max(40).optional(),
  }),
  z.object({ kind: z.literal('inquiry'), at: z.number(), token: tokenSchema, text: z.string(), decision: decisionSchema }),
  // An offer the resident said no to, kept for one message: "还是帮我转介吧" brings it back (it had been read as a new matter),
  // "有没有别的机构" offers the next organization (`org`: the one declined; optional in older states).
  z.object({
    kind: z.literal('declined'),
    at: z.number(),
    text: z.string(),
    decision: decisionSchema,
    purpose: z.enum(['legal_aid', 'service']).optional(),
    org: z.string().max(100).optional(),
  }),
  z.object({ kind: z.literal('attach'), at: z.number(), token: tokenSchema, ref: z.string(), text: z.string(), decision: decisionSchema }),
  z.object({ kind: z.literal('comment'), at: z.number(), ref: z.string() }),
  // 复查 (conversation/residentReview.ts): the next text is the reason for the review of `ref`.
  z.object({ kind: z.literal('review'), at: z.number(), ref: z.string() }),
  // /privacy (conversation/privacy.ts): the next text is a correction; an erasure waits for its confirmation.
  z.object({ kind: z.literal('correction'), at: z.number(), token: tokenSchema }),
  z.object({ kind: z.literal('erase'), at: z.number(), token: tokenSchema, open: z.array(z.string()).max(200) }),
]);
export type Pending = z.infer<typeof pendingSchema>;
/**
 * The matter said in the same message as a danger (conversation/residentEmergency.ts), behind one button. Kept
 * beside the pending step, not as one: "低保怎么申请" or "I called the hotline" typed meanwhile had replaced it, and
 * the unpaid wages were lost within minutes although they were to wait a day.
 */
const keptSchema = z.object({ at: z.number(), token: tokenSchema, text: z.string(), decision: decisionSchema });
export type Kept = z.infer<typeof keptSchema>;
/**
 * What the resident said no to in this conversation (REFUSED_TTL_MS after the latest no): the organizations declined,
 * so that "有没有别的机构" is never answered with one of them, and legal aid, so that it is not offered again with
 * every message about the same dispute (it had come back after each one).
 */
const refusedSchema = z.object({ at: z.number(), orgs: z.array(z.string().max(100)).max(30), legalAid: z.boolean().optional() });
export type Refused = z.infer<typeof refusedSchema>;
export const residentStateSchema = z.object({
  pending: pendingSchema.nullable().optional(),
  /**
   * When the resident was last given the concern reply (and the office its note): a denial that follows ("我没有想不开",
   * "I'm not going to hurt myself") is an answer to it, not a second concern (conversation/residentDenial.ts).
   */
  concern: z.object({ at: z.number() }).optional(),
  kept: keptSchema.optional(),
  refused: refusedSchema.optional(),
  seen: z.array(z.number()).optional(),
  /**
   * The replies planned for the latest update, written with it: a redelivery of that update after a
   * crash (its replies may never have gone out) gets them again instead of nothing.
   */
  last: z.object({ updateId: z.number(), replies: z.array(z.record(z.string(), z.unknown())) }).optional(),
});
export type ResidentState = z.infer<typeof residentStateSchema>;

export interface Plan {
  /** Replies that need no side effect. */
  replies: Reply[];
  pending: Pending | null;
  /** The matter kept beside an emergency: a new one, null once taken up, undefined to leave it as it is. */
  kept?: Kept | null;
  /** What the resident has said no to: the new record, or undefined to leave it as it is. */
  refused?: Refused;
  /** The resident asked for this offer (a yes in words, another organization): made even if refused before. */
  offerAnyway?: boolean;
  /** A concern reply goes out with this plan: the time it was told, kept for the denial that may follow. */
  concernAt?: number;
  /** Runs only after the state write won: at most once per button or message. */
  effect?: () => Promise<Reply[]>;
}

export const r = (key: string, params?: Reply['params'], extra: Partial<Reply> = {}): Reply => ({ key, ...(params ? { params } : {}), ...extra });

/**
 * What still waits for a button, said again under the answer to a command typed meanwhile ("要多久？", "转人工"):
 * the answer had left a 信访外 offer without its buttons, and the resident did not know it still waited.
 */
/** The button of the matter kept beside an emergency, offered again ("我没事了", a thank-you). */
export const keptButton = (k: Kept): Reply => r('conversation.emergency.matter_still', undefined, { actions: ['resume_matter'], token: k.token });

export function stillWaiting(pending: Pending | null | undefined, lang: Language, directory: Directory, key = 'conversation.consent.still_waiting'): Reply[] {
  // With a held message, its 补充 button too: typing 确认提交 there had left only confirm and cancel.
  if (pending?.kind === 'petition') return [r('conversation.petition.still_waiting', undefined, { actions: [...(pending.held ? ['add_detail'] : []), CONFIRM_ACTION, 'cancel'], token: pending.token })];
  // The attach offer too: answered meanwhile (a privacy question, the office's question), its buttons had gone, and a
  // bare "2" afterwards opened the privacy correction.
  if (pending?.kind === 'attach') return [r('conversation.attach.offer', { ref: pending.ref }, { actions: ['attach_yes', 'attach_no'], token: pending.token })];
  if (pending?.kind !== 'consent') return [];
  const org = pending.org ? directory.organization(pending.org) : undefined;
  return org ? [r(key, { org: residentName(org, lang) }, { actions: ['consent_yes', 'consent_no'], token: pending.token })] : [];
}

export interface StateDeps {
  cases: Pick<CaseService, 'upsertResident'>;
  pool: Pool;
  clock: Clock;
  store?: ConversationStore<ResidentState>;
}

export class ResidentStateAccess {
  readonly store: ConversationStore<ResidentState>;
  /** Concurrent messages' resident-and-state reads, coalesced into one statement (see Coalescer). */
  private readonly loads = new Coalescer<LoadKey, LoadRow | undefined>(
    (keys) => this.loadMany(keys),
    async (k) => (await this.deps.pool.query<LoadRow>(loadSql(`(SELECT 0 AS i, ${sqlLiteral(k.channel)} AS c, ${sqlLiteral(k.externalId)} AS e, ${sqlLiteral(k.chat)}::bigint AS id) AS k`))).rows[0],
    () => String(this.loadSeq++),
  );
  private loadSeq = 0;

  constructor(private readonly deps: StateDeps) {
    this.store = deps.store ?? new ConversationStore<ResidentState>(deps.pool, deps.clock, residentStateSchema);
  }

  async resident(ref: ResidentRef): Promise<ResidentRecord> {
    return this.deps.cases.upsertResident({ channel: ref.channel, externalId: ref.externalId, chatId: this.chatKey(ref), language: ref.language });
  }

  async loadMany(keys: LoadKey[]): Promise<Array<LoadRow | undefined>> {
    const rows = keys.map((k, i) => ({ i, c: k.channel, e: k.externalId, id: k.chat }));
    const r = await this.deps.pool.query<LoadRow>(loadSql(`jsonb_to_recordset(${sqlLiteral(JSON.stringify(rows))}::jsonb) AS k(i int, c text, e text, id bigint)`));
    const byIndex = new Map(r.rows.map((x) => [Number(x.i), x]));
    return keys.map((_, i) => byIndex.get(i));
  }

  /**
   * The resident and the conversation state in one read: what every message and button needs first.
   * The resident row is written (CaseService.upsertResident) only when it is new or its chat or
   * language changed, so an ordinary message costs this one statement before its state write.
   */
  async residentAndState(ref: ResidentRef): Promise<{ resident: ResidentRecord; snapshot: ConversationSnapshot<ResidentState> }> {
    const chat = this.chatKey(ref);
    this.store.assertKey(ref.channel, chat);
    if (typeof ref.externalId !== 'string' || ref.externalId === '') return { resident: await this.resident(ref), snapshot: await this.store.get(ref.channel, chat) };
    const row = await this.loads.push({ channel: ref.channel, externalId: ref.externalId, chat });
    const snapshot = this.store.snapshotOf(row);
    if (!row || row.id === null || row.chat_id === null || Number(row.chat_id) !== chat || row.language !== ref.language) {
      return { resident: await this.resident(ref), snapshot };
    }
    return { resident: { id: row.id, channel: ref.channel, externalId: ref.externalId, chatId: chat, language: ref.language }, snapshot };
  }

  /** The chat the conversation lives in; a channel without chat ids gets a stable number from the resident id. */
  chatKey(ref: ResidentRef): number {
    if (ref.chatId !== null && Number.isSafeInteger(ref.chatId)) return ref.chatId;
    const n = Number(ref.externalId);
    if (Number.isSafeInteger(n)) return n;
    return crypto.createHash('sha256').update(ref.externalId).digest().readUInt32BE(0);
  }

  now(): number {
    return this.deps.clock.now().getTime();
  }

  live(p: Pending | null | undefined): Pending | null {
    if (!p) return null;
    return this.now() - p.at > PENDING_TTL_MS ? null : p;
  }

  /** The matter kept beside an emergency, while it is fresh enough to take up. */
  kept(s: ResidentState | null | undefined): Kept | null {
    const k = s?.kept;
    return k && this.now() - k.at <= AFTER_EMERGENCY_TTL_MS ? k : null;
  }

  /** Whether the concern reply was given recently enough for a denial to be an answer to it. */
  concernTold(s: ResidentState | null | undefined): boolean {
    const c = s?.concern;
    return !!c && this.now() - c.at <= CONCERN_TTL_MS;
  }

  /** What the resident said no to in this conversation, while it counts. */
  refused(s: ResidentState | null | undefined): Refused | null {
    const x = s?.refused;
    return x && this.now() - x.at <= REFUSED_TTL_MS ? x : null;
  }

  /** The record of refusals with one more: the organization offered, and legal aid when that was the offer. */
  refusing(s: ResidentState | null | undefined, offer: { org?: string; purpose?: 'legal_aid' | 'service' }): Refused {
    const before = this.refused(s);
    const orgs = [...new Set([...(before?.orgs ?? []), ...(offer.org ? [offer.org] : [])])].slice(-30);
    const legalAid = before?.legalAid === true || offer.purpose === 'legal_aid';
    return { at: this.now(), orgs, ...(legalAid ? { legalAid } : {}) };
  }

  /**
   * Read the state, plan, write the state (optimistically), then run the plan's effect. A message or
   * button seen before (same update id) does nothing; a lost write race plans again from the new state.
   */
  async withState(
    ref: ResidentRef,
    updateId: number | undefined,
    first: ConversationSnapshot<ResidentState> | undefined,
    plan: (s: ResidentState | null) => Promise<Plan>,
  ): Promise<Reply[]> {
    const chat = this.chatKey(ref);
    for (let i = 0; i < STATE_ATTEMPTS; i++) {
      // The first attempt may use a snapshot read together with the resident; a retry reads afresh.
      const snap: ConversationSnapshot<ResidentState> = i === 0 && first ? first : await this.store.get(ref.channel, chat);
      if (updateId !== undefined && snap.state?.seen?.includes(updateId)) {
        // Handled before: a duplicate (Redis down) or a redelivery after a crash. Answering twice beats not answering.
        return snap.state.last?.updateId === updateId ? (snap.state.last.replies as unknown as Reply[]) : [];
      }
      let p = await plan(snap.state);
      const seen = updateId === undefined ? (snap.state?.seen ?? []) : [...(snap.state?.seen ?? []), updateId].slice(-SEEN_UPDATES);
      const kept = p.kept === undefined ? this.kept(snap.state) : p.kept;
      const refused = p.refused ?? this.refused(snap.state);
      if (refused) p = withoutRefusedOffer(p, refused);
      const concern = p.concernAt !== undefined ? { at: p.concernAt } : this.concernTold(snap.state) ? snap.state!.concern : undefined;
      const next: ResidentState = { pending: p.pending, seen, ...(kept ? { kept } : {}), ...(refused ? { refused } : {}), ...(concern ? { concern } : {}) };
      // Files (the /privacy export) are never stored; a state too big to carry its replies goes without them.
      const last = updateId !== undefined && !p.replies.some((x) => x.document) ? { updateId, replies: p.replies as unknown as Array<Record<string, unknown>> } : undefined;
      const withLast = last && Buffer.byteLength(JSON.stringify({ ...next, last })) <= MAX_STATE_BYTES / 2 ? { ...next, last } : next;
      const w = await this.store.set(ref.channel, chat, withLast, snap.version);
      if (!w.ok) continue;
      const more = p.effect ? await p.effect() : [];
      return [...p.replies, ...more];
    }
    return [r('conversation.error.busy')];
  }
}

/** Legal aid asked for in so many words ("我想申请法律援助", "I want legal aid after all"), not refused ("不需要法律援助"). */
const ASKS_LEGAL_AID = /法律援助|法援|legal\s+aid/i;
const REFUSES_LEGAL_AID = /(?:不|唔|冇|没|沒)(?:需要|要|使|用|想)(?:什么|咩)?(?:法律援助|法援)|\b(?:no|don'?t|do\s+not|dont)\b[^.,;!?]{0,20}legal\s+aid/i;
export const asksForLegalAid = (text: string): boolean => ASKS_LEGAL_AID.test(text) && !REFUSES_LEGAL_AID.test(text);

/**
 * A plan without the legal-aid offer the resident already declined in this conversation: every later message about
 * the same dispute (a detail, "公司还欠我加班费，我想去仲裁") had brought the offer back with its buttons. The channel
 * and its basis are still answered. Made again only when asked for: a yes in words, another organization, or legal
 * aid named in the message itself.
 */
function withoutRefusedOffer(p: Plan, refused: Refused): Plan {
  const offer = p.pending;
  if (!refused.legalAid || p.offerAnyway || offer?.kind !== 'consent' || offer.purpose !== 'legal_aid' || asksForLegalAid(offer.text)) return p;
  // The matter stays as after 不同意, so that the account goes on: "我还是想申请法律援助" after a detail had been read
  // alone (a court channel, not the labour one) and the legal-aid case registered held only those words.
  const declined: Pending = { kind: 'declined', at: offer.at, text: offer.text, decision: offer.decision, purpose: offer.purpose, ...(offer.org ? { org: offer.org } : {}) };
  return { ...p, replies: p.replies.filter((x) => x.token !== offer.token), pending: declined };
}

interface LoadKey {
  channel: ResidentRef['channel'];
  externalId: string;
  chat: number;
}

interface LoadRow {
  i: number;
  id: number | null;
  chat_id: number | string | null;
  language: string | null;
  state: unknown;
  version: number | null;
  updated_at: Date | null;
}

/** Residents and conversation states for a set of keys `k(i, c, e, id)`, one row per key. Simple protocol: literals only (sqlLiteral). */
function loadSql(keys: string): string {
  return `SELECT k.i, r.id, r.chat_id, r.language, s.state, s.version, s.updated_at
            FROM ${keys}
            LEFT JOIN residents r ON r.channel = k.c AND r.external_id = k.e
            LEFT JOIN conversation_state s ON s.channel = k.c AND s.chat_id = k.id`;
}

