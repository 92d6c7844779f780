import type { GraphPlan } from '../casefile/plan.js';
import type { GraphNodeInfo, ValidationEnv } from '../casefile/validate.js';

/**
 * Nodes defined by the files of this run that validated. Files are all validated before any is
 * loaded, so a file may refer to an entity that another file of the same run defines but that
 * is not in the graph yet; validation looks here after the graph.
 */
export class BatchDefinitions {
  private readonly nodes = new Map<string, { kind: GraphNodeInfo['kind']; name: string; caseIds: Set<string>; text?: string }>();
  private readonly definers = new Map<string, Set<string>>();
  /** Grows with every file added; tells whether a file was validated before some definitions. */
  version = 0;

  add(file: string, plan: GraphPlan): void {
    for (const node of plan.nodes) {
      const known = this.nodes.get(node.id);
      const text = typeof node.props.text === 'string' ? node.props.text : undefined;
      if (known) known.caseIds.add(plan.caseId);
      else this.nodes.set(node.id, { kind: node.kind, name: String(node.props.name ?? node.id), caseIds: new Set([plan.caseId]), ...(text !== undefined && { text }) });
      (this.definers.get(node.id) ?? this.definers.set(node.id, new Set()).get(node.id)!).add(file);
    }
    this.version += 1;
  }

  /**
   * A lookup that answers from the graph, then from this run's files. The cases of this run
   * that state a node count among its cases, so that a document's text cannot change under
   * the quotes of another file of the same run either.
   */
  lookupWith(graph: ValidationEnv['lookupIds']): ValidationEnv['lookupIds'] {
    return async (ids) => {
      const found = await graph(ids);
      for (const id of ids) {
        const defined = this.nodes.get(id);
        if (!defined) continue;
        const inGraph = found.get(id);
        const caseIds = [...new Set([...(inGraph?.caseIds ?? []), ...defined.caseIds])];
        found.set(id, inGraph ? { ...inGraph, caseIds } : { kind: defined.kind, name: defined.name, caseIds, ...(defined.text !== undefined && { text: defined.text }) });
      }
      return found;
    };
  }

  /** The other files of this run that define something the plan refers to. */
  providersOf(file: string, plan: GraphPlan): string[] {
    const files = new Set<string>();
    for (const id of referencedIds(plan)) for (const definer of this.definers.get(id) ?? []) if (definer !== file) files.add(definer);
    return [...files].sort();
  }
}

/** Ids a plan needs in the graph without defining them: referenced nodes and sameAs targets. */
export function referencedIds(plan: GraphPlan): string[] {
  return [...new Set([...plan.externalIds, ...plan.aliases.map((alias) => alias.id)])];
}

/**
 * Puts each item after the items it depends on, otherwise keeping the given order. Pure.
 * Dependency cycles are broken by the given order.
 */
export function loadOrder<T>(items: readonly T[], dependsOn: (item: T) => readonly T[]): T[] {
  const ordered: T[] = [];
  const state = new Map<T, 'visiting' | 'done'>();
  const visit = (item: T) => {
    if (state.has(item)) return;
    state.set(item, 'visiting');
    for (const dependency of dependsOn(item)) if (items.includes(dependency)) visit(dependency);
    state.set(item, 'done');
    ordered.push(item);
  };
  items.forEach(visit);
  return ordered;
}
