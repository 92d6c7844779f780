import type { Condition } from '../graphql/connection-plan.js';
import type { CypherQuery } from '../neo4j/executor.js';
import { nodeMap } from '../entities/queries.js';

export interface ActFilter {
  caseId: string | null;
  actorId: string | null;
  /** Further conditions on the act `m`, e.g. a date range. */
  conditions: Condition[];
}

/** Starts from the most selective anchor the filter gives, so each filter uses an index. */
function matchActs(filter: ActFilter): string {
  const match = filter.actorId
    ? 'MATCH (:Entity {id: $actorId})-[:PERFORMED]->(m:Act)'
    : filter.caseId
      ? 'MATCH (:Case {id: $caseId})<-[:IN_CASE]-(m:Act)'
      : 'MATCH (m:Act)';
  const where = [...(filter.actorId && filter.caseId ? ['(m)-[:IN_CASE]->(:Case {id: $caseId})'] : []), ...filter.conditions.map((c) => `(${c.where})`)];
  return where.length ? `${match}\nWHERE ${where.join(' AND ')}` : match;
}

const params = (filter: ActFilter) => Object.assign({ caseId: filter.caseId, actorId: filter.actorId }, ...filter.conditions.map((c) => c.params ?? {}));

/** A page of acts, in a stable order: by case, then the order of the case file. */
export function actsPage(filter: ActFilter, offset: number, limit: number): CypherQuery {
  return {
    text: `${matchActs(filter)}
           RETURN ${nodeMap('m')} AS node
           ORDER BY m.caseIds[0], m.seq, m.id SKIP $offset LIMIT $limit`,
    params: { ...params(filter), offset, limit },
  };
}

export function countActs(filter: ActFilter): CypherQuery {
  return { text: `${matchActs(filter)}\nRETURN count(m) AS total`, params: params(filter) };
}

/** Whether the ids a filter names exist, so an unknown id is reported instead of an empty list. */
export function filterTargets(filter: ActFilter): CypherQuery {
  return {
    text: `RETURN EXISTS { MATCH (:Case {id: $caseId}) } AS caseFound, EXISTS { MATCH (:Entity {id: $actorId}) } AS actorFound`,
    params: { caseId: filter.caseId, actorId: filter.actorId },
  };
}
