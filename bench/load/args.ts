import path from 'node:path';
import { parseArgs } from 'node:util';

export interface LoadBenchOptions {
  cases: number;
  seed: number;
  /** Rows of the table: cases per transaction x concurrent loaders. */
  configs: { batch: number; loaders: number }[];
  warmup: number;
  heap: string;
  pageCache: string;
  outDir: string;
  /** Dockets and opinions per record row (copies of the real samples); 0 for none. */
  records: number;
  /** Sizes of the offline bulk import's rows, one after another; empty for none. */
  offline: number[];
  /** Which corpora the offline rows import per size: generated cases, dockets, CAP opinions, or all three. */
  offlineCorpus: 'all' | 'generated' | 'dockets' | 'opinions';
  /** Dockets' worth of CourtListener bulk CSV tables per bulk row (one size a row); empty for none. */
  bulk: number[];
  /** Whether the bulk rows also go through the offline import. */
  bulkOffline: boolean;
  /** Corpus sizes for rows of the command-line loader itself (default path, reload, peak RSS); empty for none. */
  cli: number[];
  /** V8 heap cap (MiB) of the loader processes of the --cli rows; null for Node's default. */
  cliHeap: number | null;
  /** Another checkout of the project whose loader the --cli rows run too, alternating with this one's (A/B in one run); null for none. */
  cliBase: string | null;
  /** Another checkout whose offline import the --offline rows run too, alternating with this one's; null for none. */
  offlineBase: string | null;
}

export const LOAD_BENCH_USAGE = `Usage: npm run bench:load -- [--cases 1000] [--configs 200x1,50x2] [--seed 1] [--warmup 300]
                              [--records 500] [--offline 2000] [--bulk 500] [--heap 2g] [--pagecache 512m] [--out bench-results]

Generates a fictional corpus per row (npm run generate), loads it into a throwaway embedded
Neo4j (or NEO4J_URI) as \`npm run load -- --batch B\` does, and reports graph elements per
second end to end (read, parse, validate, plan, write) and for the write phase alone.

  --cases N       cases per row (default 1000)
  --configs L     comma-separated rows, each <cases per transaction>x<loaders> (default
                  200x1,50x2; 200x1 is what \`npm run load\` does without --batch)
  --seed S        seed of the generated corpus (default 1)
  --records N     dockets and CAP opinions per record row (default 500): copies of the real
                  samples in tests/fixtures, each a case of its own, loaded the same way, one
                  and several per transaction as --configs says; 0 for none
  --offline L     rows for the offline bulk import (npm run load -- --offline, run as its own
                  process), per comma-separated size N: N generated cases, then N distinct
                  dockets made from the sample dockets (each a docket number of its own), then N
                  CAP opinions made from the sample opinions (each a CAP id and citation of its
                  own), each into an empty store of its own (default 2000; 0 for none)
  --offline-corpus C  all, generated, dockets or opinions (default all): which rows per size
  --bulk L        comma-separated sizes, in dockets, of CourtListener bulk CSV corpora: the eight
                  tables (courts, people, positions, dockets, opinion clusters, citations,
                  opinions, citation map) as CourtListener writes them, made from the bulk
                  samples in tests/fixtures (each docket a new case; courts, judges and cited
                  opinions shared). Per size a row of \`npm run load DIR\` as a process of its own
                  (rows/s of each table, dockets/s, elements/s, loader CPU and peak RSS, Neo4j
                  CPU) and a row of \`npm run load -- --offline DIR\` into an empty store. Two
                  sizes show how rows/s and the loader's peak RSS grow (default 500; 0 for none)
  --bulk-offline-skip  leave out the offline rows of the bulk corpora
  --offline-base DIR  also run each --offline row with the offline import of another checkout
                  of the project (DIR, with its node_modules and neo4j-embedded/target), on the
                  same files, the two taking turns going first: before/after in one run
  --cli L         comma-separated corpus sizes for rows of \`npm run load\` itself, run as a
                  process of its own (the streamed default path, then the unchanged reload,
                  with the loader's peak RSS); the first size also gets a --batch 200 row, the
                  setting before streaming (default: --cases; 0 for none)
  --cli-heap M    run those loaders with a V8 heap of M MiB (--max-old-space-size): a loader
                  whose live memory grew with the files would run out of memory
  --cli-base DIR  also run the --cli rows' default path and reload with the loader of another
                  checkout of the project (DIR, with its node_modules), alternating with this
                  one's on corpora of their own against the same Neo4j: before/after in one run
  --warmup N      cases loaded first, not measured, so Neo4j's JIT has compiled its hot code
                  as in a running service (default 300; 0 for none)
  --heap, --pagecache   memory of the embedded Neo4j (default 2g and 512m)
  --out DIR       where the JSON results go (default bench-results)
`;

