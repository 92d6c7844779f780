import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Config } from '../../config/env.js';
import { schemaStatements } from '../../neo4j/migrations.js';
import { EXIT_CODES, type ExitCode } from '../cli/exit-codes.js';
import type { CaseFileRef } from '../cli/files.js';
import { formatProblems } from '../casefile/problems.js';
import type { InputFormat } from '../pipeline/prepare.js';
import { writeCsvFiles, type CsvSource } from './csv-files.js';
import { CsvLayout } from './csv-layout.js';
import { afterImportScript, importAndFinish, type EmptyLists } from './finish.js';
import { importArguments, ImporterError, multilineFileBytes, removeDatabase } from './importer.js';
import { MergedGraph, MergeProblem, type GraphElement } from './merged-graph.js';
import { ExternalSort } from './external-sort.js';
import { SortedMerge, type MergeRecord } from './sorted-merge.js';
import type { GraphPlan } from '../casefile/plan.js';
import { PlacedLines } from './placed-lines.js';
import type { CsvGroup } from './csv-layout.js';
import { removeStaleSpills, SpillFile, tempImportDirs } from './spill.js';
import { countTouches, planFiles, type PlannedFile, type PlannedFiles, type Resume } from './plan-all.js';
import { pruneSpillDir } from './checkpoint.js';
import { startOrResume, stoppedLine, type Start } from './resume.js';
import { PlanPool, planWorkers } from './plan-pool.js';
import { SourceHashes } from './source-hashes.js';
import { OfflineProgress } from './progress.js';
import { checkStoreEmpty, homeOf } from './store.js';

export interface OfflineOptions {
  json: boolean;
  quiet: boolean;
  format: InputFormat | null;
  /** Only write the CSV files (and the importer's command line) to this folder. */
  csvOnly: string | null;
  /** Plan every file, removing the checkpoint a stopped import left (`resume.ts`); else that planning is resumed. */
  fresh?: boolean;
}

/** Where the offline import's words go (the command line's Output has these three). */
export interface OfflineOutput {
  report(text: string): void;
  info(text: string): void;
  problem(text: string): void;
}

/** What an offline import did, for the summary and the benchmark. */
export interface OfflineSummary {
  files: number;
  cases: number;
  /** Nodes + relationships + passages as the plans count them (as the normal path counts them). */
  elements: number;
  stored: { nodes: number; relationships: number };
  /**
   * Wall seconds per phase: reading, validating and planning the files (`plan`), turning the plans
   * (in load order, with each file's source hash) into records sorted by element on disk (`sort`),
   * merging each element from its records (`merge`), laying out and writing the CSV files
   * (`csv`), Neo4j's importer (`importer`; `importerOwn`: the time it reports itself, without its JVM's start), starting Neo4j on the new store (`start`), setting
   * the empty lists (`emptyLists`), the schema (`schema`); `finish` = start + emptyLists + schema.
   */
  seconds: { plan: number; sort: number; merge: number; csv: number; importer: number; importerOwn: number; start: number; emptyLists: number; schema: number; finish: number; total: number };
  /** Peak resident memory of this process so far, in MiB (the importer and Neo4j are processes of their own). */
  peakRssMiB: number;
  /** Per phase of the loader itself: its CPU seconds (this process, its threads included) and the peak RSS so far at its end. */
  loaderPhases: Partial<Record<LoaderPhase, { cpuSeconds: number; peakRssMiB: number }>>;
  /** Disk the spill files took (the plans, then the placed elements), in MiB; removed at the end. */
  spillMiB: number;
  /** CPU seconds of this process (user + system) for the whole import: planning, merging, CSV; on a shared machine far less than the wall time. */
  loaderCpuSeconds: number;
  elementsPerSecond: number;
  casesPerSecond: number;
}

type LoaderPhase = 'plan' | 'sort' | 'merge' | 'csv';
const LOADER_PHASES = new Set<string>(['plan', 'sort', 'merge', 'csv']);
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

