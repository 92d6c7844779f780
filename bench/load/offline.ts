import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OfflineSummary } from '../../src/ingest/offline/run.js';
import { lineSplitter, watchOfflineJvm, type OfflineJvmMemory } from '../memory/offline-jvm.js';
import { writeCorpus } from './corpus-dir.js';
import { writeDistinctDockets } from './offline-dockets.js';
import { writeRecordCorpus } from './records-dir.js';

/** One offline row: what `npm run load -- --offline` did with a corpus, into a throwaway DATA_DIR. */
export interface OfflineRow extends OfflineSummary {
  corpus: 'generated' | 'docket' | 'opinion' | 'bulk';
  /** For a bulk CSV corpus: its size in dockets (its files are the eight tables). */
  dockets?: number;
  /** Whose loader ran: `this` checkout, or the folder name of `--offline-base`. */
  loader: string;
  /** CPU seconds of the JVMs the import ran (importer, Neo4j), from the loader's waited-for children; null where unknown. */
  jvmCpuSeconds: number | null;
  /** The import's JVM: its peak resident memory while importing and while finishing (the new store started), and its heap, off-heap and page-cache settings. */
  jvmMemory: OfflineJvmMemory;
  /** Seconds of everything but the importer's own process (planning, merging, CSV, Neo4j start, empty lists, schema). */
  restSeconds: number;
  /** Elements per second of the importer's process alone (its JVM start included). */
  importerElementsPerSecond: number;
  /** Wall seconds of the whole loader process (its start, and for bulk CSV files the rows made into case files, before the import's own count). */
  processSeconds: number;
  /** Load average (1 minute) per core when the row started and ended: the machine is shared. */
  loadPerCore: { start: number; end: number };
}

export interface OfflineBenchOptions {
  scratch: string;
  /** Generated cases, and dockets (copies of the samples), per row; 0 leaves the row out. */
  cases: number;
  records: number;
  /** CAP opinions (copies of the samples) of a row; 0 leaves it out. */
  opinions: number;
  /** Bulk CSV corpora (written for the default path's rows): each a row. */
  bulk: { dir: string; dockets: number; files: string[] }[];
  seed: number;
  heap: string;
  pageCache: string;
  /** Another checkout whose loader runs each row too, the two taking turns going first; null for none. */
  base: string | null;
  say: (message: string) => void;
}

const loadPerCore = () => Number((os.loadavg()[0]! / os.cpus().length).toFixed(2));

/**
 * Runs `npm run load -- --offline --json <files>` as its own process (so that its peak memory is
 * its own) into a DATA_DIR of its own, with the loader of the checkout `root` (default this one),
 * and returns the summary it prints with the CPU seconds of the JVMs it ran.
 */
