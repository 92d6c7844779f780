import { entityFields, incoming, referenceFields, timeField } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import { readPage, toConnection } from '../graphql/pagination.js';
import { notFound } from '../shared/errors.js';
import { casesPage, countCases } from './queries.js';

export const caseResolvers = {
  Case: {
    ...entityFields,
    ...referenceFields('Case'),
    caption: (n: NodeProps) => n.caption ?? n.name,
    charges: incoming('CHARGED_IN'),
    evidence: incoming('EVIDENCE_IN'),
    rulings: incoming('RULING_IN'),
    events: incoming('IN_CASE', 'Event'),
    caseActs: incoming('IN_CASE', 'Act'),
    caseClaims: incoming('IN_CASE', 'Claim'),
    documents: (n: NodeProps, _: unknown, ctx: Context) => ctx.loaders.nodes.loadMany((n.documentIds as string[] | undefined) ?? []),
  },
  Charge: { ...entityFields, ...referenceFields('Charge') },
  Evidence: { ...entityFields, ...referenceFields('Evidence'), received: timeField('received') },
  Ruling: { ...entityFields, ...referenceFields('Ruling'), time: timeField('time') },
  Court: { casesHeard: incoming('HEARD_IN') },
  Query: {
    case: async (_: unknown, args: { id: string }, ctx: Context) => {
      const node = await ctx.loaders.nodes.load(args.id);
      if (node?.kind !== 'Case') throw notFound('case', args.id);
      return node;
    },
    cases: async (_: unknown, args: { first?: number; after?: string | null }, ctx: Context) => {
      const page = readPage(args.first, args.after);
      const rows = await ctx.executor.read<{ node: NodeProps }>(casesPage(page.offset, page.limit + 1));
      return toConnection(rows.map((r) => r.node), page, async () => (await ctx.executor.read<{ total: number }>(countCases()))[0]?.total ?? 0);
    },
  },
};
