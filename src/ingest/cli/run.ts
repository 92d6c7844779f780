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
 * What a run over files holds while it goes, and what it does to each file: nothing of a file
 * is kept once it is printed but its share of the totals. It holds only the files taken and not
 * yet reported (`open`: a step, the batches being built and written, those validated again at
 * the end) and, for a file written, its graph elements until the progress counts them
 * (`toTick`).
 */
class FileRun {
  readonly result: RunResult = { totals: emptyTotals(), interrupted: false, connectionLost: false };
  /** Files from this index on are not yet taken (the streamed path takes them a step at a time). */
  untaken = 0;
  private readonly open = new Set<CaseFileRef>();
  private readonly toTick = new Map<CaseFileRef, number>();
  /** The outcome of each file of the writes in progress: why a file failed names those it needed that were not loaded. */
  private readonly written = new Map<CaseFileRef, FileStatus | null>();
  private readonly hashes = new Map<CaseFileRef, string | null>();

  constructor(
    readonly executor: Executor,
    readonly files: readonly CaseFileRef[],
    readonly options: Options,
    readonly out: Output,
    private readonly signal: AbortSignal,
    /** When it fires, the step in flight is abandoned instead of awaited. */
    private readonly abandon: AbortSignal,
  ) {}

  take(some: readonly CaseFileRef[]): void {
    some.forEach((file) => this.open.add(file));
  }

  handled(file: CaseFileRef): boolean {
    return !this.open.has(file);
  }

  tick(file: CaseFileRef): void {
    this.out.tick(file.display, this.toTick.get(file) ?? 0);
    this.toTick.delete(file);
  }

  /** Prints a file's result and folds it into the totals; then the run lets go of the file. */
  emit(file: CaseFileRef, result: FileResult): void {
    // A file is reported once; an emit for a file already reported (none is) would not count twice.
    if (!this.open.delete(file)) return;
    addToTotals(this.result.totals, result);
    this.hashes.delete(file);
    if (this.written.has(file)) this.written.set(file, result.status);
    const elements = elementsOf(result);
    if (elements > 0) this.toTick.set(file, elements);
    const { options, out } = this;
    if (options.json) out.report(toJsonLine(result));
    else if (result.status === 'invalid') out.problem(`${result.file}: ${formatProblems(result.problems ?? [])}`);
    else if (result.status === 'refused' && !result.dryRun) out.problem(formatFileResult(result));
    else if (result.status === 'failed') out.problem(formatFileResult(result));
    else if ((result.status !== 'skipped' || result.empty) && !options.quiet) out.report(formatFileResult(result));
  }

  /** Runs one step against Neo4j; stops the run when interrupted or disconnected. */
  readonly guard = async <T>(work: () => Promise<T>): Promise<T> => {
    if (this.signal.aborted) this.stop();
    try {
      return await untilAbandoned(work(), this.abandon);
    } catch (error) {
      if (this.signal.aborted) this.stop();
      if (!isConnectionLost(error)) throw error;
      this.result.connectionLost = true;
      this.out.problem(`Lost the connection to Neo4j: ${(error as Error).message}`);
      throw new Stop();
    }
  };

  private stop(): never {
    this.result.interrupted = true;
    this.out.problem('Interrupted: stopping; the files not yet handled are skipped.');
    throw new Stop();
  }

  /** Why a file failed, naming the files of this run it needed that were not loaded. */
  private failure(file: CaseFileRef, providers: readonly CaseFileRef[], error: unknown, rolledBack = ''): string {
    const missing = providers.filter((p) => !['loaded', 'replaced', 'unchanged'].includes(this.written.get(p) ?? ''));
    const note = missing.length ? ` (it refers to what ${missing.map((p) => p.display).join(', ')} define${missing.length === 1 ? 's' : ''}, not loaded)` : '';
    return `${(error as Error).message}${rolledBack}${note}`;
  }

  /** Hashes files and reports those already in as unchanged; returns the others. */
  async skipUnchanged(some: readonly CaseFileRef[]): Promise<CaseFileRef[]> {
    const { options } = this;
    for (let i = 0; i < some.length; i += HASH_WINDOW) {
      const window = some.slice(i, i + HASH_WINDOW);
      const found = await Promise.all(window.map((file) => sourceHashOf(file, options.format ?? null)));
      window.forEach((file, k) => this.hashes.set(file, found[k]!));
    }
    const hashes = [...new Set(some.map((f) => this.hashes.get(f)).filter((h): h is string => typeof h === 'string'))];
    const known = await this.guard(() => alreadyIn(this.executor, hashes));
    return some.filter((file) => {
      const hit = known.get(this.hashes.get(file) ?? '');
      if (hit) this.emit(file, { file: file.display, status: 'unchanged', dryRun: options.dryRun, caseId: hit.caseId, elements: hit.elements, ms: 0 });
      return !hit;
    });
  }

