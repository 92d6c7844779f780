import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { timedRun, warmUp } from './cannon.js';
import { CPU_PROFILE_ENV } from './child-entry.js';
import { startServerChild, type ServerChild } from './child.js';
import { measureFirstRuns } from './first-runs.js';
import { compareServers } from './compare.js';
import { Corpus, openCorpusDatabase, type CorpusDatabase } from './corpus.js';
import { corpusSource } from './corpus-choice.js';
import { readCpuProfile, topSelfTime } from './cpu-profile.js';
import { describeMachine, loadPerCore } from './machine.js';
import { measureOperation, warmService } from './measure.js';
import { OPERATIONS, type Operation } from './operations.js';
import { COMPARE, type ReadOptions } from './options.js';
import { requestBody } from './probe.js';
import type { BenchResults, CpuProfileResult, SizeResult } from './results.js';
import type { Anchors } from './corpus-source.js';

/** Load per core above which the machine counts as busy with other work when the bench starts. */
const BUSY_LOAD_PER_CORE = 0.3;
const SERVICE_ENTRY = 'reads/serve-service';
const NEO4J_GRAPHQL_ENTRY = 'neo4j-graphql/serve';
/**
 * Unmeasured load per operation before the first size: Neo4j's JVM compiles its hot paths in
 * the first minute of queries, and without this the first size ran on a cold JVM and looked
 * slower than the larger ones (caseDetail p50 110 ms at 1 case, 49 ms at 1,000).
 */
const JVM_WARMUP_SECONDS = 10;

async function graphSize(db: CorpusDatabase) {
  const [nodes] = await db.executor.read<{ n: number }>({ text: 'MATCH (n) RETURN count(n) AS n' });
  const [relationships] = await db.executor.read<{ n: number }>({ text: 'MATCH ()-[r]->() RETURN count(r) AS n' });
  return { nodes: nodes?.n ?? 0, relationships: relationships?.n ?? 0 };
}

/** Every chosen operation at one size, then the comparison, each server in its own process. */
async function measureSize(
  db: CorpusDatabase,
  anchors: Anchors,
  options: ReadOptions,
  say: (m: string) => void,
  warmJvm: boolean,
): Promise<Pick<SizeResult, 'operations' | 'comparison'>> {
  const chosen = OPERATIONS.filter((op) => options.only.includes(op.name));
  const logs = (name: string) => ({ logFile: path.resolve(options.outDir, 'logs', `${name}-${Date.now()}.log`) });
  // The start-up warm-up runs the seed's examples, which the measured operations do not use: off here.
  const service = await startServerChild('service', SERVICE_ENTRY, db.target, { ...logs('service'), env: { WARM_UP: 'false' } });
  let other: ServerChild | null = null;
  try {
    await warmService(service, chosen, anchors);
    if (warmJvm) {
      say(`  warming Neo4j's JVM (${JVM_WARMUP_SECONDS} s of unmeasured load per operation)…`);
      for (const op of chosen) await timedRun({ url: service.url, body: requestBody(op.query, op.variables(anchors)) }, JVM_WARMUP_SECONDS, options.load);
    }
    const operations = [];
    for (const op of chosen) {
      say(`  ${op.name}…`);
      operations.push(await measureOperation(op, service, db, anchors, options.load));
    }
    let comparison = null;
    if (options.only.includes(COMPARE)) {
      say('  service vs @neo4j/graphql, interleaved…');
      other = await startServerChild('@neo4j/graphql', NEO4J_GRAPHQL_ENTRY, db.target, logs('neo4j-graphql'));
      comparison = await compareServers(service, other, anchors, options.load, options.rounds);
    }
    return { operations, comparison };
  } finally {
    await other?.stop();
    await service.stop();
  }
}

/** A CPU profile of the service while one operation is under load (after its warm-up); the profile's top self times. */
async function cpuProfile(db: CorpusDatabase, anchors: Anchors, op: Operation, cases: number, options: ReadOptions): Promise<CpuProfileResult> {
  const dir = path.resolve(options.outDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `service-${op.name}-${cases}-${Date.now()}.cpuprofile`;
  const file = path.join(dir, name);
  const service = await startServerChild('service (profiled)', SERVICE_ENTRY, db.target, {
    logFile: path.resolve(options.outDir, 'logs', `service-profiled-${Date.now()}.log`),
    env: { [CPU_PROFILE_ENV]: file, WARM_UP: 'false' },
  });
  try {
    const request = { url: service.url, body: requestBody(op.query, op.variables(anchors)) };
    await warmUp(request, options.load);
    service.signal('SIGUSR2');
    await timedRun(request, options.load.duration, options.load);
  } finally {
    await service.stop();
  }
  return { operation: op.name, cases, file: path.relative(process.cwd(), file), top: topSelfTime(readCpuProfile(file)) };
}

/** The read benchmark: grows the corpus through the sizes and measures every operation at each. */
export async function runReads(options: ReadOptions, say: (message: string) => void): Promise<Omit<BenchResults, 'load'>> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadPerCore();
  const largest = options.sizes.at(-1)!;
  const db = await openCorpusDatabase(options.memory, say);
  try {
    const machine = await describeMachine(db);
    say('First runs of the example queries on a freshly started service…');
    const firstRuns = options.only.includes('firstRuns') ? await measureFirstRuns(db, options.outDir, say) : null;
    say(`Preparing the ${options.corpus} corpus (${largest} cases)…`);
    const source = await corpusSource(options.corpus, largest);
    try {
      const corpus = new Corpus(db.executor, source, options.loaders);
      const sizes: SizeResult[] = [];
      for (const cases of options.sizes) {
        say(`Growing the corpus to ${cases} cases…`);
        const grown = await corpus.growTo(cases);
        const graph = await graphSize(db);
        say(`${cases} cases (${graph.nodes} nodes, ${graph.relationships} relationships), loaded in ${grown.seconds.toFixed(1)} s; measuring:`);
        const measured = await measureSize(db, source.anchors, options, say, sizes.length === 0);
        sizes.push({ cases, graph, growSeconds: Number(grown.seconds.toFixed(1)), growth: grown.figures, ...measured });
      }
      const profiled = OPERATIONS.find((op) => op.name === options.cpuProfile);
      return {
        startedAt,
        finishedAt: new Date().toISOString(),
        loadPerCoreAtStart: loadAtStart,
        busy: loadAtStart > BUSY_LOAD_PER_CORE,
        machine,
        corpus: { source: source.name, anchors: source.anchors },
        settings: { ...options.load, rounds: options.rounds, loaders: options.loaders },
        sizes,
        firstRuns,
        cpuProfile: profiled ? await cpuProfile(db, source.anchors, profiled, largest, options) : null,
      };
    } finally {
      await source.dispose();
    }
  } finally {
    await db.close();
  }
}