export const OFFLINE_NEEDS_EMBEDDED = [
  "The offline import needs the embedded store: it writes DATA_DIR's Neo4j store directly with Neo4j's own importer,",
  'so it cannot fill the Neo4j that NEO4J_URI names. Unset NEO4J_URI to import into DATA_DIR, or load into that Neo4j',
  'with the normal path (npm run load -- <files>, without --offline), or let that server import the same files itself:',
  '  npm run load -- --offline --csv-only DIR <files>',
  'writes the CSV files to DIR with the command line to run on the server (neo4j-admin database import full ..., with',
  'the server stopped and its database empty) in DIR/neo4j-admin-import.txt, and in DIR/after-import.cypher the',
  'statements to run with cypher-shell once it is started again (the empty lists the importer cannot write, the schema).',
].join('\n');

/**
 * `npm run load -- --offline <files>`: validates and plans every file as the normal path does,
 * builds the graph the normal path would leave, writes it as CSV files and runs Neo4j's
 * importer into DATA_DIR's empty store, then starts Neo4j once to set empty lists and apply
 * the schema. A problem before the importer leaves the store as it was; a failure after it
 * removes the database written so far.
 */
export async function runOfflineImport(config: Config, files: CaseFileRef[], options: OfflineOptions, out: OfflineOutput, signal: AbortSignal): Promise<ExitCode> {
  return (await offlineImport(config, files, options, out, signal)).code;
}

/** runOfflineImport, with the summary of an import that went through (for the benchmark). */
export async function offlineImport(
  config: Config,
  files: CaseFileRef[],
  options: OfflineOptions,
  out: OfflineOutput,
  signal: AbortSignal,
): Promise<{ code: ExitCode; summary?: OfflineSummary }> {
  const code = (value: ExitCode) => ({ code: value });
  if (config.neo4j.uri && !options.csvOnly) {
    out.problem(`Cannot import offline with NEO4J_URI set (${config.neo4j.uri}).\n${OFFLINE_NEEDS_EMBEDDED}`);
    return code(EXIT_CODES.USAGE);
  }
  const progress = new OfflineProgress(options, process.stderr);
  const clock = phaseClock();
  if (!options.csvOnly) {
    const refusal = await checkStoreEmpty(config, (m) => out.info(m));
    if (refusal) {
      out.problem(`Refused: ${refusal}`);
      return code(EXIT_CODES.REFUSED);
    }
  }
  const run = await openRun(config, files, options, out, signal, progress, clock);
  try {
    let steps: Awaited<ReturnType<typeof planAndMerge>>;
    try {
      steps = await planAndMerge(run);
    } catch (error) {
      // Stopped while planning or merging: nothing was written (the spill files go below).
      if (!signal.aborted) throw error;
      progress.end();
      return code(EXIT_CODES.INTERRUPTED);
    }
    const { planned, graph, mergeProblems, layout } = steps;
    if (refuseProblems(run, planned, mergeProblems, layout)) return code(EXIT_CODES.INVALID);
    out.info(`Planned ${graph.merged} case(s) from ${files.length} file(s) in ${clock.seconds.plan}s: ${layout.rows} rows to import.`);
    if (signal.aborted) return code(EXIT_CODES.INTERRUPTED);
    return await writeAndImport(run, layout, graph, steps.sortBytes, clock.finish);
  } finally {
    await run.start.journal.close();
    run.plansSpill.close();
    run.placedLines.close();
    keepOrRemove(run, run.start.spillDir);
  }
}

/** The wall seconds of each phase, the loader's CPU and peak RSS at the end of each of its own, and the whole import's. */
interface PhaseClock {
  seconds: OfflineSummary['seconds'];
  loaderPhases: OfflineSummary['loaderPhases'];
  timed: Timed;
  /** Sets the total wall seconds; the CPU seconds of the whole import. */
  finish: () => number;
}

