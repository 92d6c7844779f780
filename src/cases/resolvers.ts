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
import { caseExists, casesPage, countCases, countRulings, rulingsPage, type RulingFilter } from './queries.js';
import { timeOrderOf } from '../events/placement.js';
import { DISPOSITION_KINDS } from '../model/kinds.js';

/** DispositionKind: the API's enum values for the lower-case values case files write. */
const DISPOSITION_ENUM = Object.fromEntries(DISPOSITION_KINDS.map((kind) => [kind.toUpperCase(), kind]));

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
  DispositionKind: DISPOSITION_ENUM,
  Ruling: { ...entityFields, ...referenceFields('Ruling'), time: timeField('time'), timeOrder: timeOrderOf },
  Court: { casesHeard: connectionField(CASES_HEARD) },
  Query: {
    case: async (_: unknown, args: { id: string }, ctx: Context) => {
      const node = await ctx.loaders.nodes.load(args.id);
      if (node?.kind !== 'Case') throw notFound('case', args.id);
      return node;
    },
    rulings: async (_: unknown, args: { caseId?: string | null; disposition?: string | null; first?: number; after?: string | null }, ctx: Context) => {
      const page = readPage(args.first, args.after);
      const filter: RulingFilter = { caseId: args.caseId ?? null, disposition: args.disposition ?? null };
      const rows = await ctx.executor.read<{ node: NodeProps }>(rulingsPage(filter, page.offset, page.limit + 1));
      if (rows.length === 0 && filter.caseId !== null) {
        const [found] = await ctx.executor.read<{ found: boolean }>(caseExists(filter.caseId));
        if (!found?.found) throw notFound('case', filter.caseId);
      }
      return toConnection(rows.map((r) => r.node), page, async () => (await ctx.executor.read<{ total: number }>(countRulings(filter)))[0]?.total ?? 0);
    },
    cases: async (_: unknown, args: { first?: number; after?: string | null }, ctx: Context) => {
      const page = readPage(args.first, args.after);
      const rows = await ctx.executor.read<{ node: NodeProps }>(casesPage(page.offset, page.limit + 1));
      return toConnection(rows.map((r) => r.node), page, async () => (await ctx.executor.read<{ total: number }>(countCases()))[0]?.total ?? 0);
    },
  },
};
