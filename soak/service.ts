import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRunningNeo4j } from '../src/neo4j/running.js';

/** The service under soak: its GraphQL URL, write token and, when known, its Neo4j. */
export interface SoakTarget {
  url: string;
  token: string | undefined;
  /** Bolt URI for the duplicate check; null when it cannot be known (give NEO4J_URI). */
  neo4jUri: string | null;
  /** Stops the service if the soak started it; its exit code, or null. */
  stop(): Promise<number | null>;
}

const MAIN = fileURLToPath(new URL(`../src/main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/** A service already running at `url`, soaked as it is. */
export function givenService(url: string): SoakTarget {
  return { url, token: process.env.API_WRITE_TOKEN || undefined, neo4jUri: process.env.NEO4J_URI || null, stop: async () => null };
}

/**
 * Starts `src/main.ts` on loopback with a throwaway DATA_DIR (its embedded Neo4j, or NEO4J_URI
 * when set), the seeds loaded, and a write token of its own; waits until `/ready` says 200.
 * Its log goes to a file that is printed if it fails.
 */
export async function startService(say: (message: string) => void): Promise<SoakTarget> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'case-graph-soak-'));
  const token = randomBytes(16).toString('hex');
  const logFile = path.join(dataDir, 'service.log');
  const log = openSync(logFile, 'a');
  const loader = MAIN.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_ON_START: 'true', API_WRITE_TOKEN: token, API_READ_TOKEN: '', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const cleanup = () => {
    process.off('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await printedUrl(child, exited);
    say(`Service started at ${url} (store ${dataDir}); waiting for /ready…`);
    await waitReady(url);
    const neo4jUri = process.env.NEO4J_URI || readRunningNeo4j(dataDir);
    return {
      url,
      token,
      neo4jUri,
      async stop() {
        child.kill('SIGTERM');
        const code = await exited;
        cleanup();
        return code;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    cleanup();
    throw new Error(`${(error as Error).message}\nLast lines of the service log:\n${tail}`);
  }
}

function printedUrl(child: ChildProcess, exited: Promise<number | null>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('The service did not start within 5 minutes.')), 300_000);
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      const match = /GraphiQL: http:\/\/localhost:(\d+)\/graphql/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}/graphql`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited with code ${code} during start-up.`));
    });
  });
}

async function waitReady(url: string): Promise<void> {
  const readyUrl = url.replace(/\/graphql$/, '/ready');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(readyUrl).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${readyUrl} did not answer 200 within 2 minutes (last: ${response ? `${response.status} ${await response.text()}` : 'no answer'}).`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The service's own memory, from `/health`. */
export async function serviceMemory(url: string): Promise<{ rssBytes: number; heapUsedBytes: number } | null> {
  const response = await fetch(url.replace(/\/graphql$/, '/health')).catch(() => null);
  if (!response?.ok) return null;
  const body = (await response.json()) as { memory?: { rssBytes: number; heapUsedBytes: number } };
  return body.memory ?? null;
}