function phaseClock(): PhaseClock {
  const seconds: OfflineSummary['seconds'] = { plan: 0, sort: 0, merge: 0, csv: 0, importer: 0, importerOwn: 0, start: 0, emptyLists: 0, schema: 0, finish: 0, total: 0 };
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const loaderPhases: OfflineSummary['loaderPhases'] = {};
  const timed = async <T>(key: keyof typeof seconds, work: () => Promise<T>) => {
    const at = performance.now();
    const cpuAt = process.cpuUsage();
    try {
      return await work();
    } finally {
      seconds[key] = Number(((performance.now() - at) / 1000).toFixed(2));
      if (LOADER_PHASES.has(key)) {
        const cpu = process.cpuUsage(cpuAt);
        loaderPhases[key as LoaderPhase] = { cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), peakRssMiB: peakRssMiB() };
      }
    }
  };
  const finish = () => {
    seconds.total = Number(((performance.now() - started) / 1000).toFixed(2));
    const cpu = process.cpuUsage(cpuAtStart);
    return Number(((cpu.user + cpu.system) / 1e6).toFixed(2));
  };
  return { seconds, loaderPhases, timed, finish };
}

/**
 * The CSV files' folder (`--csv-only`'s, or a temporary one) and the spill folder inside it
 * (plans, then placed elements), after removing what imports stopped hard left behind; a
 * stopped import's planning, kept in its spill folder, is resumed (resume.ts).
 */
async function openRun(config: Config, files: CaseFileRef[], options: OfflineOptions, out: OfflineOutput, signal: AbortSignal, progress: OfflineProgress, clock: PhaseClock): Promise<Run> {
  const dir = options.csvOnly ? path.resolve(options.csvOnly) : mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX));
  mkdirSync(dir, { recursive: true });
  const places = options.csvOnly ? [{ dir, whole: false }] : tempImportDirs(os.tmpdir(), TEMP_PREFIX);
  reportStale(out, removeStaleSpills(places));
  const target = options.csvOnly ? dir : path.resolve(config.dataDir);
  const start = await startOrResume({ dir, places, target, format: options.format, fresh: options.fresh === true, files, info: (m) => out.info(m) });
  return {
    config, files, options, out, signal, progress, seconds: clock.seconds, timed: clock.timed, dir, loaderPhases: clock.loaderPhases, start,
    plansSpill: start.plansSpill,
    placedLines: new PlacedLines<CsvGroup>(start.spillDir),
    sortDir: start.spillDir,
  };
}

/** A stopped import keeps its spill folder's planning for the next one (the rest goes); any other end removes it. */
function keepOrRemove({ options, signal, dir, out, files, start }: Run, spillDir: string): void {
  if (!signal.aborted || start.journal.entries === 0) {
    rmSync(options.csvOnly ? spillDir : dir, { recursive: true, force: true });
    return;
  }
  pruneSpillDir(spillDir);
  if (!options.csvOnly) for (const name of readdirSync(dir)) if (path.join(dir, name) !== spillDir) rmSync(path.join(dir, name), { recursive: true, force: true });
  out.info(stoppedLine(spillDir, start.journal.entries, files.length));
}

const TEMP_PREFIX = 'case-graph-offline-';

/** Says which folders that imports stopped hard had left behind were removed. */
function reportStale(out: OfflineOutput, stale: ReturnType<typeof removeStaleSpills>): void {
  for (const { removed, pid, bytes } of stale) out.info(`Removed ${removed} (${Math.round(bytes / 2 ** 20)} MiB): left behind by an offline import (process ${pid}) that was stopped hard.`);
}

