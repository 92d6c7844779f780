import type { Context } from '../graphql/context.js';
import { connectionOfPage, readPage, type PageArgs } from '../graphql/pagination.js';

/**
 * Passage ids are `<document id>:<start>-<end>`, or `<document id>:<pointer>:<start>-<end>` in a
 * JSON record; document ids are slugs, so this parse is exact (a pointer sorts with its document).
 */
function position(id: string): [string, number, number] {
  const match = /^(.*):(\d+)-(\d+)$/.exec(id);
  return match ? [match[1]!, Number(match[2]), Number(match[3])] : [id, 0, 0];
}

/** By document, then offset: the order a reader meets the passages in. */
export function inReadingOrder(ids: readonly string[]): string[] {
  const keyed = [...new Set(ids)].map((id) => ({ id, at: position(id) }));
  keyed.sort((a, b) => a.at[0].localeCompare(b.at[0]) || a.at[1] - b.at[1] || a.at[2] - b.at[2]);
  return keyed.map((k) => k.id);
}

/**
 * The passages supporting a node or relationship (its `passageIds`), a page at a time. A shared
 * entity can gather thousands, so they are paged like every list; the ids are already on the
 * parent, so ordering and counting cost nothing and only the page's passages are loaded.
 */
export async function sourcesConnection(ctx: Context, passageIds: unknown, args: PageArgs) {
  const page = readPage(args.first, args.after);
  const ids = inReadingOrder(Array.isArray(passageIds) ? (passageIds as string[]) : []);
  const taken = ids.slice(page.offset, page.offset + page.limit);
  const passages = (await ctx.loaders.passages.loadMany(taken)).filter((p): p is Exclude<typeof p, Error | null> => p !== null && !(p instanceof Error));
  const sources = await Promise.all(
    passages.map(async (p) => ({ document: await ctx.loaders.nodes.load(p.documentId), quote: p.quote, pointer: p.pointer ?? null, start: p.start, end: p.end })),
  );
  return connectionOfPage(sources, page, ids.length, taken.length);
}

/** Resolver of a `sources` field, for any parent that keeps its passage ids. */
export const sourcesField =
  <P>(passageIdsOf: (parent: P) => unknown) =>
  (parent: P, args: PageArgs, ctx: Context) =>
    sourcesConnection(ctx, passageIdsOf(parent), args);