  /** Reports a file's validation problems or that it is an empty export; true when it has a plan. */
  reportChecked(file: CaseFileRef, check: FileCheck | undefined): boolean {
    const dryRun = this.options.dryRun;
    if (check?.problems) this.emit(file, { file: file.display, status: 'invalid', dryRun, problems: check.problems, ms: 0 });
    else if (check?.empty !== undefined) this.emit(file, { file: file.display, status: 'skipped', dryRun, error: check.empty, empty: true, ms: 0 });
    return check?.plan !== undefined;
  }

  /**
   * Writes files in load order, `size` cases (or `elements` graph elements) per transaction.
   * On the default path a failed transaction is written again file by file, so only the file
   * at fault fails; with --batch the whole batch fails.
   */
  async writeInOrder(order: readonly CaseFileRef[], plans: ReadonlyMap<CaseFileRef, Planned>, providers: Providers): Promise<void> {
    for (const file of order) this.written.set(file, null);
    try {
      for (const chunk of transactions(order, (file) => elementsOfPlan(plans.get(file)!.plan), this.options.batch ?? null)) {
        await this.writeTransaction(chunk, plans, providers);
        for (const file of chunk) this.tick(file);
      }
    } finally {
      for (const file of order) this.written.delete(file);
    }
  }

  /** One transaction's files; when it fails, each file written again alone (default path) or all failed (--batch). */
  private async writeTransaction(chunk: CaseFileRef[], plans: ReadonlyMap<CaseFileRef, Planned>, providers: Providers): Promise<void> {
    const started = performance.now();
    const failed = (file: CaseFileRef, error: unknown, rolledBack: string, ms: number) =>
      this.emit(file, { file: file.display, dryRun: this.options.dryRun, status: 'failed', error: this.failure(file, providers(file), error, rolledBack), ms });
    try {
      await this.write(chunk, plans);
    } catch (error) {
      if (error instanceof Stop) throw error;
      if (this.options.batch == null && chunk.length > 1) {
        // The default path: find the file that failed the batch by writing its files one by one.
        for (const file of chunk) {
          try {
            await this.write([file], plans);
          } catch (alone) {
            if (alone instanceof Stop) throw alone;
            failed(file, alone, '', 0);
          }
        }
      } else {
        const rolledBack = chunk.length > 1 ? ` (its batch of ${chunk.length} files was rolled back)` : '';
        for (const file of chunk) failed(file, error, rolledBack, (performance.now() - started) / chunk.length);
      }
    }
  }

  /** Writes files in one transaction and reports each. */
  private async write(chunk: CaseFileRef[], plans: ReadonlyMap<CaseFileRef, Planned>): Promise<void> {
    const { options } = this;
    const started = performance.now();
    const items = chunk.map((file) => ({ plan: plans.get(file)!.plan, file: file.display, sourceHash: this.hashes.get(file) ?? null }));
    const outcomes = await this.guard(() => importPlans(this.executor, items, { dryRun: options.dryRun, replace: options.replace }));
    const ms = (performance.now() - started) / chunk.length;
    chunk.forEach((file, k) => {
      const { report, refused } = outcomes[k]!;
      const notes = plans.get(file)!.notes;
      const base = { file: file.display, dryRun: options.dryRun, ms, ...(notes ? { notes } : {}) };
      if (refused) this.emit(file, { ...base, status: 'refused', report: refused.report, error: refused.message });
      else this.emit(file, { ...base, status: statusOf(report, options.replace), report });
    });
  }

  /** --batch, --dry-run and --emit: every file hashed and looked up first, then validated and written. */
  async checkThenLoad(): Promise<void> {
    this.take(this.files);
    this.untaken = this.files.length;
    if (!this.options.emit) {
      this.out.phase('checking what is in', this.files.length);
      await this.skipUnchanged(this.files);
    }
    await this.loadAll(this.files.filter((file) => !this.handled(file)));
  }

  /** Validates every file first (against the graph and each other), then writes the valid ones. */
  async loadAll(pending: readonly CaseFileRef[]): Promise<void> {
    const { executor, options, out } = this;
    const batch = new BatchDefinitions();
    out.phase('validating', pending.length);
    const checked = await validateAll(pending, batch, executor, { guard: this.guard, validated: (file) => out.tick(file.display), format: options.format ?? null });
    const valid = pending.filter((file) => this.reportChecked(file, checked.get(file)));
    if (options.emit) await this.emitCaseFiles(checked);
    const plans = new Map(valid.map((file) => [file, { plan: checked.get(file)!.plan!, notes: checked.get(file)!.notes }]));
    const byDisplay = new Map(valid.map((file) => [file.display, file]));
    const providers = (file: CaseFileRef) => batch.providersOf(file.display, plans.get(file)!.plan).map((name) => byDisplay.get(name)!);
    const invalid = pending.filter((file) => checked.get(file)?.problems).length;
    const loadable = this.allOrNothing(invalid, valid) ? [] : valid;
    if (loadable.length > 0 && !options.dryRun) await this.guard(() => applySchema(executor));
    out.phase(options.dryRun ? 'checking' : 'loading', loadable.length);
    await this.writeInOrder(loadOrder(loadable, providers), plans, providers);
  }

