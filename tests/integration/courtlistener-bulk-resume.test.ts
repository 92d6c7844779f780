import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { databaseDirs } from '../../src/ingest/offline/importer.js';
import { connect, startEmbeddedTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { generatedBulkTables, writeBulkFiles } from '../support/bulk-csv.js';
import { graphDump } from '../support/graph.js';

/**
 * A load of CourtListener bulk CSV files stopped halfway and started again finishes the rest,
 * and the graph is the one a load never stopped writes, compared whole: on the default path
 * (SIGTERM between rows, exit 130) and with --offline (SIGINT while planning: the same command
 * resumes from the checkpoint). Generated rows of one court (`tbrsd`), each run into a DATA_DIR
 * of its own.
 */
let scratch: string;
let files: string[];
const DOCKETS = 120;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the loader on a DATA_DIR of its own (its embedded Neo4j); with `stop`, sends `signal` once a line passes `when`. */
function load(dataDir: string, args: string[], stop?: { when: (line: string) => boolean; signal: NodeJS.Signals }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NEO4J_URI: _unset, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], {
      env: { ...rest, DATA_DIR: dataDir, NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m', OFFLINE_IMPORT_MEMORY: '512M' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const watch = (chunk: Buffer) => {
      if (!stop || sent) return;
      for (const line of chunk.toString().split('\n')) {
        if (!stop.when(line)) continue;
        sent = child.kill(stop.signal);
        break;
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      watch(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      watch(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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

type FileLine = { file: string; status: string };
const fileLines = (run: Run): FileLine[] => run.stdout.split('\n').filter((l) => l.startsWith('{"file"')).map((l) => JSON.parse(l) as FileLine);
const byTable = (run: Run) => Object.fromEntries(run.stdout.split('\n').flatMap((l) => {
  const m = /-2099-08-31\.csv: ([a-z-]+): (\d+) rows: (\d+) loaded, (\d+) unchanged/.exec(l);
  return m ? [[m[1]!, { rows: Number(m[2]), loaded: Number(m[3]), unchanged: Number(m[4]) }]] : [];
}));

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bulk-resume-'));
  files = writeBulkFiles(path.join(scratch, 'bulk'), '2099-08-31', generatedBulkTables('tbrsd', 5_100_000, DOCKETS));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a stopped load of bulk CSV files, started again', { timeout: 900_000 }, () => {
  it('default path: stopped by SIGTERM after its first table (exit 130), resumed, the graph equals a load never stopped', async () => {
    const straight = path.join(scratch, 'default-straight');
    const whole = await load(straight, ['--json', ...files]);
    expect(whole.code, whole.stderr.slice(-2000)).toBe(EXIT_CODES.OK);

    const stoppedDir = path.join(scratch, 'default-stopped');
    // Stopped once the dockets file is reported: the loader is then reading the clusters.
    const stopped = await load(stoppedDir, ['--json', ...files], { when: (l) => l.startsWith('{"file"') && l.includes('dockets-2099-08-31.csv'), signal: 'SIGTERM' });
    expect(stopped.code, stopped.stderr.slice(-2000)).toBe(EXIT_CODES.INTERRUPTED);
    expect(stopped.stderr).toContain('Stopping after the current step');
    const lines = fileLines(stopped);
    expect(lines.find((l) => l.file.endsWith('dockets-2099-08-31.csv'))?.status).toBe('loaded');
    // No file is reported invalid for having been stopped (before its header, say); the tables after the stop were not read (the citation map comes last).
    expect(lines.filter((l) => l.status === 'invalid')).toEqual([]);
    expect(lines.length).toBeLessThan(files.length);
    expect(lines.find((l) => l.file.endsWith('citation-map-2099-08-31.csv'))).toBeUndefined();

    const resumed = await load(stoppedDir, files);
    expect(resumed.code, resumed.stderr.slice(-2000)).toBe(EXIT_CODES.OK);
    const tables = byTable(resumed);
    expect(tables.dockets).toEqual({ rows: DOCKETS, loaded: 0, unchanged: DOCKETS });
    expect(tables.clusters!.loaded + tables.clusters!.unchanged).toBe(DOCKETS);
    expect(tables.opinions).toEqual({ rows: DOCKETS, loaded: DOCKETS, unchanged: 0 });
    expect(tables['citation-map']).toEqual({ rows: DOCKETS - 1, loaded: DOCKETS - 1, unchanged: 0 });

    const [resumedGraph, straightGraph] = [await withStore(stoppedDir, graphDump), await withStore(straight, graphDump)];
    expect(resumedGraph.length).toBeGreaterThan(1000);
    expect(resumedGraph).toEqual(straightGraph);
  });

  it('--offline: stopped by SIGINT while planning, the same command resumes from the rows planned; the store equals an import never stopped', async () => {
    const rows = DOCKETS * 4 + DOCKETS - 1; // a case file per docket, cluster, citation, opinion and citation-map row
    const planning = (line: string) => {
      if (!line.startsWith('{"progress"')) return false;
      const p = JSON.parse(line).progress as { phase: string; done: number };
      return p.phase === 'planning' && p.done >= 20 && p.done < rows - 30;
    };
    const stoppedDir = path.join(scratch, 'offline-stopped');
    const stopped = await load(stoppedDir, ['--offline', '--json', ...files], { when: planning, signal: 'SIGINT' });
    expect(stopped.code, stopped.stderr.slice(-2000)).toBe(EXIT_CODES.INTERRUPTED);
    const kept = Number(/Stopped: the planning of (\d+) of (\d+) files is kept/.exec(stopped.stderr)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(20);
    expect(kept).toBeLessThan(rows);
    expect(existsSync(databaseDirs(path.join(stoppedDir, 'neo4j'))[0]!)).toBe(false);

    const resumed = await load(stoppedDir, ['--offline', ...files]);
    expect(resumed.code, resumed.stderr.slice(-2000)).toBe(EXIT_CODES.OK);
    expect(resumed.stderr).toContain(`Resuming: ${kept} of ${rows} files already planned`);

    const straight = path.join(scratch, 'offline-straight');
    const whole = await load(straight, ['--offline', ...files]);
    expect(whole.code, whole.stderr.slice(-2000)).toBe(EXIT_CODES.OK);
    const [resumedGraph, straightGraph] = [await withStore(stoppedDir, graphDump), await withStore(straight, graphDump)];
    expect(resumedGraph.length).toBeGreaterThan(1000);
    expect(resumedGraph).toEqual(straightGraph);
  });
});
