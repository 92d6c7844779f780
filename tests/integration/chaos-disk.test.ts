import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { SERVICE_TOKEN, startServiceProcess, waitUntil, type ServiceProcess } from '../support/service-process.js';

/**
 * The embedded Neo4j's store on a small filesystem made for the test: a tmpfs with a size
 * limit (mounting one needs root, as the suite runs in CI and on the development machine; there
 * is no way to make a full disk without it, so the test fails, saying so, rather than skipping).
 */
const mounts: string[] = [];
const services: ServiceProcess[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) {
    service.child.kill('SIGKILL');
    await service.exit;
  }
  for (const dir of mounts.splice(0)) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        execFileSync('umount', attempt < 20 ? [dir] : ['-l', dir], { stdio: 'pipe' });
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function smallDisk(size: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'case-graph-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the full-disk tests mount a ${size} tmpfs and need root for it: ${(error as Error).message}`);
  }
  mounts.push(dir);
  return dir;
}

/** Runs the service on `dataDir` until it exits; its exit code, output and how long it took. */
async function serviceOn(dataDir: string): Promise<{ code: number | null; out: string; ms: number }> {
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, NEO4J_URI: '', SEED_ON_START: 'false', NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '16m' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, out, ms: performance.now() - started };
}

describe('a start on a full disk', () => {
  it('with less free space than Neo4j needs at all: exits 1 at once, naming the folder, the free space and the fix', async () => {
    const disk = smallDisk('32m');
    const { code, out, ms } = await serviceOn(path.join(disk, 'data'));
    expect(code).toBe(1);
    expect(out).toMatch(/The disk of the embedded Neo4j's store \(.*case-graph-disk-.*\) has 3\d MB free; Neo4j needs at least 64 MB to start/);
    expect(out).toContain('set DATA_DIR to a folder on a disk with room');
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('with room to start the JVM but not to preallocate its logs: exits 1 once Neo4j says so, not after minutes with no cause', async () => {
    const disk = smallDisk('100m');
    const { code, out } = await serviceOn(path.join(disk, 'data'));
    expect(code).toBe(1);
    expect(out).toMatch(/The disk of .* is full: .*No space left on device/);
    expect(out).not.toContain('did not start within');
  }, 150_000);
});

/** Writes `file` until the disk has no byte left, the way a log or a backup fills a disk. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      try {
        for (;;) writeSync(fd, Buffer.alloc(size, 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe('the disk filling up under the running service', () => {
  const IMPORT = 'mutation($file: String!) { importCase(file: $file) { caseId applied totals { created } } }';
  const READ = 'query($id: ID!) { case(id: $id) { id caption } }';

  it('the import that hits it and the reads after it are 507 naming the disk; once space is freed the database is restarted and everything works again, without restarting the service', async () => {
    const disk = smallDisk('256m');
    // Not a test of freezes or slow statements: a slow answer on a busy machine must not count as one.
    const service = await startServiceProcess({ NEO4J_PING_TIMEOUT_MS: '15000', NEO4J_TX_TIMEOUT_MS: '120000' }, { dataDir: path.join(disk, 'data') });
    services.push(service);
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}` }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
    };
    const prefix = 'chaos-disk';
    const judge = await gql(IMPORT, { file: syntheticJudgeFile(prefix) });
    expect(judge.body.errors, JSON.stringify(judge.body)).toBeUndefined();
    const first = await gql(IMPORT, { file: syntheticCaseFile(prefix, 1) });
    expect(first.body.errors, JSON.stringify(first.body)).toBeUndefined();

    fillDisk(path.join(disk, 'filler'));
    // Imports until one needs the space (each new case grows the store and its full-text index).
    let failed: Awaited<ReturnType<typeof gql>> | undefined;
    let n = 2;
    for (; n < 12 && !failed; n += 1) {
      const answer = await gql(IMPORT, { file: syntheticCaseFile(prefix, n) });
      if (answer.body.errors) failed = answer;
      else expect(answer.body.data.importCase.applied).toBe(true);
    }
    const hit = n - 1;
    expect(failed, 'no import failed on a full disk').toBeDefined();
    expect(failed!.status).toBe(507);
    expect(failed!.body.errors![0]!.extensions.code).toBe('INSUFFICIENT_STORAGE');
    expect(failed!.body.errors![0]!.message).toMatch(/The disk of Neo4j's store is full \(0 MB free.*send it again then/);

    // Reads fail clearly while the disk is full: 507 naming the disk (never "Unexpected error.").
    for (let i = 0; i < 3; i += 1) {
      const read = await gql(READ, { id: `${prefix}-1-case` });
      expect(read.status).toBe(507);
      expect(read.body.errors![0]!.extensions.code).toBe('INSUFFICIENT_STORAGE');
    }
    const health = (await (await fetch(`${service.base}/health`)).json()) as { neo4j: { process: string; disk?: string } };
    expect(health.neo4j.process).toBe('waiting-for-disk');
    expect(health.neo4j.disk).toMatch(/is full/);

    rmSync(path.join(disk, 'filler'));
    const healed = await waitUntil(async () => (await gql(READ, { id: `${prefix}-1-case` })).body.data?.case?.id === `${prefix}-1-case`, 240_000, 500);
    writeFileSync(path.join(os.tmpdir(), "chaos-disk-service.log"), service.out.text);
    expect(healed, service.out.text.slice(-3000)).toBe(true);
    expect(service.child.exitCode).toBeNull();
    expect(service.out.text).toMatch(/has room again; restarting the embedded Neo4j/);
    // Bolt answers a moment before the launcher says it is ready.
    expect(await waitUntil(() => service.out.text.includes('embedded Neo4j restarted'), 30_000)).toBe(true);

    const read = await gql(READ, { id: `${prefix}-1-case` });
    expect(read.body).toEqual({ data: { case: { id: `${prefix}-1-case`, caption: `Fictional matter ${prefix}-1` } } });
    // The import that failed may have been committed: sent again it is there, whole, either way.
    const again = await gql(IMPORT, { file: syntheticCaseFile(prefix, hit) });
    expect(again.body.errors).toBeUndefined();
    expect((await gql(READ, { id: `${prefix}-${hit}-case` })).body.data.case.id).toBe(`${prefix}-${hit}-case`);
    const fresh = await gql(IMPORT, { file: syntheticCaseFile(prefix, 50) });
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data.importCase).toMatchObject({ applied: true });
  }, 420_000);
});
