import type { CypherQuery } from '../neo4j/executor.js';

const NODE = 'n {.*, sourceKeys: null}';

/** Entities stated or mentioned by more than one case, the most shared first. */
export function sharedEntitiesPage(offset: number, limit: number): CypherQuery {
  return {
    text: `MATCH (n:Entity) WHERE size(n.caseIds) > 1
           RETURN ${NODE} AS node ORDER BY size(n.caseIds) DESC, n.id SKIP $offset LIMIT $limit`,
    params: { offset, limit },
  };
}

export function countSharedEntities(): CypherQuery {
  return { text: 'MATCH (n:Entity) WHERE size(n.caseIds) > 1 RETURN count(n) AS total' };
}
