import type { GraphPlan } from '../casefile/plan.js';
import type { GraphNodeInfo, ValidationEnv } from '../casefile/validate.js';

/** What the files of a run define about a node: what validation asks (kind, name, cases, text) and which files define it. */
interface Defined {
  kind: GraphNodeInfo['kind'];
  name: string;
  caseIds: string[];
  text?: string;
  /** A text that is not kept (lean): read again when asked for. */
  hasText?: boolean;
  /** The files that define it, the first first. */
  definers: string[];
  /** caseIds as a set, once they are many (a hub). */
  caseSet?: Set<string>;
}

function hasCase(defined: Defined, caseId: string): boolean {
  if (defined.caseIds.length < 32) return defined.caseIds.includes(caseId);
  defined.caseSet ??= new Set(defined.caseIds);
  if (defined.caseSet.has(caseId)) return true;
  defined.caseSet.add(caseId);
  return false;
}

/**
 * Nodes defined by the files of this run that validated. Files are all validated before any is
 * loaded, so a file may refer to an entity that another file of the same run defines but that
 * is not in the graph yet; validation looks here after the graph.
 */
export class BatchDefinitions {
  private readonly nodes = new Map<string, Defined>();
  /** Grows with every file added; tells whether a file was validated before some definitions. */
  version = 0;

  /**
   * `lean`: keep as little per node as validation reads (for an import of many files): a
   * document's text is not kept but read again when asked for (`textOf`, from the file that
   * defined it first), the cases are kept for documents only (validation reads no other
   * node's), and every kept string is copied apart from the text of its file (`own`).
   */
  constructor(private readonly lean?: { textOf: (definer: string, id: string) => string | undefined; own: (text: string) => string }) {}

  add(file: string, plan: GraphPlan): void {
    const own = this.lean?.own ?? ((text: string) => text);
    for (const node of plan.nodes) {
      const known = this.nodes.get(node.id);
      const text = typeof node.props.text === 'string' ? node.props.text : undefined;
      const casesKept = !this.lean || node.kind === 'SourceDocument';
      if (known) {
        if (casesKept && !hasCase(known, plan.caseId)) known.caseIds.push(own(plan.caseId));
        // A file is added once: its definitions follow the earlier files'.
        if (known.definers.at(-1) !== file) known.definers.push(file);
        continue;
      }
      this.nodes.set(own(node.id), {
        kind: node.kind, name: own(String(node.props.name ?? node.id)), caseIds: casesKept ? [own(plan.caseId)] : [], definers: [file],
        ...(text !== undefined && (this.lean ? { hasText: true } : { text })),
      });
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
        found.set(id, inGraph ? { ...inGraph, caseIds } : this.info(id, defined, caseIds));
      }
      return found;
    };
  }

  private info(id: string, defined: Defined, caseIds: string[]): GraphNodeInfo {
    const info: GraphNodeInfo = { kind: defined.kind, name: defined.name, caseIds, ...(defined.text !== undefined && { text: defined.text }) };
    if (!defined.hasText) return info;
    // Read only when validation compares it (a document defined again by another file).
    const textOf = this.lean!.textOf;
    const definer = defined.definers[0]!;
    return Object.defineProperty(info, 'text', { enumerable: true, get: () => textOf(definer, id) });
  }

  /** The other files of this run that define something the plan (or these ids it refers to) refers to. */
  providersOf(file: string, plan: GraphPlan | readonly string[]): string[] {
    const files = new Set<string>();
    for (const id of Array.isArray(plan) ? plan : referencedIds(plan as GraphPlan)) for (const definer of this.nodes.get(id)?.definers ?? []) if (definer !== file) files.add(definer);
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
  const among = new Set(items);
  const visit = (item: T) => {
    if (state.has(item)) return;
    state.set(item, 'visiting');
    for (const dependency of dependsOn(item)) if (among.has(dependency)) visit(dependency);
    state.set(item, 'done');
    ordered.push(item);
  };
  items.forEach(visit);
  return ordered;
}
