import type { CypherQuery } from '../neo4j/executor.js';

const NODE = 'n {.*, sourceKeys: null}';

/** The cases an entity appears in: those whose files state or mention it, and those it has a role in. */
export const CASES_OF_N = `reduce(acc = [], c IN coalesce(n.caseIds, []) + [(n)-[:HAS_ROLE]->(r:Case) | r.id] |
                     CASE WHEN c IN acc OR c = n.id THEN acc ELSE acc + c END)`;

/** Entities that appear in more than one case, the most shared first. */
export function sharedEntitiesPage(offset: number, limit: number): CypherQuery {
  return {
    text: `MATCH (n:Entity) WITH n, ${CASES_OF_N} AS cases WHERE size(cases) > 1
           RETURN ${NODE} AS node ORDER BY size(cases) DESC, n.id SKIP $offset LIMIT $limit`,
    params: { offset, limit },
  };
}

export function countSharedEntities(): CypherQuery {
  return { text: `MATCH (n:Entity) WITH n, ${CASES_OF_N} AS cases WHERE size(cases) > 1 RETURN count(n) AS total` };
}


