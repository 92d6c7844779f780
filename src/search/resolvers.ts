import type { NodeProps } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import { MAX_PAGE_SIZE } from '../graphql/pagination.js';
import { badInput } from '../shared/errors.js';
import { highlight } from './highlight.js';
import { toLuceneQuery } from './lucene.js';
import { searchEntities } from './queries.js';

export const searchResolvers = {
  SearchHit: {
    kind: (hit: { entity: NodeProps }) => hit.entity.kind,
    highlights: (hit: { entity: NodeProps; query: string }) => highlight(hit.entity, hit.query),
  },
  Query: {
    search: async (_: unknown, args: { query: string; first?: number; kinds?: string[] | null }, ctx: Context) => {
      const limit = args.first ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${limit}.`, 'first');
      const lucene = toLuceneQuery(args.query);
      if (!lucene) throw badInput('query has no words to search for.', 'query');
      const kinds = args.kinds?.length ? args.kinds : null;
      const rows = await ctx.executor.read<{ node: NodeProps; score: number }>(searchEntities(lucene, limit, kinds));
      for (const row of rows) ctx.loaders.nodes.prime(row.node.id, row.node);
      return rows.map((row) => ({ entity: row.node, score: row.score, query: args.query }));
    },
  },
};
