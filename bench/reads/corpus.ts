import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/env.js';
import { connect, startEmbeddedTarget, type Neo4jTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { applySchema } from '../../src/neo4j/migrations.js';
import type { CorpusSource, GrowthFigures } from './corpus-source.js';

export interface CorpusDatabase {
  target: Neo4jTarget;
  driver: Driver;
  executor: Executor;
  /** Heap and page cache of the embedded Neo4j; null for NEO4J_URI. */
  memory: { heap: string; pageCache: string } | null;
  close(): Promise<void>;
}

/**
 * NEO4J_URI when set (the bench's cases then join whatever that database holds), else an
 * embedded Neo4j in a throwaway store, removed on close, with the given heap and page cache.
 */
export async function openCorpusDatabase(memory: { heap: string; pageCache: string }, say: (message: string) => void): Promise<CorpusDatabase> {
  const settings = loadConfig().neo4j;
  let home: string | undefined;
  let target: Neo4jTarget;
  if (settings.uri) {
    target = { uri: settings.uri, user: settings.user, password: settings.password, database: settings.database, mode: 'external', release: async () => {} };
  } else {
    home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bench-reads-'));
    target = await startEmbeddedTarget(home, { boltPort: 0, ...memory }, say);
  }
  const driver = await connect(target);
  const executor = new Executor(driver, target.database);
  await applySchema(executor);
  return {
    target,
    driver,
    executor,
    memory: home ? memory : null,
    async close() {
      await driver.close();
      await target.release();
      if (home) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A corpus that only grows: 1 case, then 1,000, then 10,000, each step loading only the new cases. */
export class Corpus {
  private loaded = 0;

  constructor(
    private readonly executor: Executor,
    private readonly source: CorpusSource,
    private readonly loaders: number,
  ) {}

  get size(): number {
    return this.loaded;
  }

  /** Loads the cases that are missing to reach `cases`; the seconds it took, and the source's figures. */
  async growTo(cases: number): Promise<{ seconds: number; figures: GrowthFigures | null }> {
    const started = performance.now();
    const figures = cases > this.loaded ? await this.source.load(this.executor, this.loaded, cases, this.loaders) : null;
    this.loaded = Math.max(this.loaded, cases);
    return { seconds: (performance.now() - started) / 1000, figures };
  }
}
