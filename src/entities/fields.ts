import { ACTS_OF } from '../acts/lists.js';
import { CLAIMS_MADE } from '../claims/lists.js';
import { connectionField } from '../graphql/connection-field.js';
import type { Context } from '../graphql/context.js';
import { REFERENCE_FIELDS, type NodeKind } from '../model/kinds.js';
import { readTime } from '../model/time.js';
import { sourcesField } from '../provenance/sources.js';
import { ROLES_HELD, ROLES_WITHIN } from '../roles/lists.js';
import { ENTITY_CASES, MENTIONED_IN, RELATIONSHIPS } from './lists.js';
import type { NodeProps, RelationshipRow } from './types.js';

/** Resolvers of the fields every node has (the Entity interface). */
export const entityFields = {
  aliases: (n: NodeProps) => n.aliases ?? [],
  unnamed: (n: NodeProps) => n.unnamed === true,
  sources: sourcesField((n: NodeProps) => n.passageIds),
  cases: connectionField(ENTITY_CASES),
  mentionedIn: connectionField(MENTIONED_IN),
  roles: connectionField(ROLES_HELD),
  participants: connectionField(ROLES_WITHIN),
  acts: connectionField(ACTS_OF),
  claims: connectionField(CLAIMS_MADE),
  relationships: connectionField(RELATIONSHIPS),
};

/**
 * Resolvers for a kind's single references (Act.actor, Charge.defendant…), from the model's
 * table. References to many (Evidence.withheldFrom, Claim.about…) are connections of their own.
 */
export function referenceFields(kind: NodeKind) {
  return Object.fromEntries(
    REFERENCE_FIELDS[kind]
      .filter((ref) => !ref.many)
      .map((ref) => [
        ref.field,
        async (n: NodeProps, _: unknown, ctx: Context) => (await ctx.loaders.related.load({ id: n.id, type: ref.type, inbound: ref.inbound === true }))[0] ?? null,
      ]),
  );
}

export const timeField = (field: string) => (n: NodeProps) => readTime(field, n);

/** A relationship's end points as seen from the entity that was asked. */
export const ends = (r: RelationshipRow) => (r.direction === 'OUTGOING' ? { from: r.self, to: r.other } : { from: r.other, to: r.self });
