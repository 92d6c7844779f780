import type { ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { inferredFilter } from '../entities/filters.js';
import { RELATIONSHIP_ITEM } from '../entities/queries.js';
import { roleKey, roleKeyCypher } from './role-names.js';

export interface RoleArgs extends PageArgs {
  role?: string | null;
  inferred?: boolean | null;
}

const roleList = (field: string, match: string): ListDefinition<RoleArgs> => ({
  field,
  match,
  filters: [(args) => (args.role ? { where: `${roleKeyCypher('r.role')} = $role`, params: { role: roleKey(args.role) } } : null), inferredFilter],
  distinct: 'r, m',
  order: 'r.role, m.name, r.id',
  item: RELATIONSHIP_ITEM,
});

/** Entity.roles: roles it holds, by role name, then the name of what the role is in, then id. */
export const ROLES_HELD = roleList('Entity.roles', 'MATCH (n)-[r:HAS_ROLE]->(m:Entity)');

/** Entity.participants: roles others hold in it, by role name, then the holder's name, then id. */
export const ROLES_WITHIN = roleList('Entity.participants', 'MATCH (n)<-[r:HAS_ROLE]-(m:Entity)');
