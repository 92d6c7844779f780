import type { NodeProps } from '../entities/types.js';
import type { Context } from './context.js';
import { planList, type ListDefinition } from './connection-plan.js';
import { connectionOfPage, type Connection, type PageArgs } from './pagination.js';

/** Nodes a page's items carry: the item itself for node lists, `other` for relationship lists. */
const nodesOf = (item: unknown): NodeProps[] => {
  const value = item as Partial<NodeProps> & { other?: NodeProps };
  if (value.other) return [value.other];
  return typeof value.id === 'string' && typeof value.kind === 'string' ? [value as NodeProps] : [];
};

/**
 * The page of `list` under one parent, through the request's batching loader; null when the
 * parent does not exist (or lacks the list's parent label). Nodes on the page are primed, so
 * asking for them again by id costs no round trip.
 */
export async function loadConnection<A extends PageArgs>(ctx: Context, list: ListDefinition<A>, parentId: string, args: A): Promise<Connection<unknown> | null> {
  const plan = planList(list, args);
  const page = await ctx.loaders.connections.load(plan, parentId);
  if (!page) return null;
  for (const node of page.items.flatMap(nodesOf)) ctx.loaders.nodes.prime(node.id, node);
  return connectionOfPage(page.items, plan.page, page.total);
}

/** Resolver of a nested connection field: the list under the parent node. */
export function connectionField<A extends PageArgs>(list: ListDefinition<A>) {
  return async (parent: { id: string }, args: A, ctx: Context) =>
    (await loadConnection(ctx, list, parent.id, args)) ?? connectionOfPage([], planList(list, args).page, 0);
}
