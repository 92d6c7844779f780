import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { classesDir, classpathFile } from '../../neo4j/embedded/build.js';
import { jvmArgs } from '../../neo4j/embedded/process.js';
import { ARRAY_DELIMITER_OPTION } from './csv-format.js';
import type { CsvSource } from './csv-files.js';

/** The database the embedded Neo4j serves. */
export const DATABASE = 'neo4j';

export interface ImporterOptions {
  /** Largest value in the files, in bytes: the importer's read buffer must hold it. */
  largestValueBytes: number;
  /** Off-heap memory the importer may use, e.g. 2G. */
  maxOffHeap: string;
}

/** The importer's read buffer for these files: at least 4 MiB, and twice the largest value. */
export function readBufferBytes(largestValueBytes: number): number {
  return Math.max(4 * 1024 * 1024, 2 * largestValueBytes + 1024 * 1024);
}

/**
 * The largest multi-line data file: the importer (v2, 5.26) reads a file of multi-line fields in
 * one buffer; a quoted line break across two of its buffers fails ("found CR outside a text
 * cell"), so each such file must fit in one.
 */
export const multilineFileBytes = (largestValueBytes: number) => readBufferBytes(largestValueBytes) - 64 * 1024;

/**
 * The arguments of `neo4j-admin database import full` for these files (after the command
 * words): the database name first, then the files, strict about bad entries. Only the files
 * whose rows hold line breaks are read as multi-line (`--multiline-fields=<files>`, format v2);
 * every other file is read in parallel chunks.
 */
export function importArguments(sources: CsvSource[], options: ImporterOptions & { reportFile: string }): string[] {
  const multiline = sources.filter((s) => s.group.multiline).flatMap((s) => s.data);
  const files = sources.flatMap((s) => {
    const argument = (data: string[]) => `--${s.group.kind}=${s.group.labels.join(':')}=${[s.header, ...data].join(',')}`;
    // A multi-line group's files each as an input of its own, so that each is read whole.
    return s.group.multiline ? s.data.map((file) => argument([file])) : [argument(s.data)];
  });
  return [
    DATABASE,
    ...files,
    '--delimiter=TAB',
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    '--id-type=string',
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--normalize-types=true',
    `--read-buffer-size=${readBufferBytes(options.largestValueBytes)}`,
    `--max-off-heap-memory=${options.maxOffHeap}`,
    `--report-file=${options.reportFile}`,
    ...(multiline.length > 0 ? [`--multiline-fields=${multiline.join(',')}`, '--multiline-fields-format=v2'] : []),
  ];
}

/** Where the embedded Neo4j keeps a database under its home (as DatabaseManagementServiceBuilder lays it out). */
export function databaseDirs(homeDir: string, database = DATABASE): string[] {
  return [path.join(homeDir, 'data', 'databases', database), path.join(homeDir, 'data', 'transactions', database)];
}

/** Removes a database's store and transaction logs: after a failed import, nothing half written stays. */
export async function removeDatabase(homeDir: string): Promise<void> {
  for (const dir of databaseDirs(homeDir)) await rm(dir, { recursive: true, force: true });
}

export class ImporterError extends Error {
  override name = 'ImporterError';
}

/** What the importer's JVM finishes the store with once the import is in (see `finish.ts`). */
export interface FinishOptions {
  /** The finish file: one `<phase> TAB <once|repeat> TAB <cypher>` line per statement. */
  statementsFile: string;
  /** The store's password file (the launcher's), so the new store never has the default login. */
  passwordFile: string;
  pageCacheBytes: number;
}

/** What the importer's JVM reports as it goes; `line` gets every line it prints. */
export interface ImporterEvents {
  line(text: string): void;
  /** The import is in (seconds since the JVM started the importer). */
  imported?(seconds: number): void;
  /** A finishing phase ended (`start`, then the phases of the finish file), with its seconds. */
  phase?(name: string, seconds: number): void;
  /** Elements fixed so far by `repeat` statements. */
  fixed?(count: number): void;
}

export class FinishError extends ImporterError {
  override name = 'FinishError';
}

/**
 * Runs Neo4j's importer (`database import full`, in-process in the launcher's `OfflineImport`,
 * from its Maven classpath) with NEO4J_HOME at the embedded store's home, verbose so that a
 * failure prints its cause; with `finish`, the same JVM then starts the new store without any
 * connector, runs the finish file's statements and shuts it down (one JVM start instead of two).
 * Rejects with the reason its output gives (ImporterError; FinishError when finishing failed).
 * An abort ends the JVM. `rows`: how many rows the files hold (it picks the JIT, `importerJvmArgs`).
 */
