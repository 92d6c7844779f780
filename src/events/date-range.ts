import type { Filter } from '../graphql/connection-plan.js';
import { checkDate } from '../model/time.js';
import { badInput } from '../shared/errors.js';

export interface DateRangeArgs {
  from?: string | null;
  to?: string | null;
}

/**
 * Times are stored with a sort key as precise as the source: "2024", "2024-07" or "2024-07-15".
 * Each key stands for a period (the whole year, month or day), and so does each bound: `from`
 * starts at the beginning of its period, `to` ends at the end of its period. A thing matches when
 * its period overlaps the range, so "2024" is within from: "2024-07" (it may have been then).
 * Keys and bounds are fixed-width digits and hyphens, so the end of a period is its key followed
 * by "~", which sorts after every digit and hyphen.
 */
export function dateRangeFilter(field = 'time'): Filter<DateRangeArgs> {
  return (args) => {
    const from = readBound(args.from, 'from');
    const to = readBound(args.to, 'to');
    if (from === null && to === null) return null;
    if (from !== null && to !== null && from > `${to}~`) throw badInput(`from (${from}) is after to (${to}); swap them.`, 'from');
    const key = `m.${field}_sortKey`;
    const where = [`${key} IS NOT NULL`, ...(from !== null ? [`${key} + '~' >= $from`] : []), ...(to !== null ? [`${key} <= $toEnd`] : [])];
    return { where: where.join(' AND '), params: { ...(from !== null ? { from } : {}), ...(to !== null ? { toEnd: `${to}~` } : {}) } };
  };
}

function readBound(value: string | null | undefined, argument: 'from' | 'to'): string | null {
  if (value == null) return null;
  const problem = checkDate(value);
  if (problem) throw badInput(`${argument}: ${problem}.`, argument);
  return value;
}

/** Relationships along which a thing without a year of its own takes a time: what it is part of, what caused it. */
export const PLACING_TYPES = ['PART_OF', 'CAUSED_BY'] as const;
/** How far along them to look; chains in real case files are two or three long. */
export const PLACING_HOPS = 6;

/**
 * The best-known sort key of `v`: its own time's when it has a year, else that of the nearest
 * event it is part of or caused by (directly or through others) that has one.
 */
export const bestSortKey = (v = 'm') =>
  `CASE WHEN ${v}.time_sortKey IS NOT NULL THEN ${v}.time_sortKey ELSE COLLECT {
     MATCH p = (${v})-[:${PLACING_TYPES.join('|')}]->{1,${PLACING_HOPS}}(x:Event) WHERE x.time_sortKey IS NOT NULL
     RETURN x.time_sortKey ORDER BY length(p), x.time_sortKey LIMIT 1 }[0] END`;

/**
 * Date order: earliest first (a year-only date before the dates within it), undated last; ties
 * in case-file order, then by id. For `time`, by the best-known time: a thing placed by its event
 * comes just after the things that carry that time themselves.
 */
export const chronological = (field = 'time') =>
  field === 'time'
    ? `${bestSortKey('m')} IS NULL, ${bestSortKey('m')}, m.time_sortKey IS NULL, m.seq, m.id`
    : `m.${field}_sortKey IS NULL, m.${field}_sortKey, m.seq, m.id`;
