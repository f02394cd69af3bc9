import type {
  CaseEventRecord,
  CaseRecord,
  ConsentRecord,
  ReferralRecord,
  ResidentRecord,
  SatisfactionRecord,
} from '../../cases/caseRepository.js';
import type { ClockRecord } from '../../cases/clockRepository.js';
import type { ConsentRequestRecord } from '../../cases/consentRepository.js';
import type { OutboxRow } from '../../cases/outboxRepository.js';
import type { CaseRepositories, CaseStore, ReportRepository } from '../../cases/ports.js';
import type { PrivacyRepository } from '../../cases/privacyRepository.js';
import { formatRef, shanghaiDay } from '../../cases/refs.js';

/*
 * An in-memory CaseStore for unit tests of the case service ("small" tests): every port the commands use,
 * with the same contracts as the Postgres repositories (version guard, dedupe keys, one open referral), and
 * a transaction that restores everything when its work throws. Report queries a test does not need throw
 * instead of answering something plausible, so a test never passes on made-up data.
 */

interface State {
  residents: ResidentRecord[];
  cases: CaseRecord[];
  referrals: ReferralRecord[];
  consents: ConsentRecord[];
  consentRequests: ConsentRequestRecord[];
  surveys: SatisfactionRecord[];
  events: CaseEventRecord[];
  clocks: ClockRecord[];
  outbox: Array<OutboxRow & { id: number }>;
  refCounters: Record<string, number>;
  seq: number;
}

const copy = <T>(v: T): T => structuredClone(v);
const notFaked = (name: string) => () => {
  throw new Error(`fakeCaseStore: reports.${name} is not faked; add it when a test needs it`);
};

export interface FakeCaseStore extends CaseStore {
  /** What was written, for assertions (copies). */
  readonly data: Readonly<State>;
  /** How many transactions committed and rolled back. */
  readonly counts: { committed: number; rolledBack: number };
}

