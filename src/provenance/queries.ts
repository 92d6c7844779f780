import type { CypherQuery } from '../neo4j/executor.js';

/** The passage ids of nodes by id (left out of the nodes the service reads: see entities/queries.ts). */
export function passageIdsOf(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (n:Entity {id: $ids[i]})
           RETURN i, coalesce(n.passageIds, []) AS passageIds`,
    params: { ids },
  };
}

/** Passages by id with their document's id and title (not its text: sources stay small). */
export function passagesById(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (p:Passage {id: $ids[i]})-[:QUOTED_FROM]->(d:SourceDocument)
           RETURN i, p.quote AS quote, p.start AS start, p.end AS end, d.id AS documentId`,
    params: { ids },
  };
}
