import { entityFields, referenceFields } from '../entities/fields.js';
import type { NodeProps } from '../entities/types.js';
import { connectionField } from '../graphql/connection-field.js';
import type { Context } from '../graphql/context.js';
import { REPORTED_AS_TYPE } from '../model/kinds.js';
import { AUTHORITY_CITED_BY, CASE_CITED_BY, CASE_CITES, CITING_SAME, OPINION_CITES, OPINIONS } from './lists.js';

/** Opinions, cited authorities, and the citation graph between cases. */
export const citationResolvers = {
  Case: {
    citations: (n: NodeProps) => (Array.isArray(n.citations) ? n.citations : []),
    opinions: connectionField(OPINIONS),
    cites: connectionField(CASE_CITES),
    citedBy: connectionField(CASE_CITED_BY),
    citingSameAuthorities: connectionField(CITING_SAME),
  },
  Opinion: { ...entityFields, ...referenceFields('Opinion'), cites: connectionField(OPINION_CITES) },
  Authority: {
    ...entityFields,
    citation: (n: NodeProps) => n.citation ?? n.name,
    reportedCase: async (n: NodeProps, _: unknown, ctx: Context) => (await ctx.loaders.related.load({ id: n.id, type: REPORTED_AS_TYPE, inbound: true }))[0] ?? null,
    citedBy: connectionField(AUTHORITY_CITED_BY),
  },
};