export function parseLoadBenchArgs(argv: readonly string[]): { ok: true; options: LoadBenchOptions } | { ok: false; message: string; help?: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        cases: { type: 'string', default: '1000' }, configs: { type: 'string', default: '200x1,50x2' }, seed: { type: 'string', default: '1' },
        warmup: { type: 'string', default: '300' }, records: { type: 'string', default: '500' }, offline: { type: 'string', default: '2000' }, bulk: { type: 'string', default: '500' }, 'bulk-offline-skip': { type: 'boolean', default: false },
        heap: { type: 'string', default: '2g' }, pagecache: { type: 'string', default: '512m' },
        out: { type: 'string', default: 'bench-results' }, cli: { type: 'string' }, 'cli-heap': { type: 'string' }, 'cli-base': { type: 'string' }, 'offline-base': { type: 'string' }, 'offline-corpus': { type: 'string', default: 'all' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: LOAD_BENCH_USAGE, help: true };
  const whole = (name: string, raw: string, min: number, max: number): number | string =>
    /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : `--${name} needs a whole number from ${min} to ${max}, not "${raw}"`;
  const cases = whole('cases', values.cases, 1, 100_000);
  const seed = whole('seed', values.seed, 0, 0xffffffff);
  const warmup = whole('warmup', values.warmup, 0, 100_000);
  const records = whole('records', values.records, 0, 100_000);
  const offline = values.offline === '0' ? [] : values.offline.split(',').map((part) => whole('offline', part.trim(), 1, 1_000_000));
  for (const value of [cases, seed, warmup, records, ...offline]) if (typeof value === 'string') return { ok: false, message: value };
  const offlineCorpus = values['offline-corpus'];
  if (offlineCorpus !== 'all' && offlineCorpus !== 'generated' && offlineCorpus !== 'dockets' && offlineCorpus !== 'opinions') return { ok: false, message: `--offline-corpus "${offlineCorpus}": give all, generated, dockets or opinions` };
  const configs = values.configs.split(',').map((part) => /^(\d+)x(\d+)$/.exec(part.trim()));
  if (configs.some((m) => !m || Number(m[1]) < 1 || Number(m[2]) < 1 || Number(m[1]) > 1000 || Number(m[2]) > 16)) {
    return { ok: false, message: `--configs "${values.configs}": give rows such as 1x1,50x2 (1 to 1000 cases per transaction x 1 to 16 loaders)` };
  }
  for (const [name, size] of [['heap', values.heap], ['pagecache', values.pagecache]] as const) {
    if (!/^\d+[kmg]$/i.test(size)) return { ok: false, message: `--${name} "${size}": give a size such as 512m or 1g` };
  }
  const cli = values.cli === undefined ? [cases as number] : values.cli === '0' ? [] : values.cli.split(',').map((part) => whole('cli', part.trim(), 1, 1_000_000));
  const badCli = cli.find((value) => typeof value === 'string');
  if (badCli !== undefined) return { ok: false, message: badCli as string };
  const bulk = values.bulk === '0' ? [] : values.bulk.split(',').map((part) => whole('bulk', part.trim(), 1, 899_999));
  const badBulk = bulk.find((value) => typeof value === 'string');
  if (badBulk !== undefined) return { ok: false, message: badBulk as string };
  const cliHeap = values['cli-heap'] === undefined ? null : whole('cli-heap', values['cli-heap'], 64, 65_536);
  if (typeof cliHeap === 'string') return { ok: false, message: cliHeap };
  return {
    ok: true,
    options: {
      cli: cli as number[],
      bulk: bulk as number[],
      bulkOffline: !values['bulk-offline-skip'],
      cliHeap,
      cliBase: values['cli-base'] ?? null,
      offlineBase: values['offline-base'] === undefined ? null : path.resolve(values['offline-base']),
      cases: cases as number, seed: seed as number, warmup: warmup as number, records: records as number, offline: offline as number[], offlineCorpus, heap: values.heap, pageCache: values.pagecache, outDir: values.out,
      configs: configs.map((m) => ({ batch: Number(m![1]), loaders: Number(m![2]) })),
    },
  };
}
