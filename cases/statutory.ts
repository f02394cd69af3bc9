import { ValidationError } from '../kernel/errors.js';
import type { WorkingCalendar } from './calendar.js';
import type { ClockKind } from './types.js';

/*
 * Statutory clocks of the 信访工作条例 (2022) and the service-level clocks of this office. Pure: every instant
 * comes in as an argument, nothing reads the wall clock.
 *
 * The 条例 counts in days ("15日内", "60日内", "30日内"); those periods go through calendar.addStatutoryDays (the
 * 期间 rule: start day not counted, a last day that is a rest day rolls to the next working day). The
 * organization clocks are promises of the office's service agreement with organizations, not law.
 */

export interface ClockSettings {
  /** SLA: an organization accepts or declines a referral within this many working days. */
  orgAcceptWorkingDays: number;
  /** SLA: an organization contacts the resident within this many days of accepting (rolled to a working day). */
  orgFirstContactDays: number;
  /** Reminders go out this many working days before a deadline; 0 turns reminders off. */
  reminderLeadWorkingDays: number;
  surveyReminderHours: number;
  surveyCloseDays: number;
}

export interface ClockSpec {
  kind: ClockKind;
  /** Legal basis or service agreement, in zh-Hans, shown to staff and cited to residents. */
  article: string;
  startsAt: Date;
  dueAt: Date;
  remindAt: Date | null;
}

export const CLOCK_ARTICLES: Record<ClockKind, string> = {
  // Art. 22: 信访部门 "在15日内" forwards; Art. 23: a body receiving a matter 书面告知 "自收到…之日起15日内".
  forward_notify: '信访工作条例 第二十二条、第二十三条（15日内转送、交办并书面告知）',
  resolve: '信访工作条例 第三十四条（自受理之日起60日内办结；经批准可延长，不超过30日，并告知延期理由）',
  review_request_window: '信访工作条例 第三十五条（自收到书面答复之日起30日内可请求复查）',
  review_answer: '信访工作条例 第三十五条（自收到复查请求之日起30日内提出复查意见并书面答复）',
  recheck_request_window: '信访工作条例 第三十六条（自收到复查书面答复之日起30日内可请求复核）',
  recheck_answer: '信访工作条例 第三十六条（自收到复核请求之日起30日内提出复核意见）',
  org_accept: '服务协议（非法定时限）：社会组织在约定工作日内接收或退回转介',
  org_first_contact: '服务协议（非法定时限）：社会组织接收后在约定天数内首次联系当事人',
  survey_reminder: '服务规范（非法定时限）：满意度回访提醒',
  survey_close: '服务规范（非法定时限）：满意度回访截止，未答复记为未评价',
};

/** Statutory periods in days, straight from the articles above. */
export const STATUTORY_DAYS = {
  forward_notify: 15,
  resolve: 60,
  review_request_window: 30,
  review_answer: 30,
  recheck_request_window: 30,
  recheck_answer: 30,
  resolveExtensionMax: 30,
} as const;

/** Reminders are sent at the start of office hours, not at the minute a deadline was computed. */
const REMINDER_HOUR = 9;
const HOUR_MS = 3_600_000;

function checkSettings(s: ClockSettings): void {
  const bad = (Object.keys(s) as (keyof ClockSettings)[]).filter((k) => {
    const v = s[k];
    const min = k === 'reminderLeadWorkingDays' ? 0 : 1;
    return !Number.isInteger(v) || v < min;
  });
  if (bad.length) throw new ValidationError(`Clock settings must be whole numbers ≥ 1 (≥ 0 for the reminder lead): ${bad.join(', ')}`);
}

/**
 * Reminder: `lead` working days before the due day, at 09:00 Shanghai; null when reminders are off or that
 * moment is not after the clock started (a reminder before the clock starts would be noise).
 */
export function reminderFor(startsAt: Date, dueAt: Date, lead: number, calendar: WorkingCalendar): Date | null {
  if (lead <= 0) return null;
  const day = calendar.workingDayBefore(calendar.shanghaiDate(dueAt), lead);
  const at = calendar.atTime(day, REMINDER_HOUR);
  return at.getTime() > startsAt.getTime() ? at : null;
}

export function clockFor(kind: ClockKind, startsAt: Date, calendar: WorkingCalendar, settings: ClockSettings): ClockSpec {
  if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) {
    throw new ValidationError(`Clock ${kind}: startsAt must be a valid Date`);
  }
  checkSettings(settings);
  const article = CLOCK_ARTICLES[kind];
  if (article === undefined) throw new ValidationError(`Unknown clock kind: ${String(kind)}`);
  const withReminder = (dueAt: Date): ClockSpec => ({
    kind,
    article,
    startsAt,
    dueAt,
    remindAt: reminderFor(startsAt, dueAt, settings.reminderLeadWorkingDays, calendar),
  });
  switch (kind) {
    case 'forward_notify':
    case 'resolve':
    case 'review_request_window':
    case 'review_answer':
    case 'recheck_request_window':
    case 'recheck_answer':
      return withReminder(calendar.addStatutoryDays(startsAt, STATUTORY_DAYS[kind]));
    case 'org_accept':
      return withReminder(calendar.addWorkingDays(startsAt, settings.orgAcceptWorkingDays));
    case 'org_first_contact':
      // Organizations work office days too, so a promise that ends on a rest day moves to the next working day.
      return withReminder(calendar.addStatutoryDays(startsAt, settings.orgFirstContactDays));
    case 'survey_reminder':
      return { kind, article, startsAt, dueAt: new Date(startsAt.getTime() + settings.surveyReminderHours * HOUR_MS), remindAt: null };
    case 'survey_close':
      // Calendar days with no rolling: residents answer any day. Fixed UTC+8, so 24 h is always one day.
      return { kind, article, startsAt, dueAt: new Date(startsAt.getTime() + settings.surveyCloseDays * 24 * HOUR_MS), remindAt: null };
  }
}

/**
 * Art. 34 extension of the `resolve` clock: at most 30 days, with a reason told to the resident. The new period
 * runs on from the current due day (期间 rule again). The reminder keeps the lead the current clock had, unless
 * `reminderLeadWorkingDays` is given.
 *
 * "Only one extension" is enforced by the caller (the case service), which knows the case history; this function
 * cannot tell an extended clock from a fresh one.
 */
export function extendResolveClock(
  current: ClockSpec,
  days: number,
  reason: string,
  calendar: WorkingCalendar,
  reminderLeadWorkingDays?: number,
): ClockSpec {
  if (current.kind !== 'resolve') {
    throw new ValidationError(`Only the resolve clock can be extended (信访工作条例 第三十四条), not ${current.kind}`);
  }
  if (!Number.isInteger(days) || days < 1 || days > STATUTORY_DAYS.resolveExtensionMax) {
    throw new ValidationError(`An extension must be a whole number of days from 1 to 30 (信访工作条例 第三十四条), got ${String(days)}`, {
      field: 'days',
    });
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new ValidationError('An extension needs a reason to tell the resident (信访工作条例 第三十四条: 告知信访人延期理由)', {
      field: 'reason',
    });
  }
  const dueAt = calendar.addStatutoryDays(current.dueAt, days);
  let lead = reminderLeadWorkingDays;
  if (lead === undefined) {
    lead = current.remindAt
      ? calendar.workingDaysBetween(calendar.shanghaiDate(current.remindAt), calendar.shanghaiDate(current.dueAt)) + 1
      : 0;
  }
  return { ...current, dueAt, remindAt: reminderFor(current.startsAt, dueAt, lead, calendar) };
}
