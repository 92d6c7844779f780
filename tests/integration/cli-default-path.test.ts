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
import { countById } from '../support/graph.js';

/**
 * The default path of `npm run load` (no --batch): streamed a step of files at a time, many
 * cases per transaction, a failed transaction written again file by file. Its guarantees, with
 * more files than one step holds: a case wholly in or absent, a reload writes nothing, a stopped
 * load resumes, a file may refer to what a later file defines, removal, identity across cases.
 */
let driver: Driver;
let executor: Executor;
let scratch: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function load(...args: string[]): Promise<Run> {
  const neo4j = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A small case: a note, the case, entities (each `id: name`), and roles of entities defined elsewhere. */
function caseFile(caseId: string, entities: Record<string, string>, options: { witnesses?: string[]; shared?: boolean } = {}): string {
  const names = Object.values(entities);
  const people = Object.entries(entities).map(([id, name]) => `  - { id: ${id}, kind: Person, name: ${name},${options.shared ? ' shared: true,' : ''} sources: [{ quote: "${name} is named" }] }`);
  const roles = (options.witnesses ?? []).map((id) => `  - { who: ${id}, role: witness, in: ${caseId}, sources: [{ quote: "the matter of ${caseId}" }] }`);
  return [
    'formatVersion: 2',
    'documents:',
    `  - { id: ${caseId}-note, title: A fictional note, text: "In the matter of ${caseId}: ${names.map((n) => `${n} is named.`).join(' ')}" }`,
    `case: { id: ${caseId}, caption: Matter of ${caseId}, status: open, sources: [{ quote: "the matter of ${caseId}" }] }`,
    ...(people.length ? ['entities:', ...people] : []),
    ...(roles.length ? ['roles:', ...roles] : []),
    '',
  ].join('\n');
}

const summary = (run: Run) => run.stdout.trim().split('\n').at(-1)!;
const manifests = async (prefix: string) =>
  (await executor.read<{ id: string }>({ text: 'MATCH (m:CaseManifest) WHERE m.caseId STARTS WITH $prefix RETURN m.caseId AS id ORDER BY id', params: { prefix } })).map((r) => r.id);

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  await loadSeeds(executor, createLogger('silent'));
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-default-path-'));
});
afterAll(async () => {
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run load without --batch (the streamed default path)', { timeout: 300_000 }, () => {
  it('loads every good file of a folder larger than a step, fails only the file at fault (absent), resumes, reloads unchanged, removes and shares', async () => {
    const dir = path.join(scratch, 'corpus');
    mkdirSync(dir, { recursive: true });
    const put = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
    // 60 small cases (more than one step of 50 files), one of them (b-…) refers to a person
    // only the last file defines, and one (c-…) redefines the seed's Alec Baldwin: a CONFLICT
    // found at write time, inside a transaction with the others.
    for (let i = 0; i < 60; i += 1) put(`m-${String(i).padStart(2, '0')}.case.yaml`, caseFile(`dp-m${i}`, { [`dp-m${i}-person`]: `Person M${i}` }));
    put('b-refers.case.yaml', caseFile('dp-b', {}, { witnesses: ['dp-zoe'] }));
    put('c-conflict.case.yaml', caseFile('dp-c', { 'alec-baldwin': 'Rel Alpha' }));
    put('z-defines.case.yaml', caseFile('dp-z', { 'dp-zoe': 'Zoe Later' }));
    // Identity across cases: two cases state one shared judge.
    put('s-one.case.yaml', caseFile('dp-s1', { 'dp-judge': 'Judge Shared' }, { shared: true }));
    put('s-two.case.yaml', caseFile('dp-s2', { 'dp-judge': 'Judge Shared' }, { shared: true }));

    // A load stopped after the first ten files: started again on the folder, it skips them.
    const firstTen = Array.from({ length: 10 }, (_, i) => path.join(dir, `m-${String(i).padStart(2, '0')}.case.yaml`));
    expect((await load(...firstTen)).code).toBe(EXIT_CODES.OK);

    const run = await load(dir);
    expect(run.code).not.toBe(EXIT_CODES.OK);
    expect(summary(run)).toMatch(/65 files: 54 loaded, 10 unchanged, 0 refused, 0 invalid, 1 failed/);
    expect(run.stderr).toContain('c-conflict.case.yaml');
    expect(run.stderr).toContain('"alec-baldwin"');
    // The file at fault is absent, whole; the seed keeps its facts; every other case is in.
    expect(await countById(executor, 'dp-c')).toBe(0);
    expect(await countById(executor, 'dp-c-note')).toBe(0);
    const [baldwin] = await executor.read<{ name: string }>({ text: "MATCH (n:Entity {id: 'alec-baldwin'}) RETURN n.name AS name" });
    expect(baldwin!.name).toBe('Alec Baldwin');
    expect(await manifests('dp-')).toHaveLength(64);
    const [witness] = await executor.read<{ n: number }>({ text: "MATCH (:Entity {id: 'dp-zoe'})-[r]->(:Entity {id: 'dp-b'}) RETURN count(r) AS n" });
    expect(witness!.n).toBe(1);
    const [judge] = await executor.read<{ n: number; caseIds: string[] }>({ text: "MATCH (n:Entity {id: 'dp-judge'}) WITH collect(n) AS ns RETURN size(ns) AS n, COLLECT { UNWIND ns AS x MATCH (x)<-[:STATES]-(m:CaseManifest) RETURN DISTINCT m.case } AS caseIds" });
    expect(judge).toEqual({ n: 1, caseIds: expect.arrayContaining(['dp-s1', 'dp-s2']) });

    // Again: nothing is written; the bad file fails again, alone.
    const again = await load(dir);
    expect(summary(again)).toMatch(/65 files: 0 loaded, 64 unchanged, 0 refused, 0 invalid, 1 failed/);
    expect(summary(again)).toMatch(/ 0 created, 0 updated, \d+ unchanged, 0 removed\./);

    // Removal: a case that no longer states its person loses it (with --replace), and the
    // shared judge stays with the case that still states it.
    put('m-59.case.yaml', caseFile('dp-m59', {}));
    put('s-two.case.yaml', caseFile('dp-s2', {}));
    const replaced = await load(dir, '--replace');
    expect(summary(replaced)).toMatch(/65 files: 2 loaded \(2 replaced\), 62 unchanged/);
    expect(await countById(executor, 'dp-m59-person')).toBe(0);
    const [left] = await executor.read<{ caseIds: string[] }>({ text: "MATCH (n:Entity {id: 'dp-judge'}) RETURN COLLECT { MATCH (n)<-[:STATES]-(m:CaseManifest) RETURN DISTINCT m.case } AS caseIds" });
    expect(left!.caseIds).toEqual(['dp-s1']);
  });
});
