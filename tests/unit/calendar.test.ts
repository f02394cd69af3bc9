import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { ValidationError } from '../../kernel/errors.js';
import { HolidayCalendarError, WorkingCalendar, loadHolidayCalendar, parseHolidayCalendar } from '../../cases/calendar.js';

const cal = loadHolidayCalendar(resourcePath('holidays.yaml'));
/** An instant at a Shanghai wall-clock time, written the way the office would say it. */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The instant a period ending on this Shanghai day expires. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

describe('WorkingCalendar: working days (2026, State Council notice)', () => {
  it('treats public holidays as rest days, weekends included in the block', () => {
    for (const d of ['2026-01-01', '2026-02-15', '2026-02-16', '2026-02-21', '2026-02-23', '2026-05-05', '2026-10-07']) {
      assert.equal(cal.isWorkingDay(d), false, d);
    }
  });

  it('counts a 调休 Saturday or Sunday as a working day', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      assert.equal(cal.isWorkingDay(d), true, d);
    }
  });

  it('keeps ordinary weekends as rest days and ordinary weekdays as working days', () => {
    assert.equal(cal.isWorkingDay('2026-03-07'), false); // Saturday
    assert.equal(cal.isWorkingDay('2026-03-08'), false); // Sunday
    assert.equal(cal.isWorkingDay('2026-03-09'), true); // Monday
    assert.equal(cal.isWorkingDay('2026-02-24'), true); // first day back after 春节
  });

  it('takes the Shanghai date of an instant (UTC+8), not the UTC date', () => {
    assert.equal(cal.shanghaiDate(new Date('2026-02-09T16:30:00Z')), '2026-02-10');
    assert.equal(cal.shanghaiDate(new Date('2026-02-10T15:59:59.999Z')), '2026-02-10');
    assert.equal(cal.shanghaiDate(new Date('2026-02-10T16:00:00Z')), '2026-02-11');
  });

  it('addWorkingDays skips the Spring Festival and counts the 调休 Saturday', () => {
    // Thu 02-12 → Fri 02-13 (1), Sat 02-14 调休 (2), holiday 02-15..23, Tue 02-24 (3)
    assert.equal(cal.addWorkingDays(sh('2026-02-12T10:00:00'), 3).toISOString(), endOf('2026-02-24'));
    // Fri 03-06 + 1 working day is Monday 03-09 (ordinary weekend skipped)
    assert.equal(cal.addWorkingDays(sh('2026-03-06T18:00:00'), 1).toISOString(), endOf('2026-03-09'));
    // n = 0 → the end of the day itself
    assert.equal(cal.addWorkingDays(sh('2026-03-06T08:00:00'), 0).toISOString(), endOf('2026-03-06'));
  });

  it('workingDayBefore walks back over holidays and counts 调休 days', () => {
    assert.equal(cal.workingDayBefore('2026-02-25', 1), '2026-02-24');
    assert.equal(cal.workingDayBefore('2026-02-25', 2), '2026-02-14');
    assert.equal(cal.workingDayBefore('2026-02-25', 3), '2026-02-13');
  });
});

describe('WorkingCalendar: statutory periods (期间 rule)', () => {
  it('receipt on 2026-02-10 + 15 days ends on Wed 2026-02-25 (start day not counted)', () => {
    assert.equal(cal.addStatutoryDays(sh('2026-02-10T09:30:00'), 15).toISOString(), endOf('2026-02-25'));
  });

  it('a period whose last day falls inside the Spring Festival rolls to the first working day after it', () => {
    // 2026-02-01 + 15 = 02-16 (除夕, holiday) → 02-24
    assert.equal(cal.addStatutoryDays(sh('2026-02-01T12:00:00'), 15).toISOString(), endOf('2026-02-24'));
  });

  it('a period ending on a 调休 working Saturday ends that Saturday', () => {
    // 2026-02-13 + 15 = Sat 02-28, a 调休 working day
    assert.equal(cal.addStatutoryDays(sh('2026-02-13T12:00:00'), 15).toISOString(), endOf('2026-02-28'));
  });

  it('a period ending on an ordinary weekend rolls to Monday', () => {
    // Fri 2026-03-06 + 15 = Sat 03-21 → Mon 03-23
    assert.equal(cal.addStatutoryDays(sh('2026-03-06T12:00:00'), 15).toISOString(), endOf('2026-03-23'));
  });

  it('a period ending on National Day rolls past the whole Golden Week', () => {
    // 2026-09-16 + 15 = 10-01 → 10-08
    assert.equal(cal.addStatutoryDays(sh('2026-09-16T12:00:00'), 15).toISOString(), endOf('2026-10-08'));
  });

  it('counts from the Shanghai date: 01:00 Shanghai on 02-10 is still 02-09 in UTC', () => {
    assert.equal(cal.addStatutoryDays(new Date('2026-02-09T17:00:00Z'), 15).toISOString(), endOf('2026-02-25'));
  });

  it('runs across the year end into the provisional 2027 元旦', () => {
    // 2026-12-17 + 15 = 2027-01-01 (元旦) → Sat/Sun → Mon 2027-01-04
    assert.equal(cal.addStatutoryDays(sh('2026-12-17T12:00:00'), 15).toISOString(), endOf('2027-01-04'));
  });
});

