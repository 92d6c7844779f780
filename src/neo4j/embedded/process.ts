import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { classesDir, classpathFile } from './build.js';

export interface EmbeddedOptions {
  /** Neo4j's home: the store goes to <homeDir>/data, logs to <homeDir>/logs. */
  homeDir: string;
  /** 0 picks a free loopback port. */
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Seconds before Neo4j itself aborts a transaction; 0 for no limit. */
  transactionTimeoutSeconds?: number;
  /** A file whose first line is the password of the user `neo4j`; unset turns authentication off. */
  passwordFile?: string;
  say?: (message: string) => void;
}

/** How the JVM ended: `expected` when `stop()` asked it to. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  expected: boolean;
  /** The last lines the JVM wrote on stderr. */
  stderr: string;
}

export interface RunningNeo4j {
  uri: string;
  pid: number;
  /** How long Neo4j's debug.log was when it became ready: what it says later is about this run. */
  logStart: number;
  /** Settles when the JVM is gone, however it went. */
  exited: Promise<Neo4jExit>;
  stop(): Promise<void>;
  /**
   * Ends the JVM at once (SIGKILL), for a database that has failed: a clean shutdown flushes its
   * page cache, which on a full disk never ends. What it committed is in its transaction log and
   * is recovered at the next start.
   */
  kill(): Promise<void>;
}

/** JVM flags Neo4j 5 recommends for Java 17 (as in its neo4j.conf), with a modest heap. */
export function jvmArgs(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
    '-XX:FlightRecorderOptions=stackdepth=256',
    '-XX:+UnlockDiagnosticVMOptions',
    '-XX:+DebugNonSafepoints',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
  ];
}

export function toBytes(size: string): number {
  const units: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Number(size.slice(0, -1)) * (units[size.slice(-1).toLowerCase()] ?? 1);
}

const READY_TIMEOUT_MS = 180_000;

/**
 * Starts Neo4j in its own JVM and resolves once Bolt accepts transactions. The JVM watches its
 * standard input: when this process ends in any way, the pipe closes and Neo4j shuts down.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<RunningNeo4j> {
  mkdirSync(options.homeDir, { recursive: true });
  checkFreeSpace(options.homeDir);
  // Neo4j's log of an earlier run (a full disk since freed, say) says nothing about this start.
  const logAtSpawn = debugLogSize(options.homeDir);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const classpath = `${classesDir}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`;
  const child = spawn(
    java,
    [
      ...jvmArgs(options.heap),
      '-cp', classpath,
      'casegraph.neo4j.EmbeddedNeo4j',
      options.homeDir,
      String(options.boltPort),
      String(toBytes(options.pageCache)),
      String(options.transactionTimeoutSeconds ?? 0),
      ...(options.passwordFile ? [options.passwordFile] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 30) stderrTail.shift();
  });
  let stopping = false;
  const ended = new Promise<Neo4jExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, expected: stopping, stderr: stderrTail.join('\n') })),
  );
  const exited = ended.then((exit) => exit.code);

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(watchDisk);
      stopping = true;
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${READY_TIMEOUT_MS / 1000}s:\n${explain(stderrTail, options.homeDir, logAtSpawn)}`));
    }, READY_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // A database that cannot preallocate its log stays unavailable without a word on stderr.
    const watchDisk = setInterval(() => {
      const disk = diskTrouble(options.homeDir, logAtSpawn);
      if (!disk) return;
      clearInterval(watchDisk);
      clearTimeout(timer);
      stopping = true;
      child.kill('SIGKILL');
      // Rejected once the JVM is gone, so that no Java process outlives the failed start.
      void exited.then(() => reject(new DiskFullError(disk)));
    }, 1_000);
    void exited.then((code) => {
      clearInterval(watchDisk);
      clearTimeout(timer);
      reject(new Error(`Neo4j exited during start-up (code ${code}):\n${explain(stderrTail, options.homeDir, logAtSpawn)}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^NEO4J_READY (\S+)/.exec(line);
      if (match) {
        clearInterval(watchDisk);
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  options.say?.(`Embedded Neo4j ready at ${uri} (pid ${child.pid}, store ${options.homeDir})`);
  return {
    uri,
    pid: child.pid!,
    logStart: debugLogSize(options.homeDir),
    exited: ended,
    stop: () => {
      stopping = true;
      return stop(child, exited);
    },
    kill: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Closing stdin asks the JVM to shut down cleanly; signals follow only if it hangs. */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const waitFor = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  if (await waitFor(60_000)) return;
  child.kill('SIGTERM');
  if (await waitFor(15_000)) return;
  child.kill('SIGKILL');
  await exited;
}

/**
 * Free space below which the embedded Neo4j is not started at all: it preallocates a 64 MiB
 * transaction log for each of its two databases (set in the launcher) when it creates or
 * rotates one. Between this and what a new store needs (about 130 MiB), a start that fails is
 * explained from Neo4j's own log (see `diskTrouble`).
 */
export const MIN_FREE_BYTES = 64 * 1024 ** 2;

export class DiskFullError extends Error {
  override name = 'DiskFullError';
}

/** Bytes free for this process on the disk of `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export const mb = (bytes: number) => `${Math.floor(bytes / 1024 ** 2)} MB`;

/** Refuses to start, naming the folder and the figures, when the store's disk is nearly full. */
function checkFreeSpace(homeDir: string): void {
  const free = freeBytes(homeDir);
  if (free < MIN_FREE_BYTES) {
    throw new DiskFullError(
      `The disk of the embedded Neo4j's store (${homeDir}) has ${mb(free)} free; Neo4j needs at least ${mb(MIN_FREE_BYTES)} to start (it preallocates its transaction logs). Free some space there, or set DATA_DIR to a folder on a disk with room.`,
    );
  }
}

function debugLogSize(homeDir: string): number {
  try {
    return statSync(path.join(homeDir, 'logs', 'debug.log')).size;
  } catch {
    return 0;
  }
}

/**
 * Neo4j's own log says why a start (or the database) failed when its stderr does not: a full
 * disk, say. Only what it wrote after byte `since` counts.
 */
export function diskTrouble(homeDir: string, since = 0): string | undefined {
  try {
    const log = readFileSync(path.join(homeDir, 'logs', 'debug.log')).subarray(since).toString('utf8');
    const line = log.split('\n').reverse().find((l) => /No space left on device|running out of disk space/i.test(l));
    return line ? `The disk of ${homeDir} is full: ${line.replace(/^.*?\] \[[^\]]*\] /, '').trim()}\nFree some space there, or set DATA_DIR to a folder on a disk with room.` : undefined;
  } catch {
    return undefined;
  }
}

function explain(stderr: string[], homeDir: string, since: number): string {
  const disk = diskTrouble(homeDir, since);
  if (disk) return disk;
  const text = stderr.join('\n');
  if (/lock|StoreLocked|FileLock/i.test(text)) {
    return `${text}\nThe store is locked: another Neo4j (maybe another copy of this service) is using the same DATA_DIR. Stop it, or set DATA_DIR to another folder.`;
  }
  return text;
}
