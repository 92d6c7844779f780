import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/load/corpus-dir.js';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { databaseDirs } from '../../src/ingest/offline/importer.js';
import { connect, startEmbeddedTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { graphDump } from '../support/graph.js';

/**
 * A stopped offline import (SIGINT, SIGTERM, or killed) keeps its planning in its spill folder,
 * and the same command resumes from it: the files unchanged keep their plans, the rest are
 * planned, and the result is what a run never stopped writes (the same CSV files, byte for byte;
 * the same graph in the store). `--fresh` starts over; a checkpoint of other code, or whose
 * files changed, is removed with a line saying why. Every folder here is this file's own.
 */
let scratch: string;
let corpus: string;
let files: number;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the loader as a user would on a DATA_DIR of its own; with `stop`, sends `signal` once a
 * line of its stderr (its progress, with --json) passes `when`.
 */
function load(dataDir: string, args: string[], stop?: { when: (progress: { phase: string; done: number; finished?: boolean }) => boolean; signal: NodeJS.Signals }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NEO4J_URI: _unset, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], {
      env: { ...rest, DATA_DIR: dataDir, NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m', OFFLINE_IMPORT_MEMORY: '512M' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (!stop || sent) return;
      for (const line of chunk.toString().split('\n')) {
        if (!line.startsWith('{"progress"')) continue;
        if (stop.when(JSON.parse(line).progress)) {
          sent = true;
          child.kill(stop.signal);
          break;
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The CSV files of a --csv-only folder, by name (the command line names the folder: not compared). */
function csvFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.tsv') || n === 'after-import.cypher').sort().map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));
}

const spillFolders = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.offline-spill-'));
const stoppedCount = (stderr: string) => Number(/Stopped: the planning of (\d+) of (\d+) files is kept/.exec(stderr)?.[1]);
const resumedCount = (stderr: string) => Number(/Resuming: (\d+) of (\d+) files already planned/.exec(stderr)?.[1]);
const planningAt = (least: number) => (p: { phase: string; done: number }) => p.phase === 'planning' && p.done >= least && p.done < files - 30;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-resume-test-'));
  corpus = path.join(scratch, 'corpus');
  // Enough files that planning lasts some seconds: the stops below land while it runs.
  files = (await writeCorpus(corpus, { cases: 400, seed: 7, prefix: 'resume', format: 'yaml' })).length;
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a stopped offline import', { timeout: 900_000 }, () => {
  let unstopped: Record<string, string>;

  beforeAll(async () => {
    const dir = path.join(scratch, 'csv-unstopped');
    const run = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, corpus]);
    expect(run.code, run.stderr).toBe(EXIT_CODES.OK);
    unstopped = csvFiles(dir);
    expect(Object.keys(unstopped).length).toBeGreaterThan(5);
    expect(spillFolders(dir)).toEqual([]);
  });

  it('stopped by SIGINT while planning, resumes from the files planned and writes what a run never stopped writes', async () => {
    const dir = path.join(scratch, 'csv-sigint');
    const stopped = await load(path.join(scratch, 'none'), ['--offline', '--json', '--csv-only', dir, corpus], { when: planningAt(20), signal: 'SIGINT' });
    expect(stopped.code, stopped.stderr).toBe(EXIT_CODES.INTERRUPTED);
    const kept = stoppedCount(stopped.stderr);
    expect(kept).toBeGreaterThanOrEqual(20);
    expect(kept).toBeLessThan(files);
    expect(spillFolders(dir)).toHaveLength(1);
    const spill = path.join(dir, spillFolders(dir)[0]!);
    expect(readdirSync(spill).sort()).toEqual(['checkpoint.json', 'owner', 'planned.jsonl', 'plans.bin']);

    const resumed = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, corpus]);
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.OK);
    expect(resumedCount(resumed.stderr)).toBe(kept);
    expect(resumed.stderr).toContain(`Resuming: ${kept} of ${files} files already planned`);
    expect(csvFiles(dir)).toEqual(unstopped);
    // Done: the checkpoint went with the spill folder.
    expect(spillFolders(dir)).toEqual([]);
  });

  it('killed while planning (no chance to clean up), resumes from what its checkpoint holds, which the stale-spill cleanup leaves', async () => {
    const dir = path.join(scratch, 'csv-kill');
    // Killed more than a second into planning (the plans are flushed every second), well before its end.
    let first: number | undefined;
    const killed = await load(path.join(scratch, 'none'), ['--offline', '--json', '--csv-only', dir, corpus], {
      when: (p) => p.phase === 'planning' && performance.now() - (first ??= performance.now()) >= 1_200 && p.done < files - 10,
      signal: 'SIGKILL',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(spillFolders(dir)).toHaveLength(1);
    const resumed = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, corpus]);
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.OK);
    expect(resumed.stderr).not.toContain('stopped hard');
    // What the kill left unwritten (the plans still in memory) is planned again; at least a few were on disk.
    expect(resumedCount(resumed.stderr)).toBeGreaterThan(0);
    expect(csvFiles(dir)).toEqual(unstopped);
  });

  it('stopped by SIGTERM after planning (sorting, merging or writing the CSV files), keeps every plan and resumes with none planned again', async () => {
    const dir = path.join(scratch, 'csv-sigterm');
    const stopped = await load(path.join(scratch, 'none'), ['--offline', '--json', '--csv-only', dir, corpus], { when: (p) => p.phase === 'planning' && p.finished === true, signal: 'SIGTERM' });
    expect(stopped.code, stopped.stderr).toBe(EXIT_CODES.INTERRUPTED);
    expect(stoppedCount(stopped.stderr)).toBe(files);
    const resumed = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, corpus]);
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.OK);
    expect(resumed.stderr).toContain(`Resuming: ${files} of ${files} files already planned`);
    expect(csvFiles(dir)).toEqual(unstopped);
  });

  it('discards a checkpoint whose files changed (from the first changed one), of other code, or with --fresh, saying why', async () => {
    const inputs = path.join(scratch, 'changing');
    cpSync(corpus, inputs, { recursive: true });
    const dir = path.join(scratch, 'csv-changed');
    const stop = () => load(path.join(scratch, 'none'), ['--offline', '--json', '--csv-only', dir, inputs], { when: planningAt(20), signal: 'SIGINT' });
    const stopped = await stop();
    expect(stopped.code, stopped.stderr).toBe(EXIT_CODES.INTERRUPTED);
    const kept = stoppedCount(stopped.stderr);

    // The 11th file (in load order) changes: the ten before it keep their plans, it and the rest are planned again.
    const names = readdirSync(inputs).filter((n) => n.endsWith('.case.yaml')).sort();
    const changed = path.join(inputs, names[10]!);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/caption: (.*)/, 'caption: $1 (amended)'));
    expect(readFileSync(changed, 'utf8')).toContain('(amended)');
    const resumed = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, inputs]);
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.OK);
    expect(resumed.stderr).toContain(`Resuming: 10 of ${files} files already planned`);
    expect(resumed.stderr).toContain(`${names[10]} changed since: it and the files after it are planned again`);
    const fresh = path.join(scratch, 'csv-changed-fresh');
    expect((await load(path.join(scratch, 'none'), ['--offline', '--csv-only', fresh, inputs])).code).toBe(EXIT_CODES.OK);
    expect(csvFiles(dir)).toEqual(csvFiles(fresh));
    expect(csvFiles(dir)).not.toEqual(unstopped);
    expect(kept).toBeGreaterThan(10);

    // A checkpoint made by other code is not used.
    expect((await stop()).code).toBe(EXIT_CODES.INTERRUPTED);
    const head = path.join(dir, spillFolders(dir)[0]!, 'checkpoint.json');
    writeFileSync(head, readFileSync(head, 'utf8').replace(/"code":"[0-9a-f]+"/, '"code":"0000000000000000"'));
    const other = await load(path.join(scratch, 'none'), ['--offline', '--csv-only', dir, inputs]);
    expect(other.code, other.stderr).toBe(EXIT_CODES.OK);
    expect(other.stderr).toContain("Removed the checkpoint of a stopped offline import");
    expect(other.stderr).toContain("the loader's code changed since");
    expect(other.stderr).not.toContain('Resuming:');

    // --fresh removes it and plans every file.
    expect((await stop()).code).toBe(EXIT_CODES.INTERRUPTED);
    const restarted = await load(path.join(scratch, 'none'), ['--offline', '--fresh', '--csv-only', dir, inputs]);
    expect(restarted.code, restarted.stderr).toBe(EXIT_CODES.OK);
    expect(restarted.stderr).toContain('starting over (--fresh)');
    expect(restarted.stderr).not.toContain('Resuming:');
    expect(csvFiles(dir)).toEqual(csvFiles(fresh));
  });

  it('into DATA_DIR: stopped by SIGTERM while planning, resumed, the store holds the graph of an import never stopped', async () => {
    const stoppedDir = path.join(scratch, 'store-resumed');
    const stopped = await load(stoppedDir, ['--offline', '--json', corpus], { when: planningAt(20), signal: 'SIGTERM' });
    expect(stopped.code, stopped.stderr).toBe(EXIT_CODES.INTERRUPTED);
    const kept = stoppedCount(stopped.stderr);
    expect(kept).toBeGreaterThanOrEqual(20);
    // Nothing of it is in the store.
    expect(existsSync(databaseDirs(path.join(stoppedDir, 'neo4j'))[0]!)).toBe(false);
    const resumed = await load(stoppedDir, ['--offline', corpus]);
    expect(resumed.code, resumed.stderr).toBe(EXIT_CODES.OK);
    expect(resumed.stderr).toContain(`Resuming: ${kept} of ${files} files already planned`);

    const straightDir = path.join(scratch, 'store-straight');
    expect((await load(straightDir, ['--offline', corpus])).code).toBe(EXIT_CODES.OK);
    const [resumedGraph, straightGraph] = [await withStore(stoppedDir, graphDump), await withStore(straightDir, graphDump)];
    expect(resumedGraph.length).toBeGreaterThan(1000);
    expect(resumedGraph).toEqual(straightGraph);
  });
});

/** Starts the embedded Neo4j on a DATA_DIR, runs `work`, stops it. */
async function withStore<T>(dataDir: string, work: (executor: Executor) => Promise<T>): Promise<T> {
  const target = await startEmbeddedTarget(path.join(dataDir, 'neo4j'), { boltPort: 0, heap: '256m', pageCache: '64m' }, () => {});
  try {
    const driver = await connect(target);
    try {
      return await work(new Executor(driver, target.database));
    } finally {
      await driver.close();
    }
  } finally {
    await target.release();
  }
}
