import type { ChangeCounts, ChangeReport } from '../write/diff.js';
import type { ImportReport } from '../write/import.js';
import { pathToString, type Problem } from '../casefile/problems.js';
import type { ImportNote } from '../importers/build.js';

/**
 * What happened to one file. On a dry run the same words say what would happen:
 * `loaded` = a new case, `replaced` = an existing case changed (with --replace),
 * `refused` = an existing case differs and --replace was not given, `skipped` = not reached
 * (interrupted, or the connection was lost) or, with --batch, not loaded because another file
 * was invalid.
 */
export type FileStatus = 'loaded' | 'replaced' | 'unchanged' | 'refused' | 'invalid' | 'failed' | 'skipped';

export interface FileResult {
  /** The file as the user named it. */
  file: string;
  status: FileStatus;
  dryRun: boolean;
  /** What changes (or would), for every file that got past validation. */
  report?: ImportReport;
  problems?: Problem[];
  error?: string;
  /** Skipped because the file is an empty export ([] or {}): nothing to load. */
  empty?: boolean;
  /** For a file skipped as already in (its source hash): the contribution it loaded as, and its graph elements. */
  caseId?: string;
  elements?: number;
  /** Time spent loading (or checking) this file. */
  ms: number;
  /** For an imported record: what the importer guessed and what it left out (the import report). */
  notes?: ImportNote[];
  /** For a file of many contributions (a bulk CSV file): graph elements over its rows, and how many were written. */
  changes?: ChangeCounts;
  written?: number;
}

/** Which status an import report means. */
export function statusOf(report: ImportReport, replace: boolean): FileStatus {
  if (!report.changed) return 'unchanged';
  if (!report.existed) return 'loaded';
  return replace ? 'replaced' : 'refused';
}

/** One line of --json output: flat, with stable keys. */
export function toJsonLine(result: FileResult): string {
  const { report } = result;
  return JSON.stringify({
    file: result.file,
    status: result.status,
    dryRun: result.dryRun,
    ...(report && {
      caseId: report.caseId,
      existed: report.existed,
      changed: report.changed,
      applied: report.applied,
      totals: report.totals,
      nodes: sortKeys(report.nodes),
      relationships: sortKeys(report.relationships),
      passages: report.passages,
    }),
    ...(result.problems && { problems: result.problems }),
    ...(result.error !== undefined && { error: result.error }),
    ...(result.empty && { empty: true }),
    ...(result.notes && {
      guessed: result.notes.filter((n) => n.kind === 'guessed').map((n) => ({ path: pathToString(n.path), message: n.message })),
      dropped: result.notes.filter((n) => n.kind === 'dropped').map((n) => ({ path: pathToString(n.path), message: n.message })),
    }),
    ...(!report && result.caseId !== undefined && { caseId: result.caseId, elements: result.elements }),
    ...(!report && result.changes && { totals: result.changes }),
    ms: Math.round(result.ms),
  });
}

const sortKeys = <T>(table: Record<string, T>) => Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first line of a file's report, saying what happened to it. */
export function statusLine(result: FileResult): string {
  const id = result.report ? `case ${result.report.caseId}` : result.caseId ? `case ${result.caseId}` : 'the case';
  const took = result.dryRun ? '' : ` in ${seconds(result.ms)}`;
  const would = result.dryRun;
  switch (result.status) {
    case 'loaded':
      return `${result.file}: ${would ? 'would load' : 'loaded'} ${id} (new)${took}`;
    case 'replaced':
      return `${result.file}: ${would ? 'would replace' : 'replaced'} ${id}${took}`;
    case 'unchanged':
      return `${result.file}: ${id} is in the graph as the file says; ${would ? 'nothing to do' : 'nothing written'}`;
    case 'refused':
      return would
        ? `${result.file}: ${id} is in the graph and this file changes it; it would be refused without --replace`
        : (result.error ?? `${result.file}: ${id} refused`);
    case 'invalid':
      return `${result.file}: invalid (${plural(result.problems?.length ?? 0, 'problem')}), not loaded`;
    case 'failed':
      return `${result.file}: failed: ${result.error ?? 'unknown error'}`;
    case 'skipped':
      return `${result.file}: not ${would ? 'checked' : 'loaded'}${result.error ? ` (${result.error})` : ''}`;
  }
}

const COLUMNS: (keyof ChangeCounts)[] = ['created', 'updated', 'unchanged', 'removed'];

/** Per node kind, relationship type and for passages: created, updated, unchanged, removed. */
export function changeTable(report: ChangeReport): string {
  const rows: [string, ChangeCounts][] = [
    ...Object.entries(sortKeys(report.nodes)).map(([kind, counts], i): [string, ChangeCounts] => [`${i === 0 ? 'nodes' : ''}\t${kind}`, counts]),
    ...Object.entries(sortKeys(report.relationships)).map(([type, counts], i): [string, ChangeCounts] => [`${i === 0 ? 'relationships' : ''}\t${type}`, counts]),
    ['passages\t', report.passages],
    ['total\t', report.totals],
  ];
  const group = Math.max(...rows.map(([label]) => label.split('\t')[0]!.length));
  const name = Math.max(0, ...rows.map(([label]) => label.split('\t')[1]!.length));
  const label = (text: string) => {
    const [first, second] = text.split('\t') as [string, string];
    return `  ${first.padEnd(group)}  ${second.padEnd(name)}`;
  };
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map(([, counts]) => String(counts[column]).length)));
  const line = (text: string, cells: string[]) => `${text}${cells.map((cell, i) => `  ${cell.padStart(widths[i]!)}`).join('')}`.trimEnd();
  return [
    line(label('\t'), COLUMNS),
    ...rows.map(([text, counts]) => line(label(text), COLUMNS.map((column) => String(counts[column])))),
  ].join('\n');
}

