import type { CypherQuery } from '../../neo4j/executor.js';

/**
 * A statement of a load, planned once for the life of the server. Two things would make Neo4j
 * plan it again:
 * - statistics: a bulk load changes them so fast that Neo4j would keep re-planning the
 *   statement as stale; `CYPHER replan=skip` keeps the plan it has. Only for statements that
 *   find nodes by id alone: their plans are seeks on unique constraints whatever the
 *   statistics (even planned on an empty graph);
 * - parameter sizes: Neo4j's plan cache is keyed by the statement and its parameters' types,
 *   and a list's type holds its length rounded up to a power of ten. `UNWIND $rows` with 2,000
 *   rows, then 547, then 73, with 40 contributions and then 4, is planned as that many
 *   statements, and each plan is compiled again once it runs often (with compiled
 *   expressions). So the parameters travel as one map, `$batch` (a map's type has no size):
 *   `$rows` in `text` reads `$batch.rows`. Profiled, compiling was 15% of Neo4j's CPU in a
 *   200-case load before, 2% after.
 * Pure.
 */
export function plannedOnce(text: string, params: Record<string, unknown>): CypherQuery {
  const inBatch = text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => (Object.hasOwn(params, name) ? `$batch.${name}` : whole));
  return { text: `CYPHER replan=skip\n${inBatch}`, params: { batch: params } };
}
