import type { Executor } from '../../src/neo4j/executor.js';
import { bytesToMiB, kibToMiB, Peak } from './peak.js';
import { processMemory, resetPeak } from './processes.js';

/** Neo4j's memory over a stretch of a bench (a read run, a load row): its settings, the heap it used, and its process's peak resident memory. */
export interface Neo4jMemory {
  /** Settings of the embedded Neo4j (null for NEO4J_URI: the server's own). */
  heap: string | null;
  pageCache: string | null;
  /** The most heap in use among the samples (JMX java.lang:type=Memory, through Cypher), in MiB: a lower bound of the true peak. */
  heapUsedPeakMiB: number | null;
  /** Peak use of the old generation since the JVM started (JMX PeakUsage of G1 Old Gen), in MiB: what stayed on the heap. */
  oldGenPeakMiB: number | null;
  /** Peak resident memory of Neo4j's JVM (VmHWM): heap, page cache and the rest; embedded only. */
  rssPeakMiB: number | null;
  /** Since when rssPeakMiB counts: the JVM's start, or the start of the watch (VmHWM reset then to what was resident). */
  rssPeakSince: 'jvm start' | 'watch start' | null;
}

/** The Neo4j a bench watches: how to query it, its JVM's pid (embedded only) and its memory settings (null: a server's own). */
export interface WatchedNeo4j {
  executor: Executor;
  pid: number | null;
  settings: { heap: string; pageCache: string } | null;
}

export interface WatchOptions {
  /** Milliseconds between samples of the heap in use (default 2,000). */
  sampleMs?: number;
  /** Reset the JVM's VmHWM when the watch starts, so its resident peak is this stretch's (default false: since the JVM started). */
  fromNow?: boolean;
}

/** Heap in use now (bytes), out of `dbms.queryJmx`'s answer; null when the server does not say. */
export function heapUsedOf(rows: { heap?: { used?: unknown } | null }[]): number | null {
  const used = rows[0]?.heap?.used;
  return typeof used === 'number' ? used : null;
}

/** The largest PeakUsage.used among the old-generation pools (bytes); null when none is listed. */
export function oldGenPeakOf(rows: { name: string; used: unknown }[]): number | null {
  const old = rows.filter((r) => /Old Gen|Tenured/i.test(r.name) && typeof r.used === 'number').map((r) => r.used as number);
  return old.length ? Math.max(...old) : null;
}

async function heapUsed(executor: Executor): Promise<number | null> {
  const rows = await executor.read<{ heap: { used?: unknown } | null }>({
    text: "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap",
  });
  return heapUsedOf(rows);
}

async function oldGenPeak(executor: Executor): Promise<number | null> {
  const rows = await executor.read<{ name: string; used: unknown }>({
    text: "CALL dbms.queryJmx('java.lang:type=MemoryPool,*') YIELD name, attributes RETURN name, attributes.PeakUsage.value.properties.used AS used",
  });
  return oldGenPeakOf(rows);
}

/**
 * Samples Neo4j's heap in use (one JMX query at a time; a sample still running when the next is
 * due is not doubled) until `stop`, which adds the old generation's peak and the JVM's VmHWM
 * (reset at the start with `fromNow`; its resident figure also kept at each sample, should the
 * JVM be gone by then). A server that refuses JMX procedures (or any sample failing) leaves those
 * figures null: the bench does not stop for them.
 */
export function watchNeo4jMemory(neo4j: WatchedNeo4j, options: WatchOptions = {}): { stop(): Promise<Neo4jMemory> } {
  const heap = new Peak();
  const resident = new Peak();
  const since = neo4j.pid === null ? null : options.fromNow && resetPeak(neo4j.pid) ? 'watch start' : 'jvm start';
  let pending: Promise<void> | null = null;
  const readRss = () => {
    if (neo4j.pid !== null) resident.add(processMemory(neo4j.pid)?.peakKiB);
  };
  const sample = () => {
    readRss();
    pending ??= heapUsed(neo4j.executor)
      .then((used) => heap.add(used))
      .catch(() => {})
      .finally(() => (pending = null));
  };
  sample();
  const timer = setInterval(sample, options.sampleMs ?? 2_000);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      sample();
      await pending;
      const old = await oldGenPeak(neo4j.executor).catch(() => null);
      return {
        heap: neo4j.settings?.heap ?? null,
        pageCache: neo4j.settings?.pageCache ?? null,
        heapUsedPeakMiB: bytesToMiB(heap.value),
        oldGenPeakMiB: bytesToMiB(old),
        rssPeakMiB: kibToMiB(resident.value),
        rssPeakSince: since,
      };
    },
  };
}

/** Runs `work` with Neo4j's memory watched from its start (VmHWM reset) to its end, every `sampleMs`. */
export async function withNeo4jMemory<T>(neo4j: WatchedNeo4j | null, sampleMs: number, work: () => Promise<T>): Promise<{ result: T; neo4jMemory: Neo4jMemory | null }> {
  const watch = neo4j === null ? null : watchNeo4jMemory(neo4j, { sampleMs, fromNow: true });
  try {
    const result = await work();
    return { result, neo4jMemory: (await watch?.stop()) ?? null };
  } catch (error) {
    await watch?.stop();
    throw error;
  }
}

/** Neo4j's memory as two columns of a console table (MiB); the settings go in the table's caption (`neo4jMemoryCaption`). */
export function neo4jMemoryColumns(memory: Neo4jMemory | null | undefined) {
  return { 'Neo4j heap peak MiB': memory?.heapUsedPeakMiB ?? null, 'Neo4j RSS peak MiB': memory?.rssPeakMiB ?? null };
}

/** What the two columns mean, with the settings they are measured against. */
export function neo4jMemoryCaption(settings: { heap: string; pageCache: string } | null, sampleMs: number): string {
  const set = settings ? `heap ${settings.heap}, page cache ${settings.pageCache}` : "the server's own settings";
  return `Neo4j's memory per row (${set}): heap peak = the most heap in use among samples every ${sampleMs / 1000} s (JMX, a lower bound); ` +
    "RSS peak = the JVM's resident high-water mark (VmHWM), reset at the row's start, so it counts what earlier rows left resident (embedded only)";
}
