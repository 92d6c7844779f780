import { performance } from 'node:perf_hooks';
import type { Executor } from '../../neo4j/executor.js';
import { applySchema } from '../../neo4j/migrations.js';
import { CaseConflictError, importPlan, importPlans } from '../import.js';
import { formatProblems } from '../problems.js';
import type { CliOptions } from './args.js';
import { BatchDefinitions, loadOrder } from './batch.js';
import { isConnectionLost } from './connect.js';
import type { CaseFileRef } from './files.js';
import type { Output } from './output.js';
import { formatFileResult, statusOf, toJsonLine, type FileResult } from './report.js';
import { validateAll } from './validate-all.js';
import { emitCaseFile } from './emit.js';

export interface RunResult {
  /** One per file, in the order the files were given (sorted). */
  results: FileResult[];
  interrupted: boolean;
  connectionLost: boolean;
}

type Options = Pick<CliOptions, 'dryRun' | 'replace' | 'json' | 'quiet'> & Partial<Pick<CliOptions, 'batch' | 'format' | 'emit'>>;

/** Thrown inside the run to stop handling files. */
class Stop extends Error {}

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
  const results = new Map<CaseFileRef, FileResult>();
  const run: RunResult = { results: [], interrupted: false, connectionLost: false };
  const emit = (file: CaseFileRef, result: FileResult) => {
    results.set(file, result);
    if (options.json) out.report(toJsonLine(result));
    else if (result.status === 'invalid') out.problem(`${result.file}: ${formatProblems(result.problems ?? [])}`);
    else if (result.status === 'refused' && !result.dryRun) out.problem(formatFileResult(result));
    else if (result.status === 'failed') out.problem(formatFileResult(result));
    else if ((result.status !== 'skipped' || result.empty) && !options.quiet) out.report(formatFileResult(result));
  };
  const abandoned = new Promise<never>((_, reject) => abandon.addEventListener('abort', () => reject(new Stop()), { once: true }));
  abandoned.catch(() => {});
  /** Runs one step against Neo4j; stops the run when interrupted or disconnected. */
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    const stop = (): never => {
      run.interrupted = true;
      out.problem('Interrupted: stopping; the files not yet handled are skipped.');
      throw new Stop();
    };
    if (signal.aborted) stop();
    try {
      return await Promise.race([work(), abandoned]);
    } catch (error) {
      if (signal.aborted) stop();
      if (!isConnectionLost(error)) throw error;
      run.connectionLost = true;
      out.problem(`Lost the connection to Neo4j: ${(error as Error).message}`);
      throw new Stop();
    }
  };

  try {
    const batch = new BatchDefinitions();
    out.phase('validating', files.length);
    const checked = await validateAll(files, batch, executor, { guard, validated: (file) => out.tick(file.display), format: options.format ?? null });
    for (const file of files) {
      const check = checked.get(file);
      if (check?.problems) emit(file, { file: file.display, status: 'invalid', dryRun: options.dryRun, problems: check.problems, ms: 0 });
      else if (check?.empty !== undefined) emit(file, { file: file.display, status: 'skipped', dryRun: options.dryRun, error: check.empty, empty: true, ms: 0 });
    }
    if (options.emit) {
      for (const file of files) {
        const { imported } = checked.get(file) ?? {};
        if (!imported) continue;
        const written = await emitCaseFile(options.emit, imported);
        out.info(`${file.display}: its case file is ${written}`);
      }
    }
    const valid = files.filter((file) => checked.get(file)?.plan);
    const plans = new Map(valid.map((file) => [file, checked.get(file)!.plan!]));
    const byDisplay = new Map(valid.map((file) => [file.display, file]));
    const providers = (file: CaseFileRef) => batch.providersOf(file.display, plans.get(file)!).map((name) => byDisplay.get(name)!);
    const invalid = files.length - valid.length;
    const allOrNothing = options.batch != null && invalid > 0 && !options.dryRun;
    if (allOrNothing) {
      const why = `${invalid} file${invalid === 1 ? ' is' : 's are'} invalid, and --batch writes nothing unless every file is valid`;
      out.problem(`Nothing was written: ${why}.`);
      for (const file of valid) emit(file, { file: file.display, status: 'skipped', dryRun: false, error: why, ms: 0 });
    }
    const loadable = allOrNothing ? [] : valid;
    if (loadable.length > 0 && !options.dryRun) await guard(() => applySchema(executor));

    out.phase(options.dryRun ? 'checking' : 'loading', loadable.length);
    /** Why a file failed, naming the files of this run it needed that were not loaded. */
    const failure = (file: CaseFileRef, error: unknown, rolledBack = '') => {
      const missing = providers(file).filter((p) => !['loaded', 'replaced', 'unchanged'].includes(results.get(p)?.status ?? ''));
      const note = missing.length ? ` (it refers to what ${missing.map((p) => p.display).join(', ')} define${missing.length === 1 ? 's' : ''}, not loaded)` : '';
      return `${(error as Error).message}${rolledBack}${note}`;
    };
    const order = loadOrder(loadable, providers);
    if (options.batch == null) {
      for (const file of order) {
        const started = performance.now();
        const notes = checked.get(file)?.notes;
        const base = { file: file.display, dryRun: options.dryRun, ...(notes ? { notes } : {}) };
        try {
          const report = await guard(() => importPlan(executor, plans.get(file)!, file.display, { dryRun: options.dryRun, replace: options.replace }));
          emit(file, { ...base, status: statusOf(report, options.replace), report, ms: performance.now() - started });
        } catch (error) {
          if (error instanceof Stop) throw error;
          const ms = performance.now() - started;
          if (error instanceof CaseConflictError) emit(file, { ...base, status: 'refused', report: error.report, error: error.message, ms });
          else emit(file, { ...base, status: 'failed', error: failure(file, error), ms });
        }
        out.tick(file.display);
      }
    } else {
      for (let i = 0; i < order.length; i += options.batch) {
        const chunk = order.slice(i, i + options.batch);
        const started = performance.now();
        const share = () => (performance.now() - started) / chunk.length;
        try {
          const items = chunk.map((file) => ({ plan: plans.get(file)!, file: file.display }));
          const outcomes = await guard(() => importPlans(executor, items, { dryRun: options.dryRun, replace: options.replace }));
          chunk.forEach((file, k) => {
            const { report, refused } = outcomes[k]!;
            const notes = checked.get(file)?.notes;
            const base = { file: file.display, dryRun: options.dryRun, ms: share(), ...(notes ? { notes } : {}) };
            if (refused) emit(file, { ...base, status: 'refused', report: refused.report, error: refused.message });
            else emit(file, { ...base, status: statusOf(report, options.replace), report });
          });
        } catch (error) {
          if (error instanceof Stop) throw error;
          const rolledBack = chunk.length > 1 ? ` (its batch of ${chunk.length} files was rolled back)` : '';
          for (const file of chunk) emit(file, { file: file.display, dryRun: options.dryRun, status: 'failed', error: failure(file, error, rolledBack), ms: share() });
        }
        for (const file of chunk) out.tick(file.display);
      }
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }

  const reason = run.interrupted ? 'interrupted' : 'the connection to Neo4j was lost';
  for (const file of files) if (!results.has(file)) emit(file, { file: file.display, status: 'skipped', dryRun: options.dryRun, error: reason, ms: 0 });
  run.results = files.map((file) => results.get(file)!);
  return run;
}
