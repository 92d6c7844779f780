import { neo4jMemoryColumns, type Neo4jMemory } from '../memory/neo4j.js';
import type { BenchResults } from './results.js';
import { judgeTargets, ratioText } from './targets.js';

/** Columns of the load benchmark's rows worth a table, when it reports them. */
const LOAD_COLUMNS = [
  'batch', 'loaders', 'cases', 'elements', 'elementsPerSecond', 'writeElementsPerSecond', 'casesPerSecond',
  // Where the time goes: a 2-core machine cannot go faster than (loader CPU + Neo4j CPU) / 2.
  'prepareSeconds', 'writeSeconds', 'loaderCpuSeconds', 'databaseCpuSeconds',
];

const n = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en'));

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: (string | number)[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

const mib = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${n(x)} MiB`);

/** Neo4j's memory per size: the settings, the heap it used and its resident peak. */
function memoryLines(sizes: BenchResults['sizes']): string[] {
  const watched = sizes.filter((s) => s.neo4jMemory);
  if (!watched.length) return [];
  return [
    "**Neo4j's memory while reading** (heap used: sampled every 2 s, from the JVM's hsperfdata counters, through JMX for NEO4J_URI; old generation: its JMX peak; resident: the JVM's VmHWM since it started)",
    '',
    ...table(
      ['cases', 'store on disk', 'heap', 'page cache', 'heap used, peak', 'old gen, peak', 'resident, peak'],
      watched.map((s) => { const m = s.neo4jMemory!; return [n(s.cases), mib(s.store?.storeMiB), m.heap ?? 'external', m.pageCache ?? 'external', mib(m.heapUsedPeakMiB), mib(m.oldGenPeakMiB), mib(m.rssPeakMiB)]; }),
    ),
    '',
  ];
}

/** How each store was built with the offline bulk import, when the bench built it. */
function buildLines(sizes: BenchResults['sizes']): string[] {
  const built = sizes.filter((s) => s.store?.build);
  if (!built.length) return [];
  return [
    '**The stores, built with `npm run load -- --offline`** (CPU seconds and peak resident memory per process; settings: importer heap / off-heap, finishing Neo4j heap / page cache)',
    '',
    ...table(
      ['cases', 'elements', 'total s', 'importer s', 'elements/s', 'loader CPU s', 'importer CPU s', 'loader peak', 'importer peak', 'Neo4j peak', 'settings', 'load/core'],
      built.map((s) => {
        const b = s.store!.build!;
        const o = b.offline;
        const settings = `${b.settings.importerHeap} / ${b.settings.importerOffHeap}; ${b.settings.neo4jHeap} / ${b.settings.neo4jPageCache}`;
        return [n(s.cases), n(o.elements), n(o.seconds.total), n(o.seconds.importer), n(o.elementsPerSecond), n(o.loaderCpuSeconds), n(b.cpuSeconds?.importer), mib(b.peakMiB.loader), mib(b.peakMiB.importer), mib(b.peakMiB.neo4j), settings, `${b.loadPerCore.start}-${b.loadPerCore.end}`];
      }),
    ),
    '',
  ];
}

/** The fitted growth and its projection. */
function growthLines(growth: BenchResults['growth'] | null): string[] {
  if (!growth) return [];
  return [
    `**Measured growth**: each quantity fitted as c·size^k over ${growth.fittedSizes.map(n).join(', ')} cases (k = 1 grows linearly, 0 not at all), and the fit taken to ${n(growth.projectedTo)} cases (CourtListener's opinion clusters) on this machine`,
    '',
    ...table(
      ['quantity', 'measured', 'k', 'x per 10x cases', `at ${n(growth.projectedTo)}`],
      growth.rows.map((r) => [r.quantity, r.points.map((p) => `${n(p.value)} ${r.unit} at ${n(p.size)}`).join(', '), r.exponent, `${r.perTenfold}x`, `${n(r.projected)} ${r.unit}`]),
    ),
    '',
  ];
}

