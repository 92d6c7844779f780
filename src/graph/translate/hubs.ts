import { cypher, expr, type Cypher } from '../cypher.js';
import { inRange } from './arguments.js';

/**
 * Hubs: nodes of more relationships than a traversal's `maxDegree` (a judge or a court in
 * thousands of cases). `paths` and `neighborhood` do not pass through them, so their work stays
 * bounded by what lies around the ends rather than by the hub's cases.
 */

/** The bound's largest accepted value: any store's degrees fit under it. */
const MAX_DEGREE_LIMIT = 1_000_000_000;

/** The `maxDegree` argument, checked; null when the request asks for no bound. */
export function maxDegreeOf(args: Record<string, unknown>): number | null {
  const given = args.maxDegree as number | null | undefined;
  return given === null || given === undefined ? null : inRange(given, 1, MAX_DEGREE_LIMIT, 'maxDegree');
}

/** How many relationships a node has, of any type and direction: the store's count (O(1) on a dense node), not an expansion. */
export const degree = (n: Cypher.Variable) => expr(cypher`COUNT { (${n})--() }`);
