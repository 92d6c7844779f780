import DataLoader from 'dataloader';
import { oneByIndex } from '../graphql/batch.js';
import type { LoaderOptions } from '../graphql/connection-loaders.js';
import type { Context } from '../graphql/context.js';
import { nodeMap } from '../entities/queries.js';
import type { NodeProps } from '../entities/types.js';
import { readTime, type TimeValue } from '../model/time.js';
import type { CypherQuery, Executor } from '../neo4j/executor.js';
import { PLACING_HOPS, PLACING_TYPES } from './date-range.js';

/** The event whose time places a thing without a year of its own, and the way to it. */
export interface Placement {
  from: NodeProps;
  via: string[];
}

/**
 * For each id, the nearest event it is part of or caused by (directly or through others) whose
 * time has a year: the same choice as `bestSortKey`, which orders the lists by it.
 */
export function placementsOf(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (m:Entity {id: $ids[i]})
           CALL (m) {
             MATCH p = (m)-[:${PLACING_TYPES.join('|')}]->{1,${PLACING_HOPS}}(x:Event) WHERE x.time_sortKey IS NOT NULL
             RETURN x, [r IN relationships(p) | type(r)] AS via ORDER BY length(p), x.time_sortKey LIMIT 1
           }
           RETURN i, ${nodeMap('x')} AS node, via`,
    params: { ids },
  };
}

/** Per-request loader of placements; null for what nothing places. */
export function createPlacementLoaders(executor: Executor, options: LoaderOptions = {}) {
  const placements = new DataLoader<string, Placement | null>(
    async (ids) =>
      oneByIndex(await executor.read<{ i: number } & Record<string, unknown>>(placementsOf(ids)), ids.length, (row) => ({
        from: row.node as NodeProps,
        via: row.via as string[],
      })),
    { batch: options.batch ?? true },
  );
  return { placements };
}

export interface TimeOrder {
  time: TimeValue | null;
  inferred: boolean;
  from: NodeProps | null;
  via: string[];
}

/**
 * Resolver of `timeOrder`: a thing's own time when it has a year; else the time of the event
 * that places it, marked inferred; else its own time (a weekday, words), which places nothing.
 */
export async function timeOrderOf(n: NodeProps, _: unknown, ctx: Context): Promise<TimeOrder> {
  const own = readTime('time', n);
  if (own?.sortKey != null) return { time: own, inferred: false, from: null, via: [] };
  const placement = await ctx.loaders.placements.load(n.id);
  if (!placement) return { time: own, inferred: false, from: null, via: [] };
  ctx.loaders.nodes.prime(placement.from.id, placement.from);
  return { time: readTime('time', placement.from), inferred: true, from: placement.from, via: placement.via };
}
