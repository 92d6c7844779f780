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
  /**
   * A YAML file a folder or glob gave whose name does not say it is a case file: not loaded,
   * reported invalid with this reason (rather than silently left out of the count).
   */
  misnamed?: string;
  /** What the run's records say of CourtListener's ids (importers/courtlistener/joins.ts). */
  joins?: CourtListenerJoins;
  /** The joins' digest, as plain data: a file ref sent to a worker thread (which drops the joins) still hashes the same. */
  joinsDigest?: string;
  /** The source hash of what the file was made from, when it was made by the loader (a bulk CSV row's case file): kept in its manifest instead of the file's own. */
  sourceHash?: string;
}

export type Expanded = { ok: true; files: CaseFileRef[] } | { ok: false; message: string };

const IN_FOLDER = '**/*.{yaml,yml,json,jsonl,ndjson,csv,csv.bz2}';
/** What the loader reads: case files, JSON records, and CourtListener's bulk CSV files. */
const loadable = (file: string) => LOADABLE_PATTERN.test(file) || isBulkCsvFile(file);

/** YAML that is not named as a case file: reported, never loaded. */
const MISNAMED = /\.ya?ml$/i;

export const MISNAMED_REASON = 'not loaded: a YAML file whose name does not end in .case.yaml or .case.yml';

/**
 * Turns the command line's files, folders and globs into case files and JSON records (dockets,
 * CAP cases), sorted and without duplicates. YAML files a folder or glob gives under another
 * name (`x.yaml`) come too, marked `misnamed`, so that the run reports them as invalid. Each argument must give at least one case file: a typo is a usage error,
 * not a silently smaller load.
 */
export async function expandInputs(inputs: readonly string[], cwd = process.cwd()): Promise<Expanded> {
  const found = new Map<string, CaseFileRef>();
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file);
    const misnamed = !LOADABLE_PATTERN.test(absolute) && MISNAMED.test(absolute);
    found.set(absolute, { path: absolute, display: displayName(absolute, cwd), ...(misnamed ? { misnamed: MISNAMED_REASON } : {}) });
  };
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => null);
    let matches: string[];
    if (info?.isDirectory()) {
      matches = await glob(IN_FOLDER, { cwd: path.resolve(cwd, input), absolute: true, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) return { ok: false, message: `${input}: no case files (*.case.yaml, *.case.yml, *.case.json), JSON records (*.json, *.jsonl, *.ndjson) or bulk CSV files (*.csv, *.csv.bz2) in this folder` };
    } else if (info?.isFile()) {
      if (!loadable(input)) {
        return { ok: false, message: `${input}: not a case file or JSON record; case file names end in .case.yaml, .case.yml or .case.json, records in .json, .jsonl or .ndjson, bulk files in .csv or .csv.bz2` };
      }
      matches = [input];
    } else if (isDynamicPattern(input)) {
      matches = (await glob(input, { cwd, absolute: true })).filter((file) => loadable(file) || MISNAMED.test(file));
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
