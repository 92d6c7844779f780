import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execute, Kind, parse, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { createContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { graphLookup } from '../ingest/load.js';
import { planCaseFile } from '../ingest/plan.js';
import { loadSeeds } from '../ingest/seeds.js';
import { validateCaseFile } from '../ingest/validate.js';
import { writePlan } from '../ingest/write.js';
import { connect, startEmbeddedTarget, type Neo4jTarget } from '../neo4j/connection.js';
import { Executor } from '../neo4j/executor.js';
import { applySchema } from '../neo4j/migrations.js';
import { createLogger } from '../shared/logger.js';
import { projectRoot } from '../shared/paths.js';
import { syntheticCaseFile, syntheticJudgeFile } from './synthetic.js';

/**
 * `npm run bench:round-trips`: what per-request DataLoader batching saves. Runs the deepest
 * operation of docs/examples.graphql over the seed plus `--cases` generated FICTIONAL cases, in
 * process (no HTTP, so no query limits and nothing a client could switch), once with the
 * service's loaders and once with DataLoader batching off, and prints the round trips and the
 * median latency of `--runs` runs of each. Uses NEO4J_URI when set (it adds cases with ids
 * starting "rtbench-"), else an embedded Neo4j in a throwaway store.
 */
const { values } = parseArgs({ options: { cases: { type: 'string', default: '300' }, runs: { type: 'string', default: '11' } } });
const cases = Number(values.cases);
const runs = Number(values.runs);

const depth = (set: SelectionSetNode | undefined): number =>
  Math.max(0, ...(set?.selections ?? []).map((s) => (s.kind === Kind.FIELD ? 1 + depth(s.selectionSet) : depth(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : undefined))));

/** The operation of the examples file whose fields nest deepest (the first of equals). */
function deepestExample(): { name: string; document: DocumentNode } {
  const source = parse(readFileSync(path.join(projectRoot, 'docs/examples.graphql'), 'utf8'));
  const operations = source.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const deepest = operations.reduce((best, op) => (depth(op.selectionSet) > depth(best.selectionSet) ? op : best));
  return { name: deepest.name?.value ?? 'anonymous', document: { kind: Kind.DOCUMENT, definitions: [deepest] } };
}

const say = (message: string) => console.error(message);
let home: string | undefined;
let target: Neo4jTarget;
if (process.env.NEO4J_URI) {
  target = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || '', database: process.env.NEO4J_DATABASE || 'neo4j', mode: 'external', release: async () => {} };
} else {
  home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-rtbench-'));
  target = await startEmbeddedTarget(home, { boltPort: 0, heap: '1g', pageCache: '512m' }, say);
}
const driver = await connect(target);
const executor = new Executor(driver, target.database);

async function load(text: string, name: string) {
  const { problems, valid } = await validateCaseFile(name, text, {
    readDocument: async () => {
      throw new Error('inline documents only');
    },
    lookupIds: graphLookup(executor),
  });
  if (!valid) throw new Error(`${name}: ${problems.map((p) => p.message).join('; ')}`);
  await writePlan(executor, planCaseFile(valid));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  await applySchema(executor);
  await loadSeeds(executor, createLogger('silent'));
  const prefix = `rtbench-${Date.now().toString(36)}`;
  say(`Loading ${cases} generated cases…`);
  await load(syntheticJudgeFile(prefix), `${prefix}-bench.case.yaml`);
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let n = next++; n < cases; n = next++) await load(syntheticCaseFile(prefix, n), `${prefix}-${n}.case.yaml`);
  }));

  const schema = buildSchema();
  const { name, document } = deepestExample();
  const request = new Request('http://bench.invalid/graphql');
  async function once(batch: boolean) {
    const ctx = createContext(executor, request, {}, { batch });
    const started = performance.now();
    const result = await execute({ schema, document, contextValue: ctx });
    const ms = performance.now() - started;
    if (result.errors?.length) throw new Error(`${name}: ${result.errors.map((e) => e.message).join('; ')}`);
    return { roundTrips: ctx.stats.roundTrips, ms, data: JSON.stringify(result.data) };
  }
  // Warm-up (plan cache and JIT as in a running service), then the two modes alternate, so a
  // change in the machine's load weighs on both alike.
  await once(true);
  await once(false);
  const timed: Record<'true' | 'false', Awaited<ReturnType<typeof once>>[]> = { true: [], false: [] };
  for (let i = 0; i < runs; i += 1) for (const batch of [true, false]) timed[`${batch}`].push(await once(batch));
  const answers = new Set([...timed.true, ...timed.false].map((t) => t.data));
  const rows = ([true, false] as const).map((batch) => {
    const ms = timed[`${batch}`].map((t) => t.ms);
    const round = (x: number) => Number(x.toFixed(1));
    return { loaders: batch ? 'batched (service)' : 'batching off', roundTrips: timed[`${batch}`][0]!.roundTrips, medianMs: round(median(ms)), minMs: round(Math.min(...ms)), maxMs: round(Math.max(...ms)) };
  });
  if (answers.size !== 1) throw new Error('the two modes gave different answers');
  console.log(`${name} (the deepest example of docs/examples.graphql), seed + ${cases} generated cases, median of ${runs} runs, Neo4j ${target.mode}, ${os.cpus().length} cores`);
  console.table(rows);
  console.log(JSON.stringify({ benchmark: 'round-trips', operation: name, cases, runs, rows }));
} finally {
  await driver.close();
  await target.release();
  if (home) rmSync(home, { recursive: true, force: true });
}
