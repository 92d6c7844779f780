import type { CypherQuery, Executor } from '../../neo4j/executor.js';
import { diffPlan, hasChanges, type ChangeReport, type ExistingNode, type GraphState } from './diff.js';
import { caseOf } from './merge.js';
import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import { LoadedMeanwhileError, releaseStale, writePlans, type WriteSummary } from './write.js';
import * as q from './write-queries.js';
import { unpackManifest, type LockedManifest, type StoredManifest } from './manifest.js';

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

/** A plan to import, with the file it came from (for reports) and the hash of its files. */
export interface ImportItem {
  plan: GraphPlan;
  file: string;
  sourceHash?: string | null;
}

/**
 * What importing one item did: its report (and, when it was written, what the write did), or
 * the refusal to change an existing case.
 */
export type ImportOutcome = { report: ImportReport; written?: WriteSummary; refused?: undefined } | { refused: CaseConflictError; report?: undefined };

/** Rows per read statement. */
const READ_CHUNK = 5000;

async function readInChunks<T, R>(executor: Executor, items: T[], query: (chunk: T[]) => CypherQuery): Promise<R[]> {
  const chunks = [];
  for (let i = 0; i < items.length; i += READ_CHUNK) chunks.push(items.slice(i, i + READ_CHUNK));
  return (await Promise.all(chunks.map((chunk) => executor.read<R>(query(chunk))))).flat();
}

/**
 * Reads what several plans would touch, in a few round trips whatever their number. What cannot
 * exist is not asked for: relationships of a case never loaded (their ids start with its case
 * id) and passages of documents not in the graph (their ids start with the document's id).
 */
export async function readGraphStates(executor: Executor, plans: GraphPlan[]): Promise<GraphState[]> {
  const manifests = await readInChunks<string, StoredManifest & { owner: string; sourceHash: string | null }>(executor, plans.map(contributionOf), q.readManifests);
  const previous = new Map<string, NonNullable<GraphState['previous']>>(manifests.map((m) => [m.owner, { ...unpackManifest(m), sourceHash: m.sourceHash }]));
  const keys = new Set<string>();
  const ids = new Map<string, string[]>();
  for (const plan of plans) {
    const before = previous.get(contributionOf(plan));
    for (const id of new Set([...plan.nodes.map((n) => n.id), ...(before?.nodeIds ?? [])])) (ids.get(id) ?? ids.set(id, []).get(id)!).push(contributionOf(plan));
    if (before) for (const key of [...plan.relationships.map(q.relKey), ...before.relKeys]) keys.add(key);
  }
  const [nodes, relationships] = await Promise.all([
    readInChunks<{ id: string; owners: string[] }, ExistingNode & { id: string }>(executor, [...ids].map(([id, owners]) => ({ id, owners })), q.existingNodes),
    readInChunks<q.RelKey, { key: q.RelKey; props: Record<string, unknown> }>(executor, [...keys].map(q.parseRelKey), q.existingRelationships),
  ]);
  const existing = new Map(nodes.map((n) => [n.id, { kind: n.kind, props: n.props, stated: n.stated }]));
  const passageIds = new Set(plans.flatMap((plan) => plan.passages.filter((p) => existing.has(p.documentId)).map((p) => p.id)));
  const passages = await readInChunks<string, { id: string }>(executor, [...passageIds], q.existingPassages);
  const state = {
    nodes: existing,
    relationships: new Map(relationships.map((r) => [q.relKey(r.key), r.props])),
    passages: new Set(passages.map((p) => p.id)),
  };
  return plans.map((plan) => ({ ...state, previous: previous.get(contributionOf(plan)) ?? null }));
}

/**
 * Loads a validated plan: reports what changes, refuses to change an existing case unless
 * `replace` is set, and writes the case in one transaction (or nothing, on a dry run).
 */
export async function importPlan(executor: Executor, plan: GraphPlan, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const [outcome] = await importPlans(executor, [{ plan, file, sourceHash: options.sourceHash ?? null }], options);
  if (outcome!.refused) throw outcome!.refused;
  return outcome!.report;
}

