import type { CypherQuery } from '../neo4j/executor.js';

/** Passages by id with their document's id and title (not its text: sources stay small). */
export function passagesById(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (p:Passage {id: $ids[i]})-[:QUOTED_FROM]->(d:SourceDocument)
           RETURN i, p.quote AS quote, p.pointer AS pointer, p.start AS start, p.end AS end, d.id AS documentId`,
    params: { ids },
  };
}
