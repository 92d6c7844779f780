import { entityFields } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import { notFound } from '../shared/errors.js';

export const provenanceResolvers = {
  SourceDocument: { ...entityFields },
  Query: {
    document: async (_: unknown, args: { id: string }, ctx: Context) => {
      const node = await ctx.loaders.nodes.load(args.id);
      if (node?.kind !== 'SourceDocument') throw notFound('source document', args.id);
      return node as NodeProps;
    },
  },
};
