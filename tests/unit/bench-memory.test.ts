import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cpuByRole, cpuSecondsOf, parentOf, parseProcStatus, peaksByRole, processMemory, resetPeak, roleOf } from '../../bench/memory/processes.js';
import { heapUsedOf, neo4jMemoryColumns, oldGenPeakOf } from '../../bench/memory/neo4j.js';
import { isImportDone, lineSplitter, offlineJvmSettings, watchOfflineJvm } from '../../bench/memory/offline-jvm.js';
import { bytesToMiB, kibToMiB, Peak } from '../../bench/memory/peak.js';
import { heapUsedOfCounters, jvmHeapUsed, parseHsperf } from '../../bench/memory/hsperf.js';

describe('process memory from /proc', () => {
  it('reads VmRSS and VmHWM out of /proc/<pid>/status', () => {
    const status = 'Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t 1536000 kB\nVmRSS:\t 1200000 kB\nThreads:\t80\n';
    expect(parseProcStatus(status)).toEqual({ rssKiB: 1_200_000, peakKiB: 1_536_000 });
    expect(parseProcStatus('Name:\tkthreadd\nThreads:\t1\n')).toBeNull();
  });

  it("reads this process's own memory, its peak at least what it holds now", () => {
    const own = processMemory(process.pid);
    if (process.platform !== 'linux') return expect(own).toBeNull();
    expect(own!.rssKiB).toBeGreaterThan(1024);
    expect(own!.peakKiB).toBeGreaterThanOrEqual(own!.rssKiB);
  });

  it('takes the parent pid and the CPU seconds after a command name that holds spaces and parentheses', () => {
    const stat = '4242 (node (tsx) x) S 4100 4242 4100 0 -1 4194304 100 0 0 0 1250 75 0 0 20 0 11 0 500';
    expect(parentOf(stat)).toBe(4100);
    expect(cpuSecondsOf(stat)).toBe(13.25);
  });

  it('sums the CPU seconds of the processes of each role', () => {
    expect(cpuByRole([
      { role: 'neo4j', peakKiB: 1, cpuSeconds: 10 },
      { role: 'neo4j', peakKiB: 1, cpuSeconds: 2.5 },
      { role: 'importer', peakKiB: 1, cpuSeconds: 30 },
    ])).toEqual({ loader: null, importer: 30, neo4j: 12.5 });
  });

  it("tells the offline import's processes apart by their command lines", () => {
    expect(roleOf(['java', '-Xmx1g', '-cp', 'x', 'org.neo4j.cli.AdminTool', 'database', 'import', 'full'])).toBe('importer');
    expect(roleOf(['java', '-Xmx2g', '-cp', 'x', 'casegraph.neo4j.OfflineImport', '/d/neo4j', 'finish.tsv', 'pw', '536870912', 'neo4j'])).toBe('importer');
    expect(roleOf(['java', '-Xms2g', '-cp', 'x', 'casegraph.neo4j.EmbeddedNeo4j', '/d/neo4j', '0'])).toBe('neo4j');
    expect(roleOf(['node', '--import', 'tsx', '/repo/src/ingest/cli/main.ts', '--offline', '--json', 'gen'])).toBe('loader');
    expect(roleOf(['node', '/repo/node_modules/esbuild/bin/esbuild'])).toBe('other');
  });

  it('keeps the largest peak per role, in MiB, and null for a role never seen', () => {
    const peaks = peaksByRole([
      { role: 'neo4j', peakKiB: 2 * 1024 * 1024, cpuSeconds: 1 },
      { role: 'neo4j', peakKiB: 3 * 1024 * 1024, cpuSeconds: 1 },
      { role: 'loader', peakKiB: 700 * 1024, cpuSeconds: 1 },
      { role: 'other', peakKiB: 9 * 1024 * 1024, cpuSeconds: 1 },
    ]);
    expect(peaks).toEqual({ loader: 700, importer: null, neo4j: 3072 });
  });
});

describe("Neo4j's heap through JMX", () => {
  it('reads the heap in use, and nothing from an answer without it', () => {
    expect(heapUsedOf([{ heap: { used: 234_786_816 } }])).toBe(234_786_816);
    expect(heapUsedOf([])).toBeNull();
    expect(heapUsedOf([{ heap: null }])).toBeNull();
  });

  it("takes the old generation's peak among the pools", () => {
    const pools = [
      { name: 'java.lang:name=G1 Eden Space,type=MemoryPool', used: 267_386_880 },
      { name: 'java.lang:name=G1 Old Gen,type=MemoryPool', used: 92_584_448 },
      { name: "java.lang:name=CodeHeap 'non-profiled nmethods',type=MemoryPool", used: 5_083_008 },
    ];
    expect(oldGenPeakOf(pools)).toBe(92_584_448);
    expect(oldGenPeakOf(pools.filter((p) => !p.name.includes('Old')))).toBeNull();
  });
});

