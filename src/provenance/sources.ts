import type { Context } from '../graphql/context.js';

/** Resolves passage ids (of a node or a relationship) to sources with their documents. */
export async function sourcesOf(ctx: Context, passageIds: unknown) {
  const ids = [...new Set(Array.isArray(passageIds) ? (passageIds as string[]) : [])];
  const passages = await ctx.loaders.passages.loadMany(ids);
  const found = passages.filter((p): p is Exclude<typeof p, Error | null> => p !== null && !(p instanceof Error));
  return Promise.all(
    found
      .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start)
      .map(async (p) => ({ document: await ctx.loaders.nodes.load(p.documentId), quote: p.quote, start: p.start, end: p.end })),
  );
}
