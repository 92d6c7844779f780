import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Neo4jTarget } from '../../src/neo4j/connection.js';

/** What one `npm run load` took, as its own summary line says, and its peak memory. */
export interface CliFigures {
  /** Graph elements written (created + updated + removed), or found unchanged on a reload. */
  elements: number;
  /** The loader's own time after reaching Neo4j (its summary line). */
  workSeconds: number;
  elementsPerSecond: number;
  /** Peak resident memory of the loader process (its own maxRSS, reported at exit). */
  peakRssMiB: number;
  /** CPU seconds of the loader process. */
  cpuSeconds: number;
  files: { loaded: number; unchanged: number; other: number };
  /** What the loader printed on stdout (its per-file lines, then the summary). */
  stdout: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the command-line loader (`src/ingest/cli/main.ts`, as `npm run load` does) on `dir`
 * against the bench's Neo4j, in a process of its own so its peak RSS is its own (reported by
 * `usage-at-exit.ts`, preloaded); `heapMiB` caps its V8 heap (a loader whose live memory grew with the files would then
 * run out of memory). `root`: the checkout whose loader runs (another one for an A/B row).
 * Throws when a file is not loaded or unchanged.
 */
export async function runCli(target: Neo4jTarget, dir: string, extra: string[] = [], heapMiB: number | null = null, root = ROOT): Promise<CliFigures> {
  const env = { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database };
  const args = [
    ...(heapMiB === null ? [] : [`--max-old-space-size=${heapMiB}`]),
    '--import', 'tsx', '--import', path.join(ROOT, 'bench/load/usage-at-exit.ts'),
    path.join(root, 'src/ingest/cli/main.ts'), dir, ...extra,
  ];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const summary = stdout.trim().split('\n').at(-1) ?? '';
  const time = /TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  const files = /: (\d+) loaded.*?, (\d+) unchanged, (\d+) refused, (\d+) invalid/.exec(summary);
  const work = /removed\. ([\d.]+) s/.exec(summary);
  const changes = /(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) removed/.exec(summary);
  if (code !== 0 || !time || !files || !work || !changes) throw new Error(`npm run load ${dir} ${extra.join(' ')} exited ${code}: ${summary}\n${stderr.slice(-2000)}`);
  const [created, updated, unchanged, removed] = changes.slice(1).map(Number) as [number, number, number, number];
  const elements = created + updated + removed > 0 ? created + updated + removed : unchanged;
  const workSeconds = Number(work[1]);
  return {
    elements,
    workSeconds,
    elementsPerSecond: Math.round(elements / Math.max(workSeconds, 0.05)),
    peakRssMiB: Math.round(Number(time[1]) / 1024),
    cpuSeconds: Number((Number(time[2]) + Number(time[3])).toFixed(1)),
    files: { loaded: Number(files[1]), unchanged: Number(files[2]), other: Number(files[3]) + Number(files[4]) },
    stdout,
  };
}
