#!/usr/bin/env node
/**
 * `npm run load -- <files, folders or globs> [options]` (the `case-graph-load` bin): validates
 * case files and loads them into the graph. See ./README.md and `--help`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatProblems } from '../casefile/problems.js';
import { bulkRowFiles } from './bulk-offline.js';
import { ConfigError, loadConfig, type Config } from '../../config/env.js';
import { parseCliArgs, USAGE, type CliOptions } from './args.js';
import { openNeo4j, type Connection } from './connect.js';
import { chooseExitCode, EXIT_CODES, type ExitCode } from './exit-codes.js';
import { expandInputs, type CaseFileRef } from './files.js';
import { expandRecords } from './records.js';
import { Output } from './output.js';
import { addToTotals, formatSummary, statusesOf } from './report.js';
import { runFiles } from './run.js';
import { runBulk } from './bulk.js';
import { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { isBulkCsvFile } from '../importers/courtlistener/bulk/tables.js';
import { runOfflineImport } from '../offline/run.js';

const usageError = (message: string): ExitCode => {
  process.stderr.write(`case-graph-load: ${message}\nRun it with --help for usage.\n`);
  return EXIT_CODES.USAGE;
};

async function main(argv: string[]): Promise<ExitCode> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return usageError(parsed.message);
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_CODES.OK;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return usageError(error.message);
    throw error;
  }
  const expanded = await expandInputs(options.inputs);
  if (!expanded.ok) return usageError(expanded.message);
  const bulk = expanded.files.filter((file) => isBulkCsvFile(file.path));
  const files = await expandRecords(expanded.files.filter((file) => !isBulkCsvFile(file.path)));
  const out = new Output({ json: options.json, quiet: options.quiet, files: options.offline ? 0 : files.length });
  const stops = stopOnSignals(out);
  const run: Run = { config, options, files, bulk, out, stops };
  return options.offline ? runOffline(run) : runOnline(run);
}

/** A run's inputs: its files (a record of a file of several is an entry of its own) and bulk CSV files apart. */
interface Run {
  config: Config;
  options: CliOptions;
  files: CaseFileRef[];
  bulk: CaseFileRef[];
  out: Output;
  stops: Stops;
}

interface Stops {
  /** Fires on the first SIGINT/SIGTERM: stop after the current step. */
  stopping: AbortController;
  /** Fires when work in flight should be abandoned rather than awaited (the loader's own Neo4j is stopping too). */
  abandon: AbortController;
  /** The Neo4j in use, once reached. */
  connection?: Connection;
}

/** The first SIGINT or SIGTERM stops the run after the current step (a case is written whole or not at all); a second quits at once. */
function stopOnSignals(out: Output): Stops {
  const stops: Stops = { stopping: new AbortController(), abandon: new AbortController() };
  const onSignal = () => {
    if (stops.stopping.signal.aborted) {
      out.done(); // gives the cursor back if the bar hid it
      process.stderr.write('Second signal: quitting now.\n');
      process.exit(EXIT_CODES.INTERRUPTED);
    }
    process.exitCode = EXIT_CODES.INTERRUPTED;
    stops.stopping.abort();
    out.problem('Stopping after the current step (a case is written whole or not at all); press Ctrl-C again to quit at once.');
    if (stops.connection?.ownsNeo4j) stops.abandon.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return stops;
}

/** `--offline`: bulk CSV rows become case files (one a row, in a folder of their own) that the offline import plans with the others. */
async function runOffline({ config, options, files, bulk, out, stops }: Run): Promise<ExitCode> {
  const signal = stops.stopping.signal;
  const rowsDir = bulk.length > 0 ? mkdtempSync(path.join(os.tmpdir(), 'case-graph-bulk-rows-')) : null;
  try {
    if (rowsDir) {
      const rows = await bulkRowFiles(bulk, files[0]?.joins ?? new CourtListenerJoins(), rowsDir, (m) => out.info(m), signal);
      if (rows.problems.length > 0) {
        out.problem(`${formatProblems(rows.problems)}\nNothing was imported: ${rows.problems.length} problem(s) in the bulk CSV files; the store is as it was. Fix them and run the import again.`);
        return EXIT_CODES.INVALID;
      }
      out.info(`${rows.rows} bulk CSV rows: ${rows.files.length} case files, ${rows.names} rows used for names.`);
      files.push(...rows.files);
    }
    return await runOfflineImport(config, files, { json: options.json, quiet: options.quiet, format: options.format, csvOnly: options.csvOnly, fresh: options.fresh }, out, signal);
  } catch (error) {
    if (signal.aborted) return EXIT_CODES.INTERRUPTED;
    throw error;
  } finally {
    if (rowsDir) rmSync(rowsDir, { recursive: true, force: true });
  }
}

/** The normal path: Neo4j reached, the files loaded (run.ts), then the bulk CSV files (bulk.ts), the summary and the exit code. */
async function runOnline({ config, options, files, bulk, out, stops }: Run): Promise<ExitCode> {
  const started = performance.now();
  let open: Connection;
  try {
    open = stops.connection = await openNeo4j(config, (message) => out.info(message));
  } catch (error) {
    out.problem((error as Error).message);
    return stops.stopping.signal.aborted ? EXIT_CODES.INTERRUPTED : EXIT_CODES.NEO4J_UNAVAILABLE;
  }
  try {
    const n = `${files.length} file${files.length === 1 ? '' : 's'}`;
    out.info(options.dryRun ? `Dry run: checking ${n} against ${open.description}; nothing will be written.` : `Loading ${n} into ${open.description}.`);
    const connected = performance.now();
    const run = await runFiles(open.executor, files, options, out, stops.stopping.signal, stops.abandon.signal);
    if (bulk.length > 0 && !run.interrupted && !run.connectionLost) {
      for (const result of await runBulk(open.executor, bulk, files[0]?.joins ?? new CourtListenerJoins(), options, out, stops.stopping.signal)) addToTotals(run.totals, result);
    }
    out.done();
    const summary = formatSummary(run.totals, options.dryRun, { workMs: performance.now() - connected, neo4jMs: connected - started });
    if (options.json) out.info(summary);
    else if (!options.quiet) out.report(summary);
    // A bulk load stops between rows (runBulk): stopped, it is interrupted whatever its files' statuses.
    const interrupted = run.interrupted || (bulk.length > 0 && stops.stopping.signal.aborted);
    return chooseExitCode({ statuses: statusesOf(run.totals), dryRun: options.dryRun, interrupted, connectionLost: run.connectionLost });
  } finally {
    out.done();
    await open.close().catch((error: unknown) => out.problem(`Closing the connection to Neo4j failed: ${(error as Error).message}`));
  }
}

let finished = false;
// Should a promise never settle, Node would end with status 0 as if all went well.
process.on('beforeExit', () => {
  if (finished) return;
  process.stderr.write('case-graph-load: stopped before finishing (a step never completed).\n');
  process.exitCode = process.exitCode || EXIT_CODES.FAILED;
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    process.stderr.write(`case-graph-load failed unexpectedly: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT_CODES.FAILED;
  },
);
