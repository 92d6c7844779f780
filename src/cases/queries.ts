import type { CypherQuery } from '../neo4j/executor.js';
import { nodeMap } from '../entities/queries.js';

export function casesPage(offset: number, limit: number): CypherQuery {
  return {
    text: `MATCH (c:Case) RETURN ${nodeMap('c')} AS node ORDER BY c.id SKIP $offset LIMIT $limit`,
    params: { offset, limit },
  };
}

export function countCases(): CypherQuery {
  return { text: 'MATCH (c:Case) RETURN count(c) AS total' };
}

