import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { createLogger } from '../../src/shared/logger.js';
import { caseFingerprint, countById } from '../support/graph.js';

/**
 * `npm run load -- --batch N` (N cases per transaction, all or nothing): the loader's guarantees
 * on that path. A batch whose write fails is reported failed, every file of it, and none of it
 * is in the graph; a reload writes nothing; a load stopped by SIGTERM and started again skips
 * what is in and finishes the rest; what a case no longer states is removed (--replace) and only
 * that; a node two cases of one batch state is one node. Ids `bp-…`: this file's own.
 */
let driver: Driver;
let executor: Executor;
let scratch: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the loader on the run's Neo4j; with `stopAt`, sends SIGTERM once its stderr matches it. */
function load(args: string[], stopAt?: RegExp): Promise<Run> {
  const neo4j = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stopAt && !signalled && stopAt.test(stderr)) signalled = child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A small case: a note, the case, and entities (each `id: name`). */
function caseFile(caseId: string, entities: Record<string, string>, options: { shared?: boolean } = {}): string {
  const names = Object.values(entities);
  const people = Object.entries(entities).map(([id, name]) => `  - { id: ${id}, kind: Person, name: ${name},${options.shared ? ' shared: true,' : ''} sources: [{ quote: "${name} is named" }] }`);
  return [
    'formatVersion: 2',
    'documents:',
    `  - { id: ${caseId}-note, title: A fictional note, text: "In the matter of ${caseId}: ${names.map((n) => `${n} is named.`).join(' ')}" }`,
    `case: { id: ${caseId}, caption: Matter of ${caseId}, status: open, sources: [{ quote: "the matter of ${caseId}" }] }`,
    ...(people.length ? ['entities:', ...people] : []),
    '',
  ].join('\n');
}

