import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * While the service runs the embedded Neo4j, it records where Bolt listens in
 * `<DATA_DIR>/neo4j/running.json`, so that other tools (the case-file loader) connect to that
 * Neo4j instead of starting a second one on the same store, which Neo4j keeps locked. The record
 * holds no secret (the password is in `<DATA_DIR>/neo4j/password`) and is readable by its owner
 * only (0600) all the same.
 */
export interface RunningNeo4jFile {
  uri: string;
  /** The service process, not the JVM: the record is valid while the service lives. */
  pid: number;
  startedAt: string;
}

export const runningFile = (dataDir: string) => path.join(dataDir, 'neo4j', 'running.json');

/** Records the embedded Neo4j of this process. Written whole (temp file, then rename). */
export function writeRunningNeo4j(dataDir: string, uri: string, pid = process.pid): void {
  const file = runningFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const record: RunningNeo4jFile = { uri, pid, startedAt: new Date().toISOString() };
  const temp = `${file}.${pid}.tmp`;
  writeFileSync(temp, JSON.stringify(record) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

/** Removes the record, if it is this process's. */
export function removeRunningNeo4j(dataDir: string, pid = process.pid): void {
  if (read(dataDir)?.pid === pid) rmSync(runningFile(dataDir), { force: true });
}

/**
 * The Bolt URI of the embedded Neo4j a running service holds on this DATA_DIR, or null. A
 * record whose process is gone (the service was killed) or that cannot be read is removed.
 */
export function readRunningNeo4j(dataDir: string): string | null {
  const record = read(dataDir);
  if (record && isAlive(record.pid)) return record.uri;
  if (record !== undefined) rmSync(runningFile(dataDir), { force: true });
  return null;
}

/** The record; null when unreadable or malformed; undefined when there is no file. */
function read(dataDir: string): RunningNeo4jFile | null | undefined {
  let text: string;
  try {
    text = readFileSync(runningFile(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as Partial<RunningNeo4jFile>;
    const valid = typeof record.uri === 'string' && Number.isInteger(record.pid) && (record.pid ?? 0) > 0;
    return valid ? (record as RunningNeo4jFile) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
