import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Executor } from '../../neo4j/executor.js';
import { applySchema } from '../../neo4j/migrations.js';
import { CaseConflictError, importPlan } from '../import.js';
import { validationEnv } from '../load.js';
import { planCaseFile, type GraphPlan } from '../plan.js';
import { formatProblems, type Problem } from '../problems.js';
import { validateCaseFile } from '../validate.js';
import type { CliOptions } from './args.js';
import { BatchDefinitions, loadOrder } from './batch.js';
import { isConnectionLost } from './connect.js';
import type { CaseFileRef } from './files.js';
import type { Output } from './output.js';
import { formatFileResult, statusOf, toJsonLine, type FileResult } from './report.js';

export interface RunResult {
  /** One per file, in the order the files were given (sorted). */
  results: FileResult[];
  interrupted: boolean;
  connectionLost: boolean;
}

type Options = Pick<CliOptions, 'dryRun' | 'replace' | 'json' | 'quiet'>;

interface Checked {
  plan?: GraphPlan;
  problems?: Problem[];
  /** BatchDefinitions.version when it was validated. */
  seen: number;
}

/** Thrown inside the run to stop handling files. */
class Stop extends Error {}

/**
 * Validates every file, prints every problem, then loads the valid files one at a time, one
 * transaction each, after the files that define what they refer to. A file that fails does not
 * stop the others; a lost connection or `signal` does (the rest are reported as skipped).
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
    else if (result.status !== 'skipped' && !options.quiet) out.report(formatFileResult(result));
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
    const checked = await validateAll(files, batch, executor, out, guard);
    for (const file of files) {
      const problems = checked.get(file)?.problems;
      if (problems) emit(file, { file: file.display, status: 'invalid', dryRun: options.dryRun, problems, ms: 0 });
    }
    const valid = files.filter((file) => checked.get(file)?.plan);
    const plans = new Map(valid.map((file) => [file, checked.get(file)!.plan!]));
    const byDisplay = new Map(valid.map((file) => [file.display, file]));
    const providers = (file: CaseFileRef) => batch.providersOf(file.display, plans.get(file)!).map((name) => byDisplay.get(name)!);
    if (valid.length > 0 && !options.dryRun) await guard(() => applySchema(executor));

    out.phase(options.dryRun ? 'checking' : 'loading', valid.length);
    for (const file of loadOrder(valid, providers)) {
      const started = performance.now();
      const base = { file: file.display, dryRun: options.dryRun };
      try {
        const report = await guard(() => importPlan(executor, plans.get(file)!, file.display, { dryRun: options.dryRun, replace: options.replace }));
        emit(file, { ...base, status: statusOf(report, options.replace), report, ms: performance.now() - started });
      } catch (error) {
        if (error instanceof Stop) throw error;
        const ms = performance.now() - started;
        if (error instanceof CaseConflictError) {
          emit(file, { ...base, status: 'refused', report: error.report, error: error.message, ms });
        } else {
          const missing = providers(file).filter((p) => !['loaded', 'replaced', 'unchanged'].includes(results.get(p)?.status ?? ''));
          const note = missing.length ? ` (it refers to what ${missing.map((p) => p.display).join(', ')} define${missing.length === 1 ? 's' : ''}, not loaded)` : '';
          emit(file, { ...base, status: 'failed', error: `${(error as Error).message}${note}`, ms });
        }
      }
      out.tick(file.display);
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }

  const reason = run.interrupted ? 'interrupted' : 'the connection to Neo4j was lost';
  for (const file of files) if (!results.has(file)) emit(file, { file: file.display, status: 'skipped', dryRun: options.dryRun, error: reason, ms: 0 });
  run.results = files.map((file) => results.get(file)!);
  return run;
}

/**
 * Validates each file against the graph and the files of this run that validated before it.
 * A file validated before others defined what it refers to is validated again, until no more
 * files become valid, so the order of the files does not matter.
 */
async function validateAll(
  files: readonly CaseFileRef[],
  batch: BatchDefinitions,
  executor: Executor,
  out: Output,
  guard: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<Map<CaseFileRef, Checked>> {
  const checked = new Map<CaseFileRef, Checked>();
  out.phase('validating', files.length);
  let pending = [...files];
  for (let round = 0; pending.length > 0; round += 1) {
    const before = batch.version;
    for (const file of pending) {
      const seen = batch.version;
      const result = await guard(() => validateFile(executor, file, batch));
      checked.set(file, { ...result, seen });
      if (result.plan) batch.add(file.display, result.plan);
      if (round === 0) out.tick(file.display);
    }
    if (batch.version === before) break;
    pending = pending.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  }
  return checked;
}

/** prepareCaseFile, with a lookup that also knows what this run's valid files define. */
async function validateFile(executor: Executor, file: CaseFileRef, batch: BatchDefinitions): Promise<Omit<Checked, 'seen'>> {
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problems: [{ file: file.display, line: 1, column: 1, path: '', message: `cannot read the file (${reason})`, hint: 'check that it exists and is readable' }] };
  }
  const env = validationEnv(executor, file.path);
  const { problems, valid } = await validateCaseFile(file.display, text, { ...env, lookupIds: batch.lookupWith(env.lookupIds) });
  return valid ? { plan: planCaseFile(valid) } : { problems };
}
