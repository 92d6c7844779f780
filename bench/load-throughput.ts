/**
 * `npm run bench:load -- [--cases 1000] [--configs 200x1,50x2] ...`: load throughput of a
 * generated fictional corpus into a real Neo4j, end to end (read, parse, validate, plan, write)
 * and for the write phase alone, for each batch size x loaders. Prints a table, one JSON line
 * (`{"benchmark":"load-throughput",...}`, read by `npm run bench`) and writes the same JSON to
 * bench-results/load-<time>.json. See ./README.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, startEmbeddedTarget, type Neo4jTarget } from '../src/neo4j/connection.js';
import { Executor } from '../src/neo4j/executor.js';
import { applySchema } from '../src/neo4j/migrations.js';
import { parseLoadBenchArgs, LOAD_BENCH_USAGE } from './load/args.js';
import { writeCorpus } from './load/corpus-dir.js';
import { measureLoad, type LoadFigures } from './load/measure.js';
import { findProcess, processCpuSeconds } from './load/process-cpu.js';
import { SAMPLE_DIRS, writeRecordCorpus, type RecordKind } from './load/records-dir.js';
import { offlineRows, offlineTable } from './load/offline.js';
import { runCli, type CliFigures } from './load/cli-run.js';
import { BULK_SAMPLE_DIR, readBulkSamples, writeBulkCorpus } from './load/bulk-dir.js';
import { bulkRow, bulkTable, type BulkRow } from './load/bulk-rows.js';
import { joinsMemory, type JoinsMemory } from './load/bulk-joins.js';
import { neo4jMemoryCaption, neo4jMemoryColumns, primeNeo4jMemory, withNeo4jMemory, type Neo4jMemory, type WatchedNeo4j } from './memory/neo4j.js';

/** Milliseconds between samples of Neo4j's heap (its hsperfdata file read, or a JMX query for NEO4J_URI) and resident peak during a row. */
const NEO4J_SAMPLE_MS = 250;

const parsed = parseLoadBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  (parsed.help ? process.stdout : process.stderr).write(parsed.help ? LOAD_BENCH_USAGE : `bench:load: ${parsed.message}\n`);
  process.exit(parsed.help ? 0 : 2);
}
const options = parsed.options;
if (options.cliBase !== null && !existsSync(path.join(options.cliBase, 'src/ingest/cli/main.ts'))) {
  process.stderr.write(`bench:load: --cli-base ${options.cliBase}: no src/ingest/cli/main.ts there; give a checkout of this project (with its node_modules)\n`);
  process.exit(2);
}
const say = (message: string) => console.error(message);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-load-bench-'));
const startedAt = new Date().toISOString();
const loadPerCore = () => Number((os.loadavg()[0]! / os.cpus().length).toFixed(2));
const loadPerCoreAtStart = loadPerCore();

let target: Neo4jTarget;
let databaseCpu: () => number | null = () => null;
if (process.env.NEO4J_URI) {
  target = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || '', database: process.env.NEO4J_DATABASE || 'neo4j', mode: 'external', release: async () => {} };
} else {
  const home = path.join(scratch, 'neo4j');
  target = await startEmbeddedTarget(home, { boltPort: 0, heap: options.heap, pageCache: options.pageCache }, say);
  const pid = findProcess('casegraph.neo4j.EmbeddedNeo4j', home);
  if (pid !== null) databaseCpu = () => processCpuSeconds(pid);
}
const driver = await connect(target);
const executor = new Executor(driver, target.database);
const embeddedSettings = target.mode === 'embedded' ? { heap: options.heap, pageCache: options.pageCache } : null;
const watched: WatchedNeo4j = { executor, pid: target.embedded?.current().pid ?? null, settings: embeddedSettings };
/** `work` with Neo4j's memory watched while it runs (its heap in use sampled, its JVM's VmHWM reset at the start). */
const watching = async <T extends object>(work: () => Promise<T>): Promise<T & { neo4jMemory: Neo4jMemory | null }> => {
  const { result, neo4jMemory } = await withNeo4jMemory(watched, NEO4J_SAMPLE_MS, work);
  return { ...result, neo4jMemory };
};

/** Each run loads a corpus of its own (ids start with its prefix), all from the same seed. */
const stamp = Date.now().toString(36);
async function run(name: string, cases: number, batch: number, loaders: number): Promise<LoadFigures & { neo4jMemory: Neo4jMemory | null }> {
  const files = await writeCorpus(path.join(scratch, name), { cases, seed: options.seed, prefix: `${name}-${stamp}`, format: 'yaml' });
  say(`${name}: ${cases} cases, ${batch} per transaction, ${loaders} loader${loaders === 1 ? '' : 's'}…`);
  return watching(() => measureLoad({ executor, files, batch, loaders, databaseCpu }));
}

