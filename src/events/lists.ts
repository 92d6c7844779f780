import type { ListDefinition } from '../graphql/connection-plan.js';
import type { PageArgs } from '../graphql/pagination.js';
import { entityList } from '../entities/lists.js';
import { nodeMap } from '../entities/queries.js';
import { chronological, dateRangeFilter, type DateRangeArgs } from './date-range.js';

export type EventArgs = PageArgs & DateRangeArgs;

const eventList = (field: string, match: string, parentLabel?: string): ListDefinition<EventArgs> => ({
  field,
  parentLabel,
  match,
  filters: [dateRangeFilter()],
  order: chronological(),
  item: nodeMap('m'),
});

/** Case.events and the timeline query: the events of a case in date order. */
export const CASE_EVENTS = eventList('Case.events', 'MATCH (n)<-[:IN_CASE]-(m:Event)', 'Case');
/** Place.events: what happened there, in date order. */
export const PLACE_EVENTS = eventList('Place.events', 'MATCH (n)<-[:OCCURRED_AT]-(m:Event)');
/** Event.subEvents: the events part of this one, in date order. */
export const SUB_EVENTS = eventList('Event.subEvents', 'MATCH (n)<-[:PART_OF]-(m:Event)');
/** Event.involved: who or what took part, by name. */
export const INVOLVED = entityList('Event.involved', 'MATCH (n)<-[:PARTICIPATED_IN]-(m:Entity)');
