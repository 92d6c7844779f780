import { badInput } from '../shared/errors.js';

export const MAX_PAGE_SIZE = 100;

export interface Page {
  offset: number;
  limit: number;
}

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/** Checks `first`/`after` and turns them into an offset and limit. */
export function readPage(first: number | null | undefined, after: string | null | undefined, defaultSize = 20): Page {
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
  totalCount: () => Promise<number>;
}

/**
 * Builds a Relay connection from one page fetched with limit + 1 rows (the extra row only
 * tells whether a next page exists). The total is counted only when a client asks for it.
 */
export function toConnection<T>(rows: T[], page: Page, totalCount: () => Promise<number>): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encode(page.offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
