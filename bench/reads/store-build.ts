import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OfflineSummary } from '../../src/ingest/offline/run.js';
import { writeCorpus } from '../load/corpus-dir.js';
import { lineSplitter, watchOfflineJvm, type OfflineJvmMemory } from '../memory/offline-jvm.js';
import { peaksWhile, type PeaksByRole } from '../memory/processes.js';
import { storeBytes } from './store.js';

/** Seed and id prefix of the generated corpora the bench builds stores from (as `npm run generate`'s defaults). */
const SEED = 1;
const PREFIX = 'gen';
const CASE_FILE = /\.case\.(ya?ml|json)$/;
const BUILD_FILE = 'build.json';

/** How a store of `cases` generated cases was built with `npm run load -- --offline`, and what it cost. */
export interface StoreBuild {
  cases: number;
  /** Case files in the corpus folder (the cases and the directory of what they share). */
  files: number;
  builtAt: string;
  /** Seconds `npm run generate`'s code took to write the corpus (null: the folder was there already). */
  generateSeconds: number | null;
  offline: OfflineSummary;
  /**
   * Peak resident memory (MiB) of the loader process, of Neo4j's importer and of the Neo4j that
   * finished the import (VmHWM; the last two are one JVM, its VmHWM reset when the import was in,
   * see `offlineJvm`).
   */
  peakMiB: PeaksByRole;
  /** The offline import's JVM: its peaks while importing and while finishing, and its settings read from its command line. */
  offlineJvm?: OfflineJvmMemory;
  /**
   * CPU seconds (user + system) of each: less tied to a shared machine than wall time, and what a
   * larger machine divides among its cores where the work is parallel (Neo4j's importer is).
   * Sampled each half second: the last half second of each process is missed.
   */
  cpuSeconds: PeaksByRole;
  /** Memory settings of the import: the importer's JVM heap and off-heap limit, the finishing Neo4j's heap and page cache. */
  settings: { importerHeap: string; importerOffHeap: string; neo4jHeap: string; neo4jPageCache: string; loaderNodeOptions: string | null };
  /** Bytes on disk of the store files, in MiB. */
  storeMiB: number;
  /** One-minute load average per core when the import started and ended: the machine may be shared. */
  loadPerCore: { start: number; end: number };
}

/** Where a size's corpus, store and build record live under the `--build-stores` folder. */
export function storeLayout(root: string, cases: number) {
  const dir = path.join(root, String(cases));
  return { dir, corpusDir: path.join(dir, 'corpus'), dataDir: path.join(dir, 'data'), buildFile: path.join(dir, BUILD_FILE) };
}

const loadPerCore = () => Number((os.loadavg()[0]! / os.cpus().length).toFixed(2));

/** Case files in a corpus folder (not its sub-folders: the texts), sorted. */
export function caseFilesOf(corpusDir: string): string[] {
  return readdirSync(corpusDir).filter((name) => CASE_FILE.test(name)).sort().map((name) => path.join(corpusDir, name));
}

/** The build record of a store, or null when it was never finished. */
export function readBuild(buildFile: string): StoreBuild | null {
  return existsSync(buildFile) ? (JSON.parse(readFileSync(buildFile, 'utf8')) as StoreBuild) : null;
}

/** `npm run load -- --offline --json <corpusDir>` as a process of its own into `dataDir`; the summary it prints. */
async function offlineImport(dataDir: string, corpusDir: string, memory: { heap: string; pageCache: string }, say: (m: string) => void): Promise<{ summary: OfflineSummary; jvm: OfflineJvmMemory }> {
  const cli = path.resolve('src/ingest/cli/main.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEO4J_HEAP: memory.heap, NEO4J_PAGECACHE: memory.pageCache };
  delete env.NEO4J_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--offline', '--json', corpusDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const tail: string[] = [];
  let lastSaid = 0;
  const jvm = watchOfflineJvm(child.pid!);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', lineSplitter((line) => {
    jvm.line(line);
    if (!line) return;
    if (line.startsWith('{"progress"')) {
      // Its progress, at most every 10 s: phase, done of total, rate, ETA.
      if (Date.now() - lastSaid < 10_000) return;
      lastSaid = Date.now();
      const p = (JSON.parse(line) as { progress: Record<string, unknown> }).progress;
      say(`    ${String(p.phase)}: ${String(p.done)}/${String(p.total ?? '?')} ${String(p.unit ?? '')}, ${String(p.perSecond ?? '?')}/s, ETA ${String(p.etaSeconds ?? '?')} s`);
    } else {
      tail.push(line);
      if (tail.length > 30) tail.shift();
    }
  }));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((error: unknown) => {
    jvm.stop();
    throw error;
  });
  const jvmMemory = jvm.stop();
  const line = stdout.split('\n').find((l) => l.startsWith('{"offlineImport"'));
  if (code !== 0 || !line) throw new Error(`the offline import of ${corpusDir} into ${dataDir} failed (exit code ${code}):\n${tail.join('\n')}`);
  return { summary: (JSON.parse(line) as { offlineImport: OfflineSummary }).offlineImport, jvm: jvmMemory };
}

