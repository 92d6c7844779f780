import type { ListDefinition } from '../graphql/connection-plan.js';
import { kindsFilter } from '../entities/filters.js';
import type { EntityListArgs } from '../entities/lists.js';
import { nodeMap } from '../entities/queries.js';

import { casesOf } from '../cases/membership.js';

/** In a case: the entity takes part in it (see cases/membership.ts). */
const inCase = (id: string) => `${id} IN ${casesOf('m')}`;

/** sharedBetween: entities that take part in both the parent case and `otherCaseId`, by name then id. */
export const SHARED_BETWEEN: ListDefinition<EntityListArgs & { otherCaseId: string }> = {
  field: 'Query.sharedBetween',
  parentLabel: 'Case',
  match: 'MATCH (m:Entity)',
  where: [`m.id <> n.id AND ${inCase('n.id')}`],
  filters: [(args) => ({ where: `m.id <> $otherCaseId AND ${inCase('$otherCaseId')}`, params: { otherCaseId: args.otherCaseId } }), kindsFilter],
  order: 'm.name, m.id',
  item: nodeMap('m'),
};
