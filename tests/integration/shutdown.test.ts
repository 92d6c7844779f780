import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { readPassword } from '../../src/neo4j/embedded/credentials.js';
import { post } from '../support/http.js';

const TOKEN = 'shutdown-test-token';
const WRITE = { authorization: `Bearer ${TOKEN}` };
const IMPORT = 'mutation($file: String!) { importCase(file: $file) { caseId applied } }';
const DELETE = 'mutation($id: ID!) { deleteCase(id: $id) { caseId } }';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real service (`src/main.ts`) in a child process, with what it prints. */
async function startService(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'case-graph-shutdown-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_ON_START: 'false', API_WRITE_TOKEN: TOKEN, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => void child.kill('SIGKILL'));
  const out = { text: '' };
  child.stdout!.on('data', (chunk) => (out.text += chunk));
  child.stderr!.on('data', (chunk) => (out.text += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  expect(await waitUntil(() => out.text.includes('GraphiQL:'), 180_000), out.text).toBe(true);
  const port = Number(/GraphiQL: http:\/\/localhost:(\d+)\//.exec(out.text)![1]);
  return { child, out, exit, port, dataDir, url: `http://127.0.0.1:${port}/graphql` };
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 100));
  return check();
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Loads a fictional case through the service, then holds its case node locked, as a long write would. */
async function caseHeldLocked(url: string, uri: string, prefix: string, password = inject('neo4j').password): Promise<{ caseId: string; driver: Driver; release(): Promise<void> }> {
  for (const file of [syntheticJudgeFile(prefix), syntheticCaseFile(prefix, 1)]) {
    const { body } = await post(url, { query: IMPORT, variables: { file } }, WRITE);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  }
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(inject('neo4j').user, password) : undefined);
  const session: Session = driver.session();
  const tx: Transaction = await session.beginTransaction();
  const caseId = `${prefix}-1-case`;
  await tx.run('MATCH (c:Case {id: $id}) SET c.heldByTest = true', { id: caseId });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await tx.rollback().catch(() => {});
    await session.close();
    await driver.close();
  };
  cleanups.push(release);
  return { caseId, driver, release };
}

/** A deleteCase that will wait on the lock: a request in flight. Resolves to the response or to "cut". */
function deleteInFlight(url: string, caseId: string) {
  return post(url, { query: DELETE, variables: { id: caseId } }, WRITE).catch(() => 'cut' as const);
}

describe('stopping the service', () => {
  it('SIGTERM: a request in flight finishes, new connections are refused, exit 0, no JVM left', async () => {
    const service = await startService({ NEO4J_URI: '', SHUTDOWN_GRACE_MS: '60000', NEO4J_TX_TIMEOUT_MS: '120000', NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m' });
    const [, bolt, jvmPid] = /ready at (bolt:\/\/\S+) \(pid (\d+)/.exec(service.out.text)!;
    expect(alive(Number(jvmPid))).toBe(true);
    const held = await caseHeldLocked(service.url, bolt!, 'shutdown-drain', readPassword(path.join(service.dataDir, 'neo4j')));
    const inFlight = deleteInFlight(service.url, held.caseId);
    await new Promise((r) => setTimeout(r, 1_500));

    service.child.kill('SIGTERM');
    expect(await waitUntil(() => service.out.text.includes('no longer accepting connections'), 10_000), service.out.text).toBe(true);
    expect(service.out.text).toContain('"inFlight":1');
    expect(await acceptsConnections(service.port)).toBe(false);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(service.child.exitCode).toBeNull();

    await held.release();
    const answered = await inFlight;
    expect(answered).not.toBe('cut');
    expect(answered === 'cut' ? null : answered.body).toEqual({ data: { deleteCase: { caseId: held.caseId } } });
    expect(await service.exit).toBe(0);
    expect(service.out.text).toContain('"msg":"requests drained"');
    expect(service.out.text).toContain('"msg":"stopped"');
    expect(alive(Number(jvmPid))).toBe(false);
  }, 300_000);

  it('SHUTDOWN_GRACE_MS bounds the wait: a request that will not finish is cut and the service still stops', async () => {
    const { uri } = inject('neo4j');
    const service = await startService({ NEO4J_URI: uri, NEO4J_USER: inject('neo4j').user, NEO4J_PASSWORD: inject('neo4j').password, SHUTDOWN_GRACE_MS: '1500', NEO4J_TX_TIMEOUT_MS: '120000' });
    const held = await caseHeldLocked(service.url, uri, 'shutdown-grace');
    const inFlight = deleteInFlight(service.url, held.caseId);
    await new Promise((r) => setTimeout(r, 1_500));

    const signalled = performance.now();
    service.child.kill('SIGTERM');
    expect(await service.exit).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(await inFlight).toBe('cut');
    expect(service.out.text).toContain('SHUTDOWN_GRACE_MS passed: closed 1 request(s) still running');

    // The cut request's transaction was rolled back with the service's connections: the case is whole.
    await held.release();
    const check = neo4j.driver(uri, inject('neo4j').password ? neo4j.auth.basic(inject('neo4j').user, inject('neo4j').password) : undefined);
    cleanups.push(() => check.close());
    const { records } = await check.executeQuery('MATCH (c:Case {id: $id})<-[:HAS_ROLE]-(p) RETURN count(p) AS roles', { id: held.caseId });
    expect(records[0]!.get('roles').toNumber()).toBe(3);
    await check.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.caseId STARTS WITH $prefix DETACH DELETE n', { prefix: 'shutdown-grace' });
  }, 120_000);

  it('a second signal exits at once, without waiting for requests', async () => {
    const { uri } = inject('neo4j');
    const service = await startService({ NEO4J_URI: uri, NEO4J_USER: inject('neo4j').user, NEO4J_PASSWORD: inject('neo4j').password, SHUTDOWN_GRACE_MS: '60000', NEO4J_TX_TIMEOUT_MS: '120000' });
    const held = await caseHeldLocked(service.url, uri, 'shutdown-twice');
    const inFlight = deleteInFlight(service.url, held.caseId);
    await new Promise((r) => setTimeout(r, 1_500));

    service.child.kill('SIGINT');
    expect(await waitUntil(() => service.out.text.includes('no longer accepting connections'), 10_000)).toBe(true);
    // Past the window in which a repeat counts as the same signal (npm passes Ctrl-C's SIGINT on too).
    await new Promise((r) => setTimeout(r, 600));
    const second = performance.now();
    service.child.kill('SIGINT');
    expect(await service.exit).toBe(1);
    expect(performance.now() - second).toBeLessThan(3_000);
    expect(service.out.text).toContain('second signal: exiting now');
    expect(await inFlight).toBe('cut');

    await held.release();
    const check = neo4j.driver(uri, inject('neo4j').password ? neo4j.auth.basic(inject('neo4j').user, inject('neo4j').password) : undefined);
    cleanups.push(() => check.close());
    await check.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.caseId STARTS WITH $prefix DETACH DELETE n', { prefix: 'shutdown-twice' });
  }, 120_000);
});
