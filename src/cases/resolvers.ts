import { entityFields, referenceFields, timeField } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import { CASE_ACTS } from '../acts/lists.js';
import { CASE_CLAIMS } from '../claims/lists.js';
import { CASE_EVENTS } from '../events/lists.js';
import { connectionField } from '../graphql/connection-field.js';
import type { Context } from '../graphql/context.js';
import { readPage, toConnection } from '../graphql/pagination.js';
import { notFound } from '../shared/errors.js';
import { CASES_HEARD, CHARGES, DOCUMENTS, EVIDENCE, RULINGS, WITHHELD_FROM } from './lists.js';
import { casesPage, countCases } from './queries.js';

export const caseResolvers = {
  Case: {
    ...entityFields,
    ...referenceFields('Case'),
    caption: (n: NodeProps) => n.caption ?? n.name,
    charges: connectionField(CHARGES),
    evidence: connectionField(EVIDENCE),
    rulings: connectionField(RULINGS),
    events: connectionField(CASE_EVENTS),
    caseActs: connectionField(CASE_ACTS),
    caseClaims: connectionField(CASE_CLAIMS),
    documents: connectionField(DOCUMENTS),
  },
  Charge: { ...entityFields, ...referenceFields('Charge') },
  Evidence: { ...entityFields, ...referenceFields('Evidence'), received: timeField('received'), withheldFrom: connectionField(WITHHELD_FROM) },
  Ruling: { ...entityFields, ...referenceFields('Ruling'), time: timeField('time') },
  Court: { casesHeard: connectionField(CASES_HEARD) },
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
