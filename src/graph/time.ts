import { checkDate } from '../model/time.js';
import { badInput } from '../shared/errors.js';
import { Cypher, cypher, expr } from './cypher.js';

export interface DateRangeArgs {
  from?: string | null;
  to?: string | null;
}

/** Relationships along which a thing without a year of its own takes a time: what it is part of, what caused it. */
export const PLACING_TYPES = ['PART_OF', 'CAUSED_BY'] as const;
/** How far along them to look; chains in real case files are two or three long. */
export const PLACING_HOPS = 6;

/**
 * The path from `v` to the nearest event it is part of or caused by (directly or through
 * others) whose time has a year: `MATCH <path> = (v)-…->(x:Event)`, nearest first.
 */
export const placingMatch = (v: Cypher.Variable, path: Cypher.Variable, x: Cypher.Variable) =>
  cypher`MATCH ${path} = (${v})-[:${PLACING_TYPES.join('|')}]->{1,${PLACING_HOPS}}(${x}:Event) WHERE ${x}.time_sortKey IS NOT NULL
WITH ${path}, ${x} ORDER BY length(${path}), ${x}.time_sortKey LIMIT 1`;

/** The best-known sort key of `v`: its own time's when it has a year, else that of the event that places it. */
export function bestSortKey(v: Cypher.Variable): Cypher.Expr {
  const path = new Cypher.Variable();
  const x = new Cypher.Node();
  return expr(cypher`CASE WHEN ${v}.time_sortKey IS NOT NULL THEN ${v}.time_sortKey ELSE COLLECT {
${placingMatch(v, path, x)}
RETURN ${x}.time_sortKey }[0] END`);
}

/**
 * Date order: earliest first (a year-only date before the dates within it), undated last; ties
 * in case-file order, then by id. `best` is the item's best-known sort key (bestSortKey): a
 * thing placed by its event comes just after the things that carry that time themselves.
 */
export const chronological = (m: Cypher.Variable, best: Cypher.Variable) =>
  cypher`${best} IS NULL, ${best}, ${m}.time_sortKey IS NULL, ${m}.seq, ${m}.id`;

/** Date order of another time field (Evidence.received): by its own key only. */
export const byTimeField = (m: Cypher.Variable, field: string) => cypher`${m}.${field}_sortKey IS NULL, ${m}.${field}_sortKey, ${m}.seq, ${m}.id`;

function readBound(value: string | null | undefined, argument: 'from' | 'to'): string | null {
  if (value == null) return null;
  const problem = checkDate(value);
  if (problem) throw badInput(`${argument}: ${problem}.`, argument);
  return value;
}

/**
 * Times are stored with a sort key as precise as the source: "2024", "2024-07" or "2024-07-15".
 * Each key stands for a period (the whole year, month or day), and so does each bound: `from`
 * starts at the beginning of its period, `to` ends at the end of its period. A thing matches when
 * its period overlaps the range, so "2024" is within from: "2024-07" (it may have been then).
 * Keys and bounds are fixed-width digits and hyphens, so the end of a period is its key followed
 * by "~", which sorts after every digit and hyphen. Null when neither bound is given; throws
 * BAD_USER_INPUT for a bound that is not a date, or a range that ends before it starts.
 */
export function dateRange(m: Cypher.Variable, args: DateRangeArgs, field = 'time'): Cypher.Raw | null {
  const from = readBound(args.from, 'from');
  const to = readBound(args.to, 'to');
  if (from === null && to === null) return null;
  if (from !== null && to !== null && from > `${to}~`) throw badInput(`from (${from}) is after to (${to}); swap them.`, 'from');
  const key = cypher`${m}.${field}_sortKey`;
  const lower = from !== null ? cypher` AND ${key} + '~' >= ${new Cypher.Param(from)}` : '';
  const upper = to !== null ? cypher` AND ${key} <= ${new Cypher.Param(`${to}~`)}` : '';
  return cypher`${key} IS NOT NULL${lower}${upper}`;
}
