import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { chronological, dateRangeFilter } from '../../src/events/date-range.js';

const byTime = dateRangeFilter();

function badInput(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('dateRangeFilter', () => {
  it('adds nothing when neither bound is given', () => {
    expect(byTime({})).toBeNull();
    expect(byTime({ from: null, to: null })).toBeNull();
  });

  it('compares the stored sort key with the start of `from` and the end of `to`', () => {
    expect(byTime({ from: '2024-07' })).toEqual({ where: "m.time_sortKey IS NOT NULL AND m.time_sortKey + '~' >= $from", params: { from: '2024-07' } });
    expect(byTime({ to: '2024' })).toEqual({ where: 'm.time_sortKey IS NOT NULL AND m.time_sortKey <= $toEnd', params: { toEnd: '2024~' } });
    expect(dateRangeFilter('received')({ from: '2021', to: '2021' })?.where).toBe("m.received_sortKey IS NOT NULL AND m.received_sortKey + '~' >= $from AND m.received_sortKey <= $toEnd");
  });

  it('accepts a bound of a coarser period inside the other one', () => {
    expect(byTime({ from: '2024-07', to: '2024' })).not.toBeNull();
    expect(byTime({ from: '2024', to: '2024-01-01' })).not.toBeNull();
  });

  it('refuses dates that are not dates, and a range that ends before it starts', () => {
    for (const [args, argument, message] of [
      [{ from: 'March' }, 'from', 'from: "March" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.'],
      [{ to: '2024-02-30' }, 'to', 'to: "2024-02-30" is not a day of the calendar.'],
      [{ from: '2024-13' }, 'from', 'from: "2024-13" has no month 13.'],
      [{ from: '2024-08', to: '2024-07-31' }, 'from', 'from (2024-08) is after to (2024-07-31); swap them.'],
    ] as const) {
      const error = badInput(() => byTime(args));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(error.message).toBe(message);
    }
  });
});

describe('chronological', () => {
  it('puts undated last and breaks ties by case-file order, then id', () => {
    expect(chronological('received')).toBe('m.received_sortKey IS NULL, m.received_sortKey, m.seq, m.id');
  });

  it('orders `time` by the best-known key: its own, else that of the event it is part of or caused by, placed things after dated ones', () => {
    const order = chronological();
    expect(order).toContain('CASE WHEN m.time_sortKey IS NOT NULL THEN m.time_sortKey ELSE COLLECT');
    expect(order).toContain('(m)-[:PART_OF|CAUSED_BY]->{1,6}(x:Event)');
    expect(order.endsWith('m.time_sortKey IS NULL, m.seq, m.id')).toBe(true);
  });
});
