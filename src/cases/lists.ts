import type { Filter, ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { entityList } from '../entities/lists.js';
import { nodeMap } from '../entities/queries.js';
import { chronological } from '../events/date-range.js';

const FILE_ORDER = 'm.seq, m.id';

/** Case.charges: in the order of the case file, then by id. */
export const CHARGES: ListDefinition<PageArgs> = { field: 'Case.charges', match: 'MATCH (n)<-[:CHARGED_IN]-(m:Charge)', order: FILE_ORDER, item: nodeMap('m') };

/** Case.evidence: in the order of the case file, then by id; optionally only (un)disclosed evidence. */
export const EVIDENCE: ListDefinition<PageArgs & { disclosed?: boolean | null }> = {
  field: 'Case.evidence',
  match: 'MATCH (n)<-[:EVIDENCE_IN]-(m:Evidence)',
  filters: [(args) => (typeof args.disclosed === 'boolean' ? { where: 'm.disclosed = $disclosed', params: { disclosed: args.disclosed } } : null)],
  order: FILE_ORDER,
  item: nodeMap('m'),
};

export type RulingArgs = PageArgs & { disposition?: string | null };

/** `disposition`: only rulings with this kind of disposition (the enum arrives as the stored value). */
export const dispositionFilter: Filter<RulingArgs> = (args) =>
  args.disposition ? { where: 'm.dispositionKind = $disposition', params: { disposition: args.disposition } } : null;

/** Case.rulings: in date order by the best-known time, undated last; optionally of one disposition. */
export const RULINGS: ListDefinition<RulingArgs> = {
  field: 'Case.rulings',
  match: 'MATCH (n)<-[:RULING_IN]-(m:Ruling)',
  filters: [dispositionFilter],
  order: chronological(),
  item: nodeMap('m'),
};

/** Case.documents: the documents its file quotes, by title, then id. */
export const DOCUMENTS: ListDefinition<PageArgs> = {
  field: 'Case.documents',
  match: 'UNWIND coalesce(n.documentIds, []) AS documentId MATCH (m:SourceDocument {id: documentId})',
  order: 'm.title, m.id',
  item: nodeMap('m'),
};

/** Court.casesHeard: by id, like the cases query. */
export const CASES_HEARD: ListDefinition<PageArgs> = { field: 'Court.casesHeard', match: 'MATCH (n)<-[:HEARD_IN]-(m:Case)', order: 'm.id', item: nodeMap('m') };

/** Evidence.withheldFrom: by name. */
export const WITHHELD_FROM = entityList('Evidence.withheldFrom', 'MATCH (n)-[:WITHHELD_FROM]->(m:Entity)');
