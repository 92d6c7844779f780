import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import type { PreviousLoad } from './manifest.js';

export type { PreviousLoad } from './manifest.js';

/**
 * Nodes and passages a case's write sets or may delete: what it defines, the entities it adds
 * aliases to, its passages, and everything its previous load stated (which it may release).
 * Merely referring to a node (a STATES from the contribution's manifest) is left out: such additions
 * commute, so cases that only share references can be written in the same statements.
 */
export function ownedIds(plan: GraphPlan, previous: PreviousLoad | undefined): Set<string> {
  return new Set([
    ...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.passages.map((p) => p.id),
    ...(previous?.nodeIds ?? []), ...(previous?.passageIds ?? []),
  ]);
}

/**
 * Splits plans, in order, into consecutive groups whose owned ids do not meet. Each group can be
 * written with one statement per kind of row and give the same graph as writing its plans one
 * by one; groups are written one after another. Pure.
 */
export function groupDisjoint(plans: GraphPlan[], previous: ReadonlyMap<string, PreviousLoad>): GraphPlan[][] {
  const groups: GraphPlan[][] = [];
  let current: GraphPlan[] = [];
  let taken = new Set<string>();
  for (const plan of plans) {
    const owned = ownedIds(plan, previous.get(contributionOf(plan)));
    if ([...owned].some((id) => taken.has(id))) {
      groups.push(current);
      current = [];
      taken = new Set();
    }
    current.push(plan);
    for (const id of owned) taken.add(id);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
