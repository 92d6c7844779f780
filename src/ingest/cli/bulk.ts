import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Executor } from '../../neo4j/executor.js';
import type { ChangeCounts } from '../write/diff.js';
import { applySchema } from '../../neo4j/migrations.js';
import type { CaseFile } from '../casefile/case-file.js';
import { planCaseFile, type GraphPlan } from '../casefile/plan.js';
import { formatProblems, type Problem } from '../casefile/problems.js';
import { validateCaseData, type GraphNodeInfo, type ValidationEnv } from '../casefile/validate.js';
import type { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { readBulkFile, type BulkItem } from '../importers/courtlistener/bulk/read.js';
import { importRow, type Row } from '../importers/courtlistener/bulk/rows.js';
import { REQUIRED, TABLE_ORDER, type BulkTable } from '../importers/courtlistener/bulk/tables.js';
import { graphLookup } from '../pipeline/load.js';
import { importPlans } from '../write/import.js';
import { ContributionConflictError } from '../write/write.js';
import type { CliOptions } from './args.js';
import { isConnectionLost } from './connect.js';
import { emitCaseFile } from './emit.js';
import type { CaseFileRef } from './files.js';
import type { Output } from './output.js';
import { toJsonLine, type FileResult } from './report.js';
import { alreadyIn, type AlreadyIn } from './unchanged.js';

type Options = Pick<CliOptions, 'dryRun' | 'replace' | 'quiet' | 'json'> & Partial<Pick<CliOptions, 'emit'>>;

/** Rows per transaction. */
export const BULK_BATCH = 200;
/** Refused rows printed per file (--json gives them all). */
const MAX_SHOWN = 50;
/** Seconds between progress lines. */
const PROGRESS_EVERY_MS = 5000;

interface Tally {
  rows: number;
  loaded: number;
  unchanged: number;
  names: number;
  refused: Problem[];
  /** Graph elements over the rows (those skipped as already in: unchanged, as their manifests count them), and how many were written. */
  changes: ChangeCounts;
  written: number;
}

interface Pending {
  plan: GraphPlan;
  file: string;
  sourceHash: string;
  line: number;
}

/**
 * CourtListener bulk CSV files (`.csv`, `.csv.bz2`): each row is imported on its own (a
 * contribution of its docket's case) and written BULK_BATCH rows per transaction. The files are
 * read in table order (courts, people, positions, dockets, clusters, citations, opinions, citation
 * map), whatever the command line's order, so each row is joined to the rows of the tables before
 * it (joins.ts); a file is streamed, one row in memory at a time. A row that cannot be read or
 * imported is refused with its line, column and what to do; the others still load, and the
 * file's status is then `invalid` (the exit code says so). A row already in (its source hash is in
 * a manifest) is skipped, so a stopped load resumes where it was.
 */
export async function runBulk(executor: Executor, files: readonly CaseFileRef[], joins: CourtListenerJoins, options: Options, out: Output, signal: AbortSignal): Promise<FileResult[]> {
  const tables = new Map<CaseFileRef, BulkTable | undefined>();
  for (const file of files) tables.set(file, await tableOfFile(file.path));
  const order = [...files].sort((a, b) => rank(tables.get(a)) - rank(tables.get(b)));
  if (!options.dryRun) await applySchema(executor);
  const results = new Map<CaseFileRef, FileResult>();
  for (const file of order) {
    if (signal.aborted) break;
    const result = await loadFile(executor, file, joins, options, out, signal);
    results.set(file, result);
    if (options.json) out.report(toJsonLine(result));
  }
  return files.map((file) => results.get(file) ?? { file: file.display, status: 'skipped', dryRun: options.dryRun, error: 'interrupted', ms: 0 });
}

export const rank = (table: BulkTable | undefined) => (table ? TABLE_ORDER.indexOf(table) : TABLE_ORDER.length);

export async function tableOfFile(file: string): Promise<BulkTable | undefined> {
  try {
    for await (const item of readBulkFile(file)) if (item.kind === 'header') return item.table;
  } catch {
    return undefined;
  }
  return undefined;
}

async function loadFile(executor: Executor, file: CaseFileRef, joins: CourtListenerJoins, options: Options, out: Output, signal: AbortSignal): Promise<FileResult> {
  const started = performance.now();
  const tally: Tally = { rows: 0, loaded: 0, unchanged: 0, names: 0, refused: [], changes: { created: 0, updated: 0, unchanged: 0, removed: 0 }, written: 0 };
  const env = { readDocument: async () => '', lookupIds: coalesced(graphLookup(executor)) };
  let columns: string[] = [];
  let table: BulkTable | undefined;
  let batch: Imported[] = [];
  let lastProgress = performance.now();
  const refuse = (line: number, column: string, message: string, hint: string) => {
    const index = columns.indexOf(column);
    tally.refused.push({ file: file.display, line, column: index >= 0 ? index + 1 : 1, path: column, message, hint });
  };
  const fileProblem = (message: string, hint: string): FileResult => ({ file: file.display, status: 'invalid', dryRun: options.dryRun, problems: [{ file: file.display, line: 1, column: 1, path: '', message, hint }], ms: performance.now() - started });
  try {
    for await (const item of readBulkFile(file.path) as AsyncGenerator<BulkItem>) {
      if (signal.aborted) break;
      if (item.kind === 'header') {
        columns = item.columns;
        table = item.table;
        const wrong = headerProblem(table, columns);
        if (wrong) return fileProblem(wrong.message, wrong.hint);
        out.info(`${file.display}: CourtListener ${table} (quote ${item.dialect.quote}, escape ${item.dialect.escape === '\\' ? 'backslash' : 'doubled quote'})`);
        continue;
      }
      if (item.kind === 'bad') {
        tally.rows += 1;
        refuse(item.line, '', `this row cannot be read as CSV: ${item.message}`, BAD_ROW_HINT);
        continue;
      }
      tally.rows += 1;
      const row = importOne(table!, item.row, item.line, file, joins, refuse, tally);
      if (row) batch.push(row);
      if (batch.length >= BULK_BATCH) {
        await loadBatch(executor, batch, env, options, tally, refuse);
        batch = [];
      }
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        const seconds = (lastProgress - started) / 1000;
        out.info(`${file.display}: ${tally.rows} rows, ${Math.round(tally.rows / seconds)} rows/s, ${tally.loaded} loaded, ${tally.unchanged} unchanged, ${tally.refused.length} refused`);
      }
    }
  } catch (error) {
    // The rows read before the damage are still loaded; the damage is a problem of the file.
    tally.refused.push({ file: file.display, line: 1, column: 1, path: '', message: `the file cannot be read past row ${tally.rows}: ${(error as Error).message}`, hint: damageHint(file.path) });
  }
  if (batch.length > 0) await loadBatch(executor, batch, env, options, tally, refuse);
  // Stopped before its header was read: not loaded, not invalid.
  if (!table && signal.aborted && tally.refused.length === 0) return { file: file.display, status: 'skipped', dryRun: options.dryRun, error: 'interrupted', ms: performance.now() - started };
  if (!table) return tally.refused.length > 0 ? { file: file.display, status: 'invalid', dryRun: options.dryRun, problems: tally.refused, ms: performance.now() - started } : fileProblem(NO_HEADER.message, NO_HEADER.hint);
  return fileOutcome(file, table, tally, options, out, performance.now() - started);
}