describe('the largest of the samples', () => {
  it('keeps the largest value, leaves out samples that read nothing, and is null until one is seen', () => {
    const peak = new Peak();
    expect(peak.value).toBeNull();
    peak.add(null);
    peak.add(undefined);
    peak.add(Number.NaN);
    expect(peak.value).toBeNull();
    for (const value of [300, 1200, 800, 0]) peak.add(value);
    expect(peak.value).toBe(1200);
    peak.add(-5);
    expect(peak.value).toBe(1200);
  });

  it('turns KiB and bytes into whole MiB, null staying null', () => {
    expect(kibToMiB(1536 * 1024 + 511)).toBe(1536);
    expect(kibToMiB(null)).toBeNull();
    expect(bytesToMiB(3 * 1024 ** 2 + 600 * 1024)).toBe(4);
    expect(bytesToMiB(null)).toBeNull();
  });

  it("puts Neo4j's heap and resident peaks in two columns, empty without a watch", () => {
    const memory = { heap: '2g', pageCache: '512m', heapUsedPeakMiB: 812, oldGenPeakMiB: 300, rssPeakMiB: 2900, rssPeakSince: 'watch start' as const };
    expect(neo4jMemoryColumns(memory)).toEqual({ 'Neo4j heap peak MiB': 812, 'Neo4j RSS peak MiB': 2900 });
    expect(neo4jMemoryColumns(null)).toEqual({ 'Neo4j heap peak MiB': null, 'Neo4j RSS peak MiB': null });
  });
});

describe("the offline import's JVM", () => {
  it('reads its heap, off-heap limit and finishing page cache from its command line', () => {
    const argv = ['java', '-Xms2g', '-Xmx2g', '-XX:+UseG1GC', '-cp', 'a:b', 'casegraph.neo4j.OfflineImport', '/s/neo4j', '/s/finish.tsv', '/s/pw', '805306368', 'neo4j', '--max-off-heap-memory=3G', '--nodes=x.csv'];
    expect(offlineJvmSettings(argv)).toEqual({ heap: '2g', offHeap: '3G', pageCacheMiB: 768 });
    expect(offlineJvmSettings(['java', 'casegraph.neo4j.OfflineImport', '/s/neo4j', '-', '-', '-', 'neo4j'])).toEqual({ heap: null, offHeap: null, pageCacheMiB: null });
  });

  it("tells the end of the importing step from the loader's other lines", () => {
    expect(isImportDone('{"progress":{"phase":"importing","unit":"steps","done":0,"total":null,"perSecond":0,"etaSeconds":null,"finished":true}}')).toBe(true);
    expect(isImportDone('{"progress":{"phase":"importing","unit":"steps","done":0,"total":null,"perSecond":0,"etaSeconds":null}}')).toBe(false);
    expect(isImportDone('{"progress":{"phase":"writing CSV","unit":"rows","done":9,"total":9,"perSecond":9,"etaSeconds":0,"finished":true}}')).toBe(false);
    expect(isImportDone('{"progress":{"phase":"importing",')).toBe(false);
    expect(isImportDone('importing finished')).toBe(false);
  });

  it('splits chunks of a stream into whole lines, a partial line kept for the next chunk', () => {
    const lines: string[] = [];
    const feed = lineSplitter((line) => lines.push(line));
    feed('{"progress":{"pha');
    feed('se":"importing"}}\nsecond\nthi');
    expect(lines).toEqual(['{"progress":{"phase":"importing"}}', 'second']);
    feed('rd\n');
    expect(lines.at(-1)).toBe('third');
  });
});

/** A process standing in for the importer's JVM (its command line is the launcher's): it holds `mib` MiB until told to let go. */
async function memoryHolder(mib: number): Promise<ChildProcessWithoutNullStreams> {
  const script = `let held = Buffer.alloc(${mib} * 2 ** 20, 1); console.log('holding');
process.stdin.once('data', () => { held = null; globalThis.gc(); setTimeout(() => console.log('released'), 100); });`;
  const child = spawn(process.execPath, ['--expose-gc', '-e', script, '--', '-Xmx2g', 'casegraph.neo4j.OfflineImport', '/h', '/f', '/p', '536870912', '--max-off-heap-memory=2G']);
  await once(child.stdout, 'data');
  return child;
}

/** Ends a memory holder and waits until it is gone (so the next test's watch cannot find it). */
async function end(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = once(child, 'exit');
  child.kill();
  await exited;
}