type Report = { file: string; status: string };
const reports = (run: Run): Report[] => run.stdout.trim().split('\n').filter((l) => l.startsWith('{"file"')).map((l) => JSON.parse(l) as Report);
const caseOf = (file: string) => `bp-${path.basename(file, '.case.yaml')}`;
const statusOf = (run: Run) => Object.fromEntries(reports(run).map((r) => [path.basename(r.file), r.status]));

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  await loadSeeds(executor, createLogger('silent'));
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-batch-path-'));
});
afterAll(async () => {
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run load -- --batch N', { timeout: 300_000 }, () => {
  it('fails a batch whole (every file of it reported failed and absent), reloads unchanged, removes only what a case no longer states, shares one node', async () => {
    const dir = path.join(scratch, 'corpus');
    mkdirSync(dir, { recursive: true });
    const put = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
    for (let i = 0; i < 12; i += 1) put(`m${String(i).padStart(2, '0')}.case.yaml`, caseFile(`bp-m${String(i).padStart(2, '0')}`, { [`bp-m${i}-person`]: `Person M${i}` }));
    // Redefines the seed's Alec Baldwin: valid alone, refused (CONFLICT) when its batch is written.
    put('c-conflict.case.yaml', caseFile('bp-c-conflict', { 'alec-baldwin': 'Rel Alpha' }));
    put('s-one.case.yaml', caseFile('bp-s-one', { 'bp-judge': 'Judge Shared' }, { shared: true }));
    put('s-two.case.yaml', caseFile('bp-s-two', { 'bp-judge': 'Judge Shared' }, { shared: true }));

    const first = await load([dir, '--batch', '4', '--json']);
    expect(first.code).not.toBe(EXIT_CODES.OK);
    const status = statusOf(first);
    expect(Object.keys(status)).toHaveLength(15);
    expect(status['c-conflict.case.yaml']).toBe('failed');
    expect(JSON.stringify(reports(first).find((r) => r.file.endsWith('c-conflict.case.yaml')))).toContain('alec-baldwin');
    // All or nothing per batch: the files that failed with it are absent, whole; the others are in, whole.
    const failed = Object.keys(status).filter((name) => status[name] === 'failed');
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.length).toBeLessThanOrEqual(4);
    for (const name of Object.keys(status)) {
      const present = (await caseFingerprint(executor, caseOf(name))).length > 0;
      expect([name, present]).toEqual([name, status[name] !== 'failed']);
      expect([name, await countById(executor, `${caseOf(name)}-note`)]).toEqual([name, status[name] === 'failed' ? 0 : 1]);
    }
    const [baldwin] = await executor.read<{ name: string }>({ text: "MATCH (n:Entity {id: 'alec-baldwin'}) RETURN n.name AS name" });
    expect(baldwin!.name).toBe('Alec Baldwin');

    // Without the file at fault, the others of its batch load; every other file is unchanged (nothing written).
    rmSync(path.join(dir, 'c-conflict.case.yaml'));
    const second = await load([dir, '--batch', '4', '--json']);
    expect(second.code).toBe(EXIT_CODES.OK);
    const after = statusOf(second);
    for (const name of Object.keys(after)) expect([name, after[name]]).toEqual([name, failed.includes(name) ? 'loaded' : 'unchanged']);
    const again = await load([dir, '--batch', '4']);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(/^14 files: 0 loaded, 14 unchanged, .* 0 created, 0 updated, \d+ unchanged, 0 removed\./);

    // Identity: two cases of one batch state one judge, one node stated by both.
    const judge = async () => (await executor.read<{ n: number; cases: string[] }>({ text: "MATCH (n:Entity {id: 'bp-judge'}) WITH collect(n) AS ns RETURN size(ns) AS n, COLLECT { UNWIND ns AS x MATCH (x)<-[:STATES]-(m:CaseManifest) RETURN DISTINCT m.case ORDER BY m.case } AS cases" }))[0]!;
    expect(await judge()).toEqual({ n: 1, cases: ['bp-s-one', 'bp-s-two'] });

    // Removal: a case that no longer states its person loses it, and only it; the judge stays with the case still stating it.
    const m03 = await caseFingerprint(executor, 'bp-m03');
    put('m11.case.yaml', caseFile('bp-m11', {}));
    put('s-two.case.yaml', caseFile('bp-s-two', {}));
    const replaced = await load([dir, '--batch', '4', '--replace']);
    expect(replaced.code).toBe(EXIT_CODES.OK);
    expect(replaced.stdout.trim().split('\n').at(-1)).toMatch(/^14 files: 2 loaded \(2 replaced\), 12 unchanged/);
    expect(await countById(executor, 'bp-m11-person')).toBe(0);
    expect(await judge()).toEqual({ n: 1, cases: ['bp-s-one'] });
    expect(await caseFingerprint(executor, 'bp-m03')).toEqual(m03);
  });

  it('stopped by SIGTERM between batches, and started again: skips the cases in, loads the rest, each whole', async () => {
    const dir = path.join(scratch, 'stop');
    mkdirSync(dir, { recursive: true });
    const names = Array.from({ length: 24 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    for (const name of names) writeFileSync(path.join(dir, `${name}.case.yaml`), caseFile(`bp-${name}`, { [`bp-${name}-person`]: `Person ${name}` }));
    const stopped = await load([dir, '--batch', '2'], /^Loading 24 files/m);
    expect(stopped.code).toBe(EXIT_CODES.INTERRUPTED);
    expect(stopped.stderr).toContain('Stopping after the current step');
    const inBefore = await Promise.all(names.map(async (name) => (await caseFingerprint(executor, `bp-${name}`)).length));
    const done = inBefore.filter((n) => n > 0).length;
    expect(done).toBeLessThan(24);

    const resumed = await load([dir, '--batch', '2']);
    expect(resumed.code).toBe(EXIT_CODES.OK);
    expect(resumed.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^24 files: ${24 - done} loaded, ${done} unchanged, 0 refused, 0 invalid\\.`));
    // Each case whole: as many lines as the same case loaded in one go (each of these cases has the same shape).
    const inAfter = await Promise.all(names.map(async (name) => (await caseFingerprint(executor, `bp-${name}`)).length));
    const whole = inAfter[0]!;
    expect(whole).toBeGreaterThan(3);
    expect(inAfter.every((n) => n === whole)).toBe(true);
    expect(inBefore.every((n) => n === 0 || n === whole)).toBe(true);
  });
});
