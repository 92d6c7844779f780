import { describe, expect, it } from 'vitest';
import { checkDate, flattenTime, normalizeTime, readTime } from '../../src/model/time.js';

describe('checkDate', () => {
  it('accepts YYYY, YYYY-MM, YYYY-MM-DD and leap days of leap years', () => {
    for (const date of ['2021', '2021-10', '2021-10-21', '2024-02-29', '2000-02-29']) expect(checkDate(date)).toBeNull();
  });

  it('rejects days and months that are not on the calendar', () => {
    expect(checkDate('2021-02-30')).toBe('"2021-02-30" is not a day of the calendar');
    expect(checkDate('2023-02-29')).toBe('"2023-02-29" is not a day of the calendar');
    expect(checkDate('1900-02-29')).toBe('"1900-02-29" is not a day of the calendar');
    expect(checkDate('2021-04-31')).toContain('not a day of the calendar');
    expect(checkDate('2021-13')).toBe('"2021-13" has no month 13');
    expect(checkDate('2021-00-10')).toBe('"2021-00-10" has no month 00');
  });

  it('rejects other formats', () => {
    for (const date of ['21-10-21', '2021/10/21', '2021-1-5', 'October 2021', '']) {
      expect(checkDate(date)).toMatch(/is not a date: use YYYY, YYYY-MM or YYYY-MM-DD$/);
    }
  });
});

describe('normalizeTime', () => {
  it('gives DAY precision and computes the weekday of a full date', () => {
    expect(normalizeTime({ text: 'On Oct. 21, 2021', date: '2021-10-21' })).toEqual({
      text: 'On Oct. 21, 2021', year: 2021, month: 10, day: 21, weekday: 'Thursday',
      approximate: false, precision: 'DAY', sortKey: '2021-10-21',
    });
  });

  it('gives MONTH and YEAR precision with zero-padded sort keys', () => {
    expect(normalizeTime({ date: '2023-01' })).toMatchObject({ year: 2023, month: 1, day: null, weekday: null, precision: 'MONTH', sortKey: '2023-01' });
    expect(normalizeTime({ date: '2024', approximate: true })).toMatchObject({ year: 2024, month: null, precision: 'YEAR', approximate: true, sortKey: '2024' });
  });

  it('keeps a month without a year, which has no sort key', () => {
    expect(normalizeTime({ text: 'in March', month: 3 })).toEqual({
      text: 'in March', year: null, month: 3, day: null, weekday: null,
      approximate: false, precision: 'MONTH', sortKey: null,
    });
  });

  it('gives WEEKDAY precision for a weekday alone and UNKNOWN for text alone', () => {
    expect(normalizeTime({ text: 'On Friday', weekday: 'Friday' })).toMatchObject({ weekday: 'Friday', precision: 'WEEKDAY', sortKey: null });
    expect(normalizeTime({ text: 'later' })).toMatchObject({ year: null, month: null, weekday: null, precision: 'UNKNOWN', sortKey: null });
  });
});

describe('flattenTime / readTime', () => {
  it('round-trips a time through node properties', () => {
    const time = normalizeTime({ text: 'nearly three years after', date: '2024-07', approximate: true });
    const props = flattenTime('received', time);
    expect(props).toEqual({
      received_text: 'nearly three years after', received_year: 2024, received_month: 7, received_day: null,
      received_weekday: null, received_approximate: true, received_precision: 'MONTH', received_sortKey: '2024-07',
    });
    expect(readTime('received', props)).toEqual(time);
    expect(readTime('time', props)).toBeNull();
  });

  it('stores a missing time as nulls and reads it back as null', () => {
    const props = flattenTime('time', null);
    expect(Object.keys(props)).toHaveLength(8);
    expect(Object.values(props).every((v) => v === null)).toBe(true);
    expect(readTime('time', props)).toBeNull();
  });
});
