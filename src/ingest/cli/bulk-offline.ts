import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Problem } from '../casefile/problems.js';
import { formatCaseFile } from '../export/export.js';
import { readBulkFile } from '../importers/courtlistener/bulk/read.js';
import { importRow } from '../importers/courtlistener/bulk/rows.js';
import type { BulkTable } from '../importers/courtlistener/bulk/tables.js';
import type { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { BAD_ROW_HINT, damageHint, headerProblem, NO_HEADER, rank, rowSourceHash, tableOfFile } from './bulk.js';
import type { CaseFileRef } from './files.js';

/** What the bulk files became for the offline import. */
export interface BulkRowFiles {
  /** One case file per row that is a contribution, in table order. */
  files: CaseFileRef[];
  /** Every row (and file) that cannot be read or imported, with its place. */
  problems: Problem[];
  rows: number;
  /** Rows used only for names (courts, people). */
  names: number;
}

/** Seconds between progress lines. */
const PROGRESS_EVERY_MS = 5000;

/**
 * `--offline` with CourtListener bulk CSV files. The rows go through the importer as the default
 * path takes them (the files in table order, each row joined to the rows before it), and each
 * row's case file is written to `dir` as `--emit` writes it (the row inline as its document), for
 * the offline import to plan like any case file: named `<file> line N`, with the row's source
 * hash (the default path's, `rowSourceHash`), so that a later `npm run load` of the same files
 * skips the rows already in. A row that cannot be read or imported is a problem naming its file,
 * line and column: the caller imports nothing then. One case file a row: the offline import's
 * index of files (a few hundred bytes a file) grows with the rows.
 */
export async function bulkRowFiles(files: readonly CaseFileRef[], joins: CourtListenerJoins, dir: string, say: (message: string) => void, signal: AbortSignal): Promise<BulkRowFiles> {
  const tables = new Map<CaseFileRef, BulkTable | undefined>();
  for (const file of files) tables.set(file, await tableOfFile(file.path));
  const order = [...files].sort((a, b) => rank(tables.get(a)) - rank(tables.get(b)));
  await mkdir(dir, { recursive: true });
  const out: BulkRowFiles = { files: [], problems: [], rows: 0, names: 0 };
  const started = performance.now();
  let last = started;
  for (const file of order) {
    let columns: string[] = [];
    let table: BulkTable | undefined;
    let header = false;
    let read = 0;
    const problem = (line: number, column: string, message: string, hint: string) => {
      const index = columns.indexOf(column);
      out.problems.push({ file: file.display, line, column: index >= 0 ? index + 1 : 1, path: column, message, hint });
    };
    try {
      for await (const item of readBulkFile(file.path)) {
        signal.throwIfAborted();
        if (item.kind === 'header') {
          ({ columns, table } = item);
          header = true;
          const wrong = headerProblem(table, columns);
          if (wrong) {
            problem(1, '', wrong.message, wrong.hint);
            break;
          }
          continue;
        }
        out.rows += 1;
        read += 1;
        if (item.kind === 'bad') {
          problem(item.line, '', `this row cannot be read as CSV: ${item.message}`, BAD_ROW_HINT);
          continue;
        }
        joins.learn(item.row);
        const text = JSON.stringify(item.row);
        const result = importRow(table!, item.row, text, joins);
        if ('joinOnly' in result) out.names += 1;
        else if (result.problems) for (const p of result.problems) problem(item.line, String(p.path[0] ?? ''), p.message, p.hint);
        else {
          const target = path.join(dir, `${String(out.files.length).padStart(9, '0')}.case.yaml`);
          await writeFile(target, formatCaseFile(result.caseFile, 'YAML'));
          out.files.push({ path: target, display: `${file.display} line ${item.line}`, sourceHash: rowSourceHash(table!, result.caseFile) });
        }
        if (performance.now() - last > PROGRESS_EVERY_MS) {
          last = performance.now();
          say(`Bulk CSV rows to case files: ${out.rows} rows, ${Math.round(out.rows / ((last - started) / 1000))} rows/s, ${out.files.length} case files, ${out.problems.length} problems`);
        }
      }
    } catch (error) {
      if (signal.aborted) throw error;
      problem(1, '', `the file cannot be read past row ${read}: ${(error as Error).message}`, damageHint(file.path));
    }
    if (!header) problem(1, '', NO_HEADER.message, NO_HEADER.hint);
  }
  return out;
}
