import type { ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { nodeMap } from '../entities/queries.js';

/** Case.opinions: in the order of the record. */
export const OPINIONS: ListDefinition<PageArgs> = { field: 'Case.opinions', match: 'MATCH (n)<-[:OPINION_IN]-(m:Opinion)', order: 'm.seq, m.id', item: nodeMap('m') };

/** Case.cites and Opinion.cites: the authorities cited, by citation. */
export const CASE_CITES: ListDefinition<PageArgs> = { field: 'Case.cites', match: 'MATCH (n)-[:CITES]->(m:Authority)', order: 'm.citation, m.id', item: nodeMap('m') };
export const OPINION_CITES: ListDefinition<PageArgs> = { ...CASE_CITES, field: 'Opinion.cites' };

/** Case.citedBy: cases citing a citation this case is reported under, by id. */
export const CASE_CITED_BY: ListDefinition<PageArgs> = {
  field: 'Case.citedBy',
  match: 'MATCH (n)-[:REPORTED_AS]->(:Authority)<-[:CITES]-(m:Case) WHERE m <> n',
  order: 'm.id',
  item: nodeMap('m'),
};

/** Authority.citedBy: the cases citing it, by id. */
export const AUTHORITY_CITED_BY: ListDefinition<PageArgs> = { field: 'Authority.citedBy', match: 'MATCH (n)<-[:CITES]-(m:Case)', order: 'm.id', item: nodeMap('m') };

/** Case.citingSameAuthorities: other cases citing what this one cites, most in common first. */
export const CITING_SAME: ListDefinition<PageArgs> = {
  field: 'Case.citingSameAuthorities',
  match: 'MATCH (n)-[:CITES]->(:Authority)<-[:CITES]-(m:Case) WHERE m <> n WITH n, m, count(*) AS shared',
  distinct: 'm, shared',
  order: 'shared DESC, m.id',
  item: nodeMap('m'),
};
