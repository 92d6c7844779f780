import type { BenchResults } from './results.js';
import { judgeTargets } from './targets.js';

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
    lines.push(...table(keys, results.load.rows.map((r) => keys.map((k) => (typeof r[k] === 'number' ? n(r[k] as number) : String(r[k]))))), '');
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
        compared.map(({ cases, comparison: c }) => [n(cases), n(c!.service.rps), n(c!.service.p50), n(c!.service.p99), n(c!.neo4jGraphql.rps), n(c!.neo4jGraphql.p50), n(c!.neo4jGraphql.p99), `${c!.throughputRatio}x`]),
      ),
      '',
    );
  }
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