/** The results as Markdown: what the README's Performance section shows, regenerated from the JSON. */
export function toMarkdown(results: Omit<BenchResults, 'load'> & { load?: BenchResults['load'] }): string {
  const m = results.machine;
  const s = results.settings;
  const lines: string[] = [
    `Measured ${results.startedAt.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Neo4j ${m.neo4j}, ${m.neo4jMemory}.`,
    `Load per core when the run started: ${results.loadPerCoreAtStart}${results.busy ? ' (the machine was busy with other work: figures are lower than on a quiet machine)' : ''}.`,
    `Corpus: ${results.corpus.source} cases. Reads: ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s per operation (autocannon, loopback); service and @neo4j/graphql each in its own Node process.`,
    '',
  ];
  if (results.load) {
    lines.push('**Load throughput**', '');
    const all = Object.keys(results.load.rows[0] ?? {});
    const shown = LOAD_COLUMNS.filter((k) => all.includes(k));
    const keys = shown.length ? shown : all;
    // Neo4j's memory during each row (heap in use, sampled; its JVM's resident peak since the row's start), when the rows carry it.
    const memory = results.load.rows.some((r) => r.neo4jMemory) ? ['Neo4j heap peak MiB', 'Neo4j RSS peak MiB'] : [];
    const memoryCells = (r: Record<string, unknown>) => (memory.length ? Object.values(neo4jMemoryColumns(r.neo4jMemory as Neo4jMemory | null)).map(n) : []);
    lines.push(...table([...keys, ...memory], results.load.rows.map((r) => [...keys.map((k) => (typeof r[k] === 'number' ? n(r[k] as number) : String(r[k]))), ...memoryCells(r)])), '');
  }
  lines.push('**Reads**', '');
  lines.push(
    ...table(
      ['operation', 'cases', 'req/s', 'p50 ms', 'p99 ms', 'alone ms', 'round trips', 'db hits', 'failed'],
      results.sizes.flatMap((size) => size.operations.map((o) => [o.name, n(size.cases), n(o.rps), n(o.p50), n(o.p99), n(o.aloneMs), n(o.roundTrips), n(o.dbHits), n(o.failures)])),
    ),
    '',
  );
  const compared = results.sizes.filter((size) => size.comparison);
  if (compared.length) {
    lines.push(`**The same nested read (\`${compared[0]!.comparison!.operation}\`) against @neo4j/graphql**, ${compared[0]!.comparison!.rounds} interleaved rounds each, results checked equal`, '');
    lines.push(
      ...table(
        ['cases', 'service req/s', 'p50 ms', 'p99 ms', '@neo4j/graphql req/s', 'p50 ms', 'p99 ms', 'ratio'],
        compared.map(({ cases, comparison: c }) => [n(cases), n(c!.service.rps), n(c!.service.p50), n(c!.service.p99), n(c!.neo4jGraphql.rps), n(c!.neo4jGraphql.p50), n(c!.neo4jGraphql.p99), ratioText(c!.throughputRatio)]),
      ),
      '',
    );
  }
  lines.push(...memoryLines(results.sizes), ...buildLines(results.sizes), ...growthLines(results.growth ?? null));
  lines.push('**Targets**', '');
  lines.push(...table(['target', 'measured', 'met'], judgeTargets({ sizes: results.sizes, load: results.load ?? null }).map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : 'missed'])));
  return lines.join('\n');
}

/** A short console summary: one line per operation and size, then the comparison. */
export function toConsoleRows(results: Pick<BenchResults, 'sizes'>) {
  return results.sizes.flatMap((size) => [
    ...size.operations.map((o) => ({ operation: o.name, cases: size.cases, 'req/s': o.rps, 'p50 ms': o.p50, 'p99 ms': o.p99, 'alone ms': o.aloneMs, 'round trips': o.roundTrips, 'db hits': o.dbHits, failed: o.failures })),
    ...(size.comparison
      ? [
          { operation: `${size.comparison.operation} (service, interleaved)`, cases: size.cases, 'req/s': size.comparison.service.rps, 'p50 ms': size.comparison.service.p50, 'p99 ms': size.comparison.service.p99, 'round trips': size.comparison.service.roundTrips, 'db hits': null, failed: size.comparison.service.failures },
          { operation: `${size.comparison.operation} (@neo4j/graphql)`, cases: size.cases, 'req/s': size.comparison.neo4jGraphql.rps, 'p50 ms': size.comparison.neo4jGraphql.p50, 'p99 ms': size.comparison.neo4jGraphql.p99, 'round trips': null, 'db hits': null, failed: size.comparison.neo4jGraphql.failures },
        ]
      : []),
  ]);
}
