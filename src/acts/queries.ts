import type { CypherQuery } from '../neo4j/executor.js';

export interface ActFilter {
  caseId: string | null;
  actorId: string | null;
}

/** Starts from the most selective anchor the filter gives, so each filter uses an index. */
function matchActs(filter: ActFilter): string {
  const parts: string[] = [];
  if (filter.actorId) parts.push('MATCH (:Entity {id: $actorId})-[:PERFORMED]->(a:Act)');
  if (filter.caseId) parts.push(filter.actorId ? 'WHERE (a)-[:IN_CASE]->(:Case {id: $caseId})' : 'MATCH (:Case {id: $caseId})<-[:IN_CASE]-(a:Act)');
  return parts.length ? parts.join('\n') : 'MATCH (a:Act)';
}

/** A page of acts, in a stable order: by case, then the order of the case file. */
export function actsPage(filter: ActFilter, offset: number, limit: number): CypherQuery {
  return {
    text: `${matchActs(filter)}
           RETURN a {.*, sourceKeys: null} AS node
           ORDER BY a.caseIds[0], a.seq, a.id SKIP $offset LIMIT $limit`,
    params: { ...filter, offset, limit },
  };
}

export function countActs(filter: ActFilter): CypherQuery {
  return { text: `${matchActs(filter)}\nRETURN count(a) AS total`, params: { ...filter } };
}

/** Whether the ids a filter names exist, so an unknown id is reported instead of an empty list. */
export function filterTargets(filter: ActFilter): CypherQuery {
  return {
    text: `RETURN EXISTS { MATCH (:Case {id: $caseId}) } AS caseFound, EXISTS { MATCH (:Entity {id: $actorId}) } AS actorFound`,
    params: { ...filter },
  };
}
