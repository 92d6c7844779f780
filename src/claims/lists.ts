import type { Filter, ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { entityList } from '../entities/lists.js';
import { nodeMap } from '../entities/queries.js';
import { chronological } from '../events/date-range.js';

/** Stance and status arrive as the stored lower-case values (the enums map them). */
export interface ClaimArgs extends PageArgs {
  stance?: string | null;
  status?: string | null;
}

const stanceFilter: Filter<ClaimArgs> = (args) => (args.stance ? { where: 'm.stance = $stance', params: { stance: args.stance } } : null);
const statusFilter: Filter<ClaimArgs> = (args) => (args.status ? { where: 'm.status = $status', params: { status: args.status } } : null);

const claimList = (field: string, match: string, options: Partial<ListDefinition<ClaimArgs>> = {}): ListDefinition<ClaimArgs> => ({
  field,
  match,
  filters: [stanceFilter, statusFilter],
  order: chronological(),
  item: nodeMap('m'),
  ...options,
});

/** Entity.claims: claims it made. */
export const CLAIMS_MADE = claimList('Entity.claims', 'MATCH (n)-[:ASSERTED]->(m:Claim)');
/** Case.caseClaims: claims made in the case. */
export const CASE_CLAIMS = claimList('Case.caseClaims', 'MATCH (n)<-[:IN_CASE]-(m:Claim)');
/** Claim.disputes: claims this one contradicts. */
export const DISPUTES = claimList('Claim.disputes', 'MATCH (n)-[:DISPUTES]->(m:Claim)');
/** Claim.disputedBy: claims that contradict this one. */
export const DISPUTED_BY = claimList('Claim.disputedBy', 'MATCH (n)<-[:DISPUTES]-(m:Claim)');
/** contestedClaims: the claims of a case that some claim disputes. */
export const CONTESTED = claimList('Query.contestedClaims', 'MATCH (n)<-[:IN_CASE]-(m:Claim)', {
  parentLabel: 'Case',
  where: ['EXISTS { (m)<-[:DISPUTES]-(:Claim) }'],
});
/** Claim.about: what the claim is about, by name. */
export const ABOUT = entityList('Claim.about', 'MATCH (n)-[:ABOUT]->(m:Entity)');
