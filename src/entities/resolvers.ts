import type { Context } from '../graphql/context.js';
import { readPage, toConnection } from '../graphql/pagination.js';
import { ENTITY_KINDS, NODE_KINDS, kindToEnum, type NodeKind } from '../model/kinds.js';
import { sourcesField } from '../provenance/sources.js';
import { notFound } from '../shared/errors.js';
import { ends, entityFields, referenceFields } from './fields.js';
import { countEntities, entitiesPage, type EntityFilter } from './queries.js';
import type { NodeProps, RelationshipRow } from './types.js';

/** The plain entity kinds need only the common fields plus any references they have. */
const plainKinds = Object.fromEntries(
  ENTITY_KINDS.filter((kind) => kind !== 'Case').map((kind) => [kind, { ...entityFields, ...referenceFields(kind) }]),
);

export const entityResolvers = {
  EntityKind: Object.fromEntries(NODE_KINDS.map((kind) => [kindToEnum(kind), kind])),
  Entity: { __resolveType: (n: NodeProps) => n.kind },
  ...plainKinds,
  Relationship: {
    id: (r: RelationshipRow) => r.props.id,
    from: (r: RelationshipRow) => ends(r).from,
    to: (r: RelationshipRow) => ends(r).to,
    role: (r: RelationshipRow) => r.props.role ?? null,
    description: (r: RelationshipRow) => r.props.description ?? null,
    inherited: (r: RelationshipRow) => r.props.inherited === true,
    inferred: (r: RelationshipRow) => r.props.inferred === true,
    reason: (r: RelationshipRow) => r.props.reason ?? null,
    sources: sourcesField((r: RelationshipRow) => r.props.passageIds),
    case: (r: RelationshipRow, _: unknown, ctx: Context) => (r.props.caseId ? ctx.loaders.nodes.load(String(r.props.caseId)) : null),
  },
  Query: {
    ok: () => true,
    entity: async (_: unknown, args: { id: string }, ctx: Context) => {
      const node = await ctx.loaders.nodes.load(args.id);
      if (!node) throw notFound('entity', args.id);
      return node;
    },
    entities: async (_: unknown, args: { kind?: NodeKind | null; caseId?: string | null; first?: number; after?: string | null }, ctx: Context) => {
      const page = readPage(args.first, args.after);
      const filter: EntityFilter = { kind: args.kind ?? null, caseId: args.caseId ?? null };
      if (filter.caseId && (await ctx.loaders.nodes.load(filter.caseId))?.kind !== 'Case') throw notFound('case', filter.caseId);
      const rows = await ctx.executor.read<{ node: NodeProps }>(entitiesPage(filter, page.offset, page.limit + 1));
      return toConnection(rows.map((r) => r.node), page, async () => {
        const [row] = await ctx.executor.read<{ total: number }>(countEntities(filter));
        return row?.total ?? 0;
      });
    },
  },
};