/** A file read to its end: its line of figures and its refused rows printed, and its result. */
function fileOutcome(file: CaseFileRef, table: BulkTable, tally: Tally, options: Options, out: Output, ms: number): FileResult {
  const verb = options.dryRun ? 'would load' : 'loaded';
  if (!options.quiet && !options.json) out.report(`${file.display}: ${table}: ${tally.rows} rows: ${tally.loaded} ${verb}, ${tally.unchanged} unchanged, ${tally.names} used for names, ${tally.refused.length} refused (${(ms / 1000).toFixed(1)} s)`);
  if (tally.refused.length > 0) {
    const shown = tally.refused.slice(0, MAX_SHOWN);
    out.problem(`${file.display}: ${tally.refused.length} row${tally.refused.length === 1 ? '' : 's'} refused (nothing of ${tally.refused.length === 1 ? 'it' : 'them'} written; the other rows were ${options.dryRun ? 'checked' : 'loaded'}):\n${formatProblems(shown)}${tally.refused.length > MAX_SHOWN ? `\n… and ${tally.refused.length - MAX_SHOWN} more (--json lists them all)` : ''}`);
    return { file: file.display, status: 'invalid', dryRun: options.dryRun, problems: tally.refused, ms, changes: tally.changes, written: tally.written };
  }
  if (tally.names === tally.rows) return { file: file.display, status: 'skipped', empty: true, error: `${table}: used for the names of the run's judges and courts; no case of its own`, dryRun: options.dryRun, ms };
  return { file: file.display, status: tally.loaded > 0 ? 'loaded' : 'unchanged', dryRun: options.dryRun, ms, changes: tally.changes, written: tally.written };
}