  /** --emit: each imported record's case file written where it asks. */
  private async emitCaseFiles(checked: ReadonlyMap<CaseFileRef, FileCheck>): Promise<void> {
    for (const file of this.files) {
      const { imported } = checked.get(file) ?? {};
      if (!imported) continue;
      const written = await emitCaseFile(this.options.emit!, imported);
      this.out.info(`${file.display}: its case file is ${written}`);
    }
  }

  /** --batch with an invalid file writes nothing: the valid files are reported skipped, and true. */
  private allOrNothing(invalid: number, valid: readonly CaseFileRef[]): boolean {
    if (this.options.batch == null || invalid === 0 || this.options.dryRun) return false;
    const why = `${invalid} file${invalid === 1 ? ' is' : 's are'} invalid, and --batch writes nothing unless every file is valid`;
    this.out.problem(`Nothing was written: ${why}.`);
    for (const file of valid) this.emit(file, { file: file.display, status: 'skipped', dryRun: false, error: why, ms: 0 });
    return true;
  }

  /** After a stop or a lost connection: every file not reported is reported skipped, in order. */
  skipTheRest(): void {
    const reason = this.result.interrupted ? 'interrupted' : 'the connection to Neo4j was lost';
    for (const [i, file] of this.files.entries()) {
      if (i >= this.untaken) this.open.add(file);
      if (this.open.has(file)) this.emit(file, { file: file.display, status: 'skipped', dryRun: this.options.dryRun, error: reason, ms: 0 });
    }
  }
}

/** The files of a transaction that define what a file refers to. */
type Providers = (file: CaseFileRef) => CaseFileRef[];

/**
 * The default path, streamed: files are hashed, validated and planned a step at a time and
 * written as soon as a transaction's worth of graph elements is planned, while the next
 * batch is validated. At most two batches of plans are held. A file invalid when it was
 * validated (it may refer to what a later file defines) is validated again at the end.
 */
class StreamedLoad {
  private schema: Promise<unknown> | null = null;
  private readonly graph: ValidationEnv['lookupIds'];
  /** What the transaction being written defines, and what the batch being built does. */
  private writing = new BatchDefinitions();
  private building = new BatchDefinitions();
  private inFlight: Promise<void> = Promise.resolve();
  private batch: CaseFileRef[] = [];
  private plans = new Map<CaseFileRef, Planned>();
  private elements = 0;
  private readonly deferred: CaseFileRef[] = [];
  private readonly lookup: ValidationEnv['lookupIds'] = (ids) => this.writing.lookupWith(this.graph)(ids);

  constructor(private readonly run: FileRun) {
    this.graph = graphLookup(run.executor);
  }

  async loadAll(): Promise<void> {
    const { files, out } = this.run;
    out.phase('loading', files.length);
    for (let i = 0; i < files.length; i += STEP_FILES) {
      await this.step(files.slice(i, i + STEP_FILES), i);
      if (this.elements >= BATCH_ELEMENTS || this.batch.length >= MAX_BATCH_FILES) await this.flush();
    }
    if (this.batch.length > 0) await this.flush();
    await this.inFlight;
    if (this.deferred.length > 0) await this.run.loadAll(this.deferred);
  }

  /** One step's files taken, the unchanged skipped, the rest validated and planned into the batch. */
  private async step(taken: readonly CaseFileRef[], first: number): Promise<void> {
    const run = this.run;
    run.take(taken);
    run.untaken = first + taken.length;
    const step = await run.skipUnchanged(taken);
    const checked = await validateAll(step, this.building, run.executor, { guard: run.guard, format: run.options.format ?? null, lookup: this.lookup });
    for (const file of step) {
      const check = checked.get(file)!;
      if (check.problems) {
        this.deferred.push(file);
        continue;
      }
      if (!run.reportChecked(file, check)) continue;
      this.batch.push(file);
      this.plans.set(file, { plan: check.plan!, notes: check.notes });
      this.elements += elementsOfPlan(check.plan!);
    }
    for (const file of step) if (run.handled(file) && !this.plans.has(file)) run.tick(file);
  }

  /** The batch built becomes the transaction in flight, once the one before it is written. */
  private async flush(): Promise<void> {
    const run = this.run;
    await this.inFlight;
    // The schema before the first write (an unchanged reload writes nothing, so needs none).
    this.schema ??= run.guard(() => applySchema(run.executor));
    await this.schema;
    const [chunk, chunkPlans, definitions] = [this.batch, this.plans, this.building];
    [this.batch, this.plans, this.elements, this.writing, this.building] = [[], new Map(), 0, this.building, new BatchDefinitions()];
    const byDisplay = new Map(chunk.map((file) => [file.display, file]));
    const providers = (file: CaseFileRef) => definitions.providersOf(file.display, chunkPlans.get(file)!.plan).flatMap((name) => byDisplay.get(name) ?? []);
    this.inFlight = run.writeInOrder(loadOrder(chunk, providers), chunkPlans, providers);
    this.inFlight.catch(() => {});
  }
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
  const run = new FileRun(executor, files, options, out, signal, abandon);
  try {
    const streaming = options.batch == null && !options.dryRun && !options.emit;
    if (streaming) await new StreamedLoad(run).loadAll();
    else await run.checkThenLoad();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  run.skipTheRest();
  return run.result;
}