/** What the steps of one offline import share. */
interface Run {
  config: Config;
  files: CaseFileRef[];
  options: OfflineOptions;
  out: OfflineOutput;
  signal: AbortSignal;
  progress: OfflineProgress;
  seconds: OfflineSummary['seconds'];
  loaderPhases: OfflineSummary['loaderPhases'];
  timed: Timed;
  /** The CSV files' folder. */
  dir: string;
  /** Each valid file's plan, from planning to its merge. */
  plansSpill: SpillFile;
  /** Each element's line, encoded as it is placed in its CSV group, until every group's columns are known. */
  placedLines: PlacedLines<CsvGroup>;
  /** The merge sort's runs. */
  sortDir: string;
  /** The spill folder's start: new, or a stopped import's planning resumed. */
  start: Start;
}

type Outcome = { code: ExitCode; summary?: OfflineSummary };

/**
 * 1. Plans every file (each plan waits on disk), then sorts what the plans, in load order, say
 * about each element and merges each element from that (`mergePlans`), each placed in its CSV
 * group and put on disk in blocks.
 */
async function planAndMerge(run: Run) {
  const { files, options, progress, timed, plansSpill, signal } = run;
  progress.begin('planning', 'files', files.length);
  let done = 0;
  // With OFFLINE_PLAN_WORKERS, workers read, validate, plan and hash the files; this thread answers their questions and merges.
  const workers = planWorkers();
  const pool = workers > 0 ? new PlanPool(options.format ?? undefined, options.format ?? null, workers) : undefined;
  // Without workers, the source hashes on the second core (a worker thread of their own) while this thread plans.
  let hashes: SourceHashes | undefined = run.start.hashes ?? (pool ? undefined : new SourceHashes(options.format ?? null));
  // Asked a window ahead of planning (not all at once), so that their answers wait in memory only that long.
  hashes?.request(files.slice(0, HASH_WINDOW));
  const planned1 = (index: number) => {
    progress.update(++done);
    const next = files[index + HASH_WINDOW];
    if (next) hashes?.request([next]);
  };
  let planned: PlannedFiles;
  let merged: Awaited<ReturnType<typeof mergePlans>>;
  const layout = new CsvLayout();
  // Each file's verdict goes to the checkpoint, with its source hash (so that a stopped import resumes).
  const { journal, reuse } = run.start;
  // The plans on disk at least every second, so that a killed import leaves what its checkpoint names.
  let flushed = performance.now();
  const resume: Resume = {
    reuse,
    planned: (file, i, at, hash) => {
      if (performance.now() - flushed >= 1000) {
        plansSpill.flush();
        flushed = performance.now();
      }
      if (i < reuse.length) return;
      if (hash !== undefined) journal.add({ i, file: file.display, hash, at });
      else journal.addWhen((hashes ??= new SourceHashes(options.format ?? null)).of(file), { i, file: file.display, at });
    },
  };
  try {
    planned = await timed('plan', () => planFiles(files, options.format ?? undefined, (_, index) => planned1(index), pool, plansSpill, signal, undefined, resume));
    await pool?.close();
    progress.end();
    const known = planned.hashes;
    // Files no worker hashed (none started, or a record joined to the others) are hashed as before.
    const hashOf = (file: CaseFileRef) => (known.has(file) ? Promise.resolve(known.get(file)!) : (hashes ??= new SourceHashes(options.format ?? null)).of(file));
    // Each element's line is encoded as it is placed and waits on disk with its group's others.
    const place = (element: GraphElement) => {
      const { group, line, columns } = layout.placeLine(element);
      run.placedLines.add(group, line, columns);
    };
    collectGarbage();
    merged = await mergePlans(run, planned, hashOf, place);
  } finally {
    await pool?.close();
    await journal.settle();
    await hashes?.close();
  }
  progress.end();
  return { planned, layout, ...merged };
}

