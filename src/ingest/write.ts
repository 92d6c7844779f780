import type { Executor, TransactionRunner } from '../neo4j/executor.js';
import type { GraphPlan } from './plan.js';
import * as q from './write-queries.js';

export interface WriteSummary {
  caseId: string;
  nodes: number;
  relationships: number;
  passages: number;
  removedNodes: number;
  removedRelationships: number;
}

/** Rows per UNWIND statement: large enough to batch, small enough to keep transactions lean. */
const BATCH = 500;

/**
 * Writes one case in one transaction and removes what an earlier load of the same case stated
 * but this one no longer does. Any failure rolls the whole case back.
 */
export async function writePlan(executor: Executor, plan: GraphPlan, sourceHash: string | null = null): Promise<WriteSummary> {
  return executor.transaction(async (tx) => {
    const [previous] = await tx.run<{ nodeIds: string[]; passageIds: string[]; relKeys: string[] }>(q.lockCase(plan.caseId));
    const touched = [...new Set([...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds, ...(previous?.nodeIds ?? [])])];
    await tx.run(q.lockNodes(touched));
    await inBatches(tx, plan.nodes, (rows) => q.upsertNodes(plan.caseId, rows));
    await inBatches(tx, plan.passages as unknown as Record<string, unknown>[], (rows) => q.upsertPassages(plan.caseId, rows));
    const aliased = await inBatches(tx, plan.aliases, (rows) => q.upsertAliases(plan.caseId, rows));
    if (aliased !== plan.aliases.length) throw new Error(`${plan.aliases.length - aliased} sameAs entities disappeared during the load`);
    const referenced = await inBatches(tx, plan.externalIds, (ids) => q.touchExternal(plan.caseId, ids));
    if (referenced !== plan.externalIds.length) throw new Error(`${plan.externalIds.length - referenced} referenced node(s) disappeared during the load`);
    const written = await inBatches(tx, plan.relationships, (rows) => q.upsertRelationships(rows));
    if (written !== plan.relationships.length) {
      throw new Error(`only ${written} of ${plan.relationships.length} relationships found both ends; nothing was written`);
    }

    const relKeys = plan.relationships.map(q.relKey);
    const keep = {
      rels: new Set(relKeys),
      nodes: new Set([...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds]),
      passages: new Set(plan.passages.map((p) => p.id)),
    };
    const staleRels = (previous?.relKeys ?? []).filter((k) => !keep.rels.has(k)).map(q.parseRelKey);
    const removedRelationships = await inBatches(tx, staleRels, (keys) => q.deleteRelationships(keys), 'removed');
    const staleNodes = (previous?.nodeIds ?? []).filter((id) => !keep.nodes.has(id));
    const removedNodes = await inBatches(tx, staleNodes, (ids) => q.releaseNodes(plan.caseId, 'Entity', ids), 'removed');
    const stalePassages = (previous?.passageIds ?? []).filter((id) => !keep.passages.has(id));
    await inBatches(tx, stalePassages, (ids) => q.releaseNodes(plan.caseId, 'Passage', ids), 'removed');
    await tx.run(q.saveManifest(plan, relKeys, sourceHash));

    return {
      caseId: plan.caseId,
      nodes: plan.nodes.length,
      relationships: plan.relationships.length,
      passages: plan.passages.length,
      removedNodes,
      removedRelationships,
    };
  });
}

async function inBatches<T>(
  tx: TransactionRunner,
  items: T[],
  query: (batch: T[]) => ReturnType<typeof q.touchExternal>,
  column = 'written',
): Promise<number> {
  let total = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const [row] = await tx.run<Record<string, number>>(query(items.slice(i, i + BATCH)));
    total += row?.[column] ?? 0;
  }
  return total;
}
