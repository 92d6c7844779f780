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

/** Date order: earliest first (a year-only date before the dates within it), undated last; ties in case-file order, then by id. */
export const chronological = (field = 'time') => `m.${field}_sortKey IS NULL, m.${field}_sortKey, m.seq, m.id`;