export function fakeCaseStore(): FakeCaseStore {
  let s: State = { residents: [], cases: [], referrals: [], consents: [], consentRequests: [], surveys: [], events: [], clocks: [], outbox: [], refCounters: {}, seq: 0 };
  const id = () => ++s.seq;
  const counts = { committed: 0, rolledBack: 0 };

  const reports: ReportRepository = {
    queue: notFaked('queue'),
    overdueClocks: notFaked('overdueClocks'),
    countCasesBy: notFaked('countCasesBy'),
    clockPunctuality: notFaked('clockPunctuality'),
    ratingCounts: notFaked('ratingCounts'),
    referralAnswers: notFaked('referralAnswers'),
    trendRows: notFaked('trendRows'),
    async loadByHandler(statuses) {
      const out: Record<string, number> = {};
      for (const c of s.cases) if (c.handlerId && statuses.includes(c.status)) out[c.handlerId] = (out[c.handlerId] ?? 0) + 1;
      return out;
    },
    async openReferralTo(ref, kind, handlerId) {
      const c = s.cases.find((x) => x.ref === ref);
      const r = c && s.referrals.find((x) => x.caseId === c.id && x.handlerKind === kind && x.handlerId === handlerId && ['pending', 'accepted'].includes(x.status));
      return c && r ? { caseId: c.id, referralId: r.id, referralStatus: r.status } : null;
    },
    async visibleToHandler(caseId, kind, handlerId) {
      return s.referrals.some((r) => r.caseId === caseId && r.handlerKind === kind && r.handlerId === handlerId && ['pending', 'accepted', 'completed'].includes(r.status));
    },
  };

  const repos: CaseRepositories = {
    residents: {
      async upsert(r) {
        const found = s.residents.find((x) => x.channel === r.channel && x.externalId === r.externalId);
        if (found) {
          found.language = r.language;
          if (r.chatId !== null) found.chatId = r.chatId;
          return copy(found);
        }
        const row: ResidentRecord = { id: id(), ...r };
        s.residents.push(row);
        return copy(row);
      },
      byId: async (rid) => copy(s.residents.find((x) => x.id === rid) ?? null),
      byExternalId: async (channel, ext) => copy(s.residents.find((x) => x.channel === channel && x.externalId === ext) ?? null),
      async withNewRef(rid, at) {
        const resident = s.residents.find((x) => x.id === rid);
        if (!resident) return null;
        const day = shanghaiDay(at);
        s.refCounters[day] = (s.refCounters[day] ?? 0) + 1;
        return { resident: copy(resident), ref: formatRef(at, s.refCounters[day]) };
      },
    },
    cases: {
      async insert(c) {
        if (s.cases.some((x) => x.ref === c.ref)) throw new Error(`duplicate ref ${c.ref}`);
        const row: CaseRecord = {
          ...c,
          id: id(),
          urgent: false,
          version: 1,
          acceptedAt: null,
          repliedAt: null,
          resolvedAt: null,
          closedAt: null,
          updatedAt: c.receivedAt,
          anonymisedAt: null,
        };
        s.cases.push(row);
        return copy(row);
      },
      byRef: async (ref) => copy(s.cases.find((x) => x.ref === ref) ?? null),
      forResident: async (rid) =>
        copy(s.cases.filter((x) => x.residentId === rid).sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id)),
      async update(c, status, patch, now) {
        const row = s.cases.find((x) => x.id === c.id && x.version === c.version);
        if (!row) throw new Error(`case ${c.id} changed under its row lock`);
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (row as unknown as Record<string, unknown>)[k] = v;
        Object.assign(row, { status, version: row.version + 1, updatedAt: now });
        return copy(row);
      },
      async insertReferral(r) {
        if (s.referrals.some((x) => x.caseId === r.caseId && ['pending', 'accepted'].includes(x.status))) throw new Error('one open referral per case');
        const row: ReferralRecord = { id: id(), caseId: r.caseId, handlerKind: r.handlerKind, handlerId: r.handlerId, status: 'pending', reason: null, createdAt: r.at, answeredAt: null };
        s.referrals.push(row);
        return copy(row);
      },
      openReferral: async (cid) => copy(s.referrals.find((x) => x.caseId === cid && ['pending', 'accepted'].includes(x.status)) ?? null),
      referrals: async (cid) => copy(s.referrals.filter((x) => x.caseId === cid)),
      async answerReferral(rid, status, at, reason) {
        const row = s.referrals.find((x) => x.id === rid)!;
        Object.assign(row, { status, answeredAt: at, reason: reason ?? row.reason });
      },
      async insertConsent(c) {
        const row: ConsentRecord = {
          id: id(), caseId: c.caseId, residentId: c.residentId, purpose: c.purpose, organizationId: c.organizationId ?? null,
          sharedFields: [...c.sharedFields], textVersion: c.textVersion ?? 'unrecorded', givenAt: c.at, withdrawnAt: null,
        };
        s.consents.push(row);
        return copy(row);
      },
      activeConsent: async (cid, purpose) =>
        copy(s.consents.filter((x) => x.caseId === cid && x.purpose === purpose && !x.withdrawnAt).at(-1) ?? null),
      async withdrawConsents(cid, at) {
        const open = s.consents.filter((x) => x.caseId === cid && !x.withdrawnAt);
        for (const x of open) x.withdrawnAt = at;
        return open.length;
      },
      consents: async (cid) => copy(s.consents.filter((x) => x.caseId === cid)),
      async startSurveyRound(cid, at) {
        const round = Math.max(0, ...s.surveys.filter((x) => x.caseId === cid).map((x) => x.round)) + 1;
        const row: SatisfactionRecord = { id: id(), caseId: cid, round, rating: null, comment: null, askedAt: at, answeredAt: null };
        s.surveys.push(row);
        return copy(row);
      },
      latestSurveyRound: async (cid) => copy(s.surveys.filter((x) => x.caseId === cid).sort((a, b) => b.round - a.round)[0] ?? null),
      async answerSurvey(sid, rating, comment, at) {
        const row = s.surveys.find((x) => x.id === sid && !x.answeredAt);
        if (!row) return false;
        Object.assign(row, { rating, comment, answeredAt: at });
        return true;
      },
      surveys: async (cid) => copy(s.surveys.filter((x) => x.caseId === cid).sort((a, b) => a.round - b.round)),
    },
    events: {
      async insert(e) {
        const row: CaseEventRecord = { ...e, id: id(), data: copy(e.data ?? {}) };
        s.events.push(row);
        return row.id;
      },
      hasKey: async (cid, key) => s.events.some((e) => e.caseId === cid && e.data.idempotencyKey === key),
      has: async (cid, type, match = {}) =>
        s.events.some((e) => e.caseId === cid && e.type === type && Object.entries(match).every(([k, v]) => JSON.stringify(e.data[k]) === JSON.stringify(v))),
      forCase: async (cid) => copy(s.events.filter((e) => e.caseId === cid)),
    },
    clocks: {
      async start(cid, spec, now, opts = {}) {
        if (!opts.newCase) await repos.clocks.stop(cid, [spec.kind], now, 'superseded');
        const row: ClockRecord = {
          id: id(),
          caseId: cid,
          kind: spec.kind,
          article: spec.article,
          startsAt: spec.startsAt,
          dueAt: spec.dueAt,
          remindAt: spec.remindAt,
          remindedAt: null,
          escalatedAt: null,
          stoppedAt: null,
          stopReason: null,
          extendedAt: null,
          extensionReason: null,
        };
        s.clocks.push(row);
        return copy(row);
      },
      async stop(cid, kinds, now, reason) {
        const running = s.clocks.filter((k) => k.caseId === cid && !k.stoppedAt && (kinds === 'all' || kinds.includes(k.kind)));
        for (const k of running) Object.assign(k, { stoppedAt: now, stopReason: reason });
        return running.length;
      },
      running: async (cid, kind) => copy(s.clocks.find((k) => k.caseId === cid && k.kind === kind && !k.stoppedAt) ?? null),
      async extend(kid, spec, reason, now) {
        const k = s.clocks.find((x) => x.id === kid)!;
        Object.assign(k, { dueAt: spec.dueAt, remindAt: spec.remindAt, extendedAt: now, extensionReason: reason, remindedAt: null, escalatedAt: null });
        return copy(k);
      },
      forCase: async (cid) => copy(s.clocks.filter((k) => k.caseId === cid)),
    },
    consents: {
      activeFor: async (cid, org) => copy(s.consents.filter((x) => x.caseId === cid && x.organizationId === org && !x.withdrawnAt).at(-1) ?? null),
      async ask(r) {
        for (const x of s.consentRequests) if (x.caseId === r.caseId && !x.answer) Object.assign(x, { answer: 'superseded', answeredAt: r.askedAt });
        const row: ConsentRequestRecord = { ...copy(r), id: id(), answer: null, answeredAt: null };
        s.consentRequests.push(row);
        return copy(row);
      },
      request: async (rid) => copy(s.consentRequests.find((x) => x.id === rid) ?? null),
      openRequest: async (cid) => copy(s.consentRequests.filter((x) => x.caseId === cid && !x.answer).at(-1) ?? null),
      async answer(rid, answer, at) {
        const row = s.consentRequests.find((x) => x.id === rid && !x.answer);
        if (!row) return false;
        Object.assign(row, { answer, answeredAt: at });
        return true;
      },
      async supersedeOpen(cid, at) {
        const open = s.consentRequests.filter((x) => x.caseId === cid && !x.answer);
        for (const x of open) Object.assign(x, { answer: 'superseded', answeredAt: at });
        return open.length;
      },
      requests: async (cid) => copy(s.consentRequests.filter((x) => x.caseId === cid)),
      // The in-memory outbox never sends: withdrawal only has pending rows to forget.
      async retract(cid) {
        const before = s.outbox.length;
        s.outbox = s.outbox.filter((x) => !(x.caseId === cid && x.dedupeKey.includes('|handler:organization:')));
        return { cancelled: before - s.outbox.length, replaced: 0, deliveredTo: [] };
      },
    },
    outbox: {
      async insert(rows) {
        let n = 0;
        for (const r of rows) {
          if (s.outbox.some((x) => x.dedupeKey === r.dedupeKey)) continue;
          s.outbox.push({ ...copy(r), id: id() });
          n++;
        }
        return n;
      },
      forCase: async (cid) =>
        s.outbox
          .filter((x) => x.caseId === cid)
          .map((x) => ({ id: x.id, chatKind: x.chatKind, language: x.language, message: copy(x.message), status: 'pending' as const, createdAt: x.notBefore, sentAt: null })),
    },
    reports,
    // The data rights run on Postgres only (tests/integration/privacy-rights.test.ts).
    privacy: new Proxy({} as PrivacyRepository, { get: (_t, name) => notFaked(`privacy.${String(name)}`) }),
  };

  return {
    ...repos,
    async transaction(fn) {
      const saved = copy(s);
      try {
        const out = await fn(repos);
        counts.committed++;
        return out;
      } catch (err) {
        s = saved;
        counts.rolledBack++;
        throw err;
      }
    },
    get data() {
      return copy(s);
    },
    counts,
  };
}
