import { entityFields, incoming, referenceFields, timeField } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import type { TimeValue } from '../model/time.js';
import { notFound } from '../shared/errors.js';
import { timelineOf } from './queries.js';

const pad = (n: number) => String(n).padStart(2, '0');

export const eventResolvers = {
  Event: {
    ...entityFields,
    ...referenceFields('Event'),
    involved: referenceFields('Event').participants,
    time: timeField('time'),
    subEvents: incoming('PART_OF', 'Event'),
    eventActs: incoming('PART_OF', 'Act'),
  },
  Place: { events: incoming('OCCURRED_AT', 'Event') },
  Time: {
    iso: (t: TimeValue) =>
      t.year !== null
        ? [String(t.year).padStart(4, '0'), ...(t.month !== null ? [pad(t.month)] : []), ...(t.month !== null && t.day !== null ? [pad(t.day)] : [])].join('-')
        : t.month !== null
          ? `--${pad(t.month)}`
          : null,
  },
  Query: {
    timeline: async (_: unknown, args: { caseId: string }, ctx: Context) => {
      const rows = await ctx.executor.read<{ node: NodeProps | null }>(timelineOf(args.caseId));
      if (rows.length === 0) throw notFound('case', args.caseId);
      return rows.flatMap((r) => (r.node ? [r.node] : []));
    },
  },
};
