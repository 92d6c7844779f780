import { jvmHeapUsed } from './hsperf.js';
import { bytesToMiB, kibToMiB, Peak } from './peak.js';
import { descendants, processMemory, resetPeak, roleOf } from './processes.js';

/** The memory of the JVM an offline import runs: Neo4j's importer, then in the same JVM the finishing start of the new store. */
export interface OfflineJvmMemory {
  /** Peak resident memory (VmHWM) of the JVM while the importer ran, in MiB (null: the JVM was never seen). */
  importerPeakRssMiB: number | null;
  /**
   * Peak resident memory of the same JVM while it started the new store, set its empty lists and
   * applied the schema: its VmHWM reset when the import was in, so it counts from what the
   * importer left resident then (null: the JVM was not seen in that phase).
   */
  finishPeakRssMiB: number | null;
  /** How finishPeakRssMiB was read: VmHWM after a reset, or the largest VmRSS sampled (when the reset was refused). */
  finishPeakFrom: 'VmHWM' | 'sampled VmRSS' | null;
  /** The most heap in use among the samples while importing, and while finishing (the JVM's hsperfdata counters), in MiB; null when not read. */
  importerHeapPeakMiB: number | null;
  finishHeapPeakMiB: number | null;
  /** The JVM's settings, from its command line: heap (-Xmx), the importer's off-heap limit, the finishing start's page cache. */
  settings: OfflineJvmSettings | null;
}

export interface OfflineJvmSettings {
  heap: string | null;
  offHeap: string | null;
  /** The finishing start's page cache, in MiB (the launcher takes it in bytes). */
  pageCacheMiB: number | null;
}

/** The settings out of the command line of the launcher's OfflineImport (`java … OfflineImport <home> <finish> <password> <page-cache-bytes> <importer args…>`). Pure. */
export function offlineJvmSettings(argv: string[]): OfflineJvmSettings {
  const heap = argv.findLast((arg) => arg.startsWith('-Xmx'))?.slice(4) ?? null;
  const offHeap = argv.find((arg) => arg.startsWith('--max-off-heap-memory='))?.split('=')[1] ?? null;
  const at = argv.indexOf('casegraph.neo4j.OfflineImport');
  const bytes = at >= 0 ? argv[at + 4] : undefined;
  return { heap, offHeap, pageCacheMiB: bytes !== undefined && /^\d+$/.test(bytes) ? Math.round(Number(bytes) / 1024 ** 2) : null };
}

/** Whether a line the loader prints with --json says the importer is done (its `importing` step finished): the finishing start begins. Pure. */
export function isImportDone(line: string): boolean {
  if (!line.startsWith('{"progress"')) return false;
  try {
    const { progress } = JSON.parse(line) as { progress?: { phase?: unknown; finished?: unknown } };
    return progress?.phase === 'importing' && progress.finished === true;
  } catch {
    return false;
  }
}

/**
 * Watches the importer's JVM among the processes under `loaderPid` (an `npm run load -- --offline
 * --json` the bench started), every `sampleMs`: until it appears the process list is scanned,
 * then only its /proc status and its hsperfdata counters (heap in use) are read. Feed it the loader's stderr lines: when the importing step
 * ends, the JVM's VmHWM is the importer's peak, and it is reset so that what follows is the
 * finishing start's. A JVM's last sample comes at most `sampleMs` before it ends.
 */
export function watchOfflineJvm(loaderPid: number, sampleMs = 250) {
  let pid: number | null = null;
  let settings: OfflineJvmSettings | null = null;
  let phase: 'import' | 'finish' = 'import';
  let finishFrom: OfflineJvmMemory['finishPeakFrom'] = null;
  const importer = new Peak();
  const finish = new Peak();
  const heap = { import: new Peak(), finish: new Peak() };
  const find = () => {
    const jvm = descendants(loaderPid).find((p) => roleOf(p.argv) === 'importer');
    if (jvm) [pid, settings] = [jvm.pid, offlineJvmSettings(jvm.argv)];
  };
  const sample = () => {
    if (pid === null) find();
    const memory = pid === null ? null : processMemory(pid);
    if (!memory) return;
    heap[phase].add(jvmHeapUsed(pid!));
    if (phase === 'import') importer.add(memory.peakKiB);
    else finish.add(finishFrom === 'VmHWM' ? memory.peakKiB : memory.rssKiB);
  };
  const timer = setInterval(sample, sampleMs);
  return {
    /** One line of the loader's stderr. */
    line(text: string): void {
      if (phase !== 'import' || !isImportDone(text)) return;
      sample();
      phase = 'finish';
      finishFrom = pid !== null && resetPeak(pid) ? 'VmHWM' : 'sampled VmRSS';
      sample();
    },
    stop(): OfflineJvmMemory {
      clearInterval(timer);
      sample();
      return {
        importerPeakRssMiB: kibToMiB(importer.value),
        finishPeakRssMiB: kibToMiB(finish.value),
        finishPeakFrom: finish.value === null ? null : finishFrom,
        importerHeapPeakMiB: bytesToMiB(heap.import.value),
        finishHeapPeakMiB: bytesToMiB(heap.finish.value),
        settings,
      };
    },
  };
}

/** Lines of a stream's text chunks, the last partial line kept for the next chunk. */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let rest = '';
  return (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}
