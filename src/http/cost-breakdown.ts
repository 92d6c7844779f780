import { Kind, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The list whose items make most of a document's cost. */
export interface CostliestList {
  /**
   * The list field's path in the answer without the connections' `edges` and `node`, e.g.
   * `cases.participants.holder.roles` (aliases as written).
   */
  path: string;
  /** Page sizes from the outermost list down to this one, as costed. */
  pageSizes: number[];
  /** The cost of the fields whose nearest enclosing list is this one. */
  cost: number;
}

const pageSizeOf = (node: ASTNode): number | undefined => {
  if (node.kind !== Kind.FIELD) return undefined;
  const first = node.arguments?.find((arg) => arg.name.value === 'first');
  return first?.value.kind === Kind.INT ? Math.max(1, Number(first.value.value)) : undefined;
};

/**
 * The share of each list in the cost of a document (already given literal page sizes by `withWorstCasePageSizes`)
 * among its lists, the same way the cost rule counts it: every field 1, times the page sizes
 * of the lists above it. The list with the largest share is where `first:` helps most, which
 * is what a refusal names. Fragments are followed, each spread where it is used.
 */
export function listCosts(document: DocumentNode): CostliestList[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const shares = new Map<string, CostliestList>();

  const walk = (set: SelectionSetNode | undefined, path: string[], sizes: number[], listPath: string | undefined, seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, path, sizes, listPath, seen);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (!seen.has(name)) walk(fragments.get(name)?.selectionSet, path, sizes, listPath, new Set([...seen, name]));
      } else {
        if (selection.name.value.startsWith('__')) continue;
        const here = [...path, selection.alias?.value ?? selection.name.value];
        const size = pageSizeOf(selection);
        const multiplier = sizes.reduce((a, b) => a * b, 1);
        if (size === undefined) {
          if (listPath) shares.get(listPath)!.cost += multiplier;
          walk(selection.selectionSet, here, sizes, listPath, seen);
        } else {
          const key = here.filter((name) => name !== 'edges' && name !== 'node').join('.');
          const inner = [...sizes, size];
          const share = shares.get(key) ?? { path: key, pageSizes: inner, cost: 0 };
          shares.set(key, share);
          share.cost += multiplier * size;
          walk(selection.selectionSet, here, inner, key, seen);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, [], [], undefined, new Set());
  }
  return [...shares.values()];
}

export function costliestList(shares: readonly CostliestList[]): CostliestList | undefined {
  let costliest: CostliestList | undefined;
  for (const share of shares) if (!costliest || share.cost > costliest.cost) costliest = share;
  return costliest;
}

/**
 * What a refusal says about the costliest list: how many items it may hold, and the `first:`
 * that brings the whole document under `maxCost` (all the cost below a list shrinks with its
 * page), or, when even `first: 1` would not (the rest of the document is over the limit by
 * itself), to page several lists or split the query.
 */
export function costliestListAdvice(list: CostliestList, subtreeCost: number, total: number, maxCost: number, defaultPageSize: number): string {
  const field = list.path.split('.').at(-1)!;
  const size = list.pageSizes.at(-1)!;
  const items = list.pageSizes.reduce((a, b) => a * b, 1);
  const sizes = list.pageSizes.length > 1 ? `${list.pageSizes.join(' × ')} = ${items.toLocaleString('en')}` : String(items);
  const fits = Math.floor((size * (maxCost - (total - subtreeCost))) / subtreeCost);
  const advice =
    fits >= 1
      ? `ask for fewer, e.g. \`${field}(first: ${Math.min(fits, size - 1, defaultPageSize)})\``
      : 'the rest of the document is over the limit even so: give `first:` to several lists, or split the query';
  return (
    `Most of it (${list.cost.toLocaleString('en')}) is the list ${list.path}, up to ${sizes} items at the page sizes asked ` +
    `(${defaultPageSize} when \`first:\` is left out): ${advice}.`
  );
}

/** The cost of a list and of every list inside it. */
export function subtreeCost(shares: readonly CostliestList[], list: CostliestList): number {
  return shares.filter((s) => s.path === list.path || s.path.startsWith(`${list.path}.`)).reduce((sum, s) => sum + s.cost, 0);
}