/** Reports every problem found before the importer (nothing is written then); true when there is one. */
function refuseProblems({ options, out, plansSpill }: Run, planned: PlannedFiles, mergeProblems: string[], layout: CsvLayout): boolean {
  for (const { file, reason } of planned.empty) out.info(`${file.display}: skipped, ${reason}`);
  // The layout's problems are those of a graph that could be written (as when it was laid out after the merge).
  const fileOfCase = mergeProblems.length === 0 && layout.problems.length > 0 ? filesOfCases(planned, plansSpill) : new Map<string, string>();
  const layoutProblems = mergeProblems.length > 0 ? [] : layout.problems.map((p) => `${p.caseIds.map((c) => fileOfCase.get(c) ?? c).join(', ')}: ${p.where}, property ${p.property}: ${p.message}; change the value in the file`);
  if (planned.invalid.length + mergeProblems.length + layoutProblems.length === 0) return false;
  for (const { file, problems } of planned.invalid) {
    if (options.json) out.report(JSON.stringify({ file: file.display, status: 'invalid', problems }));
    else out.problem(`${file.display}: ${formatProblems(problems)}`);
  }
  for (const text of [...mergeProblems, ...layoutProblems]) out.problem(text);
  out.problem(`Nothing was imported: ${planned.invalid.length} file(s) invalid, ${mergeProblems.length + layoutProblems.length} other problem(s); the store is as it was. Fix them and run the import again.`);
  return true;
}

/** 2. The CSV files, from the placed elements on disk (every group's columns are known now); 3. the importer and what follows. */
async function writeAndImport(run: Run, layout: CsvLayout, graph: SortedMerge, sortBytes: number, stop: () => number): Promise<Outcome> {
  const { config, options, out, signal, progress, seconds, timed, dir, placedLines } = run;
  const code = (value: ExitCode) => ({ code: value });
  const home = homeOf(config);
  progress.begin('writing CSV', 'rows', layout.rows);
  collectGarbage();
  // Characters to bytes: at most 3 UTF-8 bytes per UTF-16 unit.
  const largestValueBytes = layout.largestValue * 3;
  const linesOf = (group: CsvGroup) => placedLines.finalLines(group, group.columns.size);
  const sources = await timed('csv', () => writeCsvFiles(dir, layout.groupsInOrder(), linesOf, multilineFileBytes(largestValueBytes), (n) => progress.update(n), signal));
  progress.end();
  if (signal.aborted) return code(EXIT_CODES.INTERRUPTED);
  const maxOffHeap = process.env.OFFLINE_IMPORT_MEMORY || '2G';
  if (options.csvOnly) {
    const args = importArguments(sources, { largestValueBytes, maxOffHeap, reportFile: path.join(dir, 'import.report') });
    const command = ['neo4j-admin', 'database', 'import', 'full', ...args].map(shellQuote).join(' ');
    writeFileSync(path.join(dir, 'neo4j-admin-import.txt'), `${command}\n`);
    writeFileSync(path.join(dir, 'after-import.cypher'), afterImportScript(emptyListsOf(layout), schemaStatements().map((s) => s.text)));
    if (options.json) out.report(JSON.stringify({ offlineCsv: { files: run.files.length, rows: layout.rows, seconds: { plan: seconds.plan, sort: seconds.sort, merge: seconds.merge, csv: seconds.csv }, loaderPhases: run.loaderPhases, peakRssMiB: peakRssMiB() } }));
    out.info(`Wrote ${sources.reduce((n, s) => n + 1 + s.data.length, 0)} CSV files (${layout.rows} rows) to ${dir}. On the Neo4j server, with it stopped and its database empty, run:\n${command}\n` +
      `(also in ${path.join(dir, 'neo4j-admin-import.txt')}; the paths are those of ${dir}: change them if the files move). Then start the server and run ` +
      `${path.join(dir, 'after-import.cypher')} with cypher-shell: it sets the empty lists the importer cannot write and creates the schema.`);
    return code(EXIT_CODES.OK);
  }
  if (signal.aborted) return code(EXIT_CODES.INTERRUPTED);

  // 3. Neo4j's importer, then the empty lists and the schema, in one JVM; any failure leaves no database.
  try {
    const args = importArguments(sources, { largestValueBytes, maxOffHeap, reportFile: path.join(dir, 'import.report') });
    await importAndFinish({ homeDir: home, args, dir, lists: emptyListsOf(layout), rows: layout.rows, config, progress, seconds, signal });
    if (signal.aborted) throw new ImporterError('interrupted');
  } catch (error) {
    progress.end();
    await removeDatabase(home);
    out.problem(`${(error as Error).message}\nThe partly written database was removed; DATA_DIR ${config.dataDir} holds no graph. Nothing else changed.`);
    return code(signal.aborted ? EXIT_CODES.INTERRUPTED : EXIT_CODES.FAILED);
  }
  const loaderCpuSeconds = stop();
  const spillMiB = Math.round((run.plansSpill.size + placedLines.size + sortBytes) / 2 ** 20);
  const summary = { ...summarize(run.files.length, graph, sources, seconds), loaderPhases: run.loaderPhases, spillMiB, loaderCpuSeconds };
  if (options.json) out.report(JSON.stringify({ offlineImport: summary }));
  else if (!options.quiet) out.report(formatSummary(summary, config.dataDir));
  return { code: EXIT_CODES.OK, summary };
}

