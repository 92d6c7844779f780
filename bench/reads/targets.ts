import type { BenchResults, SizeResult } from './results.js';

/** A throughput ratio; none when a side completed no request within the measured duration (NaN, or null once in JSON). */
export const ratioText = (ratio: number | null) => (typeof ratio === 'number' && Number.isFinite(ratio) ? `${ratio}x` : '– (a side completed no request)');

/** A target of the benchmark issue, judged against a run's figures. */
export interface TargetVerdict {
  target: string;
  measured: string;
  /** null when the run did not measure what the target needs. */
  met: boolean | null;
}

const TARGET_CASES = 10_000;
const P99_LIMIT_MS = 25;
const MIN_RATIO = 1.5;
const MIN_ELEMENTS_PER_SECOND = 20_000;
const MAX_GROWTH = 1.5;

const atCases = (results: Pick<BenchResults, 'sizes'>, cases: number): SizeResult | undefined => results.sizes.find((s) => s.cases === cases);

const P99_SIZES = [1_000, TARGET_CASES];
const ONE_STATEMENT = ['caseDetail', 'whoDidWhat'];

function p99Target(results: Pick<BenchResults, 'sizes'>): TargetVerdict {
  const target = `whoDidWhat and caseDetail p99 <= ${P99_LIMIT_MS} ms at ${P99_SIZES.map((n) => n.toLocaleString('en')).join(' and ')} cases`;
  const measured = P99_SIZES.flatMap((cases) => (atCases(results, cases)?.operations ?? []).filter((o) => ONE_STATEMENT.includes(o.name)).map((o) => ({ cases, o })));
  if (measured.length < ONE_STATEMENT.length * P99_SIZES.length) return { target, measured: 'not measured', met: null };
  return {
    target,
    measured: measured.map(({ cases, o }) => `${o.name} ${o.p99} ms at ${cases.toLocaleString('en')}`).join(', '),
    met: measured.every(({ o }) => o.p99 <= P99_LIMIT_MS),
  };
}

function roundTripTarget(results: Pick<BenchResults, 'sizes'>): TargetVerdict {
  const target = 'whoDidWhat and caseDetail: 1 round trip';
  const ops = results.sizes.flatMap((s) => s.operations.filter((o) => ONE_STATEMENT.includes(o.name)));
  if (ops.length === 0 || ops.some((o) => o.roundTrips === null)) return { target, measured: 'not measured', met: null };
  const seen = [...new Set(ops.map((o) => `${o.name} ${o.roundTrips}`))];
  return { target, measured: seen.join(', '), met: ops.every((o) => o.roundTrips === 1) };
}

function ratioTarget(results: Pick<BenchResults, 'sizes'>): TargetVerdict {
  const target = `>= ${MIN_RATIO}x the throughput of @neo4j/graphql on the same nested read, at 1, 1,000 and ${TARGET_CASES.toLocaleString('en')} cases`;
  const compared = results.sizes.filter((s) => s.comparison);
  if (![1, 1_000, TARGET_CASES].every((n) => compared.some((s) => s.cases === n))) {
    return { target, measured: compared.length ? compared.map((s) => `${ratioText(s.comparison!.throughputRatio)} at ${s.cases.toLocaleString('en')}`).join(', ') : 'not measured', met: null };
  }
  return {
    target,
    measured: compared.map((s) => `${ratioText(s.comparison!.throughputRatio)} at ${s.cases.toLocaleString('en')}`).join(', '),
    met: compared.every((s) => s.comparison!.throughputRatio >= MIN_RATIO),
  };
}

function loadTarget(results: Pick<BenchResults, 'load'>): TargetVerdict {
  const target = `load >= ${MIN_ELEMENTS_PER_SECOND.toLocaleString('en')} graph elements/s`;
  const rows = results.load?.rows.filter((r) => typeof r.elementsPerSecond === 'number') ?? [];
  if (rows.length === 0) return { target, measured: 'not measured', met: null };
  const best = rows.reduce((a, b) => (Number(b.elementsPerSecond) > Number(a.elementsPerSecond) ? b : a));
  const how = [best.batch === undefined ? null : `${String(best.batch)} per transaction`, best.loaders === undefined ? null : `${String(best.loaders)} loader${best.loaders === 1 ? '' : 's'}`].filter(Boolean);
  const loaders = how.length ? ` (${how.join(', ')})` : '';
  return { target, measured: `${Number(best.elementsPerSecond).toLocaleString('en')}/s${loaders}`, met: Number(best.elementsPerSecond) >= MIN_ELEMENTS_PER_SECOND };
}

function growthTarget(results: Pick<BenchResults, 'sizes'>): TargetVerdict {
  const target = `id-based queries: p50 at ${TARGET_CASES.toLocaleString('en')} cases <= ${MAX_GROWTH}x p50 at 1 case`;
  const [small, large] = [atCases(results, 1), atCases(results, TARGET_CASES)];
  const pairs = (large?.operations ?? [])
    .filter((o) => o.idBased)
    .flatMap((o) => {
      const before = small?.operations.find((s) => s.name === o.name);
      return before ? [{ name: o.name, growth: o.p50 / before.p50 }] : [];
    });
  if (pairs.length === 0) return { target, measured: 'not measured', met: null };
  return {
    target,
    measured: pairs.map((p) => `${p.name} ${p.growth.toFixed(2)}x`).join(', '),
    met: pairs.every((p) => p.growth <= MAX_GROWTH),
  };
}

/** The size the reads at scale are judged at: the largest run of at least this many cases (a store's count includes its directory case). */
const SCALE_CASES = 100_000;

/** Reads at 100,000 cases: the comparison ratio, and caseDetail and whoDidWhat in one round trip within the p99 limit. */
function scaleTarget(results: Pick<BenchResults, 'sizes'>): TargetVerdict {
  const target = `at ${SCALE_CASES.toLocaleString('en')} cases or more: crossCase >= ${MIN_RATIO}x @neo4j/graphql, caseDetail and whoDidWhat 1 round trip and p99 <= ${P99_LIMIT_MS} ms`;
  const size = results.sizes.filter((s) => s.cases >= SCALE_CASES).at(-1);
  const ops = (size?.operations ?? []).filter((o) => ONE_STATEMENT.includes(o.name));
  if (!size || !size.comparison || ops.length < ONE_STATEMENT.length) return { target, measured: 'not measured', met: null };
  const at = size.cases.toLocaleString('en');
  return {
    target,
    measured: `at ${at}: ${ratioText(size.comparison.throughputRatio)}; ${ops.map((o) => `${o.name} ${o.roundTrips ?? '?'} round trip(s), p99 ${o.p99} ms`).join('; ')}`,
    met: size.comparison.throughputRatio >= MIN_RATIO && ops.every((o) => o.roundTrips === 1 && o.p99 <= P99_LIMIT_MS),
  };
}

export function judgeTargets(results: Pick<BenchResults, 'sizes' | 'load'>): TargetVerdict[] {
  return [roundTripTarget(results), p99Target(results), ratioTarget(results), growthTarget(results), loadTarget(results), scaleTarget(results)];
}
