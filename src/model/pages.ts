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

/** A Relay cursor: the item's position in the list, opaque to clients. */
export const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/** Checks `first`/`after` and turns them into an offset and limit; throws BAD_USER_INPUT. */
export function readPage(first: number | null | undefined, after: string | null | undefined, defaultSize = DEFAULT_PAGE_SIZE): Page {
  const limit = first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${limit}.`, 'first');
  }
  if (after == null) return { offset: 0, limit };
  const position = decodeCursor(after);
  if (position === null) throw badInput(`after is not a cursor from this API: "${after}". Use an endCursor or cursor from a previous page.`, 'after');
  return { offset: position + 1, limit };
}
