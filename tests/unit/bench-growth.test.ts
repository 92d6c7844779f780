import { describe, expect, it } from 'vitest';
import { fitPowerLaw, growthOf, projectFit } from '../../bench/reads/growth.js';
import type { OperationResult, SizeResult } from '../../bench/reads/results.js';

const op = (name: string, p50: number, p99: number): OperationResult =>
  ({ name, idBased: true, rps: 100, p50, p99, failures: 0, roundTrips: 1, dbHits: 10, statements: [], bytes: 100, aloneMs: p50 }) as unknown as OperationResult;

const size = (cases: number, growSeconds: number, ops: OperationResult[]): SizeResult => ({
  cases,
  graph: { nodes: cases * 200, relationships: cases * 300 },
  growSeconds,
  growth: null,
  operations: ops,
  comparison: null,
});

describe('fitPowerLaw', () => {
  it('recovers the exponent and coefficient of points on a power law', () => {
    const fit = fitPowerLaw([1_000, 10_000, 100_000].map((size) => ({ size, value: 0.02 * size ** 1.1 })))!;
    expect(fit.exponent).toBeCloseTo(1.1, 10);
    expect(fit.coefficient).toBeCloseTo(0.02, 10);
    expect(projectFit(fit, 10_000_000)).toBeCloseTo(0.02 * 10_000_000 ** 1.1, 3);
  });

  it('fits flat latencies with exponent 0 and noisy ones in between', () => {
    expect(fitPowerLaw([{ size: 1_000, value: 4 }, { size: 100_000, value: 4 }])!.exponent).toBeCloseTo(0, 10);
    // 4 ms, then 5, then 6: between flat and linear, nearer flat.
    const fit = fitPowerLaw([{ size: 1_000, value: 4 }, { size: 10_000, value: 5 }, { size: 100_000, value: 6 }])!;
    expect(fit.exponent).toBeGreaterThan(0.05);
    expect(fit.exponent).toBeLessThan(0.1);
  });

  it('gives nothing for one size, or for a value a logarithm cannot take', () => {
    expect(fitPowerLaw([{ size: 1_000, value: 3 }])).toBeNull();
    expect(fitPowerLaw([{ size: 1_000, value: 3 }, { size: 1_000, value: 4 }])).toBeNull();
    expect(fitPowerLaw([{ size: 1_000, value: 0 }, { size: 10_000, value: 4 }])).toBeNull();
  });
});

describe('growthOf', () => {
  it('fits the loader time (cumulative) and each latency over the sizes of 1,000 cases or more, projected to the given size', () => {
    const sizes = [size(1, 0.5, [op('caseDetail', 50, 90)]), size(1_000, 100, [op('caseDetail', 4, 8)]), size(10_000, 900, [op('caseDetail', 4, 16)])];
    const report = growthOf(sizes, 100_000)!;
    expect(report.fittedSizes).toEqual([1_000, 10_000]);
    const rows = Object.fromEntries(report.rows.map((r) => [r.quantity, r]));
    // 100 s to 1,000 cases, 1,000 s to 10,000: linear, 10,000 s at 100,000.
    expect(rows['load with the loader (--batch 50), cumulative wall']).toMatchObject({ exponent: 1, perTenfold: 10, projected: 10_000 });
    expect(rows['caseDetail p50']).toMatchObject({ exponent: 0, perTenfold: 1, projected: 4 });
    expect(rows['caseDetail p99']).toMatchObject({ exponent: 0.3, perTenfold: 2, projected: 32 });
    expect(rows['caseDetail p99']!.points).toEqual([{ size: 1_000, value: 8 }, { size: 10_000, value: 16 }]);
  });

  it('uses the offline builds of stores for the load rows, and needs two sizes of 1,000 cases or more', () => {
    const build = (total: number, cpu: number) => ({ offline: { seconds: { total, importer: total / 2 }, loaderCpuSeconds: cpu }, peakMiB: { loader: 500, importer: 1_000, neo4j: 2_000 }, storeMiB: total * 10 });
    const stored = (cases: number, total: number, cpu: number) => ({ ...size(cases, total, [op('whoDidWhat', 3, 6)]), store: { dataDir: 'd', corpusDir: 'c', storeMiB: total * 10, build: build(total, cpu) } }) as unknown as SizeResult;
    const report = growthOf([stored(1_000, 20, 10), stored(100_000, 2_000, 1_000)], 10_000_000)!;
    const rows = Object.fromEntries(report.rows.map((r) => [r.quantity, r]));
    expect(rows['offline import, wall']).toMatchObject({ exponent: 1, projected: 200_000 });
    expect(rows['loader peak memory']).toMatchObject({ exponent: 0, projected: 500 });
    expect(rows['load with the loader (--batch 50), cumulative wall']).toBeUndefined();
    expect(growthOf([stored(1, 1, 1), stored(1_000, 20, 10)])).toBeNull();
  });
});
