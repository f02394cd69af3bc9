import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { ValidationError } from '../../kernel/errors.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CLOCK_ARTICLES, clockFor, extendResolveClock, type ClockSettings } from '../../cases/statutory.js';
import { CLOCK_KINDS, type ClockKind } from '../../cases/types.js';

const cal = loadHolidayCalendar(resourcePath('holidays.yaml'));
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();
const nineAm = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString();

const settings: ClockSettings = {
  orgAcceptWorkingDays: 3,
  orgFirstContactDays: 5,
  reminderLeadWorkingDays: 3,
  surveyReminderHours: 48,
  surveyCloseDays: 7,
};

// Received Tuesday 2026-02-10, 10:00 Shanghai: the week before the Spring Festival.
const start = sh('2026-02-10T10:00:00');

describe('clockFor: due dates across the 2026 Spring Festival', () => {
  const expected: Record<ClockKind, { due: string; remind: string | null; article: RegExp }> = {
    // +15 = Wed 02-25; reminder 3 working days back: 02-24, 02-14 (调休 Sat), 02-13
    forward_notify: { due: endOf('2026-02-25'), remind: nineAm('2026-02-13'), article: /信访工作条例 第二十二条、第二十三条/ },
    // +60 = Sat 04-11 → Mon 04-13; reminder 04-08
    resolve: { due: endOf('2026-04-13'), remind: nineAm('2026-04-08'), article: /第三十四条.*60日/ },
    // +30 = Thu 03-12
    review_request_window: { due: endOf('2026-03-12'), remind: nineAm('2026-03-09'), article: /第三十五条.*复查/ },
    review_answer: { due: endOf('2026-03-12'), remind: nineAm('2026-03-09'), article: /第三十五条.*复查意见/ },
    recheck_request_window: { due: endOf('2026-03-12'), remind: nineAm('2026-03-09'), article: /第三十六条.*复核/ },
    recheck_answer: { due: endOf('2026-03-12'), remind: nineAm('2026-03-09'), article: /第三十六条.*复核意见/ },
    // 3 working days: 02-11, 02-12, 02-13; reminder would be 02-10 09:00, before the start → null
    org_accept: { due: endOf('2026-02-13'), remind: null, article: /服务协议.*非法定/ },
    // +5 = 02-15 (春节) → 02-24; reminder 02-12
    org_first_contact: { due: endOf('2026-02-24'), remind: nineAm('2026-02-12'), article: /服务协议.*非法定/ },
    survey_reminder: { due: sh('2026-02-12T10:00:00').toISOString(), remind: null, article: /非法定/ },
    // 7 calendar days, no rolling even though 02-17 is 初一
    survey_close: { due: sh('2026-02-17T10:00:00').toISOString(), remind: null, article: /非法定/ },
  };

  for (const kind of CLOCK_KINDS) {
    it(`${kind}: due date, reminder and article`, () => {
      const c = clockFor(kind, start, cal, settings);
      const e = expected[kind];
      assert.equal(c.kind, kind);
      assert.equal(c.startsAt.getTime(), start.getTime());
      assert.equal(c.dueAt.toISOString(), e.due);
      assert.equal(c.remindAt?.toISOString() ?? null, e.remind);
      assert.match(c.article, e.article);
      assert.equal(c.article, CLOCK_ARTICLES[kind]);
    });
  }
});

describe('clockFor: reminders and settings', () => {
  it('a reminder lead of 0 turns reminders off', () => {
    assert.equal(clockFor('resolve', start, cal, { ...settings, reminderLeadWorkingDays: 0 }).remindAt, null);
  });

  it('a long lead that would fall before the start gives no reminder', () => {
    assert.equal(clockFor('forward_notify', start, cal, { ...settings, reminderLeadWorkingDays: 20 }).remindAt, null);
  });

  it('organization SLAs follow the settings', () => {
    const c = clockFor('org_accept', sh('2026-03-06T16:00:00'), cal, { ...settings, orgAcceptWorkingDays: 1 });
    assert.equal(c.dueAt.toISOString(), endOf('2026-03-09')); // Friday + 1 working day = Monday
    const s = clockFor('survey_reminder', start, cal, { ...settings, surveyReminderHours: 1 });
    assert.equal(s.dueAt.getTime() - start.getTime(), 3_600_000);
  });

  it('rejects invalid settings and start dates', () => {
    assert.throws(() => clockFor('resolve', start, cal, { ...settings, orgAcceptWorkingDays: 0 }), /orgAcceptWorkingDays/);
    assert.throws(() => clockFor('resolve', start, cal, { ...settings, surveyCloseDays: 2.5 }), ValidationError);
    assert.throws(() => clockFor('resolve', new Date(Number.NaN), cal, settings), ValidationError);
    assert.throws(() => clockFor('bogus' as ClockKind, start, cal, settings), /Unknown clock kind/);
  });
});

describe('extendResolveClock (信访工作条例 第三十四条)', () => {
  const resolve = clockFor('resolve', start, cal, settings); // due 04-13

  it('extends from the current due day, rolls over rest days and keeps the reminder lead', () => {
    const ext = extendResolveClock(resolve, 30, '涉及多个部门，需现场核查', cal);
    // 04-13 + 30 = Wed 05-13; 3 working days back: 05-12, 05-11, Sat 05-09 (调休)
    assert.equal(ext.dueAt.toISOString(), endOf('2026-05-13'));
    assert.equal(ext.remindAt?.toISOString(), nineAm('2026-05-09'));
    assert.equal(ext.kind, 'resolve');
    assert.equal(ext.article, resolve.article);
    assert.equal(ext.startsAt.getTime(), resolve.startsAt.getTime());
    // the input is not mutated
    assert.equal(resolve.dueAt.toISOString(), endOf('2026-04-13'));
  });

  it('an extension ending in the Labour Day holiday rolls to the first working day after it', () => {
    // 04-13 + 20 = 05-03 (劳动节) → Wed 05-06
    assert.equal(extendResolveClock(resolve, 20, '等待鉴定结果', cal).dueAt.toISOString(), endOf('2026-05-06'));
  });

  it('accepts an explicit reminder lead', () => {
    const ext = extendResolveClock(resolve, 1, '理由', cal, 1); // 04-14, lead 1 → 04-13
    assert.equal(ext.dueAt.toISOString(), endOf('2026-04-14'));
    assert.equal(ext.remindAt?.toISOString(), nineAm('2026-04-13'));
  });

  it('rejects 0, 31, fractional days, a blank reason and other clock kinds', () => {
    const isValidation = (field?: string) => (err: unknown) => {
      assert.ok(err instanceof ValidationError, String(err));
      if (field) assert.equal(err.options.details?.field, field);
      return true;
    };
    assert.throws(() => extendResolveClock(resolve, 0, '理由', cal), isValidation('days'));
    assert.throws(() => extendResolveClock(resolve, 31, '理由', cal), isValidation('days'));
    assert.throws(() => extendResolveClock(resolve, 2.5, '理由', cal), isValidation('days'));
    assert.throws(() => extendResolveClock(resolve, 10, '   ', cal), isValidation('reason'));
    assert.throws(() => extendResolveClock(resolve, 10, '', cal), /延期理由/);
    const fn = clockFor('forward_notify', start, cal, settings);
    assert.throws(() => extendResolveClock(fn, 10, '理由', cal), /Only the resolve clock/);
  });
});
