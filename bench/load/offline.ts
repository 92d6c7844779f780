import path from 'node:path';
import { loadConfig } from '../../src/config/env.js';
import { offlineImport, type OfflineSummary } from '../../src/ingest/offline/run.js';
import { writeCorpus } from './corpus-dir.js';
import { writeRecordCorpus, type RecordKind } from './records-dir.js';

/** One offline row: what `npm run load -- --offline` did with a corpus, into a throwaway DATA_DIR. */
export interface OfflineRow extends OfflineSummary {
  corpus: 'generated' | RecordKind;
  /** Elements per second of the CSV and importer steps alone (the part that grows with the corpus). */
  importElementsPerSecond: number;
}

export interface OfflineBenchOptions {
  scratch: string;
  /** Generated cases, and dockets (copies of the samples), per row; 0 leaves the row out. */
  cases: number;
  records: number;
  seed: number;
  heap: string;
  pageCache: string;
  say: (message: string) => void;
}

/** Runs an offline import of `files` into a DATA_DIR of its own and returns its figures. */
export async function measureOffline(dataDir: string, files: string[], heap: string, pageCache: string): Promise<OfflineSummary> {
  const config = loadConfig({ DATA_DIR: dataDir, NEO4J_HEAP: heap, NEO4J_PAGECACHE: pageCache });
  const refs = files.map((file) => ({ path: file, display: file }));
  const quiet = { report: () => {}, info: () => {}, problem: (text: string) => process.stderr.write(`${text}\n`) };
  const { code, summary } = await offlineImport(config, refs, { json: false, quiet: true, format: null, csvOnly: null }, quiet, new AbortController().signal);
  if (!summary) throw new Error(`the offline import failed (exit code ${code}); see above`);
  if (summary.cases !== files.length) throw new Error(`only ${summary.cases} of ${files.length} files became cases`);
  return summary;
}

/** The offline rows of `npm run bench:load`: generated cases, then copies of the sample dockets. */
export async function offlineRows(options: OfflineBenchOptions): Promise<OfflineRow[]> {
  const rows: OfflineRow[] = [];
  const stamp = Date.now().toString(36);
  const row = async (corpus: OfflineRow['corpus'], files: string[]) => {
    options.say(`offline: ${files.length} ${corpus === 'generated' ? 'generated cases' : `${corpus}s`} into an empty store…`);
    const summary = await measureOffline(path.join(options.scratch, `offline-${corpus}-store`), files, options.heap, options.pageCache);
    const importSeconds = summary.seconds.csv + summary.seconds.importer;
    rows.push({ corpus, ...summary, importElementsPerSecond: Math.round(summary.elements / Math.max(importSeconds, 0.001)) });
  };
  if (options.cases > 0) {
    await row('generated', await writeCorpus(path.join(options.scratch, 'offline-generated'), { cases: options.cases, seed: options.seed, prefix: `off-${stamp}`, format: 'yaml' }));
  }
  if (options.records > 0) await row('docket', await writeRecordCorpus(path.join(options.scratch, 'offline-dockets'), 'docket', options.records, `off${stamp}`));
  return rows;
}

/** The offline rows as a table for the console. */
export function offlineTable(rows: OfflineRow[]) {
  return rows.map((r) => ({
    corpus: r.corpus, cases: r.cases, elements: r.elements, 'plan s': r.seconds.plan, 'CSV s': r.seconds.csv, 'importer s': r.seconds.importer,
    'lists+schema s': r.seconds.finish, 'total s': r.seconds.total, 'elements/s': r.elementsPerSecond, 'cases/s': r.casesPerSecond,
    'CSV+importer elements/s': r.importElementsPerSecond,
  }));
}
