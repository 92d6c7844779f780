import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { connect, startEmbeddedTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { graphDump } from '../support/graph.js';

/**
 * CourtListener bulk CSV files through `npm run load -- --offline`: the graph imported into an
 * empty DATA_DIR is the graph the default path writes from the same files, property by property;
 * the default path then skips every row as already in; a bad row stops the import before the
 * importer. Every store here is a throwaway DATA_DIR of its own.
 */
let scratch: string;
let inputs: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function load(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NEO4J_URI: _unset, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], {
      env: { ...rest, DATA_DIR: dataDir, NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m', OFFLINE_IMPORT_MEMORY: '512M' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bulk-offline-test-'));
  inputs = path.join(scratch, 'bulk');
  cpSync('tests/fixtures/courtlistener-bulk', inputs, { recursive: true, filter: (src) => !src.endsWith('.md') });
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('CourtListener bulk CSV files through the offline import', { timeout: 1_800_000 }, () => {
  it('imports the graph the default path writes, whose rows the default path then finds in', async () => {
    const offline = path.join(scratch, 'offline');
    const normal = path.join(scratch, 'normal');
    const imported = await load(offline, ['--offline', '--json', inputs]);
    expect(imported.code, imported.stderr.slice(-2000)).toBe(EXIT_CODES.OK);
    const summary = JSON.parse(imported.stdout.trim().split('\n').at(-1)!).offlineImport;
    // Two dockets' cases, and the court roster the positions make.
    expect(summary.cases).toBeGreaterThanOrEqual(2);

    const loaded = await load(normal, ['-q', inputs]);
    expect(loaded.code, loaded.stderr.slice(-2000)).toBe(EXIT_CODES.OK);

    const [offlineGraph, normalGraph] = [await withStore(offline, graphDump), await withStore(normal, graphDump)];
    expect(offlineGraph.length).toBeGreaterThan(50);
    expect(offlineGraph).toEqual(normalGraph);

    // The default path on the imported store skips every row: its source hash is in its manifest.
    const again = await load(offline, [inputs]);
    expect(again.code, again.stderr.slice(-2000)).toBe(EXIT_CODES.OK);
    const lines = again.stdout.split('\n').filter((l) => / rows: \d+ loaded/.test(l));
    expect(lines).toHaveLength(8);
    for (const line of lines) expect(line).toMatch(/: 0 loaded, \d+ unchanged, \d+ used for names, 0 refused/);
    expect(again.stdout).toMatch(/0 created, 0 updated, [1-9]\d* unchanged, 0 removed/);
  });

  it('stops before the importer on a bad row, naming its file, line and column, and leaves the store empty', async () => {
    const bad = path.join(scratch, 'bad');
    cpSync(inputs, bad, { recursive: true });
    const dockets = path.join(bad, 'dockets-2099-01-31.csv');
    writeFileSync(dockets, readFileSync(dockets, 'utf8').replace('"2021-03-04"', '"2021-13-44"'));
    const store = path.join(scratch, 'bad-store');
    const run = await load(store, ['--offline', bad]);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toMatch(/dockets-2099-01-31\.csv:2:\d+ date_filed/);
    expect(run.stderr).toContain('Nothing was imported');
    const count = await withStore(store, async (executor) => (await executor.read<{ n: number }>({ text: 'MATCH (n) RETURN count(n) AS n' }))[0]!.n);
    expect(count).toBe(0);
  });
});