/**
 * importPlan for many plans at once: each is reported and refused (or not) on its own, against
 * the graph as it was before this call, and those to write are written in ONE transaction:
 * all of them or none. Plans must come in load order (a plan after those it refers to).
 */
export async function importPlans(executor: Executor, items: ImportItem[], options: Omit<ImportOptions, 'sourceHash'> = {}): Promise<ImportOutcome[]> {
  try {
    return await importOnce(executor, items, options);
  } catch (error) {
    // Another import of a case read as new won the race: plan again against the graph as it is
    // now, so that only one of them reports the case created (the other finds it unchanged).
    if (!(error instanceof LoadedMeanwhileError)) throw error;
    return importOnce(executor, items, options);
  }
}

async function importOnce(executor: Executor, items: ImportItem[], options: Omit<ImportOptions, 'sourceHash'>): Promise<ImportOutcome[]> {
  const states = await readGraphStates(executor, items.map((i) => i.plan));
  const outcomes: ImportOutcome[] = [];
  const toWrite: { index: number; item: ImportItem }[] = [];
  items.forEach((item, index) => {
    const state = states[index]!;
    const changes = diffPlan(item.plan, state);
    const report: ImportReport = {
      file: item.file,
      caseId: item.plan.caseId,
      dryRun: options.dryRun === true,
      applied: false,
      existed: state.previous !== null,
      changed: hasChanges(changes),
      ...changes,
    };
    outcomes.push({ report });
    if (report.dryRun) return;
    if (report.existed && report.changed && !options.replace) return void (outcomes[index] = { refused: new CaseConflictError(report) });
    const hashDiffers = (item.sourceHash ?? null) !== null && item.sourceHash !== state.previous?.sourceHash;
    if (report.existed && !report.changed && !hashDiffers) return;
    toWrite.push({ index, item });
  });
  const expectNew = new Set(toWrite.filter(({ index }) => !outcomes[index]!.report!.existed).map(({ item }) => contributionOf(item.plan)));
  const written = await writePlans(executor, toWrite.map(({ item }) => ({ plan: item.plan, sourceHash: item.sourceHash ?? null })), { expectNew });
  toWrite.forEach(({ index }, i) => void (outcomes[index] = { report: { ...outcomes[index]!.report!, applied: true }, written: written[i]! }));
  return outcomes;
}

/**
 * Removes everything a case's files stated (every contribution of it), or, given
 * `<case id>#<key>`, that one contribution: what other contributions or cases also state stays,
 * with the fields they give it.
 */
export async function deleteCase(executor: Executor, id: string): Promise<{ removedNodes: number; removedRelationships: number; removedPassages: number }> {
  return executor.transaction(async (tx) => {
    const owners = id.includes('#')
      ? (await tx.run<{ owner: string }>(q.readManifests([id]))).map((m) => m.owner)
      : (await tx.run<{ owner: string }>(q.contributionsOf(id))).map((m) => m.owner);
    if (owners.length === 0) throw new CaseNotFoundError(id);
    const manifests = (await tx.run<LockedManifest>(q.lockCases(owners))).map((m) => ({ owner: m.owner, existed: m.existed, ...unpackManifest(m) }));
    const removed = new Map(owners.map((o) => [o, { nodes: 0, relationships: 0, passages: 0 } as { nodes: number; relationships: number; passages?: number }]));
    for (const manifest of manifests) {
      const nothing: GraphPlan = { caseId: caseOf(manifest.owner), contribution: manifest.owner, nodes: [], aliases: [], relationships: [], passages: [], externalIds: [] };
      await releaseStale(tx, nothing, manifest, removed);
    }
    await tx.run(q.deleteManifests(owners));
    const total = [...removed.values()].reduce(
      (sum, r) => ({ nodes: sum.nodes + r.nodes, relationships: sum.relationships + r.relationships, passages: (sum.passages ?? 0) + (r.passages ?? 0) }),
      { nodes: 0, relationships: 0, passages: 0 },
    );
    return { removedNodes: total.nodes, removedRelationships: total.relationships, removedPassages: total.passages ?? 0 };
  });
}
