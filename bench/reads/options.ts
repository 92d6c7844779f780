import { parseArgs } from 'node:util';
import type { LoadSettings } from './cannon.js';
import { CORPORA, type CorpusName } from './corpus-choice.js';
import { OPERATIONS } from './operations.js';

/** Name `--only` takes for the first runs of the example queries on a freshly started service (first-runs.ts). */
export const FIRST_RUNS = 'firstRuns';
/** Name `--only` takes for the @neo4j/graphql comparison. */
export const COMPARE = 'compare';

/**
 * Where the graph read comes from: grown through `sizes` with the loader (the default), stores
 * built beforehand (`--store`, each with the generated corpus folder that built it), or stores
 * the bench builds itself with the offline bulk import, one per size (`--build-stores`).
 */
export type GraphSource =
  | { kind: 'grow' }
  | { kind: 'stores'; stores: { dataDir: string; corpusDir: string }[] }
  | { kind: 'build'; root: string };

export interface ReadOptions {
  /** Corpus sizes in cases, ascending; the corpus grows from one to the next (or, with --build-stores, one store per size). */
  sizes: number[];
  graph: GraphSource;
  load: LoadSettings;
  /** Interleaved rounds per server in the comparison (A, B, A, B…), `duration` seconds each. */
  rounds: number;
  /** Operations to run (names from operations.ts, and `compare`). */
  only: string[];
  /** Which cases: `npm run generate`'s corpus, or the small synthetic cases that share one judge. */
  corpus: CorpusName;
  /** Concurrent loaders while the corpus grows. */
  loaders: number;
  memory: { heap: string; pageCache: string };
  /** An operation to CPU-profile on the service at the largest size, during its timed run only. */
  cpuProfile: string | null;
  outDir: string;
}

export class OptionError extends Error {}

/** The sizes the corpus grows through when --sizes is not given. */
export const DEFAULT_SIZES = '1,1000,10000';

export const READ_OPTIONS = {
  // No parser default: --store refuses --sizes given, so it must see whether it was.
  sizes: { type: 'string' },
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '3' },
  connections: { type: 'string', default: '4' },
  rounds: { type: 'string', default: '3' },
  only: { type: 'string' },
  corpus: { type: 'string', default: 'generated' },
  loaders: { type: 'string', default: '2' },
  heap: { type: 'string', default: '2g' },
  'page-cache': { type: 'string', default: '1g' },
  'cpu-prof': { type: 'string' },
  out: { type: 'string', default: 'bench-results' },
  store: { type: 'string' },
  'corpus-dir': { type: 'string' },
  'build-stores': { type: 'string' },
} as const;

function whole(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new OptionError(`--${name} ${raw}: use a whole number from ${min} to ${max}.`);
  return value;
}

function memory(name: string, raw: string): string {
  if (!/^\d+[kmg]$/i.test(raw)) throw new OptionError(`--${name} ${raw}: use a size such as 512m or 2g.`);
  return raw.toLowerCase();
}

/** Reads the read-bench options; every mistake is reported with the option and what to write instead. */
export function readOptions(values: Record<string, string | boolean | undefined>): ReadOptions {
  const text = (name: keyof typeof READ_OPTIONS) => String(values[name] ?? (READ_OPTIONS[name] as { default?: string }).default ?? '');
  const sizesText = String(values.sizes ?? DEFAULT_SIZES);
  const sizes = sizesText.split(',').map((s) => whole('sizes', s.trim(), 1, 1_000_000));
  if (sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) throw new OptionError(`--sizes ${sizesText}: list sizes in ascending order, e.g. 1,1000,10000.`);
  const graph = graphSource(values);
  // The first runs load the seed: a store built beforehand is only read.
  const known = [...OPERATIONS.map((o) => o.name), COMPARE, ...(graph.kind === 'grow' ? [FIRST_RUNS] : [])];
  const only = values.only === undefined ? known : String(values.only).split(',').map((s) => s.trim());
  const unknown = only.find((name) => !known.includes(name));
  if (unknown === FIRST_RUNS) throw new OptionError(`--only ${FIRST_RUNS}: the first runs load the seed, and a store read with --store or --build-stores is only read; leave ${FIRST_RUNS} out.`);
  if (unknown !== undefined) throw new OptionError(`--only ${unknown}: not an operation; use one or more of ${known.join(', ')}.`);
  const cpuProfile = values['cpu-prof'] === undefined ? null : String(values['cpu-prof']);
  if (cpuProfile !== null && !OPERATIONS.some((o) => o.name === cpuProfile)) {
    throw new OptionError(`--cpu-prof ${cpuProfile}: not an operation; use one of ${OPERATIONS.map((o) => o.name).join(', ')}.`);
  }
  const corpus = text('corpus') as CorpusName;
  if (!CORPORA.includes(corpus)) throw new OptionError(`--corpus ${corpus}: use ${CORPORA.join(' or ')}.`);
  return {
    sizes,
    graph,
    corpus,
    load: { duration: whole('duration', text('duration'), 1, 3600), warmup: whole('warmup', text('warmup'), 0, 600), connections: whole('connections', text('connections'), 1, 256) },
    rounds: whole('rounds', text('rounds'), 1, 20),
    only,
    loaders: whole('loaders', text('loaders'), 1, 32),
    memory: { heap: memory('heap', text('heap')), pageCache: memory('page-cache', text('page-cache')) },
    cpuProfile,
    outDir: text('out'),
  };
}

const list = (raw: string) => raw.split(',').map((s) => s.trim()).filter(Boolean);

/** `--store DIRS --corpus-dir DIRS`, `--build-stores ROOT`, or neither (the corpus grows through --sizes). */
function graphSource(values: Record<string, string | boolean | undefined>): GraphSource {
  const [store, corpusDir, build] = [values.store, values['corpus-dir'], values['build-stores']].map((v) => (v === undefined ? undefined : String(v)));
  if (build !== undefined) {
    if (store !== undefined || corpusDir !== undefined) throw new OptionError('--build-stores builds its own stores (one per --sizes entry): leave --store and --corpus-dir out, or --build-stores.');
    if (!build) throw new OptionError('--build-stores: name a folder, e.g. --build-stores /var/tmp/read-stores.');
    return { kind: 'build', root: build };
  }
  if (store === undefined) {
    if (corpusDir !== undefined) throw new OptionError('--corpus-dir goes with --store: name the store (a DATA_DIR) the corpus folder built.');
    return { kind: 'grow' };
  }
  if (values.sizes !== undefined) throw new OptionError('--sizes with --store: the size is read from the store (its Case nodes); leave --sizes out.');
  const [stores, corpora] = [list(store), list(corpusDir ?? '')];
  if (stores.length === 0) throw new OptionError('--store: name a DATA_DIR that `npm run load -- --offline` filled, or several, comma-separated.');
  if (corpora.length !== stores.length) {
    throw new OptionError(`--store names ${stores.length} store(s) and --corpus-dir ${corpora.length} corpus folder(s): give each store the generated corpus folder that built it, in the same order.`);
  }
  return { kind: 'stores', stores: stores.map((dataDir, i) => ({ dataDir, corpusDir: corpora[i]! })) };
}

/** Parses argv (for the two entry points); unknown options are errors. */
export function parseReadArgs(argv: string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  try {
    return parseArgs({ args: argv, options: { ...READ_OPTIONS, ...extra }, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new OptionError(`${(error as Error).message}. Options: ${Object.keys({ ...READ_OPTIONS, ...extra }).map((k) => `--${k}`).join(' ')}`);
  }
}
