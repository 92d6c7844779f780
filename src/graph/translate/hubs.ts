import { cypher, expr, type Cypher } from '../cypher.js';
import { inRange } from './arguments.js';
import { STATES_TYPE } from '../../model/kinds.js';

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

/**
 * How many relationships a node has, of any type and direction, but for the STATES of the
 * contributions that state it (who states what is not a fact to travel along): the store's
 * counts (O(1) on a dense node, by type and direction too), not an expansion.
 */
export const degree = (n: Cypher.Variable) => expr(cypher`COUNT { (${n})--() } - COUNT { (${n})<-[:${STATES_TYPE}]-() }`);

/** The relationships a traversal may cross: any but who states what (STATES, from contributions' manifests). */
export const FACTS = `!${STATES_TYPE}`;
