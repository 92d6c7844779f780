import { performance } from 'node:perf_hooks';
import { BatchDefinitions, loadOrder } from '../../src/ingest/cli/batch.js';
import type { CaseFileRef } from '../../src/ingest/cli/files.js';
import { alreadyIn, sourceHashOf } from '../../src/ingest/cli/unchanged.js';
import { validateAll } from '../../src/ingest/cli/validate-all.js';
import { importPlans } from '../../src/ingest/write/import.js';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import type { Executor } from '../../src/neo4j/executor.js';
import { scheduleBatches } from './schedule.js';

export interface MeasureLoadOptions {
  executor: Executor;
  /** Case files (with their texts beside them), in any order: those others refer to are loaded first. */
  files: string[];
  /** Cases per transaction (1 = the loader without --batch). */
  batch?: number;
  /** Transactions in flight at once. */
  loaders?: number;
  /** CPU seconds used so far by the database's process, when it can be read (embedded Neo4j). */
  databaseCpu?: () => number | null;
}

/** What a load took. Graph elements are nodes + relationships + quoted passages, as planned. */
export interface LoadFigures {
  cases: number;
  elements: number;
  elementsPerCase: number;
  batch: number;
  loaders: number;
  /** Reading, parsing, validating (with the graph lookups) and planning every file. */
  prepareSeconds: number;
  /** Writing the plans: reading what they touch, then the transactions. */
  writeSeconds: number;
  /** End to end, prepare + write: what `npm run load -- --batch N` spends after reaching Neo4j. */
  seconds: number;
  elementsPerSecond: number;
  casesPerSecond: number;
  /** Elements per second of the write phase alone. */
  writeElementsPerSecond: number;
  /** CPU seconds of this process (parsing, validation, planning, the driver) and of the database. */
  loaderCpuSeconds: number;
  databaseCpuSeconds: number | null;
  /** Loading the same files again: each file's source hash read and found in the graph, nothing validated or written. */
  reloadSeconds: number;
  reloadElementsPerSecond: number;
}

const elementsOf = (plan: GraphPlan) => plan.nodes.length + plan.relationships.length + plan.passages.length;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/**
 * Loads case files as the command-line loader does (validate all, then write in load order) and
 * times the two phases. Every file must be valid and new to the graph: the figures count what
 * was written, and a case left out would make them lie, so anything else throws.
 */
export async function measureLoad(options: MeasureLoadOptions): Promise<LoadFigures> {
  const { executor, batch = 1, loaders = 1 } = options;
  const files: CaseFileRef[] = options.files.map((file) => ({ path: file, display: file }));
  const cpuBefore = process.cpuUsage();
  const dbBefore = options.databaseCpu?.() ?? null;
  const started = performance.now();

  const hashes = new Map<CaseFileRef, string | null>();
  for (const file of files) hashes.set(file, await sourceHashOf(file));
  const definitions = new BatchDefinitions();
  const checked = await validateAll(files, definitions, executor);
  const invalid = files.find((file) => checked.get(file)?.problems);
  if (invalid) throw new Error(`${invalid.display} is invalid: ${checked.get(invalid)!.problems!.map((p) => p.message).join('; ')}`);
  const plans = new Map(files.map((file) => [file, checked.get(file)!.plan!]));
  const byName = new Map(files.map((file) => [file.display, file]));
  const providers = (file: CaseFileRef) => definitions.providersOf(file.display, plans.get(file)!).map((name) => byName.get(name)!);
  const order = loadOrder(files, providers);
  const prepared = performance.now();

  await scheduleBatches(order, batch, loaders, providers, async (chunk) => {
    const outcomes = await importPlans(executor, chunk.map((file) => ({ plan: plans.get(file)!, file: file.display, sourceHash: hashes.get(file) ?? null })));
    const skipped = outcomes.findIndex((o) => !o.report?.applied);
    if (skipped >= 0) throw new Error(`${chunk[skipped]!.display} was not written (its case was already in the graph): load fresh cases`);
  });
  const finished = performance.now();

  // Loading them again, as `npm run load` does: every file's hash is found, nothing else is done.
  const again = performance.now();
  const rehashed = await Promise.all(files.map((file) => sourceHashOf(file)));
  const found = await alreadyIn(executor, rehashed.filter((h): h is string => h !== null));
  for (const [k, file] of files.entries()) if (!found.has(rehashed[k] ?? '')) throw new Error(`${file.display} is not found by its source hash after its load`);
  const reloadSeconds = (performance.now() - again) / 1000;

  const cpu = process.cpuUsage(cpuBefore);
  const dbAfter = options.databaseCpu?.() ?? null;
  const elements = [...plans.values()].reduce((sum, plan) => sum + elementsOf(plan), 0);
  const seconds = (finished - started) / 1000;
  const writeSeconds = (finished - prepared) / 1000;
  return {
    cases: files.length,
    elements,
    elementsPerCase: Math.round(elements / files.length),
    batch,
    loaders,
    prepareSeconds: round((prepared - started) / 1000),
    writeSeconds: round(writeSeconds),
    seconds: round(seconds),
    elementsPerSecond: Math.round(elements / seconds),
    casesPerSecond: round(files.length / seconds, 1),
    writeElementsPerSecond: Math.round(elements / writeSeconds),
    loaderCpuSeconds: round((cpu.user + cpu.system) / 1e6, 1),
    databaseCpuSeconds: dbBefore === null || dbAfter === null ? null : round(dbAfter - dbBefore, 1),
    reloadSeconds: round(reloadSeconds, 3),
    reloadElementsPerSecond: Math.round(elements / reloadSeconds),
  };
}
