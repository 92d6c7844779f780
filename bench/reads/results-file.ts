import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './results.js';

const PREFIX = 'bench-';

/** Writes a run's results as bench-results/bench-<time>.json and returns the file's path. */
export function saveResults(dir: string, results: Omit<BenchResults, 'load'> & { load: BenchResults['load'] }): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${PREFIX}${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** The given results file, or the newest one in `dir`. */
export function loadResults(dir: string, file?: string): { file: string; results: BenchResults } {
  const chosen =
    file ??
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.startsWith(PREFIX) && e.name.endsWith('.json'))
      .map((e) => path.join(dir, e.name))
      .sort()
      .at(-1);
  if (!chosen) throw new Error(`no ${PREFIX}*.json in ${dir}: run \`npm run bench\` (or \`npm run bench:reads\`) first, or pass --from <file>.`);
  return { file: chosen, results: JSON.parse(readFileSync(chosen, 'utf8')) as BenchResults };
}
