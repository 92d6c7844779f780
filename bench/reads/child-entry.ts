import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../src/neo4j/connection.js';

/** What a served API hands back: where it listens and how to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Env variable naming the file a CPU profile goes to: profiling starts on SIGUSR2 and is written when the process stops. */
export const CPU_PROFILE_ENV = 'BENCH_CPU_PROFILE';

/**
 * With CPU_PROFILE_ENV set, SIGUSR2 starts V8's profiler, so the profile covers only the load
 * the bench applies after its warm-up (not start-up); the returned function writes it.
 */
function cpuProfiler(): () => Promise<void> {
  const file = process.env[CPU_PROFILE_ENV];
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  let started = false;
  process.on('SIGUSR2', () => {
    started = true;
    void session.post('Profiler.enable').then(() => session.post('Profiler.start'));
  });
  return async () => {
    if (!started) return;
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  };
}

/**
 * Body of a server child process of the bench: connects to the Neo4j the parent gives in
 * NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), serves, prints one JSON line
 * `{"url": …}` on stdout once it answers, and stops when the parent closes its standard input,
 * so a killed bench never leaves a server behind.
 */
export async function serveUntilStopped(serve: (driver: Driver, database: string) => Promise<Served>): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: this process is started by the bench, which sets it.');
  const database = process.env.NEO4J_DATABASE || 'neo4j';
  const driver = await connect({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || '',
    database,
    mode: 'external',
    release: async () => {},
  });
  const writeProfile = cpuProfiler();
  const served = await serve(driver, database);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await writeProfile();
    await served.close();
    await driver.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify({ url: served.url })}\n`);
}
