import type { CypherQuery } from '../neo4j/executor.js';
import { nodeMap } from '../entities/queries.js';

const NODE = nodeMap;

/**
 * Entities up to `depth` hops away (depth is checked to be 1-3 before it reaches the text), at
 * most `limit` besides the centre plus one to tell whether the limit cut it; then every
 * relationship among the kept nodes.
 */
export function neighborhoodOf(id: string, depth: number, limit: number): CypherQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`depth out of range: ${depth}`);
  return {
    text: `MATCH (start:Entity {id: $id})
           CALL (start) {
             MATCH (start)-[*1..${depth}]-(m:Entity) WHERE m <> start
             WITH DISTINCT m ORDER BY m.id LIMIT $probe
             RETURN collect(m) AS found
           }
           WITH start, found, size(found) >= $probe AS truncated
           WITH truncated, [start] + found[0..$others] AS kept
           CALL (kept) {
             UNWIND kept AS a
             MATCH (a)-[r]->(b) WHERE b IN kept
             RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id, role: r.role, passageIds: r.passageIds,
                             inherited: coalesce(r.inherited, false), inferred: coalesce(r.inferred, false)}) AS edges
           }
           RETURN truncated, [n IN kept | ${NODE('n')}] AS nodes, edges`,
    params: { id, probe: limit, others: limit - 1 },
  };
}

/**
 * The k shortest paths (GQL SHORTEST, Neo4j 5.21+). Cypher takes k and the hop bound only as
 * literals, so both are checked to be small integers before they reach the text.
 */
export function shortestPaths(fromId: string, toId: string, maxHops: number, first: number, excludeTypes: string[], statedOnly = false): CypherQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) throw new Error(`maxHops out of range: ${maxHops}`);
  if (!Number.isInteger(first) || first < 1 || first > 20) throw new Error(`first out of range: ${first}`);
  return {
    text: `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
           MATCH p = SHORTEST ${first} (a)-[r WHERE NOT type(r) IN $excludeTypes AND NOT (${statedOnly ? 'coalesce(r.inferred, false)' : 'false'})]-{1,${maxHops}}(b)
           WHERE all(n IN nodes(p) WHERE n:Entity)
           RETURN [n IN nodes(p) | ${NODE('n')}] AS nodes,
                  [x IN relationships(p) | {type: type(x), from: startNode(x).id, passageIds: x.passageIds,
                                             inherited: coalesce(x.inherited, false), inferred: coalesce(x.inferred, false)}] AS rels
           ORDER BY size(rels)`,
    params: { fromId, toId, excludeTypes },
  };
}

export function entitiesExist(ids: string[]): CypherQuery {
  return { text: 'UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) RETURN id, n IS NOT NULL AS found', params: { ids } };
}
