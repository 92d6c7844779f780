import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { EXAMPLES_FILE, queryNames } from '../../src/graphql/warm-up.js';
import { createLogger } from '../../src/shared/logger.js';
import { startServerChild } from './child.js';
import type { CorpusDatabase } from './corpus.js';

/** The first run of each example query on a freshly started service, with and without the warm-up. */
export interface FirstRunFigures {
  warmUp: boolean;
  operations: number;
  p50Ms: number;
  maxMs: number;
  slowest: string;
  /** Operations answered with errors (those reading court records the bench does not load). */
  withErrors: number;
  runs: { operation: string; ms: number }[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;

/**
 * The seed is loaded, Neo4j's query caches are cleared (db.clearQueryCaches), the service is
 * started in its own process (WARM_UP true or false) and each operation of docs/examples.graphql
 * is sent once, one after another: what an analyst meets on the first try of each.
 */
export async function measureFirstRuns(db: CorpusDatabase, outDir: string, say: (message: string) => void): Promise<FirstRunFigures[]> {
  await loadSeeds(db.executor, createLogger('silent'));
  const source = readFileSync(EXAMPLES_FILE, 'utf8');
  const names = queryNames(source);
  const figures: FirstRunFigures[] = [];
  for (const warmUp of [false, true]) {
    const session = db.driver.session({ database: db.target.database });
    try {
      await session.run('CALL db.clearQueryCaches()');
    } finally {
      await session.close();
    }
    const child = await startServerChild('first-runs', 'reads/serve-service', db.target, {
      logFile: path.resolve(outDir, 'logs', `first-runs-${Date.now()}.log`),
      env: { WARM_UP: String(warmUp) },
      // The warm-up happens before the service reports ready, and is not what is measured.
      readyTimeoutMs: 600_000,
    });
    try {
      const runs: { operation: string; ms: number }[] = [];
      let withErrors = 0;
      for (const operation of names) {
        const started = performance.now();
        const response = await fetch(child.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: source, operationName: operation }) });
        const body = (await response.json()) as { errors?: unknown[] };
        runs.push({ operation, ms: Number((performance.now() - started).toFixed(1)) });
        if (body.errors?.length) withErrors += 1;
      }
      const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
      const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
      const figure = { warmUp, operations: runs.length, p50Ms: percentile(sorted, 0.5), maxMs: sorted.at(-1) ?? 0, slowest: slowest.operation, withErrors, runs };
      say(`first runs ${warmUp ? 'with' : 'without'} warm-up: ${runs.length} example queries, p50 ${figure.p50Ms} ms, max ${figure.maxMs} ms (${figure.slowest}), ${withErrors} with errors`);
      figures.push(figure);
    } finally {
      await child.stop();
    }
  }
  return figures;
}
