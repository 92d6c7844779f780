import { SEARCH_INDEX } from '../neo4j/migrations.js';
import type { CypherQuery } from '../neo4j/executor.js';

/** Best hits first; the kinds filter applies before the limit, so a page is always full when it can be. */
export function searchEntities(lucene: string, limit: number, kinds: string[] | null): CypherQuery {
  return {
    text: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
           WHERE $kinds IS NULL OR node.kind IN $kinds
           WITH node, score ORDER BY score DESC, node.id LIMIT $limit
           RETURN node {.*, sourceKeys: null} AS node, score`,
    params: { index: SEARCH_INDEX, lucene, limit, kinds },
  };
}