/**
 * A store of `cases` generated cases under `root` (see `storeLayout`), built with the offline bulk
 * import, or the one a former run finished (its build.json is there): building 100,000 cases
 * takes long, so a stopped run is resumed by running it again. A corpus folder without a finished
 * build is written again, and a store without one is removed first (the offline import needs an
 * empty store).
 */
export async function ensureStore(root: string, cases: number, memory: { heap: string; pageCache: string }, say: (m: string) => void): Promise<{ dataDir: string; corpusDir: string; build: StoreBuild }> {
  const layout = storeLayout(root, cases);
  const done = readBuild(layout.buildFile);
  if (done && existsSync(layout.dataDir)) {
    say(`Store of ${cases} cases: built ${done.builtAt} (${layout.buildFile}), reused.`);
    return { dataDir: layout.dataDir, corpusDir: layout.corpusDir, build: done };
  }
  mkdirSync(layout.dir, { recursive: true });
  rmSync(layout.dataDir, { recursive: true, force: true });
  let generateSeconds: number | null = null;
  const marker = path.join(layout.corpusDir, '.complete');
  if (!existsSync(marker)) {
    say(`Generating ${cases} cases into ${layout.corpusDir}…`);
    rmSync(layout.corpusDir, { recursive: true, force: true });
    const at = performance.now();
    await writeCorpus(layout.corpusDir, { cases, seed: SEED, prefix: PREFIX, format: 'yaml' });
    generateSeconds = Number(((performance.now() - at) / 1000).toFixed(1));
    writeFileSync(marker, `${cases} cases, seed ${SEED}\n`);
  }
  const files = caseFilesOf(layout.corpusDir).length;
  say(`Offline import of ${files} case files into ${layout.dataDir} (npm run load -- --offline)…`);
  const start = loadPerCore();
  const { result: { summary: offline, jvm }, peaks, cpuSeconds } = await peaksWhile(() => offlineImport(layout.dataDir, layout.corpusDir, memory, say));
  if (offline.cases !== files) throw new Error(`the offline import made ${offline.cases} cases of ${files} case files in ${layout.corpusDir}`);
  const build: StoreBuild = {
    cases,
    files,
    builtAt: new Date().toISOString(),
    generateSeconds,
    offline,
    // The loader's own maxRSS counts from its start; the sampler's figure for it is a lower bound.
    peakMiB: { ...peaks, loader: Math.max(peaks.loader ?? 0, offline.peakRssMiB), importer: jvm.importerPeakRssMiB ?? peaks.importer, neo4j: jvm.finishPeakRssMiB ?? peaks.neo4j },
    offlineJvm: jvm,
    cpuSeconds: { ...cpuSeconds, loader: Math.max(cpuSeconds.loader ?? 0, offline.loaderCpuSeconds) },
    settings: {
      // As the import's JVM ran (its command line): its heap is the larger of OFFLINE_IMPORT_HEAP and NEO4J_HEAP.
      importerHeap: jvm.settings?.heap ?? (process.env.OFFLINE_IMPORT_HEAP || '1g (its default)'),
      importerOffHeap: jvm.settings?.offHeap ?? (process.env.OFFLINE_IMPORT_MEMORY || '2G (its default)'),
      neo4jHeap: memory.heap,
      neo4jPageCache: memory.pageCache,
      // The loader's heap limit, when raised (NODE_OPTIONS=--max-old-space-size=…, inherited by the loader process).
      loaderNodeOptions: process.env.NODE_OPTIONS || null,
    },
    storeMiB: Math.round(storeBytes(layout.dataDir) / 1024 ** 2),
    loadPerCore: { start, end: loadPerCore() },
  };
  writeFileSync(layout.buildFile, `${JSON.stringify(build, null, 2)}\n`);
  say(`  ${offline.elements} elements in ${offline.seconds.total} s (${offline.elementsPerSecond}/s); peak MiB: loader ${build.peakMiB.loader}, importer ${build.peakMiB.importer}, Neo4j ${build.peakMiB.neo4j}; store ${build.storeMiB} MiB.`);
  return { dataDir: layout.dataDir, corpusDir: layout.corpusDir, build };
}
