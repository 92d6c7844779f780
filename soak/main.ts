import { randomBytes } from 'node:crypto';
import { syntheticJudgeFile } from '../bench/synthetic.js';
import { connect } from '../src/neo4j/connection.js';
import { Executor } from '../src/neo4j/executor.js';
import { runMixedLoad } from './cannon.js';
import { findDuplicates } from './duplicates.js';
import { OptionError, parseSoakOptions, USAGE, type SoakOptions } from './options.js';
import { describe, passed, type SoakFigures } from './report.js';
import { givenService, serviceMemory, startService, type SoakTarget } from './service.js';
import { exampleReads, Workload, type Planned } from './workload.js';

/**
 * `npm run soak`: a fixed time of concurrent mixed reads and imports against the real service,
 * then a duplicate check of the graph. Not part of `npm test`: it measures, for minutes.
 */
async function soak(options: SoakOptions, target: SoakTarget): Promise<SoakFigures> {
  const prefix = `soak-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) };
  const judge = await fetch(target.url, { method: 'POST', headers, body: JSON.stringify({ query: 'mutation($file: String!) { importCase(file: $file) { caseId } }', variables: { file: syntheticJudgeFile(prefix) } }) });
  const judged = (await judge.json()) as { errors?: { message: string }[] };
  if (judge.status !== 200 || judged.errors) throw new Error(`Could not load the soak's first case (is API_WRITE_TOKEN right?): ${JSON.stringify(judged.errors ?? judge.status)}`);

  const workload = new Workload(prefix, exampleReads(), options);
  const start = await serviceMemory(target.url);
  const run = runMixedLoad({
    url: target.url,
    connections: options.concurrency,
    duration: options.seconds,
    timeout: 30,
    headers,
    next: (context) => {
      const planned = workload.next();
      context.planned = planned;
      return planned.body;
    },
    answered: (status, body, context) => workload.record(context.planned as Planned, status, body),
  });
  const result = await run;
  const end = await serviceMemory(target.url);

  let graph = null;
  if (target.neo4jUri) {
    const database = process.env.NEO4J_DATABASE || 'neo4j';
    const driver = await connect({ uri: target.neo4jUri, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || '', database, mode: 'external', release: async () => {} });
    try {
      graph = await findDuplicates(new Executor(driver, database));
    } finally {
      await driver.close();
    }
  }
  const requests = Object.values(workload.counts).reduce((sum, n) => sum + n, 0);
  const errorKinds = { ...workload.errors, socket: result.errors, timeouts: result.timeouts };
  return {
    seconds: options.seconds,
    concurrency: options.concurrency,
    requests,
    perSecond: Number((requests / result.duration).toFixed(1)),
    reads: workload.counts.read,
    imports: workload.counts.import,
    reimports: workload.counts.reimport,
    races: workload.counts.race,
    errors: Object.values(errorKinds).reduce((sum, n) => sum + n, 0),
    errorKinds,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    memory: { start, end },
    graph,
    samples: [...workload.samples],
  };
}

async function main(): Promise<number> {
  let options: SoakOptions | null;
  try {
    options = parseSoakOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    process.stderr.write(`soak: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(USAGE);
    return 0;
  }
  const say = (message: string) => process.stderr.write(`${message}\n`);
  const target = options.url ? givenService(options.url) : await startService(say);
  let figures: SoakFigures;
  try {
    say(`Soaking ${target.url} for ${options.seconds} s with ${options.concurrency} connections…`);
    figures = await soak(options, target);
  } finally {
    const code = await target.stop();
    if (code !== null) say(`Service stopped (exit code ${code}).`);
  }
  for (const line of describe(figures)) console.log(line);
  console.log(JSON.stringify({ soak: figures }));
  return passed(figures) ? 0 : 1;
}

process.exitCode = await main();
