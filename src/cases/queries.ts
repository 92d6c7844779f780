import type { CypherQuery } from '../neo4j/executor.js';
import { nodeMap } from '../entities/queries.js';
import { bestSortKey } from '../events/date-range.js';
import { DISPOSITION_KINDS } from '../model/kinds.js';

export function casesPage(offset: number, limit: number): CypherQuery {
  return {
    text: `MATCH (c:Case) RETURN ${nodeMap('c')} AS node ORDER BY c.id SKIP $offset LIMIT $limit`,
    params: { offset, limit },
  };
}

export interface RulingFilter {
  caseId: string | null;
  disposition: string | null;
}

function matchRulings(filter: RulingFilter): string {
  if (filter.disposition !== null && !(DISPOSITION_KINDS as readonly string[]).includes(filter.disposition)) throw new Error(`not a disposition: ${filter.disposition}`);
  const match = filter.caseId ? 'MATCH (:Case {id: $caseId})<-[:RULING_IN]-(m:Ruling)' : 'MATCH (m:Ruling)';
  return filter.disposition !== null ? `${match} WHERE m.dispositionKind = $disposition` : match;
}

/** The rulings query: by best-known time, undated last; then by case, case-file order and id. */
export function rulingsPage(filter: RulingFilter, offset: number, limit: number): CypherQuery {
  const best = bestSortKey('m');
  return {
    text: `${matchRulings(filter)}
           RETURN ${nodeMap('m')} AS node
           ORDER BY ${best} IS NULL, ${best}, m.time_sortKey IS NULL, m.caseIds[0], m.seq, m.id SKIP $offset LIMIT $limit`,
    params: { ...filter, offset, limit },
  };
}

export function countRulings(filter: RulingFilter): CypherQuery {
  return { text: `${matchRulings(filter)} RETURN count(m) AS total`, params: { ...filter } };
}

export function caseExists(caseId: string): CypherQuery {
  return { text: 'RETURN EXISTS { MATCH (:Case {id: $caseId}) } AS found', params: { caseId } };
}

export function countCases(): CypherQuery {
  return { text: 'MATCH (c:Case) RETURN count(c) AS total' };
}

