import { stringify } from 'yaml';
import { generateCase } from './case.js';
import { directoryCase } from './directory.js';
import type { GeneratedCase } from './generated-case.js';
import { buildPool } from './pool.js';

export interface CorpusOptions {
  cases: number;
  seed: number;
  /** First part of every id and file name, so several corpora can share one graph. */
  prefix: string;
  format: 'yaml' | 'json';
}

/** A file of the corpus: its path relative to the output folder, and its content. */
export interface CorpusFile {
  path: string;
  content: string;
}

/**
 * The directory file, then cases 1..N, each as its case file followed by its source texts.
 * Pure and lazy: the same options give the same bytes, one file at a time, so 10,000 cases
 * never sit in memory together.
 */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile> {
  const pool = buildPool(options.seed, options.prefix);
  yield* filesOf(directoryCase(pool, options.format), options, 'the directory of the shared courts, offices and people');
  for (let n = 1; n <= options.cases; n += 1) {
    yield* filesOf(generateCase(options.seed, n, pool, options.format), options, `case ${n} of the corpus`);
  }
}

function* filesOf(generated: GeneratedCase, options: CorpusOptions, what: string): Generator<CorpusFile> {
  yield { path: generated.name, content: serialize(generated, options, what) };
  for (const text of generated.texts) yield { path: text.path, content: text.text };
}

function serialize(generated: GeneratedCase, options: CorpusOptions, what: string): string {
  if (options.format === 'json') return `${JSON.stringify(generated.data, null, 2)}\n`;
  const header = [
    `# FICTIONAL: ${what}, made by \`npm run generate\` (seed ${options.seed}).`,
    '# Every person, court, organisation and event in it is invented; nothing here describes a real case.',
  ].join('\n');
  return `${header}\n${stringify(generated.data, { lineWidth: 0 })}`;
}
