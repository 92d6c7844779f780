import { entityFields, referenceFields, timeField } from '../entities/fields.js';
import { EVENT_ACTS } from '../acts/lists.js';
import { connectionField, loadConnection } from '../graphql/connection-field.js';
import type { Context } from '../graphql/context.js';
import type { TimeValue } from '../model/time.js';
import { notFound } from '../shared/errors.js';
import { timeOrderOf } from './placement.js';
import { CASE_EVENTS, INVOLVED, PLACE_EVENTS, SUB_EVENTS, type EventArgs } from './lists.js';

const pad = (n: number) => String(n).padStart(2, '0');

export const eventResolvers = {
  Event: {
    ...entityFields,
    ...referenceFields('Event'),
    time: timeField('time'),
    timeOrder: timeOrderOf,
    subEvents: connectionField(SUB_EVENTS),
    involved: connectionField(INVOLVED),
    eventActs: connectionField(EVENT_ACTS),
  },
  Place: { events: connectionField(PLACE_EVENTS) },
  Time: {
    iso: (t: TimeValue) =>
      t.year !== null
        ? [String(t.year).padStart(4, '0'), ...(t.month !== null ? [pad(t.month)] : []), ...(t.month !== null && t.day !== null ? [pad(t.day)] : [])].join('-')
        : t.month !== null
          ? `--${pad(t.month)}`
          : null,
  },
  Query: {
    /** The same list as Case.events, so both share a batch. */
    timeline: async (_: unknown, args: EventArgs & { caseId: string }, ctx: Context) => {
      const events = await loadConnection(ctx, CASE_EVENTS, args.caseId, args);
      if (!events) throw notFound('case', args.caseId);
      return events;
    },
  },
};