/**
 * A full garbage collection between two steps: what a step held (planning: its index of what
 * the files define; sorting: its last chunk) is garbage once it ends, and collecting it then
 * lets the next step reuse that memory instead of growing the heap further (V8 would let the
 * heap grow before collecting it).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Files whose source hashes are asked for ahead of planning. */
const HASH_WINDOW = 1000;

type Timed = <T>(key: keyof OfflineSummary['seconds'], work: () => Promise<T>) => Promise<T>;

/**
 * Folds the plans, read back from their spill file in load order, into the graph the normal
 * path would leave, each manifest with its file's source hash (as the normal path keeps it: a
 * later normal load skips the file): each plan becomes records keyed by the elements it
 * touches, sorted on disk (`ExternalSort`), then each element is merged from its records
 * (`SortedMerge`) and goes to `place`. When it finds a problem, the plans are merged again in
 * order as MergedGraph does to name each one as the normal path would.
 */
async function mergePlans(
  { plansSpill, sortDir, progress, timed, signal }: Run,
  planned: PlannedFiles,
  hashOf: (file: CaseFileRef) => Promise<string | null>,
  place: (element: GraphElement) => void,
): Promise<{ graph: SortedMerge; mergeProblems: string[]; sortBytes: number }> {
  const sort = new ExternalSort<MergeRecord>({ dir: sortDir, chunkCharge: SORT_CHUNK_BYTES, chunkRecords: SORT_CHUNK_RECORDS });
  try {
    const graph = new SortedMerge(sort, planned.splitCases, place);
    progress.begin('sorting', 'files', planned.plans.length);
    await timed('sort', async () => {
      let n = 0;
      for (const { file, plan: held, at } of planned.plans) {
        graph.add(held ?? (plansSpill.at(at!) as GraphPlan), await hashOf(file), at?.length ?? 0);
        progress.update(++n);
        // A look at the event loop now and then (the hashes are mostly known already): a signal stops it here.
        if (n % 25 === 0) await yieldToEvents();
        signal.throwIfAborted();
      }
    });
    progress.begin('merging', 'records', sort.records);
    collectGarbage();
    await timed('merge', () => graph.finish((n) => progress.update(n), signal));
    progress.end();
    const mergeProblems = graph.problems > 0 ? await problemsInOrder(planned, plansSpill, hashOf, signal) : [];
    return { graph, mergeProblems, sortBytes: sort.bytes };
  } finally {
    sort.close();
  }
}

/** Chunk of the merge's sort: plans' bytes (as spilled) whose records are sorted in memory before they go to disk as a run. */
const SORT_CHUNK_BYTES = 8 * 2 ** 20;
const SORT_CHUNK_RECORDS = 1_000_000;

