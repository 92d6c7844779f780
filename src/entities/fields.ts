import type { Context } from '../graphql/context.js';
import { REFERENCE_FIELDS, type NodeKind } from '../model/kinds.js';
import { readTime } from '../model/time.js';
import { sourcesOf } from '../provenance/sources.js';
import type { RelationshipDirection } from './queries.js';
import type { NodeProps, RelationshipRow } from './types.js';

/** How each part in an act is stored: actor PERFORMED act; act TARGETED / ACTED_ON / USED it. */
const ACT_PARTICIPATION = {
  ACTOR: { type: 'PERFORMED', inbound: false },
  TARGET: { type: 'TARGETED', inbound: true },
  OBJECT: { type: 'ACTED_ON', inbound: true },
  INSTRUMENT: { type: 'USED', inbound: true },
} as const;

const rolesOf = async (ctx: Context, id: string, direction: RelationshipDirection, role?: string | null) => {
  const rows = await ctx.loaders.relationships.load({ id, direction, types: ['HAS_ROLE'] });
  return role ? rows.filter((r) => r.props.role === role) : rows;
};

/** Resolvers of the fields every node has (the Entity interface). */
export const entityFields = {
  aliases: (n: NodeProps) => n.aliases ?? [],
  unnamed: (n: NodeProps) => n.unnamed === true,
  sources: (n: NodeProps, _: unknown, ctx: Context) => sourcesOf(ctx, n.passageIds),
  /** The cases whose files state or mention it, and the cases it holds a role in. */
  cases: async (n: NodeProps, _: unknown, ctx: Context) => {
    const roleCases = (await rolesOf(ctx, n.id, 'OUTGOING')).map((r) => r.other).filter((c) => c.kind === 'Case');
    const stated = (await ctx.loaders.nodes.loadMany((n.caseIds as string[] | undefined) ?? [])).filter(
      (c): c is NodeProps => c !== null && !(c instanceof Error) && c.kind === 'Case',
    );
    const byId = new Map([...stated, ...roleCases].filter((c) => c.id !== n.id).map((c) => [c.id, c]));
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  },
  roles: (n: NodeProps, args: { role?: string | null }, ctx: Context) => rolesOf(ctx, n.id, 'OUTGOING', args.role),
  participants: (n: NodeProps, args: { role?: string | null }, ctx: Context) => rolesOf(ctx, n.id, 'INCOMING', args.role),
  acts: (n: NodeProps, args: { as: keyof typeof ACT_PARTICIPATION }, ctx: Context) =>
    ctx.loaders.related.load({ id: n.id, ...ACT_PARTICIPATION[args.as] }),
  claims: (n: NodeProps, _: unknown, ctx: Context) => ctx.loaders.related.load({ id: n.id, type: 'ASSERTED', inbound: false }),
  relationships: (n: NodeProps, args: { direction: RelationshipDirection; types?: string[] | null }, ctx: Context) =>
    ctx.loaders.relationships.load({ id: n.id, direction: args.direction, types: args.types?.length ? [...args.types].sort() : null }),
};

/** Resolvers for a kind's reference fields (Act.actor, Charge.defendant…), from the model's table. */
export function referenceFields(kind: NodeKind) {
  return Object.fromEntries(
    REFERENCE_FIELDS[kind].map((ref) => [
      ref.field,
      async (n: NodeProps, _: unknown, ctx: Context) => {
        const nodes = await ctx.loaders.related.load({ id: n.id, type: ref.type, inbound: ref.inbound === true });
        return ref.many ? nodes : (nodes[0] ?? null);
      },
    ]),
  );
}

/** Nodes pointing at this one with `type`, optionally only of one kind (Case.charges and the like). */
export function incoming(type: string, kind?: NodeKind) {
  return async (n: NodeProps, _: unknown, ctx: Context) => {
    const nodes = await ctx.loaders.related.load({ id: n.id, type, inbound: true });
    return kind ? nodes.filter((m) => m.kind === kind) : nodes;
  };
}

export const timeField = (field: string) => (n: NodeProps) => readTime(field, n);

/** A relationship's end points as seen from the entity that was asked. */
export const ends = (r: RelationshipRow) => (r.direction === 'OUTGOING' ? { from: r.self, to: r.other } : { from: r.other, to: r.self });
