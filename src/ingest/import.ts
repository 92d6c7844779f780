import type { Executor } from '../neo4j/executor.js';
import { diffPlan, hasChanges, type ChangeReport, type GraphState } from './diff.js';
import type { GraphPlan } from './plan.js';
import { writePlan } from './write.js';
import * as q from './write-queries.js';

export interface ImportOptions {
  /** Validate and report what would change, writing nothing. */
  dryRun?: boolean;
  /** Allow changing a case that is already in the graph (make it match the file). */
  replace?: boolean;
  /** Hash of the files the plan came from, kept to skip unchanged seeds. */
  sourceHash?: string | null;
}

export interface ImportReport extends ChangeReport {
  file: string;
  caseId: string;
  dryRun: boolean;
  /** True when the graph was written. */
  applied: boolean;
  /** True when the case was already in the graph before. */
  existed: boolean;
  /** True when the file differs from what the graph holds for the case. */
  changed: boolean;
}

/** The case is in the graph, the file says something else, and replacing was not asked for. */
export class CaseConflictError extends Error {
  constructor(readonly report: ImportReport) {
    super(
      `${report.file}: case "${report.caseId}" is already in the graph and this file changes it ` +
        `(${report.totals.created} created, ${report.totals.updated} updated, ${report.totals.removed} removed); ` +
        'load it with --replace (replace: true) to make the graph match the file.',
    );
    this.name = 'CaseConflictError';
  }
}

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`No case with id "${caseId}" was loaded from a case file.`);
    this.name = 'CaseNotFoundError';
  }
}

/** Reads what the plan would touch. */
export async function readGraphState(executor: Executor, plan: GraphPlan): Promise<GraphState> {
  const [previous] = await executor.read<NonNullable<GraphState['previous']>>(q.readManifest(plan.caseId));
  const keys = [...new Set([...plan.relationships.map(q.relKey), ...(previous?.relKeys ?? [])])].map(q.parseRelKey);
  const ids = [...new Set([...plan.nodes.map((n) => n.id), ...(previous?.nodeIds ?? [])])];
  const [nodes, relationships, passages] = await Promise.all([
    executor.read<{ id: string; kind: string; props: Record<string, unknown> }>(q.existingNodes(ids)),
    executor.read<{ key: q.RelKey; props: Record<string, unknown> }>(q.existingRelationships(keys)),
    executor.read<{ id: string }>(q.existingPassages(plan.passages.map((p) => p.id))),
  ]);
  return {
    nodes: new Map(nodes.map((n) => [n.id, { kind: n.kind, props: n.props }])),
    relationships: new Map(relationships.map((r) => [q.relKey(r.key), r.props])),
    passages: new Set(passages.map((p) => p.id)),
    previous: previous ?? null,
  };
}

/**
 * Loads a validated plan: reports what changes, refuses to change an existing case unless
 * `replace` is set, and writes the case in one transaction (or nothing, on a dry run).
 */
export async function importPlan(executor: Executor, plan: GraphPlan, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const state = await readGraphState(executor, plan);
  const changes = diffPlan(plan, state);
  const report: ImportReport = {
    file,
    caseId: plan.caseId,
    dryRun: options.dryRun === true,
    applied: false,
    existed: state.previous !== null,
    changed: hasChanges(changes),
    ...changes,
  };
  if (report.dryRun) return report;
  if (report.existed && report.changed && !options.replace) throw new CaseConflictError(report);
  const hashDiffers = (options.sourceHash ?? null) !== null && options.sourceHash !== state.previous?.sourceHash;
  if (report.existed && !report.changed && !hashDiffers) return report;
  await writePlan(executor, plan, options.sourceHash ?? null);
  return { ...report, applied: true };
}

/** Removes everything a case's file stated; entities other cases also state stay, with their facts. */
export async function deleteCase(executor: Executor, caseId: string): Promise<{ removedNodes: number; removedRelationships: number }> {
  return executor.transaction(async (tx) => {
    const [manifest] = await tx.run<NonNullable<GraphState['previous']>>(q.readManifest(caseId));
    if (!manifest) throw new CaseNotFoundError(caseId);
    const [rels] = await tx.run<{ removed: number }>(q.deleteRelationships(manifest.relKeys.map(q.parseRelKey)));
    const [nodes] = await tx.run<{ removed: number }>(q.releaseNodes(caseId, 'Entity', [...manifest.nodeIds, ...manifest.externalIds]));
    await tx.run(q.releaseNodes(caseId, 'Passage', manifest.passageIds));
    await tx.run({ text: 'MATCH (m:CaseManifest {caseId: $caseId}) DELETE m', params: { caseId } });
    return { removedNodes: nodes?.removed ?? 0, removedRelationships: rels?.removed ?? 0 };
  });
}
