import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { isBulkCsvFile } from '../importers/courtlistener/bulk/tables.js';
import { LOADABLE_PATTERN } from '../pipeline/seeds.js';

export interface CaseFileRef {
  /** Absolute path. */
  path: string;
  /** As the user sees it: relative to the working directory when inside it (and the record's place, for a file of several). */
  display: string;
  /** For a file of several records: which one (its index in the file's split). */
  record?: number;
  /** What the run's records say of CourtListener's ids (importers/courtlistener/joins.ts). */
  joins?: CourtListenerJoins;
}

export type Expanded = { ok: true; files: CaseFileRef[] } | { ok: false; message: string };

const IN_FOLDER = '**/*.{case.yaml,case.yml,json,jsonl,ndjson,csv,csv.bz2}';
/** What the loader reads: case files, JSON records, and CourtListener's bulk CSV files. */
const loadable = (file: string) => LOADABLE_PATTERN.test(file) || isBulkCsvFile(file);

/**
 * Turns the command line's files, folders and globs into case files and JSON records (dockets,
 * CAP cases), sorted and without duplicates. Each argument must give at least one case file: a typo is a usage error,
 * not a silently smaller load.
 */
export async function expandInputs(inputs: readonly string[], cwd = process.cwd()): Promise<Expanded> {
  const found = new Map<string, CaseFileRef>();
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file);
    found.set(absolute, { path: absolute, display: displayName(absolute, cwd) });
  };
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => null);
    let matches: string[];
    if (info?.isDirectory()) {
      matches = await glob(IN_FOLDER, { cwd: path.resolve(cwd, input), absolute: true, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) return { ok: false, message: `${input}: no case files (*.case.yaml, *.case.yml, *.case.json) or JSON records (*.json) in this folder` };
    } else if (info?.isFile()) {
      if (!loadable(input)) {
        return { ok: false, message: `${input}: not a case file or JSON record; case file names end in .case.yaml, .case.yml or .case.json, records in .json, .jsonl or .ndjson, bulk files in .csv or .csv.bz2` };
      }
      matches = [input];
    } else if (isDynamicPattern(input)) {
      matches = (await glob(input, { cwd, absolute: true })).filter(loadable);
      if (matches.length === 0) return { ok: false, message: `${input}: the pattern matches no case file` };
    } else {
      return { ok: false, message: `${input}: no such file or folder` };
    }
    matches.forEach(add);
  }
  const files = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { ok: true, files };
}

export function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
