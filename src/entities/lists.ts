import type { ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { CASES_OF_N } from '../ingest/queries.js';
import type { NodeKind } from '../model/kinds.js';
import { inferredFilter, kindsFilter, typesFilter } from './filters.js';
import { nodeMap, RELATIONSHIP_ITEM } from './queries.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';
export interface EntityListArgs extends PageArgs {
  kinds?: NodeKind[] | null;
}
export interface RelationshipArgs extends PageArgs {
  direction?: Direction | null;
  types?: string[] | null;
  inferred?: boolean | null;
}

/** A list of entities reached from the parent by `match`, by name then id, with a kinds filter. */
export function entityList(field: string, match: string, parentLabel?: string): ListDefinition<EntityListArgs> {
  return { field, parentLabel, match, filters: [kindsFilter], order: 'm.name, m.id', item: nodeMap('m') };
}

/** Entity.cases: the cases it takes part in (cases/membership.ts), by id. */
export const ENTITY_CASES: ListDefinition<PageArgs> = {
  field: 'Entity.cases',
  match: `UNWIND ${CASES_OF_N} AS caseId MATCH (m:Case {id: caseId})`,
  order: 'm.id',
  item: nodeMap('m'),
};

/** Entity.mentionedIn: the cases whose files state or mention it (the loader's caseIds), by id. */
export const MENTIONED_IN: ListDefinition<PageArgs> = {
  field: 'Entity.mentionedIn',
  match: `UNWIND [c IN coalesce(n.caseIds, []) WHERE c <> n.id] AS caseId MATCH (m:Case {id: caseId})`,
  order: 'm.id',
  item: nodeMap('m'),
};

const PATTERNS: Record<Direction, string> = {
  OUTGOING: 'MATCH (n)-[r]->(m:Entity)',
  INCOMING: 'MATCH (n)<-[r]-(m:Entity)',
  BOTH: 'MATCH (n)-[r]-(m:Entity)',
};

/** Entity.relationships: by type, then the other end's name, then the relationship's id. */
export const RELATIONSHIPS: ListDefinition<RelationshipArgs> = {
  field: 'Entity.relationships',
  match: (args) => PATTERNS[args.direction ?? 'BOTH'],
  filters: [typesFilter, inferredFilter],
  distinct: 'r, m',
  order: 'type(r), m.name, r.id',
  item: RELATIONSHIP_ITEM,
};
