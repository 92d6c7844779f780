import type { ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { nodeMap } from '../entities/queries.js';
import { chronological, dateRangeFilter, type DateRangeArgs } from '../events/date-range.js';

export type ActParticipation = 'ACTOR' | 'TARGET' | 'OBJECT' | 'INSTRUMENT';
export type ActArgs = PageArgs & DateRangeArgs & { as?: ActParticipation | null };

/** How each part in an act is stored: actor PERFORMED act; act TARGETED / ACTED_ON / USED it. */
const PARTICIPATION: Record<ActParticipation, string> = {
  ACTOR: 'MATCH (n)-[:PERFORMED]->(m:Act)',
  TARGET: 'MATCH (n)<-[:TARGETED]-(m:Act)',
  OBJECT: 'MATCH (n)<-[:ACTED_ON]-(m:Act)',
  INSTRUMENT: 'MATCH (n)<-[:USED]-(m:Act)',
};

const actList = (field: string, match: ListDefinition<ActArgs>['match']): ListDefinition<ActArgs> => ({
  field,
  match,
  filters: [dateRangeFilter()],
  order: chronological(),
  item: nodeMap('m'),
});

/** Entity.acts: acts it took part in, in the part `as` names, in date order. */
export const ACTS_OF = actList('Entity.acts', (args) => PARTICIPATION[args.as ?? 'ACTOR']);
/** Case.caseActs: who did what in the case, in date order. */
export const CASE_ACTS = actList('Case.caseActs', 'MATCH (n)<-[:IN_CASE]-(m:Act)');
/** Event.eventActs: the acts part of the event, in date order. */
export const EVENT_ACTS = actList('Event.eventActs', 'MATCH (n)<-[:PART_OF]-(m:Act)');
