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
import { anchorsOfCorpusDir, storesCorpusLabel } from './corpus-store.js';
import { growthOf } from './growth.js';
import { describeMachine, loadPerCore, type Machine } from './machine.js';
import { watchNeo4jMemory } from '../memory/neo4j.js';
import { caseCount, openStoreDatabase, storeBytes } from './store.js';
import { ensureStore, type StoreBuild } from './store-build.js';
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

/** What one way of providing the graph measured: the sizes, and what the run's record needs of it. */
interface Measured {
  machine: Machine;
  corpus: BenchResults['corpus'];
  sizes: SizeResult[];
  firstRuns: BenchResults['firstRuns'];
  cpuProfile: CpuProfileResult | null;
}

/** Reads at one size, with Neo4j's memory watched meanwhile. */
async function measureWatched(db: CorpusDatabase, anchors: Anchors, options: ReadOptions, say: (m: string) => void, warmJvm: boolean) {
  const watch = watchNeo4jMemory({ executor: db.executor, pid: db.target.embedded?.current().pid ?? null, settings: db.memory });
  const measured = await measureSize(db, anchors, options, say, warmJvm);
  const neo4jMemory = await watch.stop();
  say(`  Neo4j memory: heap ${neo4jMemory.heap ?? 'external'} (used at most ${neo4jMemory.heapUsedPeakMiB ?? '?'} MiB), page cache ${neo4jMemory.pageCache ?? 'external'}, resident peak ${neo4jMemory.rssPeakMiB ?? '?'} MiB.`);
  return { ...measured, neo4jMemory };
}

/** The default: one database, a corpus grown through the sizes with the project's loader. */
async function growAndRead(options: ReadOptions, say: (message: string) => void): Promise<Measured> {
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
        const measured = await measureWatched(db, source.anchors, options, say, sizes.length === 0);
        sizes.push({ cases, graph, growSeconds: Number(grown.seconds.toFixed(1)), growth: grown.figures, ...measured });
      }
      const profiled = OPERATIONS.find((op) => op.name === options.cpuProfile);
      return {
        machine,
        corpus: { source: source.name, anchors: source.anchors },
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

/** The stores to read: those named with --store, or those --build-stores builds (or finds built) for each size. */
async function storesToRead(options: ReadOptions, say: (message: string) => void): Promise<{ dataDir: string; corpusDir: string; build: StoreBuild | null }[]> {
  if (options.graph.kind === 'stores') return options.graph.stores.map((s) => ({ ...s, build: null }));
  if (options.graph.kind !== 'build') return [];
  const built = [];
  for (const cases of options.sizes) built.push(await ensureStore(options.graph.root, cases, options.memory, say));
  return built;
}

/** Stores built beforehand: each one's Neo4j started on it in turn (a fresh JVM, warmed), read only. */
async function readStores(options: ReadOptions, say: (message: string) => void): Promise<Measured> {
  const stores = await storesToRead(options, say);
  const sizes: SizeResult[] = [];
  let machine: Machine | null = null;
  let anchors: Anchors | null = null;
  let cpu: CpuProfileResult | null = null;
  for (const [index, store] of stores.entries()) {
    const storeAnchors = anchorsOfCorpusDir(store.corpusDir);
    anchors ??= storeAnchors;
    say(`Starting Neo4j on the store ${store.dataDir}…`);
    const db = await openStoreDatabase(store.dataDir, options.memory, say);
    try {
      machine ??= await describeMachine(db);
      const cases = await caseCount(db);
      const [found] = await db.executor.read<{ n: number }>({ text: 'MATCH (c:Case {id: $id}) RETURN count(c) AS n', params: { id: storeAnchors.caseId } });
      if (!found?.n) throw new Error(`--store ${store.dataDir}: its graph has no case ${storeAnchors.caseId}, the first case of --corpus-dir ${store.corpusDir}; give each store the corpus folder that built it.`);
      const graph = await graphSize(db);
      const storeMiB = Math.round(storeBytes(store.dataDir) / 1024 ** 2);
      say(`${cases} cases (${graph.nodes} nodes, ${graph.relationships} relationships, store ${storeMiB} MiB on disk); measuring:`);
      const measured = await measureWatched(db, storeAnchors, options, say, true);
      sizes.push({ cases, graph, growSeconds: store.build?.offline.seconds.total ?? 0, growth: null, ...measured, store: { dataDir: store.dataDir, corpusDir: store.corpusDir, storeMiB, build: store.build } });
      const profiled = OPERATIONS.find((op) => op.name === options.cpuProfile);
      if (profiled && index === stores.length - 1) cpu = await cpuProfile(db, storeAnchors, profiled, cases, options);
    } finally {
      await db.close();
    }
  }
  const order = sizes.map((s, i) => ({ s, i })).sort((a, b) => a.s.cases - b.s.cases);
  return {
    machine: machine!,
    corpus: { source: storesCorpusLabel(stores.map((s) => s.corpusDir)), anchors: anchors! },
    sizes: order.map((o) => o.s),
    firstRuns: null,
    cpuProfile: cpu,
  };
}

/** The read benchmark: measures every operation at each size, on a grown corpus or on stores built beforehand. */
export async function runReads(options: ReadOptions, say: (message: string) => void): Promise<Omit<BenchResults, 'load'>> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadPerCore();
  const measured = options.graph.kind === 'grow' ? await growAndRead(options, say) : await readStores(options, say);
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    loadPerCoreAtStart: loadAtStart,
    busy: loadAtStart > BUSY_LOAD_PER_CORE,
    machine: measured.machine,
    corpus: measured.corpus,
    settings: { ...options.load, rounds: options.rounds, loaders: options.loaders },
    sizes: measured.sizes,
    firstRuns: measured.firstRuns,
    cpuProfile: measured.cpuProfile,
    growth: growthOf(measured.sizes),
  };
}
