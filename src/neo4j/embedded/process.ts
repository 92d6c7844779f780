import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
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
  /** Settles when the JVM is gone, however it went. */
  exited: Promise<Neo4jExit>;
  stop(): Promise<void>;
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
      stopping = true;
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${READY_TIMEOUT_MS / 1000}s:\n${stderrTail.join('\n')}`));
    }, READY_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited during start-up (code ${code}):\n${explain(stderrTail)}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^NEO4J_READY (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  options.say?.(`Embedded Neo4j ready at ${uri} (pid ${child.pid}, store ${options.homeDir})`);
  return {
    uri,
    pid: child.pid!,
    exited: ended,
    stop: () => {
      stopping = true;
      return stop(child, exited);
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

function explain(stderr: string[]): string {
  const text = stderr.join('\n');
  if (/lock|StoreLocked|FileLock/i.test(text)) {
    return `${text}\nThe store is locked: another Neo4j (maybe another copy of this service) is using the same DATA_DIR. Stop it, or set DATA_DIR to another folder.`;
  }
  return text;
}
