import type { NodeProps } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import { readPage, toConnection, type PageArgs } from '../graphql/pagination.js';
import { badInput } from '../shared/errors.js';
import { highlight } from './highlight.js';
import { searchInputProblem, toLuceneQuery } from './lucene.js';
import { countSearchHits, searchEntities } from './queries.js';

const SEARCH_PAGE_SIZE = 10;

export const searchResolvers = {
  SearchHit: {
    kind: (hit: { entity: NodeProps }) => hit.entity.kind,
    highlights: (hit: { entity: NodeProps; query: string }) => highlight(hit.entity, hit.query),
  },
  Query: {
    search: async (_: unknown, args: PageArgs & { query: string; kinds?: string[] | null }, ctx: Context) => {
      const page = readPage(args.first, args.after, SEARCH_PAGE_SIZE);
      const problem = searchInputProblem(args.query);
      if (problem) throw badInput(problem, 'query');
      const lucene = toLuceneQuery(args.query);
      if (!lucene) throw badInput('query has no words to search for.', 'query');
      const kinds = args.kinds?.length ? args.kinds : null;
      const rows = await ctx.executor.read<{ node: NodeProps; score: number }>(searchEntities(lucene, kinds, page.offset, page.limit + 1));
      for (const row of rows) ctx.loaders.nodes.prime(row.node.id, row.node);
      const hits = rows.map((row) => ({ entity: row.node, score: row.score, query: args.query }));
      return toConnection(hits, page, async () => (await ctx.executor.read<{ total: number }>(countSearchHits(lucene, kinds)))[0]?.total ?? 0);
    },
  },
};
