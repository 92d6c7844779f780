import { ends } from '../entities/fields.js';
import type { RelationshipRow } from '../entities/types.js';
import type { Context } from '../graphql/context.js';
import { sourcesField } from '../provenance/sources.js';

/** A role is a HAS_ROLE relationship: holder -> the case, work or organisation it is in. */
export const roleResolvers = {
  Role: {
    id: (r: RelationshipRow) => r.props.id,
    role: (r: RelationshipRow) => r.props.role,
    holder: (r: RelationshipRow) => ends(r).from,
    within: (r: RelationshipRow) => ends(r).to,
    description: (r: RelationshipRow) => r.props.description ?? null,
    terminated: (r: RelationshipRow) => r.props.terminated ?? null,
    inferred: (r: RelationshipRow) => r.props.inferred === true,
    reason: (r: RelationshipRow) => r.props.reason ?? null,
    sources: sourcesField((r: RelationshipRow) => r.props.passageIds),
    case: (r: RelationshipRow, _: unknown, ctx: Context) => (r.props.caseId ? ctx.loaders.nodes.load(String(r.props.caseId)) : null),
  },
};