describe('WorkingCalendar: coverage and provisional years', () => {
  it('reports coverage, provisional 2027 and a warning when the horizon leaves the file', () => {
    assert.deepEqual(cal.coverage(), { from: '2026-01-01', to: '2027-12-31' });
    assert.equal(cal.isProvisional(2026), false);
    assert.equal(cal.isProvisional(2027), true);
    assert.equal(cal.isProvisional('2027'), true);
    assert.equal(cal.isCovered('2027-06-09'), true);
    assert.equal(cal.isCovered('2028-01-03'), false);
    assert.equal(cal.coverageWarning('2026-03-01'), null);
    assert.match(cal.coverageWarning('2026-11-23') ?? '', /2027 is provisional/);
    assert.match(cal.coverageWarning('2027-10-01') ?? '', /2028 is not in the holiday calendar/);
  });

  it('2027 carries the statutory days of the 2024 rules (除夕 to 初三, May 1–2, Oct 1–3)', () => {
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01']) {
      assert.equal(cal.isWorkingDay(d), false, d);
    }
    assert.equal(cal.isWorkingDay('2027-02-09'), true);
    assert.equal(cal.isWorkingDay('2027-10-04'), true);
  });

  it('outside the covered years only weekends are rest days', () => {
    assert.equal(cal.isWorkingDay('2028-01-03'), true); // a Monday; the 2028 notice is not known
    assert.equal(cal.isWorkingDay('2028-01-01'), false); // a Saturday
    assert.equal(cal.addStatutoryDays(sh('2027-12-20T10:00:00'), 15).toISOString(), endOf('2028-01-04'));
  });
});

describe('WorkingCalendar: bad input', () => {
  it('rejects malformed or impossible dates and counts', () => {
    assert.throws(() => cal.isWorkingDay('2026/02/14'), ValidationError);
    assert.throws(() => cal.isWorkingDay('2026-02-30'), /Not a calendar date/);
    assert.throws(() => cal.addWorkingDays(new Date('nope'), 1), ValidationError);
    assert.throws(() => cal.addWorkingDays(sh('2026-03-02T00:00:00'), -1), ValidationError);
    assert.throws(() => cal.addStatutoryDays(sh('2026-03-02T00:00:00'), 1.5), ValidationError);
    assert.throws(() => cal.workingDayBefore('2026-03-02', 0), ValidationError);
  });

  const valid = (extra = '') => `timezone: Asia/Shanghai
years:
  - year: 2026
    source: test
    holidays:
      - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
    workdays:
      - { date: 2026-02-14 }${extra}
`;

  it('parses a minimal valid file', () => {
    const c = parseHolidayCalendar(valid(), 'mini.yaml');
    assert.equal(c.isWorkingDay('2026-02-14'), true);
    assert.equal(c.isWorkingDay('2026-10-01'), true); // not listed in this file
  });

  const rejects = (yamlText: string, ...patterns: RegExp[]) =>
    assert.throws(
      () => parseHolidayCalendar(yamlText, 'my-holidays.yaml'),
      (err: unknown) => {
        assert.ok(err instanceof HolidayCalendarError, String(err));
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /my-holidays\.yaml/);
        for (const p of patterns) assert.match(err.message, p);
        return true;
      },
    );

  it('names the file, year, field and fix for each problem', () => {
    rejects('', /empty/);
    rejects('   \n', /empty/);
    rejects('timezone: [unclosed', /not valid YAML/);
    rejects(`# ${'x'.repeat(1_000_001)}`, /over the 1000000 limit/);
    rejects('- just\n- a list', /timezone/);
    rejects(valid().replace('source: test', 'source: ""'), /year 2026 › source/, /cite/);
    rejects(valid().replace('2026-02-23', '2026-02-30'), /year 2026 › holidays › #1 › to/, /real date/);
    rejects(valid().replace('date: 2026-02-14', 'date: 2026-02-16'), /year 2026 › workdays › #1/);
    rejects(valid().replace('date: 2026-02-14', 'date: 2026-02-17'), /weekday/); // a Tuesday
    rejects(valid().replace('from: 2026-02-15, to: 2026-02-23', 'from: 2026-02-23, to: 2026-02-15'), /swap/);
    rejects(valid().replace('year: 2026', 'year: "soon"'), /year/);
    rejects(valid().replace('Asia/Shanghai', 'Europe/Berlin'), /timezone/);
    rejects(valid(`\n  - year: 2026\n    source: again\n    holidays:\n      - { name: x, from: 2026-05-01, to: 2026-05-01 }`), /listed twice/);
    rejects(valid().replace('from: 2026-02-15', 'from: 2025-12-31'), /must fall in 2026/);
  });

  it('the constructor validates data too, and loadHolidayCalendar names a missing file', () => {
    assert.throws(() => new WorkingCalendar({ timezone: 'Asia/Shanghai', years: [] }), HolidayCalendarError);
    assert.throws(() => loadHolidayCalendar('/nonexistent/holidays.yaml'), /\/nonexistent\/holidays\.yaml[\s\S]*HOLIDAYS_PATH/);
  });
});
