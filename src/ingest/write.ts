import type { Executor, TransactionRunner } from '../neo4j/executor.js';
import type { GraphPlan } from './plan.js';
import * as q from './write-queries.js';
import { groupDisjoint, type PreviousLoad } from './write-groups.js';

export interface WriteSummary {
  caseId: string;
  nodes: number;
  relationships: number;
  passages: number;
  removedNodes: number;
  removedRelationships: number;
}

/**
 * A case read as new was loaded by someone else between that read and this write's lock on it
 * (two imports of one new case at once): the write is rolled back, to be planned again
 * against the graph as it now is.
 */
export class LoadedMeanwhileError extends Error {
  constructor(readonly caseIds: string[]) {
    super(`case(s) ${caseIds.join(', ')} were loaded by another import meanwhile`);
    this.name = 'LoadedMeanwhileError';
  }
}

/** A plan to write, with the hash of the files it came from (kept to skip unchanged seeds). */
export interface PlanToWrite {
  plan: GraphPlan;
  sourceHash?: string | null;
}

/** Rows per UNWIND statement: large enough to batch many cases, small enough for lean statements. */
const CHUNK = 2000;

/**
 * Writes one case in one transaction and removes what an earlier load of the same case stated
 * but this one no longer does. Any failure rolls the whole case back.
 */
export async function writePlan(executor: Executor, plan: GraphPlan, sourceHash: string | null = null): Promise<WriteSummary> {
  const [summary] = await writePlans(executor, [{ plan, sourceHash }]);
  return summary!;
}

/**
 * Writes several cases in ONE transaction: all of them or none. The graph ends as if they had
 * been written one after another, in the given order: cases that write the same nodes are
 * written in successive steps of the transaction, the others together, a statement per step
 * for each kind of row, so a batch costs about as many round trips as a single case.
 */
export async function writePlans(executor: Executor, items: PlanToWrite[], options: { expectNew?: ReadonlySet<string> } = {}): Promise<WriteSummary[]> {
  if (items.length === 0) return [];
  return executor.transaction(async (tx) => {
    const manifests = await tx.run<PreviousLoad & { caseId: string }>(q.lockCases(items.map((i) => i.plan.caseId)));
    const previous = new Map(manifests.map((m) => [m.caseId, m]));
    const raced = manifests.filter((m) => m.existed && options.expectNew?.has(m.caseId)).map((m) => m.caseId);
    if (raced.length > 0) throw new LoadedMeanwhileError(raced);
    const touched = new Set<string>();
    for (const { plan } of items) {
      for (const id of [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds, ...previous.get(plan.caseId)!.nodeIds]) touched.add(id);
    }
    await inChunks(tx, [...touched].sort(), q.lockNodes);
    const removed = new Map(items.map((i) => [i.plan.caseId, { nodes: 0, relationships: 0 }]));
    for (const group of groupDisjoint(items.map((i) => i.plan), previous)) await writeGroup(tx, group, previous, removed);
    await inChunks(tx, items.map(({ plan, sourceHash }) => q.manifestOf(plan, sourceHash ?? null)), q.saveManifests);
    return items.map(({ plan }) => ({
      caseId: plan.caseId,
      nodes: plan.nodes.length,
      relationships: plan.relationships.length,
      passages: plan.passages.length,
      removedNodes: removed.get(plan.caseId)!.nodes,
      removedRelationships: removed.get(plan.caseId)!.relationships,
    }));
  });
}

/** Cases whose writes touch no common node: each statement takes the rows of all of them. */
async function writeGroup(
  tx: TransactionRunner,
  plans: GraphPlan[],
  previous: Map<string, PreviousLoad>,
  removed: Map<string, { nodes: number; relationships: number }>,
): Promise<void> {
  const rows = <T>(of: (plan: GraphPlan) => T[]) => plans.flatMap(of);
  await inChunks(tx, rows((p) => p.nodes.map((n) => ({ caseId: p.caseId, kind: n.kind, props: n.props }))), q.upsertNodes);
  await inChunks(tx, rows((p) => p.passages.map((passage) => ({ caseId: p.caseId, passage }))), q.upsertPassages);
  const aliases = rows((p) => p.aliases.map((a) => ({ caseId: p.caseId, ...a })));
  const aliased = await inChunks(tx, aliases, q.upsertAliases);
  if (aliased !== aliases.length) throw new Error(`${aliases.length - aliased} sameAs entities disappeared during the load`);
  const external = new Map<string, string[]>();
  for (const plan of plans) for (const id of plan.externalIds) (external.get(id) ?? external.set(id, []).get(id)!).push(plan.caseId);
  const referenced = await inChunks(tx, [...external].map(([id, caseIds]) => ({ id, caseIds })), q.touchExternal);
  if (referenced !== external.size) throw new Error(`${external.size - referenced} referenced node(s) disappeared during the load`);
  const isNew = (plan: GraphPlan) => !previous.get(plan.caseId)!.existed;
  const relationships = rows((p) => p.relationships);
  const written =
    (await inChunks(tx, plans.filter(isNew).flatMap((p) => p.relationships), (chunk) => q.upsertRelationships(chunk, true))) +
    (await inChunks(tx, plans.filter((p) => !isNew(p)).flatMap((p) => p.relationships), (chunk) => q.upsertRelationships(chunk)));
  if (written !== relationships.length) {
    throw new Error(`only ${written} of ${relationships.length} relationships found both ends; nothing was written`);
  }

  const stale = { rels: [] as q.StaleRelationship[], nodes: [] as { id: string; caseId: string }[], passages: [] as { id: string; caseId: string }[] };
  for (const plan of plans) {
    const before = previous.get(plan.caseId)!;
    const keep = {
      rels: new Set(plan.relationships.map(q.relKey)),
      nodes: new Set([...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds]),
      passages: new Set(plan.passages.map((p) => p.id)),
    };
    const caseId = plan.caseId;
    stale.rels.push(...before.relKeys.filter((k) => !keep.rels.has(k)).map((k) => ({ caseId, ...q.parseRelKey(k) })));
    stale.nodes.push(...before.nodeIds.filter((id) => !keep.nodes.has(id)).map((id) => ({ id, caseId })));
    stale.passages.push(...before.passageIds.filter((id) => !keep.passages.has(id)).map((id) => ({ id, caseId })));
  }
  const count = (key: 'nodes' | 'relationships') => (row: { caseId: string; removed: number }) => void (removed.get(row.caseId)![key] += row.removed);
  await inChunks(tx, stale.rels, q.deleteRelationships, count('relationships'));
  await inChunks(tx, stale.nodes, (chunk) => q.releaseNodes('Entity', chunk), count('nodes'));
  await inChunks(tx, stale.passages, (chunk) => q.releaseNodes('Passage', chunk), () => {});
}

/**
 * Runs `query` over `items` CHUNK rows at a time; returns the sum of the `written` column, or
 * hands every result row to `each`.
 */
async function inChunks<T, R = { written: number }>(
  tx: TransactionRunner,
  items: T[],
  query: (chunk: T[]) => ReturnType<typeof q.touchExternal>,
  each?: (row: R) => void,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const result = await tx.run<R>(query(items.slice(i, i + CHUNK)));
    if (each) result.forEach(each);
    else total += (result[0] as { written?: number } | undefined)?.written ?? 0;
  }
  return total;
}
