import { describe, expect, it } from 'vitest';
import { cpuByRole, cpuSecondsOf, parentOf, parseProcStatus, peaksByRole, processMemory, roleOf } from '../../bench/reads/memory.js';
import { heapUsedOf, oldGenPeakOf } from '../../bench/reads/neo4j-memory.js';

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
