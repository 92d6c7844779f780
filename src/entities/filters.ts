import type { Filter } from '../graphql/connection-plan.js';
import type { NodeKind } from '../model/kinds.js';

/** `kinds`: only entities of these kinds (the EntityKind enum arrives as model kinds, e.g. Person). */
export const kindsFilter: Filter<{ kinds?: NodeKind[] | null }> = (args) =>
  args.kinds?.length ? { where: 'm.kind IN $kinds', params: { kinds: [...new Set(args.kinds)].sort() } } : null;

/** `types`: only relationships of these types. */
export const typesFilter: Filter<{ types?: string[] | null }> = (args) =>
  args.types?.length ? { where: 'type(r) IN $types', params: { types: [...new Set(args.types)].sort() } } : null;
