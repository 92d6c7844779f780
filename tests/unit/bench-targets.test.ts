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
    expect(verdicts.map((v) => v.met)).toEqual([true, true, true, true, true]);
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
    expect(verdicts.map((v) => v.met)).toEqual([false, false, false, false, false]);
    expect(verdicts[0]!.measured).toBe('caseDetail 14, whoDidWhat 1, caseDetail 1');
    expect(verdicts[2]!.measured).toBe('1.2x at 1, 1.6x at 1,000, 2x at 10,000');
    expect(verdicts[3]!.measured).not.toContain('search');
  });

  it('says "not measured" instead of judging sizes or parts the run left out', () => {
    const verdicts = judgeTargets({ sizes: [size(1, [op('caseDetail', 4, 8)]), size(1_000, [op('caseDetail', 4, 8)])], load: null });
    expect(verdicts.map((v) => v.met)).toEqual([true, null, null, null, null]);
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