export async function measureOffline(dataDir: string, files: string[], heap: string, pageCache: string, root = process.cwd(), cases = files.length): Promise<OfflineSummary & { jvmCpuSeconds: number | null; jvmMemory: OfflineJvmMemory; processSeconds: number }> {
  const started = performance.now();
  const cli = path.resolve(root, 'src/ingest/cli/main.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEO4J_HEAP: heap, NEO4J_PAGECACHE: pageCache };
  delete env.NEO4J_URI;
  const preload = path.resolve('bench/load/children-cpu-at-exit.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', preload, cli, '--offline', '--json', ...files], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const stderr: string[] = [];
  // The importer's JVM, watched from this process: its peak memory importing, then finishing.
  const jvm = watchOfflineJvm(child.pid!);
  const lines = lineSplitter((line) => jvm.line(line));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    lines(chunk);
    stderr.push(chunk);
    if (stderr.length > 50) stderr.shift();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((error: unknown) => {
    jvm.stop();
    throw error;
  });
  const jvmMemory = jvm.stop();
  const line = stdout.split('\n').find((l) => l.startsWith('{"offlineImport"'));
  if (code !== 0 || !line) throw new Error(`the offline import failed (exit code ${code}):\n${stderr.join('').split('\n').filter((l) => !l.startsWith('{"progress"')).slice(-20).join('\n')}`);
  const summary = (JSON.parse(line) as { offlineImport: OfflineSummary }).offlineImport;
  if (summary.cases < cases) throw new Error(`only ${summary.cases} cases, not ${cases}, from ${files.length} files`);
  const jvmCpu = /CHILDREN_CPU ([\d.]+)/.exec(stderr.join(''));
  return { ...summary, jvmCpuSeconds: jvmCpu ? Number(jvmCpu[1]) : null, jvmMemory, processSeconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
}

/** The offline rows of `npm run bench:load`: generated cases, then distinct dockets made from the samples. */
export async function offlineRows(options: OfflineBenchOptions): Promise<OfflineRow[]> {
  const rows: OfflineRow[] = [];
  const stamp = Date.now().toString(36);
  let turn = 0;
  const row = async (corpus: OfflineRow['corpus'], files: string[], dockets?: number) => {
    // With a base checkout, both loaders on the same files, taking turns going first.
    const loaders: (string | null)[] = options.base === null ? [null] : turn++ % 2 === 0 ? [options.base, null] : [null, options.base];
    for (const base of loaders) await measureRow(corpus, files, base, dockets);
  };
  const measureRow = async (corpus: OfflineRow['corpus'], files: string[], base: string | null, dockets?: number) => {
    const loader = base === null ? 'this' : path.basename(base);
    const what = { generated: 'generated cases', docket: 'dockets', opinion: 'CAP opinions', bulk: 'bulk CSV tables' }[corpus];
    options.say(`offline (${loader}): ${files.length} ${what}${dockets === undefined ? '' : ` (${dockets} dockets' worth)`} into an empty store…`);
    const start = loadPerCore();
    const store = path.join(options.scratch, `offline-${corpus}-${loader}-store`);
    const summary = await measureOffline(store, files, options.heap, options.pageCache, base ?? undefined, dockets ?? files.length);
    rmSync(store, { recursive: true, force: true });
    rows.push({
      corpus, loader, ...(dockets !== undefined && { dockets }), ...summary,
      restSeconds: Number((summary.seconds.total - summary.seconds.importer).toFixed(2)),
      importerElementsPerSecond: Math.round(summary.elements / Math.max(summary.seconds.importer, 0.001)),
      loadPerCore: { start, end: loadPerCore() },
    });
  };
  if (options.cases > 0) {
    await row('generated', await writeCorpus(path.join(options.scratch, 'offline-generated'), { cases: options.cases, seed: options.seed, prefix: `off-${stamp}`, format: 'yaml' }));
  }
  if (options.records > 0) await row('docket', await writeDistinctDockets(path.join(options.scratch, 'offline-dockets'), options.records, `off${stamp}`));
  if (options.opinions > 0) await row('opinion', await writeRecordCorpus(path.join(options.scratch, 'offline-opinions'), 'opinion', options.opinions, `off${stamp}`));
  for (const corpus of options.bulk) await row('bulk', corpus.files, corpus.dockets);
  return rows;
}

/** The offline rows as a table for the console. */
export function offlineTable(rows: OfflineRow[]) {
  return rows.map((r) => ({
    corpus: r.dockets === undefined ? r.corpus : `${r.corpus} (${r.dockets} dockets)`, loader: r.loader, cases: r.cases, elements: r.elements, 'plan s': r.seconds.plan, 'sort s': r.seconds.sort ?? null, 'merge s': r.seconds.merge, 'CSV s': r.seconds.csv,
    'importer s': r.seconds.importer, 'importer own s': r.seconds.importerOwn, 'Neo4j start s': r.seconds.start, 'empty lists s': r.seconds.emptyLists, 'schema s': r.seconds.schema,
    'total s': r.seconds.total, 'process s': r.processSeconds, 'rest s': r.restSeconds, 'elements/s': r.elementsPerSecond, 'cases/s': r.casesPerSecond,
    'importer elements/s': r.importerElementsPerSecond, 'loader peak RSS MiB': r.peakRssMiB, 'loader CPU s': r.loaderCpuSeconds,
    'loader CPU s plan/sort/merge/CSV': r.loaderPhases ? (['plan', 'sort', 'merge', 'csv'] as const).map((k) => r.loaderPhases[k]?.cpuSeconds ?? '-').join('/') : null,
    'peak RSS MiB after plan/sort/merge/CSV': r.loaderPhases ? (['plan', 'sort', 'merge', 'csv'] as const).map((k) => r.loaderPhases[k]?.peakRssMiB ?? '-').join('/') : null, 'JVM CPU s': r.jvmCpuSeconds,
    'JVM RSS peak MiB import/finish': `${r.jvmMemory.importerPeakRssMiB ?? '?'}/${r.jvmMemory.finishPeakRssMiB ?? '?'}`, 'JVM heap peak MiB import/finish': `${r.jvmMemory.importerHeapPeakMiB ?? '?'}/${r.jvmMemory.finishHeapPeakMiB ?? '?'}`, 'JVM heap/off-heap/page cache': jvmSettings(r.jvmMemory), 'load/core': `${r.loadPerCore.start}-${r.loadPerCore.end}`,
  }));
}

/** The import JVM's settings as one cell: heap / importer off-heap / finishing page cache. */
function jvmSettings(memory: OfflineJvmMemory): string {
  const s = memory.settings;
  return s ? `${s.heap ?? '?'}/${s.offHeap ?? '?'}/${s.pageCacheMiB === null ? '?' : `${s.pageCacheMiB}m`}` : '?';
}
