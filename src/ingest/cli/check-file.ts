import { readFile } from 'node:fs/promises';
import { documentReader } from '../load.js';
import { planCaseFile, type GraphPlan } from '../plan.js';
import type { Problem } from '../problems.js';
import { validateCaseFile, type ValidationEnv } from '../validate.js';
import type { CaseFileRef } from './files.js';

/** A file's verdict: its plan, or every problem found in it. */
export interface FileCheck {
  plan?: GraphPlan;
  problems?: Problem[];
}

/**
 * Reads, validates and plans one case file, asking `lookupIds` what the graph (and the run)
 * already holds.
 */
export async function checkFile(file: CaseFileRef, lookupIds: ValidationEnv['lookupIds']): Promise<FileCheck> {
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problems: [{ file: file.display, line: 1, column: 1, path: '', message: `cannot read the file (${reason})`, hint: 'check that it exists and is readable' }] };
  }
  const { problems, valid } = await validateCaseFile(file.display, text, { readDocument: documentReader(file.path), lookupIds });
  return valid ? { plan: planCaseFile(valid) } : { problems };
}
