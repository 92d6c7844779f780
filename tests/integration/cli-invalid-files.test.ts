import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { countById } from '../support/graph.js';

/**
 * `npm run load` on a folder holding invalid files of every kind, with and without --batch:
 * each one counted and named, a non-zero exit, nothing of them written (and with --batch,
 * nothing at all).
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

/** A folder with two valid files (a judge and a case citing it) and what `bad` adds. */
function folder(name: string, bad: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'judge.case.yaml'), syntheticJudgeFile(name));
  writeFileSync(path.join(dir, 'valid.case.yaml'), syntheticCaseFile(name, 1));
  for (const [file, text] of Object.entries(bad)) writeFileSync(path.join(dir, file), text);
  return dir;
}

/** Invalid files of every kind, each under ids of its own so that nothing of them can hide. */
function everyKind(name: string): Record<string, string> {
  const valid = (n: number) => syntheticCaseFile(name, n);
  return {
    'bad-yaml.case.yaml': valid(2).replace('formatVersion: 1', 'formatVersion: 1\ncase: : [unclosed'),
    'schema.case.yaml': valid(3).replace(/^case:\n/m, 'case:\n  colour: blue\n'),
    'bad-ref.case.yaml': valid(4).replace(/who: \S+-judge\b/, 'who: nobody-defines-this'),
    'misnamed.yaml': valid(5),
    'misnamed-invalid.yml': valid(6).replace(/^case:\n/m, 'case:\n  colour: blue\n'),
    'not-cases.json': '[1, 2]',
    'unknown-shape.json': '{"kind": "person", "name_full": "Some One"}',
  };
}
/** How many entries of `everyKind` the loader reports: `not-cases.json` is two records. */
const INVALID_ENTRIES = 8;
const NAMED = ['bad-yaml.case.yaml', 'schema.case.yaml', 'bad-ref.case.yaml', 'misnamed.yaml', 'misnamed-invalid.yml', 'not-cases.json [record 0]', 'not-cases.json [record 1]', 'unknown-shape.json'];

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-cli-invalid-'));
});
afterAll(async () => {
  await executor?.write({ text: "MATCH (n) WHERE n.id STARTS WITH 'cli-invalid-' OR n.caseId STARTS WITH 'cli-invalid-' DETACH DELETE n" });
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const cases = async (name: string) => Promise.all([1, 2, 3, 4, 5, 6].map((n) => countById(executor, `${name}-${n}-case`)));

describe('npm run load with invalid files of every kind', { timeout: 120_000 }, () => {
  it('with --batch 50: every invalid file counted and named, exit 1, nothing written at all', async () => {
    const name = 'cli-invalid-batch';
    const dir = folder(name, everyKind(name));
    const run = await load(dir, '--batch', '50');
    expect(run.code, run.stderr).toBe(EXIT_CODES.INVALID);
    expect(run.stdout).toContain(`${INVALID_ENTRIES + 2} files: 0 loaded, 0 unchanged, 0 refused, ${INVALID_ENTRIES} invalid, 2 not loaded.`);
    for (const file of NAMED) expect(run.stderr, file).toContain(`${path.join(dir, file)}: `);
    expect(run.stderr).toMatch(/misnamed\.yaml:1:1 not loaded: a YAML file whose name does not end in \.case\.yaml/);
    expect(run.stderr).toContain(`Nothing was written: ${INVALID_ENTRIES} files are invalid`);
    expect(await cases(name)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await countById(executor, `${name}-bench`)).toBe(0);
  });

  it('without --batch: the same files counted and named, exit 1; only the valid ones are loaded', async () => {
    const name = 'cli-invalid-single';
    const dir = folder(name, everyKind(name));
    const run = await load(dir);
    expect(run.code, run.stderr).toBe(EXIT_CODES.INVALID);
    expect(run.stdout).toContain(`${INVALID_ENTRIES + 2} files: 2 loaded, 0 unchanged, 0 refused, ${INVALID_ENTRIES} invalid.`);
    for (const file of NAMED) expect(run.stderr, file).toContain(`${path.join(dir, file)}: `);
    expect(await cases(name)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('a folder whose only bad file is a case file named *.yaml: not "0 invalid" and exit 0, but 1 invalid and exit 1', async () => {
    const name = 'cli-invalid-named';
    const dir = folder(name, { 'extra.yaml': syntheticCaseFile(name, 2) });
    for (const batch of [['--batch', '50'], []]) {
      const run = await load(dir, ...batch);
      expect(run.code, run.stderr).toBe(EXIT_CODES.INVALID);
      expect(run.stdout).toMatch(batch.length ? /3 files: 0 loaded, 0 unchanged, 0 refused, 1 invalid, 2 not loaded\./ : /3 files: 2 loaded, 0 unchanged, 0 refused, 1 invalid\./);
      expect(run.stderr).toContain(`${path.join(dir, 'extra.yaml')}:1:1 not loaded`);
    }
    expect(await countById(executor, `${name}-2-case`)).toBe(0);
  });
});
