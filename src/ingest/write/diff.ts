import { storedStatement } from './merge.js';
import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import { parseRelKey, relKey, type Manifest } from './manifest.js';

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** What loading a plan does to the graph, per node kind and relationship type. */
export interface ChangeReport {
  nodes: Record<string, ChangeCounts>;
  relationships: Record<string, ChangeCounts>;
  passages: ChangeCounts;
  totals: ChangeCounts;
}

/** A node as it is: its properties, and what the contributions asked about state of it (their STATES). */
export interface ExistingNode {
  kind: string;
  props: Record<string, unknown>;
  stated: { owner: string; defines: boolean; passageIds: string[] }[];
}

/** The graph as it is, for the ids and keys a plan touches. */
export interface GraphState {
  nodes: Map<string, ExistingNode>;
  relationships: Map<string, Record<string, unknown>>;
  passages: Set<string>;
  /** What the case's last load wrote; null when the case was never loaded. */
  previous: (Pick<Manifest, 'nodeIds' | 'passageIds' | 'relKeys' | 'externalIds' | 'sourceHash'> & Partial<Pick<Manifest, 'definedIds' | 'statements' | 'relStatements'>>) | null;
}

const zero = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0, removed: 0 });

function bump(table: Record<string, ChangeCounts>, key: string, change: keyof ChangeCounts): void {
  (table[key] ??= zero())[change] += 1;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameSet = (a: unknown, b: unknown) => same([...new Set((a as string[]) ?? [])].sort(), [...new Set((b as string[]) ?? [])].sort());

/**
 * Compares a plan (one contribution) with the graph. Pure. A node counts as unchanged when this
 * contribution stated it before with the same fields (its statement in the manifest) and cites
 * the same passages for it; what other contributions state does not count (a text another
 * contribution gave a node this one only names is no change either).
 */
export function diffPlan(plan: GraphPlan, state: GraphState): ChangeReport {
  const nodes = nodeChanges(plan, state);
  const relationships = relationshipChanges(plan, state);
  const passages = passageChanges(plan, state);
  const totals = zero();
  for (const counts of [...Object.values(nodes), ...Object.values(relationships), passages]) {
    for (const change of Object.keys(totals) as (keyof ChangeCounts)[]) totals[change] += counts[change];
  }
  return { nodes, relationships, passages, totals };
}

/** Per node kind: the plan's nodes created, updated or unchanged, and those the last load stated that it no longer does. */
function nodeChanges(plan: GraphPlan, state: GraphState): Record<string, ChangeCounts> {
  const nodes: Record<string, ChangeCounts> = {};
  const owner = contributionOf(plan);
  const stated = new Map((state.previous?.definedIds ?? []).map((id, i) => [id, state.previous!.statements?.[i]]));
  for (const node of plan.nodes) {
    const existing = state.nodes.get(node.id);
    const mine = existing?.stated.find((s) => s.owner === owner);
    if (!existing || !mine) {
      bump(nodes, node.kind, existing ? 'updated' : 'created');
      continue;
    }
    const cited = mine.passageIds;
    const before = stated.get(node.id);
    const fieldsEqual = before !== undefined
      ? before === JSON.stringify(storedStatement(node.props)) && (node.props.text == null || same(existing.props.text, node.props.text))
      : Object.entries(node.props).every(([key, value]) => key === 'passageIds' || key === 'shared' || same(existing.props[key], value));
    const equal = existing.kind === node.kind && sameSet(cited, node.props.passageIds) && fieldsEqual;
    bump(nodes, node.kind, equal ? 'unchanged' : 'updated');
  }
  const keptNodes = new Set([...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds]);
  for (const id of state.previous?.nodeIds ?? []) {
    if (!keptNodes.has(id)) bump(nodes, state.nodes.get(id)?.kind ?? 'Entity', 'removed');
  }
  return nodes;
}

/** Per relationship type, as nodeChanges: by key, equal when its statement (or, for a store written before, its properties) is. */
function relationshipChanges(plan: GraphPlan, state: GraphState): Record<string, ChangeCounts> {
  const relationships: Record<string, ChangeCounts> = {};
  const relStated = new Map((state.previous?.relKeys ?? []).map((key, i) => [key, state.previous!.relStatements?.[i]]));
  const plannedKeys = new Set<string>();
  for (const rel of plan.relationships) {
    const key = relKey(rel);
    plannedKeys.add(key);
    const existing = state.relationships.get(key);
    const before = relStated.get(key);
    const equal =
      existing !== undefined &&
      (before !== undefined
        ? before === JSON.stringify(rel.props)
        : sameSet(existing.passageIds, rel.props.passageIds) && Object.entries(rel.props).every(([k, v]) => k === 'passageIds' || same(existing[k], v)));
    bump(relationships, rel.type, existing === undefined ? 'created' : equal ? 'unchanged' : 'updated');
  }
  for (const key of state.previous?.relKeys ?? []) {
    if (!plannedKeys.has(key)) bump(relationships, parseRelKey(key).type, 'removed');
  }
  return relationships;
}

/** Passages: created or unchanged (a passage is its id), and removed. */
function passageChanges(plan: GraphPlan, state: GraphState): ChangeCounts {
  const passages = zero();
  const plannedPassages = new Set(plan.passages.map((p) => p.id));
  for (const id of plannedPassages) passages[state.passages.has(id) ? 'unchanged' : 'created'] += 1;
  for (const id of state.previous?.passageIds ?? []) if (!plannedPassages.has(id)) passages.removed += 1;
  return passages;
}

export function hasChanges(report: ChangeReport): boolean {
  return report.totals.created + report.totals.updated + report.totals.removed > 0;
}