/** Why a header cannot be read as its table (not a bulk table's, or a column the table needs missing); undefined when it can. */
export function headerProblem(table: BulkTable | undefined, columns: readonly string[]): { message: string; hint: string } | undefined {
  if (!table) return { message: `the header's columns (${columns.slice(0, 6).join(', ')}…) are not those of a CourtListener bulk table`, hint: 'give the courts, dockets, opinion-clusters, opinions, citations, citation-map, people-db-people or people-db-positions file as CourtListener publishes it, header row included' };
  const missing = REQUIRED[table].filter((c) => !columns.includes(c));
  if (missing.length > 0) return { message: `the ${table} file has no column ${missing.join(', ')}`, hint: 'the file is cut or was exported with other columns; download it again' };
  return undefined;
}

export const BAD_ROW_HINT = 'a value must be quoted whole, with its quotes escaped as the rest of the file does; export the file again, or correct the row';
export const NO_HEADER = { message: 'the file has no header row', hint: 'a bulk CSV file starts with its header row of column names' };
export const damageHint = (file: string) => (/\.bz2$/i.test(file) ? 'the .bz2 file is damaged or cut short; download it again (the rows before the damage were read)' : 'check the file; download it again');

/**
 * A row's source hash, as its manifest keeps it (the default path and the offline import alike):
 * its table and the whole case file it became, the row's text and what the joins gave it (its
 * docket's case, caption, status, court; its judges' names). So a row is skipped as already in
 * only when it would state the same again: a row whose docket changed in a later dump (now
 * terminated, say) is loaded again, as a change of its case.
 */
export function rowSourceHash(table: BulkTable, caseFile: CaseFile): string {
  return createHash('sha256').update(`bulk:${table}\n`).update(JSON.stringify(caseFile)).digest('hex');
}

/** A row imported: its case file, its name and source hash. */
interface Imported {
  caseFile: CaseFile;
  name: string;
  sourceHash: string;
  line: number;
}

type Refuse = (line: number, column: string, message: string, hint: string) => void;

/** Imports one row, after learning what it says for the joins; refuses it (with its line and column) when it cannot be. */
function importOne(table: BulkTable, row: Row, line: number, file: CaseFileRef, joins: CourtListenerJoins, refuse: Refuse, tally: Tally): Imported | undefined {
  joins.learn(row);
  const text = JSON.stringify(row);
  const result = importRow(table, row, text, joins);
  if ('joinOnly' in result) {
    tally.names += 1;
    return undefined;
  }
  if (result.problems) {
    for (const p of result.problems) refuse(line, String(p.path[0] ?? ''), p.message, p.hint);
    return undefined;
  }
  return { caseFile: result.caseFile, name: `${file.display} line ${line}`, sourceHash: rowSourceHash(table, result.caseFile), line };
}

/**
 * Loads a batch of imported rows: those already in (their source hash in a manifest) are skipped
 * before validation; the others are validated together (their questions to the graph answered
 * by one statement, `coalesced`), planned and written in one transaction. With --emit every
 * row is validated and emitted, whether in or not.
 */
async function loadBatch(executor: Executor, batch: Imported[], env: Parameters<typeof validateCaseData>[2], options: Options, tally: Tally, refuse: Refuse): Promise<void> {
  const known = options.emit ? new Map<string, AlreadyIn>() : await alreadyIn(executor, batch.map((r) => r.sourceHash));
  countKnown(batch.map((r) => r.sourceHash), known, tally);
  const todo = batch.filter((r) => !known.has(r.sourceHash));
  const checked = await Promise.all(todo.map((r) => validateCaseData(r.name, r.caseFile, env)));
  const pending: Pending[] = [];
  for (const [k, row] of todo.entries()) {
    const verdict = checked[k]!;
    if (!verdict.valid) {
      for (const p of verdict.problems) refuse(row.line, '', `in the case file made from this row: ${p.path} ${p.message}`, p.hint);
      continue;
    }
    if (options.emit) await emitCaseFile(options.emit, row.caseFile);
    pending.push({ plan: planCaseFile(verdict.valid), file: row.name, sourceHash: row.sourceHash, line: row.line });
  }
  if (pending.length > 0) await writeBatch(executor, pending, options, tally, refuse, !options.emit);
}

