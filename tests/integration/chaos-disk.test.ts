import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The embedded Neo4j's store on a small filesystem made for the test: a tmpfs with a size
 * limit (mounting one needs root, as the suite runs in CI and on the development machine; there
 * is no way to make a full disk without it, so the test fails, saying so, rather than skipping).
 */
const mounts: string[] = [];
afterEach(async () => {
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
