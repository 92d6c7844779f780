import { CONTESTED, DISPUTED_BY, type ClaimArgs } from '../claims/lists.js';
import type { EntityListArgs } from '../entities/lists.js';
import type { NodeProps } from '../entities/types.js';
import { connectionField, loadConnection } from '../graphql/connection-field.js';
import type { Context } from '../graphql/context.js';
import { sourcesField } from '../provenance/sources.js';
import { badInput, notFound } from '../shared/errors.js';
import { SHARED_BETWEEN } from './lists.js';
import { entitiesExist, neighborhoodOf, shortestPaths } from './queries.js';

interface EdgeRow {
  id: string;
  type: string;
  from: string;
  to: string;
  role: string | null;
  passageIds: string[] | null;
  inherited: boolean;
  inferred: boolean;
}

function inRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${argument} must be between ${min} and ${max}; got ${value}.`, argument);
  return value;
}

const prime = (ctx: Context, nodes: NodeProps[]) => nodes.map((n) => (ctx.loaders.nodes.prime(n.id, n), n));

export const traversalResolvers = {
  GraphNode: {
    label: (n: NodeProps) => n.name,
    entity: (n: NodeProps) => n,
  },
  GraphEdge: {
    label: (e: EdgeRow) => e.role ?? e.type,
    sources: sourcesField((e: EdgeRow) => e.passageIds),
  },
  PathHop: {
    sources: sourcesField((hop: { passageIds: string[] | null }) => hop.passageIds),
  },
  /** A contested claim is the claim node itself. */
  ContestedClaim: {
    claim: (claim: NodeProps) => claim,
    disputedBy: connectionField(DISPUTED_BY),
  },
  Query: {
    neighborhood: async (_: unknown, args: { id: string; depth: number; limit: number }, ctx: Context) => {
      const depth = inRange(args.depth, 1, 3, 'depth');
      const limit = inRange(args.limit, 1, 500, 'limit');
      const [row] = await ctx.executor.read<{ truncated: boolean; nodes: NodeProps[]; edges: EdgeRow[] }>(neighborhoodOf(args.id, depth, limit));
      if (!row) throw notFound('entity', args.id);
      return { nodes: prime(ctx, row.nodes), edges: row.edges, truncated: row.truncated };
    },
    paths: async (_: unknown, args: { fromId: string; toId: string; maxHops: number; first: number; excludeTypes?: string[] | null; statedOnly?: boolean | null }, ctx: Context) => {
      const maxHops = inRange(args.maxHops, 1, 8, 'maxHops');
      const first = inRange(args.first, 1, 20, 'first');
      const exclude = args.excludeTypes ?? [];
      const bad = exclude.find((t) => !/^[A-Z][A-Z0-9_]*$/.test(t));
      if (bad !== undefined) throw badInput(`excludeTypes: "${bad}" is not a relationship type (UPPER_SNAKE_CASE).`, 'excludeTypes');
      const rows = await ctx.executor.read<{ nodes: NodeProps[]; rels: { type: string; from: string; passageIds: string[] | null; inherited: boolean; inferred: boolean }[] }>(
        shortestPaths(args.fromId, args.toId, maxHops, first, exclude, args.statedOnly === true),
      );
      if (rows.length === 0) {
        const found = await ctx.executor.read<{ id: string; found: boolean }>(entitiesExist([args.fromId, args.toId]));
        const missing = found.find((f) => !f.found);
        if (missing) throw notFound('entity', missing.id);
      }
      return rows.map(({ nodes, rels }) => {
        prime(ctx, nodes);
        return {
          length: rels.length,
          hops: rels.map((rel, i) => ({
            from: nodes[i],
            to: nodes[i + 1],
            relationship: rel.type,
            direction: rel.from === nodes[i]!.id ? 'OUTGOING' : 'INCOMING',
            passageIds: rel.passageIds,
            inherited: rel.inherited,
            inferred: rel.inferred,
          })),
        };
      });
    },
    contestedClaims: async (_: unknown, args: ClaimArgs & { caseId: string }, ctx: Context) => {
      const claims = await loadConnection(ctx, CONTESTED, args.caseId, args);
      if (!claims) throw notFound('case', args.caseId);
      return claims;
    },
    sharedBetween: async (_: unknown, args: EntityListArgs & { caseId: string; otherCaseId: string }, ctx: Context) => {
      const [shared, ...cases] = await Promise.all([
        loadConnection(ctx, SHARED_BETWEEN, args.caseId, args),
        ctx.loaders.nodes.load(args.caseId),
        ctx.loaders.nodes.load(args.otherCaseId),
      ]);
      const missing = [args.caseId, args.otherCaseId].find((id, i) => cases[i]?.kind !== 'Case');
      if (missing !== undefined || !shared) throw notFound('case', missing ?? args.caseId);
      return shared;
    },
  },
};
