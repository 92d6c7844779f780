import { readFile } from 'node:fs/promises';
import type { CaseFile } from '../casefile/case-file.js';
import type { ImportNote } from '../importers/build.js';
import { documentReader } from '../pipeline/load.js';
import type { GraphPlan } from '../casefile/plan.js';
import { prepareInput, type InputFormat } from '../pipeline/prepare.js';
import type { Problem } from '../casefile/problems.js';
import type { ValidationEnv } from '../casefile/validate.js';
import type { CaseFileRef } from './files.js';
import { recordFileTexts } from './records.js';

/** A file's verdict: its plan, every problem found in it, or that it is an empty export. */
export interface FileCheck {
  plan?: GraphPlan;
  /** The case file an imported record (a docket, a CAP case) became. */
  imported?: CaseFile;
  /** What the importer guessed and left out, for the import report. */
  notes?: ImportNote[];
  problems?: Problem[];
  /** Why there is nothing to load (an empty export). */
  empty?: string;
}

/**
 * Reads, validates and plans one case file, asking `lookupIds` what the graph (and the run)
 * already holds.
 */
export async function checkFile(file: CaseFileRef, lookupIds: ValidationEnv['lookupIds'], format?: InputFormat): Promise<FileCheck> {
  if (file.misnamed) return { problems: [{ file: file.display, line: 1, column: 1, path: '', message: file.misnamed, hint: 'rename it to <name>.case.yaml to load it as a case file, or move it out of what you load' }] };
  let text: string;
  try {
    // A record of a file of several: the file is read once for all its records.
    text = file.record === undefined ? await readFile(file.path, 'utf8') : await recordFileTexts.read(file.path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problems: [{ file: file.display, line: 1, column: 1, path: '', message: `cannot read the file (${reason})`, hint: 'check that it exists and is readable' }] };
  }
  const name = file.record === undefined ? file.display : file.display.replace(/ \[[^\]]*\]$/, '');
  const prepared = await prepareInput({ file: name, text, ...(format ? { format } : {}), ...(file.record !== undefined ? { record: file.record } : {}), ...(file.joins ? { joins: file.joins } : {}) }, { readDocument: documentReader(file.path), lookupIds });
  if (prepared.problems) return { problems: prepared.problems };
  if (prepared.empty !== undefined) return { empty: prepared.empty };
  return { plan: prepared.plan, ...(prepared.imported ? { imported: prepared.imported, notes: prepared.notes ?? [] } : {}) };
}
