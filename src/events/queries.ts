import type { CypherQuery } from '../neo4j/executor.js';

/**
 * Events of a case in date order. Dated events come first by their ISO-like sort key (a
 * year-only date sorts before the days of that year); undated ones follow in file order.
 * One row with a null event means the case exists but has no events.
 */
export function timelineOf(caseId: string): CypherQuery {
  return {
    text: `MATCH (c:Case {id: $caseId})
           OPTIONAL MATCH (c)<-[:IN_CASE]-(e:Event)
           RETURN e {.*, sourceKeys: null} AS node
           ORDER BY e.time_sortKey IS NULL, e.time_sortKey, e.seq, e.id`,
    params: { caseId },
  };
}
