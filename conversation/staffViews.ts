/**
 * The office group's read-only commands (/queue, /case, /overdue, /stats) as Replies: one header
 * text and one catalogue line per row. /case passes its labels as catalogue references, rendered in
 * the reading chat's language; the other lists still build some fragments here in 简体, the office's language.
 */
import type { Clock } from '../kernel/clock.js';
import type { MessageParam } from '../kernel/language.js';
import { NotFoundError } from '../kernel/errors.js';
import type { CaseRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import { handlerLabel, noClockReason, targetLabel } from '../cases/cardLabels.js';
import { CATEGORY_LABELS_ZH, CLOCK_LABELS_ZH } from '../cases/messages.js';
import { shanghaiDateTime, shanghaiDay } from '../cases/refs.js';
import type { CaseStatus } from '../cases/types.js';
import { STAFF_LANGUAGE, type Directory } from '../directory/directory.js';
import { eventRef, t, textOf } from '../i18n/index.js';
import type { Reply, ReplyText } from './types.js';

/** The office group's language (directory.ts STAFF_LANGUAGE, which cases/delivery.ts writes to it in). */
export const LANG = STAFF_LANGUAGE;

export const STATUS_LABELS_ZH: Record<CaseStatus, string> = {
  received: '已接收',
  office_review: '待审核',
  referred: '已转办',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已结案',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  reopened: '重新办理',
  review_requested: '复查中',
};

export const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** A staff text fragment (a label or a part of a parameter), in the staff's language. */
export function st(key: string, params: Record<string, MessageParam | undefined> = {}): string {
  return t(LANG, key, params);
}

export class StaffViews {
  constructor(private readonly deps: { cases: CaseService; directory: Directory; clock: Clock }) {}

  /** The handler's name in the staff's language; "not chosen yet" without one (never its id). */
  handlerName(c: Pick<CaseRecord, 'handlerKind' | 'handlerId'>): string {
    return textOf(LANG, handlerLabel(this.deps.directory, c.handlerKind, c.handlerId));
  }

  async queue(limit = 30): Promise<Reply> {
    const { rows: queue } = await this.deps.cases.queue({ limit });
    if (queue.length === 0) return { key: 'staff.queue.empty' };
    const now = this.deps.clock.now();
    const lines: ReplyText[] = [];
    for (const c of queue) {
      const due = c.dueAt;
      lines.push({
        key: 'staff.queue.item',
        params: {
          urgent: c.urgent ? '🚨' : '',
          ref: c.ref,
          category: CATEGORY_LABELS_ZH[c.category] ?? c.category,
          // The handler by name; without one (its handler declined) the kind of target and "not chosen yet" — the
          // code of the department that declined had been shown as the target.
          target: c.handlerId ? this.handlerName(c) : st('staff.queue.unassigned', { target: targetLabel(c.target) }),
          confidence: typeof c.confidence === 'number' ? c.confidence.toFixed(2) : '—',
          // No running clock is said for what it is (a decline, no referral yet, reopened), not as "法定期限 —".
          deadline: due
            ? st('staff.queue.deadline', { dueDate: shanghaiDay(due), left: timeLeft(due, now) })
            : st('cases.staff.deadline.none', { why: { key: `cases.staff.no_clock.${noClockReason(c)}` } }),
        },
      });
    }
    return { key: 'staff.queue.header', params: { count: queue.length }, lines };
  }

  async case(ref: string): Promise<Reply> {
    let c: CaseRecord;
    try {
      c = await this.deps.cases.getCase(ref);
    } catch (err) {
      if (err instanceof NotFoundError) return { key: 'staff.not_found' };
      throw err;
    }
    const events = await this.deps.cases.timeline(ref);
    // Labels as references, rendered in the language of the chat that reads them (not fixed 简体 strings).
    const header: Reply = {
      key: 'staff.case.header',
      params: {
        ref,
        category: { key: `console.category.${c.category}` },
        status: { key: `console.status.${c.status}` },
        urgent: c.urgent ? { key: 'staff.urgent_mark' } : '',
        handler: handlerLabel(this.deps.directory, c.handlerKind, c.handlerId),
      },
    };
    // Each event by its label and who acted, as catalogue references rendered in the reader's language: staff had
    // read the codes (opened, consent_given, resident). A status that did not change is not shown as "A → A".
    const lines: ReplyText[] = events.map((e) => {
      const base = { at: shanghaiDateTime(e.at), type: eventRef(e.type), actor: { key: `console.actor.${e.actorKind}` } };
      return e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus
        ? { key: 'staff.case.event', params: { ...base, from: { key: `console.status.${e.fromStatus}` }, to: { key: `console.status.${e.toStatus}` } } }
        : { key: 'staff.case.event_same', params: base };
    });
    return { ...header, lines };
  }

  async overdue(): Promise<Reply> {
    const now = this.deps.clock.now();
    const list = await this.deps.cases.overdue(now);
    if (list.length === 0) return { key: 'staff.overdue.empty' };
    const lines: ReplyText[] = [];
    for (const o of list.slice(0, 50)) {
      const h = o.handlerKind && o.handlerId ? this.deps.directory.handler(o.handlerKind, o.handlerId) : undefined;
      lines.push({
        key: 'staff.overdue.item',
        params: {
          ref: o.ref,
          clock: CLOCK_LABELS_ZH[o.kind] ?? o.kind,
          article: o.article ?? '—',
          dueDate: shanghaiDay(o.dueAt),
          left: timeLeft(o.dueAt, now),
          handler: h ? h.names[LANG] : st('cases.staff.to_be_chosen'),
        },
      });
    }
    return { key: 'staff.overdue.header', params: { count: list.length }, lines };
  }

  async stats(days: number): Promise<Reply> {
    const to = this.deps.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    const s = await this.deps.cases.stats({ from, to });
    const fmt = (r: Record<string, number>, labels: Record<string, string> = {}) =>
      Object.entries(r).map(([k, v]) => `${labels[k] ?? k} ${v}`).join('，') || '—';
    const onTime = Object.entries(s.onTime)
      .map(([k, v]) => `${CLOCK_LABELS_ZH[k] ?? k} ${v.rate === null ? '—' : `${Math.round(v.rate * 100)}%`}（${v.met}/${v.met + v.late}）`)
      .join('，') || '—';
    return { key: 'staff.stats', params: {
      days,
      from: shanghaiDay(from),
      to: shanghaiDay(to),
      total: s.total,
      byCategory: fmt(s.byCategory, CATEGORY_LABELS_ZH),
      byStatus: fmt(s.byStatus, STATUS_LABELS_ZH),
      onTime,
      satisfied: s.satisfaction.satisfied,
      basically: s.satisfaction.basicallySatisfied,
      dissatisfied: s.satisfaction.dissatisfied,
      noAnswer: s.satisfaction.noAnswer,
      rate: s.satisfaction.rate === null ? '—' : `${Math.round(s.satisfaction.rate * 100)}%`,
    } };
  }
}

function timeLeft(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  return st(ms >= 0 ? 'staff.time.left' : 'staff.time.over', { days, hours });
}
