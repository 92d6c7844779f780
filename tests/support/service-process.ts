import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPassword } from '../../src/neo4j/embedded/credentials.js';

export const SERVICE_TOKEN = 'service-process-token';

/** The real service (`src/main.ts`) in a child process with an embedded Neo4j of its own. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  out: { text: string };
  exit: Promise<number | null>;
  port: number;
  base: string;
  url: string;
  dataDir: string;
  /** The embedded JVM's pid as the last "ready at" line says (a restart prints a new one). */
  jvmPid(): number;
  bolt: string;
  password: string;
  kill(): void;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, ms: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the service on a free port with a throwaway DATA_DIR (or `dataDir`), seeds off, writes
 * allowed with SERVICE_TOKEN. `command` runs something else than `node --import tsx src/main.ts`
 * (e.g. `npm start`). Resolves once it prints its URL.
 */
export async function startServiceProcess(env: Record<string, string> = {}, options: { dataDir?: string; command?: [string, string[]]; startMs?: number } = {}): Promise<ServiceProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'case-graph-service-'));
  const [command, args] = options.command ?? [process.execPath, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NEO4J_URI: '', SEED_ON_START: 'false', API_WRITE_TOKEN: SERVICE_TOKEN, LOG_LEVEL: 'info', NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { text: '' };
  child.stdout!.on('data', (chunk) => (out.text += chunk));
  child.stderr!.on('data', (chunk) => (out.text += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = await waitUntil(() => out.text.includes('GraphiQL:') || child.exitCode !== null, options.startMs ?? 180_000);
  if (!started || !out.text.includes('GraphiQL:')) {
    child.kill('SIGKILL');
    throw new Error(`the service did not start:\n${out.text.slice(-3000)}`);
  }
  const port = Number(/GraphiQL: http:\/\/localhost:(\d+)\//.exec(out.text)![1]);
  const bolt = /ready at (bolt:\/\/\S+)/.exec(out.text)![1]!;
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    out,
    exit,
    port,
    base,
    url: `${base}/graphql`,
    dataDir,
    bolt,
    password: readPassword(path.join(dataDir, 'neo4j')) ?? '',
    jvmPid: () => Number([...out.text.matchAll(/ready at bolt:\/\/\S+ \(pid (\d+)/g)].at(-1)![1]),
    kill: () => {
      child.kill('SIGKILL');
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
