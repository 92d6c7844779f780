import type { FirstRunFigures } from './first-runs.js';
import type { Figures } from './cannon.js';
import type { Anchors, GrowthFigures } from './corpus-source.js';
import type { StatementHits } from './db-hits.js';
import type { GrowthReport } from './growth.js';
import type { Machine } from './machine.js';
import type { Neo4jMemory } from '../memory/neo4j.js';
import type { StoreBuild } from './store-build.js';

/** Figures of one operation at one corpus size. */
export interface OperationResult extends Figures {
  name: string;
  idBased: boolean;
  /** Cypher round trips per request, from the response's `extensions.roundTrips`. */
  roundTrips: number | null;
  /** Database hits per request (Cypher PROFILE of each statement the request sends). */
  dbHits: number;
  statements: StatementHits[];
  /** Size of one response body. */
  bytes: number;
  /** Median latency of a few requests sent one at a time, without load (ms). */
  aloneMs: number;
}

/** The service against @neo4j/graphql on the same read, interleaved in one run. */
export interface ComparisonResult {
  operation: string;
  rounds: number;
  /** Both answers were compared after sorting every list by id; a difference stops the bench. */
  equalResults: true;
  service: Figures & { roundTrips: number | null };
  neo4jGraphql: Figures;
  /** Service requests/s over @neo4j/graphql requests/s. */
  throughputRatio: number;
}

export interface SizeResult {
  cases: number;
  graph: { nodes: number; relationships: number };
  /** Seconds the corpus took to grow to this size (several loaders; not the load benchmark). */
  growSeconds: number;
  /** The loader's figures for that growth, when the corpus source measures them. */
  growth: GrowthFigures | null;
  operations: OperationResult[];
  comparison: ComparisonResult | null;
  /** With `--store` / `--build-stores`: the store read (built beforehand), its size on disk, and how it was built when the bench built it. */
  store?: { dataDir: string; corpusDir: string; storeMiB: number; build: StoreBuild | null } | null;
  /** Neo4j's memory while this size was read (heap and page cache settings, heap used, resident peak). */
  neo4jMemory?: Neo4jMemory | null;
}

/** Load throughput as the load benchmark reports it. */
export interface LoadResult {
  benchmark: string;
  rows: Record<string, unknown>[];
}

export interface CpuProfileResult {
  operation: string;
  cases: number;
  file: string;
  /** Functions with the most self time while the operation was under load. */
  top: { function: string; location: string; selfPercent: number }[];
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  /** One-minute load average per core before the bench started its own processes. */
  loadPerCoreAtStart: number;
  /** True when other work was using the machine as the bench started (load per core above 0.3). */
  busy: boolean;
  machine: Machine;
  corpus: { source: string; anchors: Anchors };
  settings: { duration: number; warmup: number; connections: number; rounds: number; loaders: number };
  load: LoadResult | null;
  sizes: SizeResult[];
  /** The first run of each example query on a freshly started service, without and with the warm-up; null when left out (`--only`). */
  firstRuns?: FirstRunFigures[] | null;
  cpuProfile: CpuProfileResult | null;
  /** How load and reads grew across the sizes (fitted), projected to CourtListener's size; null with fewer than two sizes of 1,000 cases or more. */
  growth?: GrowthReport | null;
}
