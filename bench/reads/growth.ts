import type { SizeResult } from './results.js';

/**
 * CourtListener's size in cases: about 10 million opinion clusters (its bulk files, 2025), the
 * size the README projects the measured growth to.
 */
export const COURTLISTENER_CASES = 10_000_000;
/** Sizes below this are left out of the fits: a corpus that small fits in every cache and says nothing of growth. */
export const MIN_FIT_SIZE = 1_000;

export interface GrowthPoint {
  size: number;
  value: number;
}

/** value ≈ coefficient · size^exponent, fitted by least squares on the logarithms of both. */
export interface PowerFit {
  exponent: number;
  coefficient: number;
}

/**
 * The power law through the points (log-log least squares); null with fewer than two distinct
 * sizes or when a value is not positive (a logarithm needs one). Exponent 1 is linear growth,
 * 0 is none.
 */
export function fitPowerLaw(points: GrowthPoint[]): PowerFit | null {
  if (points.some((p) => !(p.size > 0) || !(p.value > 0))) return null;
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.value));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  if (new Set(points.map((p) => p.size)).size < 2 || sxx === 0) return null;
  const exponent = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) / sxx;
  return { exponent, coefficient: Math.exp(my - exponent * mx) };
}

export const projectFit = (fit: PowerFit, size: number) => fit.coefficient * size ** fit.exponent;

/** One measured quantity across the sizes, its fitted growth, and where that leads at `projectedTo` cases. */
export interface GrowthRow {
  quantity: string;
  unit: string;
  points: GrowthPoint[];
  /** The fitted exponent (value grows as size^exponent), two decimals. */
  exponent: number;
  /** Factor per tenfold size: 10^exponent. */
  perTenfold: number;
  /** The fit's value at `projectedTo` cases. */
  projected: number;
}

export interface GrowthReport {
  projectedTo: number;
  fittedSizes: number[];
  rows: GrowthRow[];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

function row(quantity: string, unit: string, points: GrowthPoint[], projectedTo: number): GrowthRow | null {
  const fit = fitPowerLaw(points);
  if (!fit) return null;
  return { quantity, unit, points, exponent: round(fit.exponent, 2), perTenfold: round(10 ** fit.exponent, 2), projected: round(projectFit(fit, projectedTo), 1) };
}

/** What it took to have the corpus at each size: the store's build, else the loader's cumulative time. */
function loadQuantities(sizes: SizeResult[]): [string, string, GrowthPoint[]][] {
  const built = sizes.filter((s) => s.store?.build);
  if (built.length === sizes.length) {
    const of = (pick: (b: NonNullable<NonNullable<SizeResult['store']>['build']>) => number | null) =>
      built.flatMap((s) => {
        const value = pick(s.store!.build!);
        return value === null ? [] : [{ size: s.cases, value }];
      });
    return [
      ['offline import, wall', 's', of((b) => b.offline.seconds.total)],
      ['offline import, loader CPU', 's', of((b) => b.offline.loaderCpuSeconds)],
      ['offline import, Neo4j importer', 's', of((b) => b.offline.seconds.importer)],
      ['offline import, importer CPU', 's', of((b) => b.cpuSeconds?.importer ?? null)],
      ['loader peak memory', 'MiB', of((b) => b.peakMiB.loader)],
      ['importer peak memory', 'MiB', of((b) => b.peakMiB.importer)],
      ['store on disk', 'MiB', of((b) => b.storeMiB)],
    ];
  }
  let total = 0;
  const cumulative = sizes.map((s) => ({ size: s.cases, value: (total += s.growSeconds) }));
  return [['load with the loader (--batch 50), cumulative wall', 's', cumulative]];
}

function readQuantities(sizes: SizeResult[]): [string, string, GrowthPoint[]][] {
  const names = [...new Set(sizes.flatMap((s) => s.operations.map((o) => o.name)))];
  const rows: [string, string, GrowthPoint[]][] = [];
  for (const name of names) {
    for (const key of ['p50', 'p99'] as const) {
      rows.push([`${name} ${key}`, 'ms', sizes.flatMap((s) => s.operations.filter((o) => o.name === name).map((o) => ({ size: s.cases, value: o[key] })))]);
    }
  }
  const compared = sizes.filter((s) => s.comparison);
  for (const key of ['p50', 'p99'] as const) {
    rows.push([`@neo4j/graphql ${compared[0]?.comparison?.operation ?? ''} ${key}`, 'ms', compared.map((s) => ({ size: s.cases, value: s.comparison!.neo4jGraphql[key] }))]);
  }
  rows.push(['Neo4j heap used, peak', 'MiB', sizes.flatMap((s) => (s.neo4jMemory?.heapUsedPeakMiB ? [{ size: s.cases, value: s.neo4jMemory.heapUsedPeakMiB }] : []))]);
  rows.push(['Neo4j resident memory, peak', 'MiB', sizes.flatMap((s) => (s.neo4jMemory?.rssPeakMiB ? [{ size: s.cases, value: s.neo4jMemory.rssPeakMiB }] : []))]);
  return rows;
}

/**
 * How the load and the reads grew with the corpus, fitted over the sizes of at least
 * `MIN_FIT_SIZE` cases, and projected to `projectedTo` cases; null with fewer than two such sizes.
 */
export function growthOf(sizes: SizeResult[], projectedTo = COURTLISTENER_CASES): GrowthReport | null {
  const fitted = sizes.filter((s) => s.cases >= MIN_FIT_SIZE);
  if (fitted.length < 2) return null;
  const rows = [...loadQuantities(fitted), ...readQuantities(fitted)].flatMap(([quantity, unit, points]) => {
    const made = row(quantity, unit, points, projectedTo);
    return made ? [made] : [];
  });
  return { projectedTo, fittedSizes: fitted.map((s) => s.cases), rows };
}
