import { readFile } from 'node:fs/promises';
import type { Executor } from '../../neo4j/executor.js';
import { validationEnv } from '../load.js';
import { planCaseFile, type GraphPlan } from '../plan.js';
import type { Problem } from '../problems.js';
import { validateCaseFile } from '../validate.js';
import { BatchDefinitions } from './batch.js';
import type { CaseFileRef } from './files.js';

export interface Checked {
  plan?: GraphPlan;
  problems?: Problem[];
  /** BatchDefinitions.version when it was validated. */
  seen: number;
}

export interface ValidateAllHooks {
  /** Wraps each step that reaches Neo4j (to stop on a signal or a lost connection). */
  guard?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called once per file, after its first validation. */
  validated?: (file: CaseFileRef) => void;
}

/**
 * Validates each file against the graph and the files of this run that validated before it.
 * A file validated before others defined what it refers to is validated again, until no more
 * files become valid, so the order of the files does not matter.
 */
export async function validateAll(
  files: readonly CaseFileRef[],
  batch: BatchDefinitions,
  executor: Executor,
  hooks: ValidateAllHooks = {},
): Promise<Map<CaseFileRef, Checked>> {
  const guard = hooks.guard ?? (<T>(work: () => Promise<T>) => work());
  const checked = new Map<CaseFileRef, Checked>();
  let pending = [...files];
  for (let round = 0; pending.length > 0; round += 1) {
    const before = batch.version;
    for (const file of pending) {
      const seen = batch.version;
      const result = await guard(() => validateFile(executor, file, batch));
      checked.set(file, { ...result, seen });
      if (result.plan) batch.add(file.display, result.plan);
      if (round === 0) hooks.validated?.(file);
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
