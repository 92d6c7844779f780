import { badInput } from '../shared/errors.js';

/** The largest page any list serves, top-level or nested. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list is asked without `first`. */
export const DEFAULT_PAGE_SIZE = 20;

export interface Page {
  offset: number;
  limit: number;
}

/** The paging arguments every connection field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/** Checks `first`/`after` and turns them into an offset and limit. */
export function readPage(first: number | null | undefined, after: string | null | undefined, defaultSize = DEFAULT_PAGE_SIZE): Page {
  const limit = first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${limit}.`, 'first');
  }
  if (after == null) return { offset: 0, limit };
  const position = decode(after);
  if (position === null) throw badInput(`after is not a cursor from this API: "${after}". Use an endCursor or cursor from a previous page.`, 'after');
  return { offset: position + 1, limit };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | (() => Promise<number>);
}

function connection<T>(nodes: T[], page: Page, hasNextPage: boolean, totalCount: Connection<T>['totalCount']): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encode(page.offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Builds a Relay connection from one page fetched with limit + 1 rows (the extra row only
 * tells whether a next page exists). The total is counted only when a client asks for it.
 */
export function toConnection<T>(rows: T[], page: Page, totalCount: () => Promise<number>): Connection<T> {
  return connection(rows.slice(0, page.limit), page, rows.length > page.limit, totalCount);
}

/**
 * Builds a Relay connection from a page whose list's total is already known (batched nested
 * lists count in the same statement). `taken` is how many items the page covered, in case some
 * could not be shown.
 */
export function connectionOfPage<T>(nodes: T[], page: Page, total: number, taken = nodes.length): Connection<T> {
  return connection(nodes, page, page.offset + taken < total, total);
}
