import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { graphLookup } from '../ingest/load.js';
import { planCaseFile, type GraphPlan } from '../ingest/plan.js';
import { validateCaseFile } from '../ingest/validate.js';
import { writePlan } from '../ingest/write.js';
import { connect, startEmbeddedTarget, type Neo4jTarget } from '../neo4j/connection.js';
import { Executor } from '../neo4j/executor.js';
import { applySchema } from '../neo4j/migrations.js';
import { syntheticCaseFile, syntheticJudgeFile } from './synthetic.js';

/**
 * `npm run bench`: load throughput of generated (fictional) cases into a real Neo4j, one
 * transaction per case, sequentially and with concurrent loaders. Uses NEO4J_URI when set (the
 * bench writes cases with ids starting "bench-"), else an embedded Neo4j in a throwaway store.
 */
const { values } = parseArgs({ options: { cases: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '4' } } });
const cases = Number(values.cases);
const concurrency = Number(values.concurrency);

const say = (message: string) => console.error(message);
let home: string | undefined;
let target: Neo4jTarget;
if (process.env.NEO4J_URI) {
  target = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || '', database: process.env.NEO4J_DATABASE || 'neo4j', mode: 'external', release: async () => {} };
} else {
  home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bench-'));
  target = await startEmbeddedTarget(home, { boltPort: 0, heap: '1g', pageCache: '512m' }, say);
}
const driver = await connect(target);
const executor = new Executor(driver, target.database);

async function prepare(text: string, name: string): Promise<GraphPlan> {
  const { problems, valid } = await validateCaseFile(name, text, {
    readDocument: async () => {
      throw new Error('inline documents only');
    },
    lookupIds: graphLookup(executor),
  });
  if (!valid) throw new Error(`${name}: ${problems.map((p) => p.message).join('; ')}`);
  return planCaseFile(valid);
}

const elements = (plan: GraphPlan) => plan.nodes.length + plan.relationships.length + plan.passages.length;

async function run(prefix: string, workers: number) {
  await writePlan(executor, await prepare(syntheticJudgeFile(prefix), `${prefix}-bench.case.yaml`));
  const plans: GraphPlan[] = [];
  for (let n = 0; n < cases; n += 1) plans.push(await prepare(syntheticCaseFile(prefix, n), `${prefix}-${n}.case.yaml`));
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    for (let i = next++; i < plans.length; i = next++) await writePlan(executor, plans[i]!);
  }));
  const seconds = (performance.now() - started) / 1000;
  const total = plans.reduce((sum, plan) => sum + elements(plan), 0);
  return { loaders: workers, cases, elements: total, seconds: Number(seconds.toFixed(2)), casesPerSecond: Math.round(cases / seconds), elementsPerSecond: Math.round(total / seconds) };
}

try {
  await applySchema(executor);
  // A short warm-up so the JIT and Cypher's plan cache are in the state a running service has.
  const stamp = Date.now().toString(36);
  await run(`bench-warm-${stamp}`, 1);
  const rows = [await run(`bench-seq-${stamp}`, 1), await run(`bench-par-${stamp}`, concurrency)];
  console.log(`Load throughput, ${cases} generated cases per run, one transaction per case (validation and planning not timed), Neo4j ${target.mode}, ${os.cpus().length} cores`);
  console.table(rows);
  console.log(JSON.stringify({ benchmark: 'load-throughput', rows }));
} finally {
  await driver.close();
  await target.release();
  if (home) rmSync(home, { recursive: true, force: true });
}
