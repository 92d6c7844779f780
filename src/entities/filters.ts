import type { Filter } from '../graphql/connection-plan.js';
import type { NodeKind } from '../model/kinds.js';

/** `kinds`: only entities of these kinds (the EntityKind enum arrives as model kinds, e.g. Person). */
export const kindsFilter: Filter<{ kinds?: NodeKind[] | null }> = (args) =>
  args.kinds?.length ? { where: 'm.kind IN $kinds', params: { kinds: [...new Set(args.kinds)].sort() } } : null;

/** `inferred`: false for only what the sources state, true for only what they imply (relationships `r`). */
export const inferredFilter: Filter<{ inferred?: boolean | null }> = (args) =>
  typeof args.inferred === 'boolean' ? { where: 'coalesce(r.inferred, false) = $inferred', params: { inferred: args.inferred } } : null;

/** `types`: only relationships of these types. */
export const typesFilter: Filter<{ types?: string[] | null }> = (args) =>
  args.types?.length ? { where: 'type(r) IN $types', params: { types: [...new Set(args.types)].sort() } } : null;
