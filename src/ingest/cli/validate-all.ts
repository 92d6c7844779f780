import type { Executor } from '../../neo4j/executor.js';
import { graphLookup } from '../pipeline/load.js';
import { BatchDefinitions } from './batch.js';
import type { InputFormat } from '../pipeline/prepare.js';
import { checkFile, type FileCheck } from './check-file.js';
import type { CaseFileRef } from './files.js';
import type { ValidationEnv } from '../casefile/validate.js';

export interface Checked extends FileCheck {
  /** BatchDefinitions.version when it was validated. */
  seen: number;
}

export interface ValidateAllHooks {
  /** Wraps each step that reaches Neo4j (to stop on a signal or a lost connection). */
  guard?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called once per file, after its first validation. */
  validated?: (file: CaseFileRef) => void;
  /** Read every file as this format (--format). */
  format?: InputFormat | null;
  /** What the graph holds, asked after the run's definitions (default: the graph itself). */
  lookup?: ValidationEnv['lookupIds'];
}

/** Files validated at once: while one waits for its graph lookup or its documents, the next is parsed. */
const WINDOW = 4;

/** What a speculative validation asked the run's definitions, to tell whether its answer still holds. */
interface Asked {
  ids: Set<string>;
  /** BatchDefinitions.version when it asked. */
  version: number;
}

/**
 * Validates each file against the graph and the files of this run that validated before it.
 * A file validated before others defined what it refers to is validated again, until no more
 * files become valid, so the order of the files does not matter.
 *
 * The first pass validates a few files at once, to hide the round trips, and takes their
 * results in file order. A result is kept only if no file taken since it looked up the run's
 * definitions defines an id it asked about; otherwise the file is validated again then. Every
 * file is thus judged exactly as if the files were validated one after another.
 */
export async function validateAll(
  files: readonly CaseFileRef[],
  batch: BatchDefinitions,
  executor: Executor,
  hooks: ValidateAllHooks = {},
): Promise<Map<CaseFileRef, Checked>> {
  const guard = hooks.guard ?? (<T>(work: () => Promise<T>) => work());
  const checked = new Map<CaseFileRef, Checked>();
  /** definedAt[v]: the ids of the file whose addition took the version from v to v + 1. */
  const definedAt: string[][] = [];
  const take = (file: CaseFileRef, result: FileCheck) => {
    checked.set(file, { ...result, seen: batch.version });
    if (result.plan) {
      definedAt[batch.version] = result.plan.nodes.map((n) => n.id);
      batch.add(file.display, result.plan);
    }
  };
  const stale = (asked: Asked | undefined) =>
    asked !== undefined && definedAt.slice(asked.version, batch.version).some((ids) => ids.some((id) => asked.ids.has(id)));

  const lookup = batch.lookupWith(hooks.lookup ?? graphLookup(executor));
  const format = hooks.format ?? undefined;
  const validate = (file: CaseFileRef) => checkFile(file, lookup, format);
  const speculate = (file: CaseFileRef) => {
    let asked: Asked | undefined;
    const asking = (ids: string[]) => ((asked = { ids: new Set(ids), version: batch.version }), lookup(ids));
    const result = guard(() => checkFile(file, asking, format));
    result.catch(() => {});
    return { result, asked: () => asked };
  };
  const inFlight = files.slice(0, WINDOW).map(speculate);
  for (const [i, file] of files.entries()) {
    const { result, asked } = inFlight[i]!;
    const first = await result;
    if (i + WINDOW < files.length) inFlight.push(speculate(files[i + WINDOW]!));
    take(file, stale(asked()) ? await guard(() => validate(file)) : first);
    hooks.validated?.(file);
  }

  let pending = files.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  while (pending.length > 0) {
    const before = batch.version;
    for (const file of pending) take(file, await guard(() => validate(file)));
    if (batch.version === before) break;
    pending = pending.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  }
  return checked;
}