try {
  await applySchema(executor);
  await primeNeo4jMemory(executor);
  const [component] = await executor.read<{ versions: string[]; edition: string }>({
    text: "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions, edition",
  });
  // A warm-up, so the JIT and Cypher's plan cache are in the state a running service has.
  if (options.warmup > 0) await run('warm', options.warmup, options.configs[0]!.batch, 1);
  const rows: (LoadFigures & { neo4jMemory: Neo4jMemory | null })[] = [];
  for (const [i, config] of options.configs.entries()) rows.push(await run(`l${i}`, options.cases, config.batch, config.loaders));
  // The command-line loader itself, in a process of its own: the streamed default path, the
  // unchanged reload, and (first size) --batch 200, the setting before streaming.
  const cliRows: ({ path: string; cases: number; databaseCpuSeconds: number | null; neo4jMemory: Neo4jMemory | null } & Omit<CliFigures, 'stdout'>)[] = [];
  /** A run of the command-line loader, with the CPU seconds Neo4j spent meanwhile (robust to the neighbours' load, unlike wall time). */
  const cliRunWithOutput = async (dir: string, extra: string[], root?: string) => {
    const before = databaseCpu();
    const figures = await watching(() => runCli(target, dir, extra, options.cliHeap, root));
    const after = databaseCpu();
    return { ...figures, databaseCpuSeconds: before === null || after === null ? null : Number((after - before).toFixed(1)) };
  };
  const cliRun = async (dir: string, extra: string[], root?: string) => {
    const { stdout: _stdout, ...figures } = await cliRunWithOutput(dir, extra, root);
    return figures;
  };
  const checkouts = options.cliBase === null ? [null] : [options.cliBase, null];
  for (const [i, cases] of options.cli.entries()) {
    // With --cli-base, the two loaders take turns going first (the graph grows under both).
    for (const base of i % 2 === 0 ? checkouts : [...checkouts].reverse()) {
      const dir = path.join(scratch, `cli-${i}${base === null ? '' : '-base'}`);
      await writeCorpus(dir, { cases, seed: options.seed, prefix: `c${i}${base === null ? '' : 'b'}-${stamp}`, format: 'yaml' });
      const which = base === null ? '' : ` (${path.basename(base)})`;
      say(`npm run load${which}: ${cases} cases, default path…`);
      cliRows.push({ path: `default (streamed)${which}`, cases, ...(await cliRun(dir, [], base ?? undefined)) });
      say(`npm run load${which}: the same ${cases} cases again (unchanged)…`);
      cliRows.push({ path: `reload, unchanged${which}`, cases, ...(await cliRun(dir, [], base ?? undefined)) });
      rmSync(dir, { recursive: true, force: true });
    }
    if (i === 0) {
      const old = path.join(scratch, `cli-batch`);
      await writeCorpus(old, { cases, seed: options.seed, prefix: `b${i}-${stamp}`, format: 'yaml' });
      say(`npm run load: ${cases} cases, --batch 200…`);
      cliRows.push({ path: '--batch 200 (validate all, then write)', cases, ...(await cliRun(old, ['--batch', '200'])) });
    }
  }

  // Real formats: copies of the sample dockets and opinions, through the same loader path.
  const recordRows: (LoadFigures & { kind: RecordKind; recordsPerSecond: number; neo4jMemory: Neo4jMemory | null })[] = [];
  if (options.records > 0) {
    for (const kind of ['docket', 'opinion'] as const) {
      for (const [i, config] of options.configs.entries()) {
        const files = await writeRecordCorpus(path.join(scratch, `${kind}-${i}`), kind, options.records, `r${i}${stamp}`, i * options.records);
        say(`${kind}s: ${files.length} records, ${config.batch} per transaction, ${config.loaders} loader${config.loaders === 1 ? '' : 's'}…`);
        const figures = await watching(() => measureLoad({ executor, files, batch: config.batch, loaders: config.loaders, databaseCpu }));
        recordRows.push({ kind, ...figures, recordsPerSecond: figures.casesPerSecond });
      }
    }
  }

  // CourtListener's bulk CSV tables, N dockets' worth per size, through `npm run load DIR` (a
  // process of its own), then the same files again (unchanged). Each size a corpus of its own
  // (ids after the previous size's), into the same Neo4j; the offline rows import them below.
  const bulkRows: BulkRow[] = [];
  const bulkCorpora: { dir: string; dockets: number; files: string[] }[] = [];
  const bulkJoins: JoinsMemory[] = [];
  const bulkSamples = options.bulk.length > 0 ? await readBulkSamples() : undefined;
  let bulkFirst = 0;
  for (const [i, dockets] of options.bulk.entries()) {
    const dir = path.join(scratch, `bulk-${i}`);
    const corpus = await writeBulkCorpus(dir, dockets, `k${i}${stamp}`, bulkFirst, bulkSamples);
    bulkFirst += dockets;
    const total = Object.values(corpus.rows).reduce((n, r) => n + r, 0);
    // What the loader's joins keep of this corpus (the part of its memory that grows with it), measured in this process.
    bulkJoins.push(await joinsMemory(corpus.files));
    for (const run of ['default', 'reload, unchanged']) {
      say(`npm run load: CourtListener bulk CSV, ${dockets} dockets' worth (${total} rows of 8 tables), ${run}…`);
      const start = loadPerCore();
      bulkRows.push(bulkRow(run, dockets, await cliRunWithOutput(dir, []), { start, end: loadPerCore() }));
    }
    if (options.bulkOffline) bulkCorpora.push({ dir, dockets, files: corpus.files });
    else rmSync(dir, { recursive: true, force: true });
  }

  // The offline bulk import, each row into an empty store of its own.
  const offline: Awaited<ReturnType<typeof offlineRows>> = [];
  const corpus = options.offlineCorpus;
  for (const size of options.offline) {
    offline.push(...(await offlineRows({
      scratch, seed: options.seed, heap: options.heap, pageCache: options.pageCache, base: options.offlineBase, say, bulk: [],
      cases: corpus === 'all' || corpus === 'generated' ? size : 0,
      records: corpus === 'all' || corpus === 'dockets' ? size : 0,
      opinions: corpus === 'all' || corpus === 'opinions' ? size : 0,
    })));
  }
  if (bulkCorpora.length > 0) {
    offline.push(...(await offlineRows({ scratch, cases: 0, records: 0, opinions: 0, bulk: bulkCorpora, seed: options.seed, heap: options.heap, pageCache: options.pageCache, base: options.offlineBase, say })));
  }

  const result = {
    benchmark: 'load-throughput',
    startedAt,
    finishedAt: new Date().toISOString(),
    corpus: { generator: 'npm run generate', seed: options.seed, cases: options.cases, warmupCases: options.warmup },
    machine: { cpu: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, loadPerCoreAtStart },
    neo4j: {
      version: component ? `${component.versions.join(', ')} ${component.edition}` : 'unknown',
      mode: target.mode,
      memory: embeddedSettings ?? 'external',
      /** How each row's `neo4jMemory` was measured. */
      memoryWatch: { heapSampleMs: NEO4J_SAMPLE_MS, heap: "the JVM's hsperfdata counters (JMX for NEO4J_URI)", rssPeak: "VmHWM of the JVM, reset at each row's start (/proc/<pid>/clear_refs)" },
    },
    rows,
    cli: cliRows,
    cliHeapMiB: options.cliHeap,
    cliBase: options.cliBase === null ? null : path.basename(options.cliBase),
    records: { samples: SAMPLE_DIRS, perRow: options.records, rows: recordRows },
    /** Peak resident memory of this process, in MiB (process.resourceUsage().maxRSS). */
    loaderPeakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    loadPerCoreAtEnd: Number((os.loadavg()[0]! / os.cpus().length).toFixed(2)),
    offline: { perRow: options.offline, base: options.offlineBase === null ? null : path.basename(options.offlineBase), rows: offline },
    bulk: { samples: BULK_SAMPLE_DIR, sizes: options.bulk, rows: bulkRows, joins: bulkJoins },
  };
  console.log(`Load throughput: ${options.cases} generated cases per row (seed ${options.seed}), Neo4j ${result.neo4j.version} ${target.mode}` +
    `${target.mode === 'embedded' ? ` (heap ${options.heap}, page cache ${options.pageCache})` : ''}, ${result.machine.cores} cores, load per core at start ${loadPerCoreAtStart}`);
  console.table(rows.map((r) => ({
    batch: r.batch, loaders: r.loaders, cases: r.cases, elements: r.elements, 'prepare s': r.prepareSeconds, 'write s': r.writeSeconds,
    'elements/s': r.elementsPerSecond, 'write elements/s': r.writeElementsPerSecond, 'cases/s': r.casesPerSecond,
    'loader CPU s': r.loaderCpuSeconds, 'Neo4j CPU s': r.databaseCpuSeconds, 'reload elements/s': r.reloadElementsPerSecond, ...neo4jMemoryColumns(r.neo4jMemory),
  })));
  console.log(neo4jMemoryCaption(embeddedSettings, NEO4J_SAMPLE_MS));
  if (cliRows.length > 0) {
    console.log(`npm run load itself (a process of its own; its own summary line; peak RSS of the loader process alone${options.cliHeap ? `; V8 heap capped at ${options.cliHeap} MiB` : ''}):`);
    console.table(cliRows.map((r) => ({
      path: r.path, cases: r.cases, elements: r.elements, 'work s': r.workSeconds, 'elements/s': r.elementsPerSecond, 'loader CPU s': r.cpuSeconds, 'Neo4j CPU s': r.databaseCpuSeconds, 'loader peak RSS MiB': r.peakRssMiB, ...neo4jMemoryColumns(r.neo4jMemory),
    })));
  }
  if (recordRows.length > 0) {
    console.log(`Real formats: ${options.records} records per row, copies of the samples (${SAMPLE_DIRS.docket}, ${SAMPLE_DIRS.opinion}), each a new case`);
    console.table(recordRows.map((r) => ({
      kind: r.kind, batch: r.batch, loaders: r.loaders, records: r.cases, elements: r.elements, 'elements/record': r.elementsPerCase, 'prepare s': r.prepareSeconds,
      'write s': r.writeSeconds, 'records/s': r.recordsPerSecond, 'elements/s': r.elementsPerSecond, 'write elements/s': r.writeElementsPerSecond,
      'loader CPU s': r.loaderCpuSeconds, 'Neo4j CPU s': r.databaseCpuSeconds, 'reload elements/s': r.reloadElementsPerSecond, ...neo4jMemoryColumns(r.neo4jMemory),
    })));
  }
  console.log(`Loader peak RSS ${result.loaderPeakRssMiB} MiB (the whole bench process: generation, validation, plans and writes); load average at the end ${result.loadPerCoreAtEnd} per core`);
  if (bulkRows.length > 0) {
    console.log(`CourtListener bulk CSV (npm run load DIR, its own process; the eight tables, N dockets' worth made from ${BULK_SAMPLE_DIR}, each docket a new case, courts, judges and cited opinions shared; rows/s of a table: its rows over its own seconds):`);
    console.table(bulkTable(bulkRows));
    console.log("The loader's CourtListener joins after each corpus (V8 heap after a full collection, in a process of its own, learnt as npm run load learns them; held until its last file; " +
      'below a few thousand dockets a fixed part of a few hundred KB, the reader\'s code and buffers, dominates: take the slope between two large sizes):');
    console.table(bulkJoins.map((j) => ({ dockets: j.dockets, rows: j.rows, 'joins MiB': Number((j.bytes / 2 ** 20).toFixed(2)), 'bytes/docket': j.bytesPerDocket, 'bytes/row': j.bytesPerRow, ...j.entries })));
  }
  if (offline.length > 0) {
    const kinds = { all: 'generated cases, distinct dockets made from the samples and CAP opinions made from the samples', generated: 'generated cases', dockets: 'distinct dockets made from the samples', opinions: 'CAP opinions made from the samples' }[options.offlineCorpus];
    console.log(`Offline bulk import (npm run load -- --offline, its own process): per size (${options.offline.join(', ') || 'none'}) that many ${kinds}${bulkCorpora.length > 0 ? ', then the bulk CSV corpora' : ''}, each into an empty store; ` +
      'totals include the JVMs\' starts (the importer and the finishing start of Neo4j, one JVM since the launcher\'s OfflineImport); loader peak RSS is the loader process\'s own, JVM CPU the JVMs\' it ran; ' +
      'JVM RSS peak import/finish: the import JVM\'s VmHWM while Neo4j\'s importer ran, then (reset when the import was in, so it counts what the importer left resident) while the new store was started, ' +
      'its empty lists set and the schema applied, sampled every 0.25 s; JVM heap peak import/finish: the most heap in use among those samples (its hsperfdata counters); its heap (-Xmx), the importer\'s off-heap limit and the finishing page cache read from its command line');
    console.table(offlineTable(offline));
  }
  console.log(JSON.stringify(result));
  mkdirSync(options.outDir, { recursive: true });
  const file = path.join(options.outDir, `load-${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  say(`Results: ${file}`);
} finally {
  await driver.close();
  await target.release();
  rmSync(scratch, { recursive: true, force: true });
}
