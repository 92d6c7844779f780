import type { CypherQuery } from '../neo4j/executor.js';

import { casesOf } from '../cases/membership.js';

const NODE = 'n {.*, sourceKeys: null}';

/** The cases an entity takes part in (see cases/membership.ts). */
export const CASES_OF_N = casesOf('n');

/** Entities that take part in more than one case, the most shared first. */
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


