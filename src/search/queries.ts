import { SEARCH_INDEX } from '../neo4j/migrations.js';
import type { CypherQuery } from '../neo4j/executor.js';
import { nodeMap } from '../entities/queries.js';

const hits = `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
           WHERE $kinds IS NULL OR node.kind IN $kinds`;

/** Best hits first, ties by id; the kinds filter applies before paging, so a page is always full when it can be. */
export function searchEntities(lucene: string, kinds: string[] | null, offset: number, limit: number): CypherQuery {
  return {
    text: `${hits}
           WITH node, score ORDER BY score DESC, node.id SKIP $offset LIMIT $limit
           RETURN ${nodeMap('node')} AS node, score`,
    params: { index: SEARCH_INDEX, lucene, kinds, offset, limit },
  };
}

export function countSearchHits(lucene: string, kinds: string[] | null): CypherQuery {
  return { text: `${hits}\nRETURN count(node) AS total`, params: { index: SEARCH_INDEX, lucene, kinds } };
}