/**
 * The problems of the merge as the normal path would meet them, in load order: a refused
 * contribution is not written, so later ones may be refused for it. Merges the plans again
 * (MergedGraph, streamed to nowhere, letting go of each element once no later plan touches it).
 */
async function problemsInOrder(planned: PlannedFiles, spill: SpillFile, hashOf: (file: CaseFileRef) => Promise<string | null>, signal: AbortSignal): Promise<string[]> {
  const planOf = ({ plan, at }: PlannedFile) => plan ?? (spill.at(at!) as GraphPlan);
  const touches = new Map<string, number>();
  const contributionsOfCase = new Map<string, number>();
  for (const item of planned.plans) countTouches(planOf(item), touches, contributionsOfCase);
  const graph = new MergedGraph({ touches, contributionsOfCase, emit: () => {} });
  const problems: string[] = [];
  for (const item of planned.plans) {
    signal.throwIfAborted();
    try {
      graph.addCase(planOf(item), await hashOf(item.file));
    } catch (error) {
      if (!(error instanceof MergeProblem)) throw error;
      problems.push(`${item.file.display}: ${error.message}`);
    }
  }
  return problems;
}

/** The file of each case (for the layout's problems), read from the plans again. */
function filesOfCases(planned: PlannedFiles, spill: SpillFile): Map<string, string> {
  const files = new Map<string, string>();
  for (const { file, plan, at } of planned.plans) files.set((plan ?? (spill.at(at!) as GraphPlan)).caseId, file.display);
  return files;
}

const emptyListsOf = (layout: CsvLayout): EmptyLists => ({
  nodes: new Map([...layout.emptyLists.nodes].sort(([a], [b]) => (a < b ? -1 : 1))),
  relationships: new Map([...layout.emptyLists.relationships].map(([type, names]) => [type, [...names].sort()])),
});

function summarize(files: number, graph: SortedMerge, sources: CsvSource[], seconds: OfflineSummary['seconds']): Omit<OfflineSummary, 'loaderCpuSeconds' | 'spillMiB' | 'loaderPhases'> {
  const count = (kind: 'nodes' | 'relationships') => sources.filter((s) => s.group.kind === kind).reduce((n, s) => n + s.group.rows, 0);
  return {
    files,
    cases: graph.merged,
    elements: graph.planned,
    stored: { nodes: count('nodes'), relationships: count('relationships') },
    seconds,
    peakRssMiB: peakRssMiB(),
    elementsPerSecond: Math.round(graph.planned / Math.max(seconds.total, 0.001)),
    casesPerSecond: Number((graph.merged / Math.max(seconds.total, 0.001)).toFixed(1)),
  };
}

function formatSummary(s: OfflineSummary, dataDir: string): string {
  return [
    `Imported ${s.cases} case(s) from ${s.files} file(s) into ${dataDir}: ${s.elements} graph elements (nodes + relationships + passages), stored as ${s.stored.nodes} nodes and ${s.stored.relationships} relationships.`,
    `${s.seconds.total}s in all (planning ${s.seconds.plan}s, sorting ${s.seconds.sort}s, merging ${s.seconds.merge}s, CSV ${s.seconds.csv}s, importer ${s.seconds.importer}s (its own count ${s.seconds.importerOwn}s), ` +
      `Neo4j start ${s.seconds.start}s, empty lists ${s.seconds.emptyLists}s, schema ${s.seconds.schema}s): ${s.elementsPerSecond} elements/s, ${s.casesPerSecond} cases/s; peak memory ${s.peakRssMiB} MiB, ${s.loaderCpuSeconds} CPU seconds in this process; ${s.spillMiB} MiB of spill files on disk meanwhile.`,
    'npm start on this DATA_DIR serves the graph; npm run load adds to it.',
  ].join('\n');
}

const shellQuote = (arg: string) => (/^[A-Za-z0-9_./:=,+@%-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
