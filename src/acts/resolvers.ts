import { entityFields, referenceFields, timeField } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import { dateRangeFilter, type DateRangeArgs } from '../events/date-range.js';
import type { Context } from '../graphql/context.js';
import { readPage, toConnection, type PageArgs } from '../graphql/pagination.js';
import { notFound } from '../shared/errors.js';
import { timeOrderOf } from '../events/placement.js';
import { actsPage, countActs, filterTargets, type ActFilter } from './queries.js';

type WhoDidWhatArgs = PageArgs & DateRangeArgs & { caseId?: string | null; actorId?: string | null };

const byDate = dateRangeFilter();

export const actResolvers = {
  Act: { ...entityFields, ...referenceFields('Act'), time: timeField('time'), timeOrder: timeOrderOf },
  Query: {
    whoDidWhat: async (_: unknown, args: WhoDidWhatArgs, ctx: Context) => {
      const page = readPage(args.first, args.after);
      const dates = byDate(args);
      const filter: ActFilter = { caseId: args.caseId ?? null, actorId: args.actorId ?? null, conditions: dates ? [dates] : [] };
      const rows = await ctx.executor.read<{ node: NodeProps }>(actsPage(filter, page.offset, page.limit + 1));
      if (rows.length === 0 && (filter.caseId || filter.actorId)) {
        const [found] = await ctx.executor.read<{ caseFound: boolean; actorFound: boolean }>(filterTargets(filter));
        if (filter.caseId && !found?.caseFound) throw notFound('case', filter.caseId);
        if (filter.actorId && !found?.actorFound) throw notFound('entity', filter.actorId);
      }
      return toConnection(rows.map((r) => r.node), page, async () => (await ctx.executor.read<{ total: number }>(countActs(filter)))[0]?.total ?? 0);
    },
  },
};
