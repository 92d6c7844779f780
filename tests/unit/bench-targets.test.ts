import { describe, expect, it } from 'vitest';
import type { OperationResult, SizeResult } from '../../bench/reads/results.js';
import { judgeTargets } from '../../bench/reads/targets.js';
import { toMarkdown } from '../../bench/reads/report.js';

const op = (name: string, p50: number, p99: number, idBased = true): OperationResult => ({
  name, idBased, requests: 100, rps: 100, p50, p99, failures: 0, roundTrips: 1, dbHits: 10, statements: [], bytes: 100, aloneMs: 7,
});

const figuresOf = (rps: number) => ({ requests: 10, rps, p50: 1, p99: 2, failures: 0 });

const size = (cases: number, operations: OperationResult[], ratio?: number): SizeResult => ({
  cases,
  graph: { nodes: 1, relationships: 1 },
  growSeconds: 1,
  growth: null,
  operations,
  comparison: ratio === undefined ? null : { operation: 'crossCase', rounds: 3, equalResults: true, service: { ...figuresOf(ratio * 10), roundTrips: 3 }, neo4jGraphql: figuresOf(10), throughputRatio: ratio },
});

describe('judgeTargets', () => {
  it('meets every target when the figures are within them', () => {
    const verdicts = judgeTargets({
      sizes: [
        size(1, [op('caseDetail', 4, 8), op('whoDidWhat', 4, 8), op('search', 2, 3, false)], 2),
        size(1_000, [op('caseDetail', 4, 10), op('whoDidWhat', 4, 10)], 1.7),
        size(10_000, [op('caseDetail', 5, 20), op('whoDidWhat', 6, 25), op('search', 40, 90, false)], 1.6),
      ],
      load: { benchmark: 'load-throughput', rows: [{ batch: 1, loaders: 1, elementsPerSecond: 9_000 }, { batch: 50, loaders: 2, elementsPerSecond: 21_000 }] },
    });
    expect(verdicts.map((v) => v.met)).toEqual([true, true, true, true, true, null]);
    expect(verdicts[0]!.measured).toBe('caseDetail 1, whoDidWhat 1');
    expect(verdicts[2]!.measured).toBe('2x at 1, 1.7x at 1,000, 1.6x at 10,000');
    expect(verdicts[3]!.measured).toBe('caseDetail 1.25x, whoDidWhat 1.50x');
    expect(verdicts[4]!.measured).toBe('21,000/s (50 per transaction, 2 loaders)');
  });

  it('reports each target missed on its own figure, and search does not count as id-based', () => {
    const verdicts = judgeTargets({
      sizes: [
        size(1, [{ ...op('caseDetail', 4, 8), roundTrips: 14 }, op('whoDidWhat', 4, 8)], 1.2),
        size(1_000, [op('caseDetail', 4, 8), op('whoDidWhat', 4, 8)], 1.6),
        size(10_000, [op('caseDetail', 7, 26), op('whoDidWhat', 4, 8), op('search', 400, 900, false)], 2),
      ],
      load: { benchmark: 'load-throughput', rows: [{ loaders: 4, elementsPerSecond: 19_999 }] },
    });
    expect(verdicts.map((v) => v.met)).toEqual([false, false, false, false, false, null]);
    expect(verdicts[0]!.measured).toBe('caseDetail 14, whoDidWhat 1, caseDetail 1');
    expect(verdicts[2]!.measured).toBe('1.2x at 1, 1.6x at 1,000, 2x at 10,000');
    expect(verdicts[3]!.measured).not.toContain('search');
  });

  it('says "not measured" instead of judging sizes or parts the run left out', () => {
    const verdicts = judgeTargets({ sizes: [size(1, [op('caseDetail', 4, 8)]), size(1_000, [op('caseDetail', 4, 8)])], load: null });
    expect(verdicts.map((v) => v.met)).toEqual([true, null, null, null, null, null]);
  });

  it('judges the reads at scale at the largest size of 100,000 cases or more (a store counts its directory case too)', () => {
    const at = (p99: number, ratio: number, trips = 1) => judgeTargets({ sizes: [size(1_001, [op('caseDetail', 4, 8), op('whoDidWhat', 4, 8)], 3), size(100_001, [op('caseDetail', 5, p99), { ...op('whoDidWhat', 4, 9), roundTrips: trips }], ratio)], load: null }).at(-1)!;
    expect(at(20, 1.6)).toMatchObject({ met: true, measured: 'at 100,001: 1.6x; caseDetail 1 round trip(s), p99 20 ms; whoDidWhat 1 round trip(s), p99 9 ms' });
    expect(at(26, 1.6).met).toBe(false);
    expect(at(20, 1.4).met).toBe(false);
    expect(at(20, 1.6, 2).met).toBe(false);
    expect(judgeTargets({ sizes: [size(100_000, [op('caseDetail', 5, 9), op('whoDidWhat', 4, 9)])], load: null }).at(-1)!.met).toBeNull();
  });
});

