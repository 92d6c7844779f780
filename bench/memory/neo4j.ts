import type { Executor } from '../../src/neo4j/executor.js';
import { jvmHeapUsed } from './hsperf.js';
import { bytesToMiB, kibToMiB, Peak } from './peak.js';
import { processMemory, resetPeak } from './processes.js';

/** Neo4j's memory over a stretch of a bench (a read run, a load row): its settings, the heap it used, and its process's peak resident memory. */
export interface Neo4jMemory {
  /** Settings of the embedded Neo4j (null for NEO4J_URI: the server's own). */
  heap: string | null;
  pageCache: string | null;
  /** The most heap in use among the samples, in MiB: a lower bound of the true peak. */
  heapUsedPeakMiB: number | null;
  /** Where the heap samples came from: the JVM's hsperfdata counters (as jstat reads them, free for Neo4j), or JMX java.lang:type=Memory through Cypher (NEO4J_URI). */
  heapFrom?: 'hsperfdata' | 'JMX';
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
 * Runs the two JMX queries once, outside any measurement: their first run (planning, loading the
 * procedure's code) cost Neo4j about 1.3 CPU s where later ones cost a few milliseconds each
 * (measured on the embedded Neo4j), which would otherwise land in the first row's figures.
 */
export async function primeNeo4jMemory(executor: Executor): Promise<void> {
  await Promise.all([heapUsed(executor), oldGenPeak(executor)]).catch(() => {});
}

/**
 * Samples Neo4j's heap in use (from its JVM's hsperfdata counters when it is embedded; else one
 * JMX query at a time, a sample still running when the next is due not doubled) until `stop`, which adds the old generation's peak and the JVM's VmHWM
 * (reset at the start with `fromNow`; its resident figure also kept at each sample, should the
 * JVM be gone by then). A server that refuses JMX procedures (or any sample failing) leaves those
 * figures null: the bench does not stop for them.
 */
export function watchNeo4jMemory(neo4j: WatchedNeo4j, options: WatchOptions = {}): { stop(): Promise<Neo4jMemory> } {
  const heap = new Peak();
  const resident = new Peak();
  const pid = neo4j.pid;
  const since = pid === null ? null : options.fromNow && resetPeak(pid) ? 'watch start' : 'jvm start';
  // The embedded JVM's own counters when it has them; else a JMX query, one at a time.
  const fromCounters = pid !== null && jvmHeapUsed(pid) !== null;
  let pending: Promise<void> | null = null;
  const sample = () => {
    if (pid !== null) resident.add(processMemory(pid)?.peakKiB);
    if (fromCounters && pid !== null) return heap.add(jvmHeapUsed(pid));
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
        heapFrom: fromCounters ? 'hsperfdata' : 'JMX',
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
  return `Neo4j's memory per row (${set}): heap peak = the most heap in use among samples every ${sampleMs / 1000} s (the JVM's hsperfdata counters, as jstat reads them; JMX for NEO4J_URI; a lower bound); ` +
    "RSS peak = the JVM's resident high-water mark (VmHWM), reset at the row's start, so it counts what earlier rows left resident (embedded only)";
}
