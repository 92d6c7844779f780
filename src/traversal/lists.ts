import type { ListDefinition } from '../graphql/connection-plan.js';
import { kindsFilter } from '../entities/filters.js';
import type { EntityListArgs } from '../entities/lists.js';
import { nodeMap } from '../entities/queries.js';

/** In a case: its file states or mentions the entity (caseIds), or the entity holds a role in it. */
const inCase = (id: string) => `(${id} IN coalesce(m.caseIds, []) OR (m)-[:HAS_ROLE]->(:Case {id: ${id}}))`;

/** sharedBetween: entities both the parent case and `otherCaseId` state or mention, by name then id. */
export const SHARED_BETWEEN: ListDefinition<EntityListArgs & { otherCaseId: string }> = {
  field: 'Query.sharedBetween',
  parentLabel: 'Case',
  match: 'MATCH (m:Entity)',
  where: [`m.id <> n.id AND ${inCase('n.id')}`],
  filters: [(args) => ({ where: `m.id <> $otherCaseId AND ${inCase('$otherCaseId')}`, params: { otherCaseId: args.otherCaseId } }), kindsFilter],
  order: 'm.name, m.id',
  item: nodeMap('m'),
};