/** The rows (by source hash) found already in: unchanged, with the graph elements their manifests count. */
function countKnown(hashes: readonly string[], known: Map<string, AlreadyIn>, tally: Tally): void {
  for (const hash of hashes) {
    const found = known.get(hash);
    if (!found) continue;
    tally.unchanged += 1;
    tally.changes.unchanged += found.elements;
  }
}

/**
 * A lookup that answers the questions asked in the same turn of the event loop (the rows of a
 * batch validated together) with one statement for all their ids, each question getting the
 * answers to its own ids: one round trip, and a node many rows refer to (a court, a judge) read
 * once, not once a row.
 */
export function coalesced(lookup: ValidationEnv['lookupIds']): ValidationEnv['lookupIds'] {
  let waiting: { ids: string[]; resolve: (found: Map<string, GraphNodeInfo>) => void; reject: (error: unknown) => void }[] = [];
  const flush = async () => {
    const asked = waiting;
    waiting = [];
    try {
      const found = await lookup([...new Set(asked.flatMap((q) => q.ids))]);
      for (const q of asked) q.resolve(new Map(q.ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : []))));
    } catch (error) {
      for (const q of asked) q.reject(error);
    }
  };
  return (ids) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(() => void flush());
      waiting.push({ ids, resolve, reject });
    });
}

/**
 * Writes a batch in one transaction, skipping the rows already in (unless `checked`: looked up
 * already). A change refused (the row's case is in the graph and --replace was not given)
 * refuses its row, not the batch; a batch whose write fails (a row defines a node another case
 * defines otherwise, CONFLICT) is rolled back and written again row by row, so only the row at
 * fault is refused, with its line and the reason, and nothing of it is written.
 */
async function writeBatch(executor: Executor, batch: Pending[], options: Options, tally: Tally, refuse: Refuse, checked = false): Promise<void> {
  const known = checked ? new Map<string, AlreadyIn>() : await alreadyIn(executor, batch.map((p) => p.sourceHash));
  const todo = batch.filter((p) => !known.has(p.sourceHash));
  countKnown(batch.map((p) => p.sourceHash), known, tally);
  if (todo.length === 0) return;
  try {
    await writeRows(executor, todo, options, tally, refuse);
  } catch (error) {
    if (isConnectionLost(error)) throw error;
    if (todo.length === 1) return refuse(todo[0]!.line, '', `${(error as Error).message} (nothing of this row was written)`, writeHint(error));
    for (const row of todo) await writeBatch(executor, [row], options, tally, refuse, true);
  }
}

async function writeRows(executor: Executor, todo: Pending[], options: Options, tally: Tally, refuse: Refuse): Promise<void> {
  const outcomes = await importPlans(executor, todo.map((p) => ({ plan: p.plan, file: p.file, sourceHash: p.sourceHash })), { dryRun: options.dryRun, replace: options.replace });
  outcomes.forEach(({ report, refused }, k) => {
    if (refused) return refuse(todo[k]!.line, '', refused.message, REFUSED_HINT);
    for (const column of ['created', 'updated', 'unchanged', 'removed'] as const) tally.changes[column] += report.totals[column];
    if (report.applied) tally.written += report.totals.created + report.totals.updated + report.totals.removed;
    if (!report.changed) tally.unchanged += 1;
    else tally.loaded += 1;
  });
}

const REFUSED_HINT = 'the row states its contribution otherwise than the graph holds it (a later dump, or its docket changed): load the files again with --replace to make the graph match them';
const writeHint = (error: unknown) =>
  error instanceof ContributionConflictError
    ? 'another case defines that node with other fields; correct the row or that case, then load the file again (the rows already in are skipped)'
    : 'load the file again: the rows already in are skipped and this one is tried again';
