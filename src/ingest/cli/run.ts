import { performance } from 'node:perf_hooks';
import type { Executor } from '../../neo4j/executor.js';
import { applySchema } from '../../neo4j/migrations.js';
import { importPlans } from '../write/import.js';
import { formatProblems } from '../casefile/problems.js';
import type { CliOptions } from './args.js';
import { BatchDefinitions, loadOrder } from './batch.js';
import type { FileCheck } from './check-file.js';
import type { GraphPlan } from '../casefile/plan.js';
import type { ImportNote } from '../importers/build.js';
import type { ValidationEnv } from '../casefile/validate.js';
import { graphLookup } from '../pipeline/load.js';
import { isConnectionLost } from './connect.js';
import type { CaseFileRef } from './files.js';
import type { Output } from './output.js';
import { addToTotals, emptyTotals, formatFileResult, statusOf, toJsonLine, type FileResult, type FileStatus, type RunTotals } from './report.js';
import { validateAll } from './validate-all.js';
import { emitCaseFile } from './emit.js';
import { alreadyIn, sourceHashOf } from './unchanged.js';

export interface RunResult {
  /** Every file's result folded in as it was printed: files by outcome, graph elements changed. */
  totals: RunTotals;
  interrupted: boolean;
  connectionLost: boolean;
}

type Options = Pick<CliOptions, 'dryRun' | 'replace' | 'json' | 'quiet'> & Partial<Pick<CliOptions, 'batch' | 'format' | 'emit'>>;

/**
 * The default path (no --batch) writes a transaction once its files hold this many graph
 * elements (nodes, relationships, passages) or MAX_BATCH_FILES files: thousands of rows per
 * statement, whatever the size of a case. A failed batch is retried file by file.
 */
export const BATCH_ELEMENTS = 20_000;
export const MAX_BATCH_FILES = 1000;
/** Files hashed, looked up and validated per step of the streamed default path. */
const STEP_FILES = 50;

/** A valid file's plan and import notes. */
interface Planned {
  plan: GraphPlan;
  notes?: ImportNote[] | undefined;
}

const elementsOfPlan = (plan: GraphPlan) => plan.nodes.length + plan.relationships.length + plan.passages.length;

/**
 * Splits files (in load order) into transactions: `batch` files each with --batch, else until
 * BATCH_ELEMENTS graph elements or MAX_BATCH_FILES files. Pure.
 */
export function transactions<T>(order: readonly T[], elementsOf: (item: T) => number, batch: number | null): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let elements = 0;
  for (const item of order) {
    current.push(item);
    elements += elementsOf(item);
    if (batch !== null ? current.length >= batch : elements >= BATCH_ELEMENTS || current.length >= MAX_BATCH_FILES) {
      chunks.push(current);
      current = [];
      elements = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
/** Graph elements a file's load wrote (or would): what the progress counts. */
function elementsOf(result: FileResult): number {
  const totals = result.report?.totals;
  return totals ? totals.created + totals.updated + totals.unchanged : 0;
}

/** Files read and hashed at once. */
const HASH_WINDOW = 32;

/** Thrown inside the run to stop handling files. */
class Stop extends Error {}

/**
 * The step's outcome, or Stop once `abandon` fires. Not `Promise.race` with one promise that
 * never settles: each race would leave a reaction on it holding the step's result (a file's
 * plan and the text it was read from) for the whole run, a leak growing with every file.
 */
function untilAbandoned<T>(work: Promise<T>, abandon: AbortSignal): Promise<T> {
  if (abandon.aborted) return Promise.reject(new Stop());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new Stop());
    abandon.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => abandon.removeEventListener('abort', stop));
  });
}

/**
 * Validates every file, prints every problem, then loads the valid files one at a time, one
 * transaction each, after the files that define what they refer to. A file that fails does not
 * stop the others; a lost connection or `signal` does (the rest are reported as skipped).
 * With `batch`, nothing is loaded unless every file is valid, and each transaction writes up to
 * `batch` cases: a failure rolls back (and reports as failed) the files of its batch only.
 */
