import { SEARCH_INDEX } from '../neo4j/migrations.js';
import type { CypherQuery } from '../neo4j/executor.js';

export function searchEntities(lucene: string, limit: number): CypherQuery {
  return {
    text: `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit}) YIELD node, score
           RETURN node {.*, sourceKeys: null} AS node, score
           ORDER BY score DESC, node.id`,
    params: { index: SEARCH_INDEX, lucene, limit },
  };
}
