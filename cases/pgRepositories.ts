import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import * as repo from './caseRepository.js';
import * as clocks from './clockRepository.js';
import * as consent from './consentRepository.js';
import { enqueueOutbox, insertOutboxRows } from './outboxRepository.js';
import type { CaseRepositories, CaseStore } from './ports.js';
import { pgPrivacyRepository } from './privacyRepository.js';
import * as reports from './reportRepository.js';

/** The case ports on Postgres, every call on `q` (the pool, or an open transaction's client). */
export function pgRepositories(q: Queryable): CaseRepositories {
  return {
    residents: {
      upsert: (r) => repo.upsertResident(q, r),
      byId: (id) => repo.residentById(q, id),
      byExternalId: (channel, externalId) => repo.residentByExternalId(q, channel, externalId),
      withNewRef: (id, at) => repo.residentWithNewRef(q, id, at),
    },
    cases: {
      insert: (c) => repo.insertCase(q, c),
      byRef: (ref, opts) => repo.caseByRef(q, ref, opts),
      forResident: (id) => repo.casesForResident(q, id),
      update: (c, status, patch, now) => repo.updateCase(q, c, status, patch, now),
      insertReferral: (r) => repo.insertReferral(q, r),
      openReferral: (id) => repo.openReferral(q, id),
      referrals: (id) => repo.referralsForCase(q, id),
      answerReferral: (id, status, at, reason) => repo.answerReferral(q, id, status, at, reason),
      insertConsent: (c) => repo.insertConsent(q, c),
      activeConsent: (id, purpose) => repo.activeConsent(q, id, purpose),
      withdrawConsents: (id, at) => repo.withdrawConsents(q, id, at),
      consents: (id) => repo.consentsForCase(q, id),
      startSurveyRound: (id, at) => repo.startSurveyRound(q, id, at),
      latestSurveyRound: (id) => repo.latestSurveyRound(q, id),
      answerSurvey: (id, rating, comment, at) => repo.answerSurvey(q, id, rating, comment, at),
      surveys: (id) => repo.surveysForCase(q, id),
    },
    consents: {
      activeFor: (id, org) => consent.activeConsentFor(q, id, org),
      ask: (r) => consent.askConsent(q, r),
      request: (id) => consent.consentRequest(q, id),
      openRequest: (id) => consent.openConsentRequest(q, id),
      answer: (id, answer, at) => consent.answerConsentRequest(q, id, answer, at),
      supersedeOpen: (id, at) => consent.supersedeOpenRequests(q, id, at),
      requests: (id) => consent.consentRequestsForCase(q, id),
      retract: (id, replacement, at) => consent.retractOrganizationMessages(q, id, replacement, at),
    },
    events: {
      insert: (e) => repo.insertEvent(q, e),
      hasKey: (id, key) => repo.hasEventWithKey(q, id, key),
      has: (id, type, match) => repo.hasEvent(q, id, type, match),
      forCase: (id) => repo.eventsForCase(q, id),
    },
    clocks: {
      start: (id, spec, now, opts) => clocks.startClock(q, id, spec, now, opts),
      stop: (id, kinds, now, reason) => clocks.stopClocks(q, id, kinds, now, reason),
      running: (id, kind) => clocks.runningClock(q, id, kind),
      extend: (id, spec, reason, now) => clocks.extendClock(q, id, spec, reason, now),
      forCase: (id) => clocks.clocksForCase(q, id),
    },
    outbox: {
      // One row: the single-row statement; more: one round trip for all (the embedded database runs one statement at a time).
      insert: async (rows) => (rows.length === 1 ? ((await enqueueOutbox(q, rows[0]!)) ? 1 : 0) : (await insertOutboxRows(q, rows)).length),
      forCase: (id) => reports.outboxForCase(q, id),
    },
    reports: {
      queue: (f) => reports.queue(q, f),
      overdueClocks: (now, kinds) => reports.overdueClocks(q, now, kinds),
      countCasesBy: (by, from, to) => reports.countCasesBy(q, by, from, to),
      clockPunctuality: (from, to, now, kinds) => reports.clockPunctuality(q, from, to, now, kinds),
      ratingCounts: (from, to) => reports.ratingCounts(q, from, to),
      loadByHandler: (statuses) => reports.loadByHandler(q, statuses),
      openReferralTo: (ref, kind, id) => reports.openReferralTo(q, ref, kind, id),
      visibleToHandler: (caseId, kind, id) => reports.caseVisibleToHandler(q, caseId, kind, id),
      referralAnswers: (from, to) => reports.referralAnswers(q, from, to),
      trendRows: (from, to, bucket) => reports.trendRows(q, from, to, bucket),
    },
    privacy: pgPrivacyRepository(q),
  };
}

/** The case store on a Postgres pool: each transaction on one client, committed or rolled back as a whole. */
export function pgCaseStore(pool: Pool): CaseStore {
  return { ...pgRepositories(pool), transaction: (fn) => withTransaction(pool, (tx) => fn(pgRepositories(tx))) };
}
