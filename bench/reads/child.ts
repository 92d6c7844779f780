import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Neo4jTarget } from '../../src/neo4j/connection.js';

export interface ServerChild {
  name: string;
  url: string;
  pid: number;
  /** Sends the child a signal (SIGUSR2 starts its CPU profile). */
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** This module's own extension: .ts under tsx, .js once built. */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The file of a server entry, relative to bench/. */
export const entryFile = (relative: string) => fileURLToPath(new URL(`../${relative}${EXT}`, import.meta.url));

const READY_TIMEOUT_MS = 120_000;

export interface ChildOptions {
  /** Where its standard error (the service's request log) goes, appended. */
  logFile: string;
  /** Flags for Node itself. */
  nodeArgs?: string[];
  /** More environment for the child, e.g. where to write a CPU profile. */
  env?: Record<string, string>;
  /** How long it may take to answer (default 120 s); a start-up warm-up needs longer on a busy machine. */
  readyTimeoutMs?: number;
}

/**
 * Starts a server entry (see child-entry.ts) in its own Node process against `target`, and
 * resolves with its URL once it answers. Its log goes to a file: the service logs every
 * request, which is part of what it costs, but would bury the bench's own output.
 */
export async function startServerChild(name: string, relativeEntry: string, target: Neo4jTarget, options: ChildOptions): Promise<ServerChild> {
  const loader = EXT === '.ts' ? ['--import', 'tsx'] : [];
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, [...loader, ...(options.nodeArgs ?? []), entryFile(relativeEntry)], {
    env: { ...process.env, ...options.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database },
    stdio: ['pipe', 'pipe', log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const limit = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${limit / 1000} s; see ${options.logFile}`)), limit);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`${name} printed ${line} instead of its URL`));
      }
    });
    void exited.then((code) => reject(new Error(`${name} exited with code ${code} before it was ready; see ${options.logFile}`)));
  });
  const url = await ready.catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    name,
    url,
    pid: child.pid!,
    signal: (name) => child.kill(name),
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
