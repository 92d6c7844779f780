import type { CorpusDatabase } from './corpus.js';
import { processMemory } from './memory.js';

/** Neo4j's memory over a read run: its settings, the heap it used, and its process's peak resident memory. */
export interface Neo4jMemory {
  /** Settings of the embedded Neo4j (null for NEO4J_URI: the server's own). */
  heap: string | null;
  pageCache: string | null;
  /** The most heap in use among samples taken every 2 s (JMX java.lang:type=Memory, through Cypher), in MiB. */
  heapUsedPeakMiB: number | null;
  /** Peak use of the old generation since the JVM started (JMX PeakUsage of G1 Old Gen), in MiB: what stayed on the heap. */
  oldGenPeakMiB: number | null;
  /** Peak resident memory of Neo4j's JVM since it started (VmHWM): heap, page cache and the rest; embedded only. */
  rssPeakMiB: number | null;
}

const SAMPLE_MS = 2_000;
const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);

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

async function heapUsed(db: CorpusDatabase): Promise<number | null> {
  const rows = await db.executor.read<{ heap: { used?: unknown } | null }>({
    text: "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap",
  });
  return heapUsedOf(rows);
}

async function oldGenPeak(db: CorpusDatabase): Promise<number | null> {
  const rows = await db.executor.read<{ name: string; used: unknown }>({
    text: "CALL dbms.queryJmx('java.lang:type=MemoryPool,*') YIELD name, attributes RETURN name, attributes.PeakUsage.value.properties.used AS used",
  });
  return oldGenPeakOf(rows);
}

/**
 * Samples Neo4j's heap while the reads run; `stop` adds the old generation's peak and the JVM's
 * VmHWM. A server that refuses JMX procedures (or any sample failing) leaves those figures null:
 * the bench does not stop for them.
 */
export function watchNeo4jMemory(db: CorpusDatabase): { stop(): Promise<Neo4jMemory> } {
  let peak: number | null = null;
  let pending: Promise<void> = Promise.resolve();
  const sample = () => {
    pending = heapUsed(db)
      .then((used) => {
        if (used !== null) peak = Math.max(peak ?? 0, used);
      })
      .catch(() => {});
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      sample();
      await pending;
      const old = await oldGenPeak(db).catch(() => null);
      const pid = db.target.embedded?.current().pid;
      const rss = pid === undefined ? null : processMemory(pid);
      return {
        heap: db.memory?.heap ?? null,
        pageCache: db.memory?.pageCache ?? null,
        heapUsedPeakMiB: peak === null ? null : mib(peak),
        oldGenPeakMiB: old === null ? null : mib(old),
        rssPeakMiB: rss === null ? null : Math.round(rss.peakKiB / 1024),
      };
    },
  };
}