export async function runFiles(
  executor: Executor,
  files: readonly CaseFileRef[],
  options: Options,
  out: Output,
  signal: AbortSignal,
  /** When it fires, the step in flight is abandoned instead of awaited. */
  abandon: AbortSignal = new AbortController().signal,
): Promise<RunResult> {
  const run: RunResult = { totals: emptyTotals(), interrupted: false, connectionLost: false };
  // Nothing of a file is kept once it is printed but its share of the totals: the run holds only
  // the files taken and not yet reported (`open`: a step, the batches being built and written,
  // those validated again at the end) and, for a file written, its graph elements until the
  // progress counts them (`toTick`).
  const open = new Set<CaseFileRef>();
  /** Files from this index on are not yet taken (the streamed path takes them a step at a time). */
  let untaken = 0;
  const take = (some: readonly CaseFileRef[]) => some.forEach((file) => open.add(file));
  const handled = (file: CaseFileRef) => !open.has(file);
  const toTick = new Map<CaseFileRef, number>();
  /** The outcome of each file of the writes in progress: why a file failed names those it needed that were not loaded. */
  const written = new Map<CaseFileRef, FileStatus | null>();
  const tick = (file: CaseFileRef) => {
    out.tick(file.display, toTick.get(file) ?? 0);
    toTick.delete(file);
  };
  const emit = (file: CaseFileRef, result: FileResult) => {
    // A file is reported once; an emit for a file already reported (none is) would not count twice.
    if (!open.delete(file)) return;
    addToTotals(run.totals, result);
    hashes.delete(file);
    if (written.has(file)) written.set(file, result.status);
    const elements = elementsOf(result);
    if (elements > 0) toTick.set(file, elements);
    if (options.json) out.report(toJsonLine(result));
    else if (result.status === 'invalid') out.problem(`${result.file}: ${formatProblems(result.problems ?? [])}`);
    else if (result.status === 'refused' && !result.dryRun) out.problem(formatFileResult(result));
    else if (result.status === 'failed') out.problem(formatFileResult(result));
    else if ((result.status !== 'skipped' || result.empty) && !options.quiet) out.report(formatFileResult(result));
  };
  /** Runs one step against Neo4j; stops the run when interrupted or disconnected. */
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    const stop = (): never => {
      run.interrupted = true;
      out.problem('Interrupted: stopping; the files not yet handled are skipped.');
      throw new Stop();
    };
    if (signal.aborted) stop();
    try {
      return await untilAbandoned(work(), abandon);
    } catch (error) {
      if (signal.aborted) stop();
      if (!isConnectionLost(error)) throw error;
      run.connectionLost = true;
      out.problem(`Lost the connection to Neo4j: ${(error as Error).message}`);
      throw new Stop();
    }
  };

  /** Why a file failed, naming the files of this run it needed that were not loaded. */
  const failure = (file: CaseFileRef, providers: readonly CaseFileRef[], error: unknown, rolledBack = '') => {
    const missing = providers.filter((p) => !['loaded', 'replaced', 'unchanged'].includes(written.get(p) ?? ''));
    const note = missing.length ? ` (it refers to what ${missing.map((p) => p.display).join(', ')} define${missing.length === 1 ? 's' : ''}, not loaded)` : '';
    return `${(error as Error).message}${rolledBack}${note}`;
  };
  const hashes = new Map<CaseFileRef, string | null>();
  /** Hashes files and reports those already in as unchanged; returns the others. */
  const skipUnchanged = async (some: readonly CaseFileRef[]): Promise<CaseFileRef[]> => {
    for (let i = 0; i < some.length; i += HASH_WINDOW) {
      const window = some.slice(i, i + HASH_WINDOW);
      const found = await Promise.all(window.map((file) => sourceHashOf(file, options.format ?? null)));
      window.forEach((file, k) => hashes.set(file, found[k]!));
    }
    const known = await guard(() => alreadyIn(executor, [...new Set(some.map((f) => hashes.get(f)).filter((h): h is string => typeof h === 'string'))]));
    return some.filter((file) => {
      const hit = known.get(hashes.get(file) ?? '');
      if (hit) emit(file, { file: file.display, status: 'unchanged', dryRun: options.dryRun, caseId: hit.caseId, elements: hit.elements, ms: 0 });
      return !hit;
    });
  };
  /** Reports a file's validation problems or that it is an empty export; true when it has a plan. */
  const reportChecked = (file: CaseFileRef, check: FileCheck | undefined): boolean => {
    if (check?.problems) emit(file, { file: file.display, status: 'invalid', dryRun: options.dryRun, problems: check.problems, ms: 0 });
    else if (check?.empty !== undefined) emit(file, { file: file.display, status: 'skipped', dryRun: options.dryRun, error: check.empty, empty: true, ms: 0 });
    return check?.plan !== undefined;
  };
  /**
   * Writes files in load order, `size` cases (or `elements` graph elements) per transaction.
   * On the default path a failed transaction is written again file by file, so only the file
   * at fault fails; with --batch the whole batch fails.
   */
  const writeInOrder = async (order: readonly CaseFileRef[], plans: ReadonlyMap<CaseFileRef, Planned>, providers: (file: CaseFileRef) => CaseFileRef[]) => {
    for (const file of order) written.set(file, null);
    try {
      await writeChunks(order, plans, providers);
    } finally {
      for (const file of order) written.delete(file);
    }
  };
  const writeChunks = async (order: readonly CaseFileRef[], plans: ReadonlyMap<CaseFileRef, Planned>, providers: (file: CaseFileRef) => CaseFileRef[]) => {
    const write = async (chunk: CaseFileRef[]) => {
      const started = performance.now();
      const items = chunk.map((file) => ({ plan: plans.get(file)!.plan, file: file.display, sourceHash: hashes.get(file) ?? null }));
      const outcomes = await guard(() => importPlans(executor, items, { dryRun: options.dryRun, replace: options.replace }));
      const ms = (performance.now() - started) / chunk.length;
      chunk.forEach((file, k) => {
        const { report, refused } = outcomes[k]!;
        const notes = plans.get(file)!.notes;
        const base = { file: file.display, dryRun: options.dryRun, ms, ...(notes ? { notes } : {}) };
        if (refused) emit(file, { ...base, status: 'refused', report: refused.report, error: refused.message });
        else emit(file, { ...base, status: statusOf(report, options.replace), report });
      });
    };
    for (const chunk of transactions(order, (file) => elementsOfPlan(plans.get(file)!.plan), options.batch ?? null)) {
      const started = performance.now();
      try {
        await write(chunk);
      } catch (error) {
        if (error instanceof Stop) throw error;
        if (options.batch == null && chunk.length > 1) {
          // The default path: find the file that failed the batch by writing its files one by one.
          for (const file of chunk) {
            try {
              await write([file]);
            } catch (alone) {
              if (alone instanceof Stop) throw alone;
              emit(file, { file: file.display, dryRun: options.dryRun, status: 'failed', error: failure(file, providers(file), alone), ms: 0 });
            }
          }
        } else {
          const rolledBack = chunk.length > 1 ? ` (its batch of ${chunk.length} files was rolled back)` : '';
          const ms = (performance.now() - started) / chunk.length;
          for (const file of chunk) emit(file, { file: file.display, dryRun: options.dryRun, status: 'failed', error: failure(file, providers(file), error, rolledBack), ms });
        }
      }
      for (const file of chunk) tick(file);
    }
  };
  /** Validates every file first (against the graph and each other), then writes the valid ones. */
  const loadAll = async (pending: readonly CaseFileRef[]) => {
    const batch = new BatchDefinitions();
    out.phase('validating', pending.length);
    const checked = await validateAll(pending, batch, executor, { guard, validated: (file) => out.tick(file.display), format: options.format ?? null });
    const valid = pending.filter((file) => reportChecked(file, checked.get(file)));
    if (options.emit) {
      for (const file of files) {
        const { imported } = checked.get(file) ?? {};
        if (!imported) continue;
        const written = await emitCaseFile(options.emit, imported);
        out.info(`${file.display}: its case file is ${written}`);
      }
    }
    const plans = new Map(valid.map((file) => [file, { plan: checked.get(file)!.plan!, notes: checked.get(file)!.notes }]));
    const byDisplay = new Map(valid.map((file) => [file.display, file]));
    const providers = (file: CaseFileRef) => batch.providersOf(file.display, plans.get(file)!.plan).map((name) => byDisplay.get(name)!);
    const invalid = pending.filter((file) => checked.get(file)?.problems).length;
    const allOrNothing = options.batch != null && invalid > 0 && !options.dryRun;
    if (allOrNothing) {
      const why = `${invalid} file${invalid === 1 ? ' is' : 's are'} invalid, and --batch writes nothing unless every file is valid`;
      out.problem(`Nothing was written: ${why}.`);
      for (const file of valid) emit(file, { file: file.display, status: 'skipped', dryRun: false, error: why, ms: 0 });
    }
    const loadable = allOrNothing ? [] : valid;
    if (loadable.length > 0 && !options.dryRun) await guard(() => applySchema(executor));
    out.phase(options.dryRun ? 'checking' : 'loading', loadable.length);
    await writeInOrder(loadOrder(loadable, providers), plans, providers);
  };

  /**
   * The default path, streamed: files are hashed, validated and planned a step at a time and
   * written as soon as a transaction's worth of graph elements is planned, while the next
   * batch is validated. At most two batches of plans are held. A file invalid when it was
   * validated (it may refer to what a later file defines) is validated again at the end.
   */
  const streamAll = async () => {
    let schema: Promise<unknown> | null = null;
    out.phase('loading', files.length);
    const graph = graphLookup(executor);
    let writing = new BatchDefinitions();
    let building = new BatchDefinitions();
    const lookup: ValidationEnv['lookupIds'] = (ids) => writing.lookupWith(graph)(ids);
    let inFlight: Promise<void> = Promise.resolve();
    let batch: CaseFileRef[] = [];
    let plans = new Map<CaseFileRef, Planned>();
    let elements = 0;
    const deferred: CaseFileRef[] = [];
    const flush = async () => {
      await inFlight;
      // The schema before the first write (an unchanged reload writes nothing, so needs none).
      schema ??= guard(() => applySchema(executor));
      await schema;
      const [chunk, chunkPlans, definitions] = [batch, plans, building];
      [batch, plans, elements, writing, building] = [[], new Map(), 0, building, new BatchDefinitions()];
      const byDisplay = new Map(chunk.map((file) => [file.display, file]));
      const providers = (file: CaseFileRef) => definitions.providersOf(file.display, chunkPlans.get(file)!.plan).flatMap((name) => byDisplay.get(name) ?? []);
      inFlight = writeInOrder(loadOrder(chunk, providers), chunkPlans, providers);
      inFlight.catch(() => {});
    };
    for (let i = 0; i < files.length; i += STEP_FILES) {
      const taken = files.slice(i, i + STEP_FILES);
      take(taken);
      untaken = i + taken.length;
      const step = await skipUnchanged(taken);
      const checked = await validateAll(step, building, executor, { guard, format: options.format ?? null, lookup });
      for (const file of step) {
        const check = checked.get(file)!;
        if (check.problems) {
          deferred.push(file);
          continue;
        }
        if (!reportChecked(file, check)) continue;
        batch.push(file);
        plans.set(file, { plan: check.plan!, notes: check.notes });
        elements += elementsOfPlan(check.plan!);
      }
      for (const file of step) if (handled(file) && !plans.has(file)) tick(file);
      if (elements >= BATCH_ELEMENTS || batch.length >= MAX_BATCH_FILES) await flush();
    }
    if (batch.length > 0) await flush();
    await inFlight;
    if (deferred.length > 0) await loadAll(deferred);
  };

  try {
    const streaming = options.batch == null && !options.dryRun && !options.emit;
    if (streaming) await streamAll();
    else {
      take(files);
      untaken = files.length;
      if (!options.emit) {
        out.phase('checking what is in', files.length);
        await skipUnchanged(files);
      }
      await loadAll(files.filter((file) => !handled(file)));
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }

  const reason = run.interrupted ? 'interrupted' : 'the connection to Neo4j was lost';
  for (const [i, file] of files.entries()) {
    if (i >= untaken) open.add(file);
    if (open.has(file)) emit(file, { file: file.display, status: 'skipped', dryRun: options.dryRun, error: reason, ms: 0 });
  }
  return run;
}