describe('peak resident memory of a running process (Linux /proc)', () => {
  it("resets a process's high-water mark to what it holds now", async () => {
    const child = await memoryHolder(200);
    try {
      const before = processMemory(child.pid!);
      if (process.platform !== 'linux') return expect(resetPeak(child.pid!)).toBe(false);
      expect(before!.peakKiB).toBeGreaterThan(200 * 1024);
      child.stdin.write('go\n');
      await once(child.stdout, 'data');
      // The kernel syncs its per-thread RSS counters lazily: two readings of the mark may differ by a few pages.
      expect(processMemory(child.pid!)!.peakKiB).toBeGreaterThan(before!.peakKiB - 1024);
      expect(resetPeak(child.pid!)).toBe(true);
      const after = processMemory(child.pid!)!;
      expect(after.peakKiB).toBeLessThan(before!.peakKiB - 150 * 1024);
      expect(after.peakKiB).toBeGreaterThanOrEqual(after.rssKiB);
    } finally {
      await end(child);
    }
  });

  it("gives the importer's peak, then the finishing start's counted from the end of the import", async () => {
    const child = await memoryHolder(200);
    try {
      const watch = watchOfflineJvm(process.pid, 50);
      await sleep(200);
      child.stdin.write('go\n');
      await once(child.stdout, 'data');
      watch.line('{"progress":{"phase":"importing","unit":"steps","done":0,"total":null,"perSecond":0,"etaSeconds":null,"finished":true}}');
      await sleep(200);
      const memory = watch.stop();
      if (process.platform !== 'linux') return expect(memory.importerPeakRssMiB).toBeNull();
      expect(memory.settings).toEqual({ heap: '2g', offHeap: '2G', pageCacheMiB: 512 });
      expect(memory.importerPeakRssMiB).toBeGreaterThan(200);
      expect(memory.finishPeakFrom).toBe('VmHWM');
      expect(memory.finishPeakRssMiB).toBeLessThan(memory.importerPeakRssMiB! - 150);
      // Not a JVM: no hsperfdata counters, so no heap figure rather than a made-up one.
      expect([memory.importerHeapPeakMiB, memory.finishHeapPeakMiB]).toEqual([null, null]);
    } finally {
      await end(child);
    }
  });
});

/** An hsperfdata file as HotSpot writes it (format 2.0), in either byte order, holding the given counters. */
function hsperfFile(counters: [string, number | string][], little: boolean): Buffer {
  const int = (n: number) => { const b = Buffer.alloc(4); little ? b.writeInt32LE(n) : b.writeInt32BE(n); return b; };
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((8 - (b.length % 8)) % 8)]);
  const entries = counters.map(([name, value]) => {
    const nameBytes = pad(Buffer.from(`${name}\0`, 'latin1'));
    const data = typeof value === 'number'
      ? (() => { const b = Buffer.alloc(8); little ? b.writeBigInt64LE(BigInt(value)) : b.writeBigInt64BE(BigInt(value)); return b; })()
      : pad(Buffer.from(`${value}\0`, 'latin1'));
    const head = Buffer.concat([int(0), int(24), int(typeof value === 'number' ? 0 : data.length), Buffer.from([typeof value === 'number' ? 74 : 66, 0, 1, 3]), int(24 + nameBytes.length), int(0)]);
    const entry = Buffer.concat([head, nameBytes, data]);
    (little ? entry.writeInt32LE.bind(entry) : entry.writeInt32BE.bind(entry))(entry.length, 0);
    return entry;
  });
  const header = Buffer.alloc(32);
  header.writeUInt32BE(0xcafec0c0, 0);
  header[4] = little ? 1 : 0;
  header[5] = 2;
  int(32).copy(header, 24);
  int(entries.length).copy(header, 28);
  return Buffer.concat([header, ...entries]);
}

describe("a JVM's heap from its hsperfdata counters", () => {
  const counters: [string, number | string][] = [
    ['sun.rt.javaCommand', 'casegraph.neo4j.EmbeddedNeo4j /s/neo4j 0'],
    ['sun.gc.generation.0.space.0.used', 250_609_664],
    ['sun.gc.generation.0.space.1.used', 0],
    ['sun.gc.generation.0.space.2.used', 7_864_320],
    ['sun.gc.generation.0.space.0.capacity', 1_344_274_440],
    ['sun.gc.generation.1.space.0.used', 50_100_224],
  ];

  it('reads the counters in either byte order and sums the used of every space (not their capacity)', () => {
    for (const little of [true, false]) {
      const parsed = parseHsperf(hsperfFile(counters, little))!;
      expect(parsed.get('sun.rt.javaCommand')).toBe('casegraph.neo4j.EmbeddedNeo4j /s/neo4j 0');
      expect(parsed.get('sun.gc.generation.0.space.0.capacity')).toBe(1_344_274_440);
      expect(heapUsedOfCounters(parsed)).toBe(250_609_664 + 7_864_320 + 50_100_224);
    }
  });

  it('gives nothing for a file that is not hsperfdata, counters without spaces, or a process that is not a JVM', () => {
    expect(parseHsperf(Buffer.from('not a perf data file at all, no magic here'))).toBeNull();
    expect(heapUsedOfCounters(parseHsperf(hsperfFile([['sun.rt.javaCommand', 'x']], true))!)).toBeNull();
    expect(jvmHeapUsed(process.pid)).toBeNull();
  });
});