/** A file's report for people: its status line, and its table when there is something to show. */
export function formatFileResult(result: FileResult): string {
  const head = statusLine(result);
  const showTable = result.report && (result.dryRun || result.status === 'loaded' || result.status === 'replaced' || result.status === 'refused');
  const notes = result.notes && result.notes.length > 0 && result.status !== 'unchanged' ? `\n${importReport(result.notes)}` : '';
  return `${showTable ? `${head}\n${changeTable(result.report!)}` : head}${notes}`;
}

const NOTES_SHOWN = 15;

/** What an importer guessed and left out, each with its place in the record; long lists are cut (--json gives all). */
export function importReport(notes: readonly ImportNote[]): string {
  const lines: string[] = [];
  for (const kind of ['guessed', 'dropped'] as const) {
    const of = notes.filter((n) => n.kind === kind);
    if (of.length === 0) continue;
    lines.push(`  ${kind === 'guessed' ? 'guessed' : 'not loaded'} (${of.length}):`);
    for (const note of of.slice(0, NOTES_SHOWN)) lines.push(`    ${pathToString(note.path) || '(record)'}: ${note.message}`);
    if (of.length > NOTES_SHOWN) lines.push(`    … ${of.length - NOTES_SHOWN} more (--json lists every one)`);
  }
  return lines.join('\n');
}

export interface RunTotals {
  files: number;
  byStatus: Record<FileStatus, number>;
  /** Over files loaded, replaced or unchanged (on a dry run: that would be). */
  changes: ChangeCounts;
  /** Nodes, relationships and passages created, updated or removed. */
  written: number;
}

/** Totals of no file yet: what `addToTotals` folds each file's result into. */
export function emptyTotals(): RunTotals {
  return { files: 0, byStatus: { loaded: 0, replaced: 0, unchanged: 0, refused: 0, invalid: 0, failed: 0, skipped: 0 }, changes: { created: 0, updated: 0, unchanged: 0, removed: 0 }, written: 0 };
}

/**
 * Folds one file's result into running totals, so that a run keeps nothing of a file once it
 * is printed but what the summary and the exit code read.
 */
export function addToTotals(totals: RunTotals, result: FileResult): RunTotals {
  const { byStatus, changes } = totals;
  totals.files += 1;
  byStatus[result.status] += 1;
  if (result.changes) {
    for (const column of COLUMNS) changes[column] += result.changes[column];
    totals.written += result.written ?? 0;
    return totals;
  }
  // A file skipped as already in counts what its manifest says it wrote, all unchanged.
  if (!result.report && result.status === 'unchanged') changes.unchanged += result.elements ?? 0;
  if (!result.report || !['loaded', 'replaced', 'unchanged'].includes(result.status)) return totals;
  for (const column of COLUMNS) changes[column] += result.report.totals[column];
  if (result.report.applied) totals.written += result.report.totals.created + result.report.totals.updated + result.report.totals.removed;
  return totals;
}

export function totalsOf(results: readonly FileResult[]): RunTotals {
  const totals = emptyTotals();
  for (const result of results) addToTotals(totals, result);
  return totals;
}

/** The outcomes that happened at least once (what the exit code is chosen from). */
export function statusesOf(totals: RunTotals): FileStatus[] {
  return (Object.keys(totals.byStatus) as FileStatus[]).filter((status) => totals.byStatus[status] > 0);
}

export interface Timing {
  /** Validating and loading, after Neo4j was reached. */
  workMs: number;
  /** Reaching (or starting) Neo4j. */
  neo4jMs: number;
}

/** The final line: files by outcome, total changes, time and rate. */
export function formatSummary(results: readonly FileResult[] | RunTotals, dryRun: boolean, timing: Timing): string {
  const t = Array.isArray(results) ? totalsOf(results) : (results as RunTotals);
  const s = t.byStatus;
  const files = [
    `${s.loaded + s.replaced} ${dryRun ? 'would load' : 'loaded'}${s.replaced ? ` (${s.replaced} replaced)` : ''}`,
    `${s.unchanged} unchanged`,
    `${s.refused} ${dryRun ? 'would be refused' : 'refused'}`,
    `${s.invalid} invalid`,
    ...(s.failed ? [`${s.failed} failed`] : []),
    ...(s.skipped ? [`${s.skipped} not ${dryRun ? 'checked' : 'loaded'}`] : []),
  ].join(', ');
  const changes = COLUMNS.map((column) => `${t.changes[column]} ${column}`).join(', ');
  const workSeconds = timing.workMs / 1000;
  const rate = dryRun ? '' : `, ${Math.round(t.written / Math.max(workSeconds, 0.001))} graph elements/s (${t.written} written)`;
  const neo4j = timing.neo4jMs >= 1000 ? ` (+${seconds(timing.neo4jMs)} to reach Neo4j)` : '';
  const parts = [
    `${dryRun ? 'Dry run, nothing written. ' : ''}${plural(t.files, 'file')}: ${files}.`,
    `${dryRun ? 'Would be: ' : ''}${changes}.`,
    `${seconds(timing.workMs)}${neo4j}${rate}.`,
  ];
  const valid = t.files - s.invalid;
  if (s.invalid > 0 && valid > 0) {
    const were = (n: number) => (n === 1 ? 'was' : 'were');
    const notLoaded = dryRun ? 'would not be loaded' : `${were(s.invalid)} not loaded`;
    parts.push(`The ${plural(s.invalid, 'invalid file')} ${notLoaded}; the ${plural(valid, 'valid file')} ${were(valid)} ${dryRun ? 'checked' : 'handled'} as reported above.`);
  }
  return parts.join(' ');
}
