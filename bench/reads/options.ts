import { parseArgs } from 'node:util';
import type { LoadSettings } from './cannon.js';
import { CORPORA, type CorpusName } from './corpus-choice.js';
import { OPERATIONS } from './operations.js';

/** Name `--only` takes for the first runs of the example queries on a freshly started service (first-runs.ts). */
export const FIRST_RUNS = 'firstRuns';
/** Name `--only` takes for the @neo4j/graphql comparison. */
export const COMPARE = 'compare';

export interface ReadOptions {
  /** Corpus sizes in cases, ascending; the corpus grows from one to the next. */
  sizes: number[];
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

export const READ_OPTIONS = {
  sizes: { type: 'string', default: '1,1000,10000' },
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
  const sizes = text('sizes').split(',').map((s) => whole('sizes', s.trim(), 1, 1_000_000));
  if (sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) throw new OptionError(`--sizes ${text('sizes')}: list sizes in ascending order, e.g. 1,1000,10000.`);
  const known = [...OPERATIONS.map((o) => o.name), COMPARE, FIRST_RUNS];
  const only = values.only === undefined ? known : String(values.only).split(',').map((s) => s.trim());
  const unknown = only.find((name) => !known.includes(name));
  if (unknown !== undefined) throw new OptionError(`--only ${unknown}: not an operation; use one or more of ${known.join(', ')}.`);
  const cpuProfile = values['cpu-prof'] === undefined ? null : String(values['cpu-prof']);
  if (cpuProfile !== null && !OPERATIONS.some((o) => o.name === cpuProfile)) {
    throw new OptionError(`--cpu-prof ${cpuProfile}: not an operation; use one of ${OPERATIONS.map((o) => o.name).join(', ')}.`);
  }
  const corpus = text('corpus') as CorpusName;
  if (!CORPORA.includes(corpus)) throw new OptionError(`--corpus ${corpus}: use ${CORPORA.join(' or ')}.`);
  return {
    sizes,
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

/** Parses argv (for the two entry points); unknown options are errors. */
export function parseReadArgs(argv: string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  try {
    return parseArgs({ args: argv, options: { ...READ_OPTIONS, ...extra }, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new OptionError(`${(error as Error).message}. Options: ${Object.keys({ ...READ_OPTIONS, ...extra }).map((k) => `--${k}`).join(' ')}`);
  }
}
