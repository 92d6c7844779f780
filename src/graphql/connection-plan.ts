import type { CypherQuery } from '../neo4j/executor.js';
import { readPage, type Page, type PageArgs } from './pagination.js';

/** A condition on the items of a list (`m`, and `r` for relationship lists), with its parameters. */
export interface Condition {
  where: string;
  params?: Record<string, unknown>;
}

/** Reads one filter argument of a field; null when the client did not use it. Throws BAD_USER_INPUT. */
export type Filter<A> = (args: A) => Condition | null;

/**
 * A nested list of the API, as the graph holds it. The Cypher fragments are constants of the
 * feature that defines the list; argument values only ever travel as parameters.
 */
export interface ListDefinition<A = Record<string, unknown>> {
  /** Type and field, e.g. Case.events: names the batch and errors. */
  field: string;
  /** Label every parent has; a parent id without it (at the root: an unknown id) gets no page. */
  parentLabel?: string;
  /** Clauses binding the items (`m`, and `r` for relationships) from the parent `n`. */
  match: string | ((args: A) => string);
  /** Conditions the list always applies. */
  where?: string[];
  filters?: Filter<A>[];
  /** What makes an item distinct: `m`, or `r, m` when items are relationships. */
  distinct?: string;
  /** The documented stable sort; it must end in a unique key. */
  order: string;
  /** What each item returns. */
  item: string;
  /** Page size when the client gives no `first`. */
  defaultSize?: number;
}

/**
 * A list with its arguments applied: everything the batched statement needs besides the parent
 * ids. Fields with equal plans (same list, same arguments) share one batch.
 */
export interface ListPlan {
  parentLabel: string;
  match: string;
  where: string[];
  distinct: string;
  order: string;
  item: string;
  params: Record<string, unknown>;
  page: Page;
}

/** Applies a field's arguments to its list; throws BAD_USER_INPUT for bad ones. */
export function planList<A extends PageArgs>(list: ListDefinition<A>, args: A): ListPlan {
  const page = readPage(args.first, args.after, list.defaultSize);
  const conditions = (list.filters ?? []).map((filter) => filter(args)).filter((c): c is Condition => c !== null);
  return {
    parentLabel: list.parentLabel ?? 'Entity',
    match: typeof list.match === 'function' ? list.match(args) : list.match,
    where: [...(list.where ?? []), ...conditions.map((c) => c.where)],
    distinct: list.distinct ?? 'm',
    order: list.order,
    item: list.item,
    params: Object.assign({}, ...conditions.map((c) => c.params ?? {})),
    page,
  };
}

/**
 * One statement for a whole batch: for each parent (rows tagged `i`, its position in `ids`), the
 * page of its list in the stable sort and the list's total. Parents that do not exist return no
 * row.
 */
export function listPageQuery(plan: ListPlan, ids: readonly string[]): CypherQuery {
  if (!/^[A-Z][A-Za-z]*$/.test(plan.parentLabel)) throw new Error(`not a label: ${plan.parentLabel}`);
  const where = plan.where.length ? `WHERE ${plan.where.map((w) => `(${w})`).join(' AND ')}` : '';
  const items = `${plan.match}\n${where}\nWITH DISTINCT n, ${plan.distinct}`;
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
MATCH (n:${plan.parentLabel} {id: $ids[i]})
CALL (n) {
${items}
ORDER BY ${plan.order}
SKIP $offset LIMIT $limit
RETURN collect(${plan.item}) AS items
}
CALL (n) {
${items}
RETURN count(*) AS total
}
RETURN i, items, total`,
    params: { ...plan.params, ids, offset: plan.page.offset, limit: plan.page.limit },
  };
}
