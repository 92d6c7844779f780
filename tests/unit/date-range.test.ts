import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Cypher, cypher } from '../../src/graph/cypher.js';
import { bestSortKey, byTimeField, chronological, dateRange, type DateRangeArgs } from '../../src/graph/time.js';

/** The condition as Cypher and parameters, with the item as `this0`. */
function built(args: DateRangeArgs, field = 'time') {
  const m = new Cypher.Node();
  const condition = dateRange(m, args, field);
  return condition && cypher`MATCH (${m}) WHERE ${condition}`.build();
}
const byTime = (args: DateRangeArgs) => built(args);

function badInput(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('dateRange', () => {
  it('adds nothing when neither bound is given', () => {
    expect(byTime({})).toBeNull();
    expect(byTime({ from: null, to: null })).toBeNull();
  });

  it('compares the stored sort key with the start of `from` and the end of `to`', () => {
    expect(byTime({ from: '2024-07' })).toEqual({ cypher: "MATCH (this0) WHERE this0.time_sortKey IS NOT NULL AND this0.time_sortKey + '~' >= $param0", params: { param0: '2024-07' } });
    expect(byTime({ to: '2024' })).toEqual({ cypher: 'MATCH (this0) WHERE this0.time_sortKey IS NOT NULL AND this0.time_sortKey <= $param0', params: { param0: '2024~' } });
    expect(built({ from: '2021', to: '2021' }, 'received')?.cypher).toBe("MATCH (this0) WHERE this0.received_sortKey IS NOT NULL AND this0.received_sortKey + '~' >= $param0 AND this0.received_sortKey <= $param1");
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
  const m = new Cypher.Node();
  const key = new Cypher.Variable();
  const order = (fragment: Cypher.Raw) => cypher`MATCH (${m}) WITH ${m}, ${bestSortKey(m)} AS ${key} RETURN ${m} ORDER BY ${fragment}`.build().cypher;

  it('puts undated last and breaks ties by case-file order, then id', () => {
    expect(order(byTimeField(m, 'received'))).toContain('ORDER BY this0.received_sortKey IS NULL, this0.received_sortKey, this0.seq, this0.id');
  });

  it('orders `time` by the best-known key: its own, else that of the event it is part of or caused by, placed things after dated ones', () => {
    const text = order(chronological(m, key));
    expect(text).toContain('CASE WHEN this0.time_sortKey IS NOT NULL THEN this0.time_sortKey ELSE COLLECT');
    expect(text).toMatch(/\(this0\)-\[:PART_OF\|CAUSED_BY\]->\{1,6\}\(this\d+:Event\)/);
    expect(text.endsWith('this0.time_sortKey IS NULL, this0.seq, this0.id')).toBe(true);
  });
});
