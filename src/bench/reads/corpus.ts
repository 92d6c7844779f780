import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../config/env.js';
import { graphLookup } from '../../ingest/load.js';
import { planCaseFile, type GraphPlan } from '../../ingest/plan.js';
import { CaseFileError } from '../../ingest/problems.js';
import { validateCaseFile } from '../../ingest/validate.js';
import { writePlans } from '../../ingest/write.js';
import { connect, startEmbeddedTarget, type Neo4jTarget } from '../../neo4j/connection.js';
import { Executor } from '../../neo4j/executor.js';
import { applySchema } from '../../neo4j/migrations.js';
import type { CaseText, CorpusSource } from './corpus-source.js';

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

/** Validates and plans one case file with the project's loader; its documents come with it. */
async function prepare(executor: Executor, file: CaseText): Promise<GraphPlan> {
  const env = {
    readDocument: async (relativePath: string) => {
      const text = file.documents?.[relativePath];
      if (text === undefined) throw new Error('no such document beside the case file');
      return text;
    },
    lookupIds: graphLookup(executor),
  };
  const { problems, valid } = await validateCaseFile(file.name, file.text, env);
  if (!valid) throw new CaseFileError(problems);
  return planCaseFile(valid);
}

/** Cases per transaction while the corpus grows (writePlans writes a batch in about one case's round trips). */
const BATCH = 50;

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

  /**
   * Loads cases up to `cases` in all: the source's prelude first, then batches of new cases in
   * one transaction each, `loaders` batches at a time. Returns the seconds it took.
   */
  async growTo(cases: number, progress: (loaded: number) => void = () => {}): Promise<number> {
    const started = performance.now();
    if (this.loaded === 0) for (const file of this.source.prelude) await writePlans(this.executor, [{ plan: await prepare(this.executor, file) }]);
    let next = this.loaded;
    let done = this.loaded;
    await Promise.all(
      Array.from({ length: this.loaders }, async () => {
        while (next < cases) {
          // Claimed and read before any await, so the source hands out cases strictly in order.
          const files = Array.from({ length: Math.min(cases, next + BATCH) - next }, () => this.source.caseFile(next++));
          const plans = [];
          for (const file of files) plans.push({ plan: await prepare(this.executor, file) });
          await writePlans(this.executor, plans);
          const before = done;
          done += plans.length;
          if (Math.floor(done / 1000) > Math.floor(before / 1000)) progress(done);
        }
      }),
    );
    this.loaded = Math.max(this.loaded, cases);
    return (performance.now() - started) / 1000;
  }
}