export async function runImporter(
  homeDir: string,
  args: string[],
  heap: string,
  events: ImporterEvents | ((text: string) => void),
  finish?: FinishOptions,
  signal?: AbortSignal,
  rows = 0,
): Promise<void> {
  const on: ImporterEvents = typeof events === 'function' ? { line: events } : events;
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const classpath = `${classesDir}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`;
  mkdirSync(homeDir, { recursive: true });
  const launcher = finish ? [finish.statementsFile, finish.passwordFile, String(finish.pageCacheBytes)] : ['-', '-', '-'];
  const child = spawn(java, [...importerJvmArgs(heap, rows), '-cp', classpath, 'casegraph.neo4j.OfflineImport', homeDir, ...launcher, ...args], {
    env: { ...withoutNeo4jConf(process.env), NEO4J_HOME: homeDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const abort = () => child.kill('SIGTERM');
  signal?.addEventListener('abort', abort, { once: true });
  const tail: string[] = [];
  let failedFinishing: string | null = null;
  const keep = (text: string) => {
    const event = /^OFFLINE_(\w+)(?: (.*))?$/.exec(text);
    if (event) {
      const [, kind, rest = ''] = event;
      if (kind === 'IMPORTED') on.imported?.(Number(rest));
      else if (kind === 'PHASE') on.phase?.(rest.split(' ')[0]!, Number(rest.split(' ')[1]));
      else if (kind === 'FIXED') on.fixed?.(Number(rest));
      else if (kind === 'FAILED') failedFinishing = rest;
      return;
    }
    tail.push(text);
    if (tail.length > 200) tail.shift();
    on.line(text);
  };
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => signal?.removeEventListener('abort', abort));
  if (code === 0) return;
  if (failedFinishing !== null) throw new FinishError(`Finishing the imported store (empty lists, schema) failed: ${failedFinishing}`);
  throw new ImporterError(`Neo4j's importer failed (exit code ${code}): ${importerReason(tail)}`);
}

/** Rows below which the importer's JVM compiles with C1 only (see `importerJvmArgs`). */
export const QUICK_JIT_ROWS = 1_000_000;

/**
 * The importer's JVM: the flags Neo4j runs with (its page cache needs the `--add-opens`), with
 * the heap the import asks for (it also serves the finishing start). Below QUICK_JIT_ROWS rows
 * it compiles with C1 only (`-XX:TieredStopAtLevel=1`): a run of that size is mostly the JVM's
 * fixed work (class loading, compiling), and C2's compiler threads doubled its CPU seconds
 * (measured: 29 vs 15 CPU s for a 2-case import, the import's own time unchanged at 300,000
 * rows); larger imports keep C2 for the importer's hot loops.
 */
export function importerJvmArgs(heap: string, rows: number): string[] {
  return [...jvmArgs(heap), ...(rows < QUICK_JIT_ROWS ? ['-XX:TieredStopAtLevel=1'] : [])];
}

/** The lines of the importer's output that say why it failed (its error, and what caused it). */
export function importerReason(lines: string[]): string {
  // A Java exception chain: its innermost cause says it best.
  const cause = lines.filter((l) => /^\s*Caused by: /.test(l)).at(-1);
  if (cause) return cause.replace(/^\s*Caused by: /, '').trim();
  const telling = lines.filter((l) => /error|exception|caused by|invalid|missing|duplicate|not found|failed/i.test(l) && !/^\s+at /.test(l));
  const picked = (telling.length > 0 ? telling : lines).slice(-8).map((l) => l.trim()).filter(Boolean);
  return picked.join('\n  ') || 'it printed nothing';
}

/** The embedded Neo4j has no neo4j.conf: a NEO4J_CONF of another installation must not apply. */
function withoutNeo4jConf(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NEO4J_CONF: _ignored, ...rest } = env;
  return rest;
}

/** The seconds the importer says its import took ("IMPORT DONE in 1m 2s 345ms."), without its JVM's start; null if it does not say. */
export function importerOwnSeconds(line: string): number | null {
  const match = /IMPORT DONE in ([^.]+)\./.exec(line);
  if (!match) return null;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let seconds = 0;
  for (const [, amount, unit] of match[1]!.matchAll(/(\d+)(ms|h|m|s)/g)) seconds += Number(amount) * units[unit!]!;
  return Number(seconds.toFixed(2));
}