describe('toMarkdown', () => {
  it('renders the machine, every operation at every size, the comparison and the targets', () => {
    const markdown = toMarkdown({
      startedAt: '2025-01-02T03:04:05.000Z',
      finishedAt: '2025-01-02T04:04:05.000Z',
      loadPerCoreAtStart: 1.5,
      busy: true,
      machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v20', neo4j: '5.26 community (embedded)', neo4jMemory: 'heap 2g, page cache 1g' },
      corpus: { source: 'synthetic', anchors: { caseId: 'c', actorId: 'a', targetId: 't', searchText: 's' } },
      settings: { duration: 10, warmup: 3, connections: 4, rounds: 3, loaders: 4 },
      load: null,
      sizes: [size(1, [op('caseDetail', 4, 8)], 2), size(10_000, [op('caseDetail', 5, 9)])],
      cpuProfile: null,
    });
    expect(markdown).toContain('Test CPU, 2 cores, 24 GiB');
    expect(markdown).toContain('machine was busy');
    expect(markdown).toContain('| caseDetail | 10,000 | 100 | 5 | 9 | 7 | 1 | 10 | 0 |');
    expect(markdown).toContain('| 1 | 20 | 1 | 2 | 10 | 1 | 2 | 2x |');
    expect(markdown).toContain('| whoDidWhat and caseDetail p99 <= 25 ms at 1,000 and 10,000 cases | not measured | not measured |');
  });

  it("shows Neo4j's memory per size, how each store was built, and the measured growth", () => {
    const build = {
      cases: 1_000, files: 1_001, builtAt: 'x', generateSeconds: 9,
      offline: { elements: 477_302, seconds: { total: 143, importer: 25.6 }, elementsPerSecond: 3_337, loaderCpuSeconds: 48.1 },
      peakMiB: { loader: 1_594, importer: 1_200, neo4j: 2_500 }, cpuSeconds: { loader: 48.1, importer: 30.5, neo4j: 20 },
      settings: { importerHeap: '1g', importerOffHeap: '2G', neo4jHeap: '2g', neo4jPageCache: '1g' },
      storeMiB: 490, loadPerCore: { start: 3.5, end: 4 },
    };
    const stored = { ...size(1_001, [op('caseDetail', 4, 8)]), store: { dataDir: 'd', corpusDir: 'c', storeMiB: 490, build }, neo4jMemory: { heap: '2g', pageCache: '1g', heapUsedPeakMiB: 700, oldGenPeakMiB: 300, rssPeakMiB: 2_900 } } as unknown as SizeResult;
    const markdown = toMarkdown({
      startedAt: '2025-01-02T03:04:05.000Z', finishedAt: '2025-01-02T04:04:05.000Z', loadPerCoreAtStart: 0.2, busy: false,
      machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v20', neo4j: '5.26', neo4jMemory: 'heap 2g' },
      corpus: { source: 'generated', anchors: { caseId: 'c', actorId: 'a', targetId: 't', searchText: 's' } },
      settings: { duration: 10, warmup: 3, connections: 4, rounds: 3, loaders: 2 },
      load: null,
      sizes: [stored],
      cpuProfile: null,
      growth: { projectedTo: 10_000_000, fittedSizes: [1_001, 10_001], rows: [{ quantity: 'caseDetail p99', unit: 'ms', points: [{ size: 1_001, value: 8 }, { size: 10_001, value: 16 }], exponent: 0.3, perTenfold: 2, projected: 64 }] },
    });
    expect(markdown).toContain('| 1,001 | 490 MiB | 2g | 1g | 700 MiB | 300 MiB | 2,900 MiB |');
    expect(markdown).toContain('| 1,001 | 477,302 | 143 | 25.6 | 3,337 | 48.1 | 30.5 | 1,594 MiB | 1,200 MiB | 2,500 MiB | 1g / 2G; 2g / 1g | 3.5-4 |');
    expect(markdown).toContain('| caseDetail p99 | 8 ms at 1,001, 16 ms at 10,001 | 0.3 | 2x | 64 ms |');
  });

  it('shows the load rows with where their time and CPU went', () => {
    const row = { batch: 50, loaders: 2, cases: 1001, elements: 477302, elementsPerSecond: 6678, writeElementsPerSecond: 12004, casesPerSecond: 14,
      prepareSeconds: 31.71, writeSeconds: 39.76, loaderCpuSeconds: 51.5, databaseCpuSeconds: 41.6, seconds: 71.47 };
    const markdown = toMarkdown({
      startedAt: '2025-01-02T03:04:05.000Z', finishedAt: '2025-01-02T04:04:05.000Z', loadPerCoreAtStart: 0.2, busy: false,
      machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v20', neo4j: '5.26', neo4jMemory: 'heap 2g' },
      corpus: { source: 'generated', anchors: { caseId: 'c', actorId: 'a', targetId: 't', searchText: 's' } },
      settings: { duration: 10, warmup: 3, connections: 4, rounds: 3, loaders: 2 },
      load: { rows: [row] } as never,
      sizes: [],
      cpuProfile: null,
    });
    expect(markdown).toContain('| batch | loaders | cases | elements | elementsPerSecond | writeElementsPerSecond | casesPerSecond | prepareSeconds | writeSeconds | loaderCpuSeconds | databaseCpuSeconds |');
    expect(markdown).toContain('| 50 | 2 | 1,001 | 477,302 | 6,678 | 12,004 | 14 | 31.71 | 39.76 | 51.5 | 41.6 |');
  });
});
