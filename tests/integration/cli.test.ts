import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { deleteCase } from '../../src/ingest/write/import.js';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { createLogger } from '../../src/shared/logger.js';
import { caseFingerprint, countById } from '../support/graph.js';

/** The shared-judge fixture under ids of its own (`cli-<name>-…`), so each test owns its data. */
const FIXTURE = readFileSync('tests/fixtures/shared-judge/fixture-a.case.yaml', 'utf8');
const fixture = (name: string) => FIXTURE.replace(/fixture-a\b/g, `cli-${name}`).replace(/fixture-(alpha|beta|fence)/g, `cli-${name}-$1`);

let driver: Driver;
let executor: Executor;
let scratch: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the loader as a user would, against the run's Neo4j unless `env` says otherwise. */
function load(...args: string[]): Promise<Run> {
  const neo4j = inject('neo4j');
  return runCli(args, { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database });
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes a case file into the scratch folder (or a subfolder) and returns its path. */
function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const summaryLine = (run: Run) => run.stdout.trim().split('\n').at(-1)!;

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  await loadSeeds(executor, createLogger('silent'));
  // With a NEO4J_URI that outlives the run, start from no cli-… case.
  const left = await executor.read<{ caseId: string }>({ text: "MATCH (m:CaseManifest) WHERE m.caseId STARTS WITH 'cli-' RETURN m.caseId AS caseId" });
  for (const { caseId } of left) await deleteCase(executor, caseId);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-cli-'));
});
afterAll(async () => {
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the case-file loader command', { timeout: 120_000 }, () => {
  it('prints its usage with every exit code and the NEO4J_* variables on --help, and exits 0', async () => {
    const run = await load('--help');
    expect(run.code).toBe(EXIT_CODES.OK);
    expect(run.stdout).toContain('Usage: npm run load --');
    for (const option of ['--dry-run', '--replace', '--json', '--quiet']) expect(run.stdout).toContain(option);
    for (const code of Object.values(EXIT_CODES)) expect(run.stdout).toMatch(new RegExp(`^ +${code}  \\S`, 'm'));
    for (const variable of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'DATA_DIR']) expect(run.stdout).toContain(variable);
  });

  it('exits 2 on a usage error: no arguments, an unknown option, a path or pattern that gives no case file', async () => {
    const none = await load();
    expect(none.code).toBe(EXIT_CODES.USAGE);
    expect(none.stderr).toContain('no case files given');
    const unknown = await load('--force', 'seeds');
    expect(unknown.code).toBe(EXIT_CODES.USAGE);
    expect(unknown.stderr).toContain("Unknown option '--force'");
    const nothing = await load(path.join(scratch, 'nowhere', '*.case.yaml'));
    expect(nothing.code).toBe(EXIT_CODES.USAGE);
    expect(nothing.stderr).toContain('matches no case file');
    expect(nothing.stdout).toBe('');
  });

  it('loads a valid file (exit 0, with a summary), and loading it again changes nothing', async () => {
    const file = write('load.case.yaml', fixture('load'));
    const first = await load(file);
    expect(first.stderr).toContain('Loading 1 file into');
    expect(first.code).toBe(EXIT_CODES.OK);
    expect(first.stdout).toContain('loaded case cli-load-case (new)');
    expect(first.stdout).toMatch(/^ +Person +2 +0 +0 +0$/m);
    expect(summaryLine(first)).toMatch(/^1 file: 1 loaded, 0 unchanged, 0 refused, 0 invalid\. 27 created, 0 updated, 0 unchanged, 0 removed\. \d+\.\d s.*, \d+ graph elements\/s \(27 written\)\.$/);
    expect(await countById(executor, 'cli-load-case')).toBe(1);
    expect(await countById(executor, 'mary-marlowe-sommer')).toBe(1);
    const loaded = await caseFingerprint(executor, 'cli-load-case');

    const again = await load(file);
    expect(again.code).toBe(EXIT_CODES.OK);
    expect(summaryLine(again)).toMatch(/^1 file: 0 loaded, 1 unchanged, 0 refused, 0 invalid\. 0 created, 0 updated, 27 unchanged, 0 removed\./);
    expect(await caseFingerprint(executor, 'cli-load-case')).toEqual(loaded);
  });

  it('on --dry-run reports what would change per kind and writes nothing', async () => {
    const file = write('dry.case.yaml', fixture('dry'));
    const run = await load(file, '--dry-run');
    expect(run.code).toBe(EXIT_CODES.OK);
    expect(run.stdout).toContain('would load case cli-dry-case (new)');
    expect(run.stdout).toMatch(/^ +relationships +ACTED_ON +1 +0 +0 +0$/m);
    expect(run.stdout).toMatch(/^ +passages +9 +0 +0 +0$/m);
    expect(summaryLine(run)).toMatch(/^Dry run, nothing written\. 1 file: 1 would load, .*Would be: 27 created, 0 updated, 0 unchanged, 0 removed\./);
    expect(await caseFingerprint(executor, 'cli-dry-case')).toEqual([]);
    expect(await countById(executor, 'cli-dry-alpha')).toBe(0);
  });

  it('refuses an edited file without --replace (exit 3, nothing changed) and applies it with --replace', async () => {
    const file = write('edit.case.yaml', fixture('edit'));
    expect((await load(file)).code).toBe(EXIT_CODES.OK);
    const loaded = await caseFingerprint(executor, 'cli-edit-case');
    // Another new case, without the judge, so that loading it leaves cli-edit-case's nodes alone.
    const other = write('edit-other.case.yaml', fixture('edit-other').replace(/  - who: mary-marlowe-sommer\n(.*\n){4}/, ''));
    write('edit.case.yaml', fixture('edit').replace('action: climbed', 'action: jumped over'));

    const dry = await load(file, '--dry-run');
    expect(dry.code).toBe(EXIT_CODES.OK);
    expect(dry.stdout).toContain('it would be refused without --replace');
    expect(dry.stdout).toMatch(/^ +nodes +Act +0 +1 +1 +0$/m);

    const refused = await load(file, other);
    expect(refused.code).toBe(EXIT_CODES.REFUSED);
    expect(refused.stderr).toContain('case "cli-edit-case" is already in the graph and this file changes it (0 created, 1 updated, 0 removed)');
    expect(refused.stderr).toContain('--replace');
    expect(await caseFingerprint(executor, 'cli-edit-case')).toEqual(loaded);
    // The refusal does not stop the next file.
    expect(refused.stdout).toContain('loaded case cli-edit-other-case (new)');
    expect(summaryLine(refused)).toMatch(/^2 files: 1 loaded, 0 unchanged, 1 refused, 0 invalid\./);

    const replaced = await load(file, '--replace');
    expect(replaced.code).toBe(EXIT_CODES.OK);
    expect(replaced.stdout).toContain('replaced case cli-edit-case');
    expect(summaryLine(replaced)).toMatch(/^1 file: 1 loaded \(1 replaced\), .*0 created, 1 updated, 26 unchanged, 0 removed\./);
    const [act] = await executor.read<{ action: string }>({ text: 'MATCH (a:Act {id: $id}) RETURN a.action AS action', params: { id: 'cli-edit-climbed' } });
    expect(act?.action).toBe('jumped over');
    expect(await caseFingerprint(executor, 'cli-edit-case')).not.toEqual(loaded);
  });

  it('exits 1 on a broken file, printing every problem as file:line:column with a hint, and writes nothing of it', async () => {
    const broken = write('broken.case.yaml', fixture('broken').replace('actor: cli-broken-alpha', 'actor: cli-broken-alfa').replace('date: "2020-05-04"', 'date: "2020-02-30"'));
    const valid = write('valid-beside-broken.case.yaml', fixture('beside'));
    const run = await load(broken, valid);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toContain('2 problems found; nothing was written.');
    expect(run.stderr).toMatch(/broken\.case\.yaml:\d+:\d+ acts\[0\]\.actor: unknown id "cli-broken-alfa"\n {4}hint: .*did you mean "cli-broken-alpha"\?/);
    expect(run.stderr).toMatch(/broken\.case\.yaml:\d+:\d+ acts\[0\]\.time\.date: .*\n {4}hint: /);
    expect(await countById(executor, 'cli-broken-case')).toBe(0);
    expect(await countById(executor, 'cli-broken-alpha')).toBe(0);
    // The valid file beside it is still loaded, and the summary says so.
    expect(await countById(executor, 'cli-beside-case')).toBe(1);
    expect(summaryLine(run)).toMatch(/^2 files: 1 loaded, 0 unchanged, 0 refused, 1 invalid\. .* The 1 invalid file was not loaded; the 1 valid file was handled as reported above\.$/);
  });

  it('with --batch writes nothing when any file is invalid, else several cases per transaction; loading again changes nothing', async () => {
    const broken = write('batch/broken.case.yaml', fixture('batch-broken').replace('actor: cli-batch-broken-alpha', 'actor: cli-batch-broken-alfa'));
    const valid = ['one', 'two', 'three'].map((n) => write(`batch/${n}.case.yaml`, fixture(`batch-${n}`)));
    const refused = await load(broken, ...valid, '--batch', '2');
    expect(refused.code).toBe(EXIT_CODES.INVALID);
    expect(refused.stderr).toContain('Nothing was written: 1 file is invalid, and --batch writes nothing unless every file is valid.');
    for (const n of ['one', 'two', 'three', 'broken']) expect(await countById(executor, `cli-batch-${n}-case`), n).toBe(0);
    expect(summaryLine(refused)).toMatch(/^4 files: 0 loaded, 0 unchanged, 0 refused, 1 invalid, 3 not loaded\./);

    const loaded = await load(...valid, '--batch', '2');
    expect(loaded.code).toBe(EXIT_CODES.OK);
    expect(summaryLine(loaded)).toMatch(/^3 files: 3 loaded, 0 unchanged, 0 refused, 0 invalid\. 81 created, 0 updated, 0 unchanged, 0 removed\./);
    const states = await Promise.all(['one', 'two', 'three'].map((n) => caseFingerprint(executor, `cli-batch-${n}-case`)));
    expect(states.every((state) => state.length > 20)).toBe(true);
    const again = await load(...valid, '-b', '50', '--json');
    expect(again.code).toBe(EXIT_CODES.OK);
    expect(again.stdout.trim().split('\n').map((line) => JSON.parse(line).status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await Promise.all(['one', 'two', 'three'].map((n) => caseFingerprint(executor, `cli-batch-${n}-case`)))).toEqual(states);
  });

  it('loads a folder recursively, in an order that puts a file after the file defining what it refers to', async () => {
    // a-… refers to the defendant that z-… defines; neither is in the graph yet.
    const provider = fixture('folder');
    const dependent = fixture('folder-dep')
      .replace(/  - id: cli-folder-dep-alpha\n(.*\n){4}/, '')
      .replace(/cli-folder-dep-alpha/g, 'cli-folder-alpha');
    write('folder/sub/a-dependent.case.yaml', dependent);
    write('folder/z-provider.case.json', JSON.stringify(parseYaml(provider), null, 2));
    write('folder/notes.txt', 'not a case file');
    const run = await load(path.join(scratch, 'folder'));
    expect(run.stderr).not.toContain('problem');
    expect(run.code).toBe(EXIT_CODES.OK);
    const order = [...run.stdout.matchAll(/loaded case (\S+)/g)].map((m) => m[1]);
    expect(order).toEqual(['cli-folder-case', 'cli-folder-dep-case']);
    expect(summaryLine(run)).toMatch(/^2 files: 2 loaded,/);
    const [row] = await executor.read<{ n: number }>({
      text: "MATCH (:Person {id: 'cli-folder-alpha'})-[r:HAS_ROLE {role: 'defendant'}]->(c:Case) RETURN count(c) AS n",
    });
    expect(row?.n).toBe(2);
  });

  it('refuses a file that would change the text of a document another file of the same run cites', async () => {
    const shared = (name: string) => fixture(name).replace(new RegExp(`cli-${name}-report`, 'g'), 'cli-clash-report');
    const one = write('clash/one.case.yaml', shared('clash-one'));
    const two = write('clash/two.case.yaml', shared('clash-two').replace('Sommer presided.', 'Sommer presided over it.'));
    const run = await load(one, two);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toMatch(/two\.case\.yaml:\d+:\d+ documents\[0\]\.id: document "cli-clash-report" is already in the graph with another text, cited by cli-clash-one-case/);
    expect(await countById(executor, 'cli-clash-one-case')).toBe(1);
    expect(await countById(executor, 'cli-clash-two-case')).toBe(0);
    const [doc] = await executor.read<{ text: string }>({ text: "MATCH (d:SourceDocument {id: 'cli-clash-report'}) RETURN d.text AS text" });
    expect(doc?.text).not.toContain('presided over it');
  });

  it('expands a glob, and prints one parseable JSON report per file with --json', async () => {
    write('glob/one.case.yaml', fixture('glob-one'));
    write('glob/two.case.yaml', fixture('glob-two'));
    write('glob/two.case.yaml.bak', 'not matched');
    const run = await load(path.join(scratch, 'glob', '*.case.*'), '--json', '--dry-run');
    expect(run.code).toBe(EXIT_CODES.OK);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [path.basename(l.file), l.status, l.dryRun, l.caseId])).toEqual([
      ['one.case.yaml', 'loaded', true, 'cli-glob-one-case'],
      ['two.case.yaml', 'loaded', true, 'cli-glob-two-case'],
    ]);
    expect(lines[0].totals).toEqual({ created: 27, updated: 0, unchanged: 0, removed: 0 });
    expect(lines[0].nodes.Person).toEqual({ created: 2, updated: 0, unchanged: 0, removed: 0 });
    expect(run.stderr).toMatch(/Dry run, nothing written\. 2 files: 2 would load/);
    expect(await countById(executor, 'cli-glob-one-case')).toBe(0);

    const broken = write('glob/bad.case.yaml', fixture('glob-bad').replace('actor: cli-glob-bad-alpha', 'actor: nobody'));
    const invalid = await load(broken, '--json');
    expect(invalid.code).toBe(EXIT_CODES.INVALID);
    const [report] = invalid.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(report).toMatchObject({ status: 'invalid', problems: [{ path: 'acts[0].actor', message: 'unknown id "nobody"' }] });
    expect(report.problems[0].line).toBeGreaterThan(0);
  });

  it('stops between cases on SIGTERM (exit 130): each case is in the graph whole or not at all; started again, it finishes the rest', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `stop-${String(i).padStart(2, '0')}`);
    for (const name of names) write(`stop/${name}.case.yaml`, fixture(name));
    const neo4j = inject('neo4j');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', path.join(scratch, 'stop')], {
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false; // once: a second signal quits at once, without the summary
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!signalled && /^Loading 12 files/m.test(stderr)) signalled = child.kill('SIGTERM');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain('Stopping after the current step');
    expect(code).toBe(EXIT_CODES.INTERRUPTED);
    expect(stdout).toMatch(/\d+ not loaded\./);
    const whole = (await caseFingerprint(executor, 'cli-load-case')).length;
    const loaded = await Promise.all(names.map(async (name) => (await caseFingerprint(executor, `cli-${name}-case`)).length));
    expect(loaded.every((n) => n === 0 || n === whole)).toBe(true);
    expect(loaded.filter((n) => n === 0).length).toBeGreaterThan(0);

    // Started again, it skips the cases in (unchanged, nothing written) and loads the rest, each whole.
    const done = loaded.filter((n) => n > 0).length;
    const resumed = await load(path.join(scratch, 'stop'));
    expect(resumed.code).toBe(EXIT_CODES.OK);
    expect(summaryLine(resumed)).toMatch(new RegExp(`^12 files: ${12 - done} loaded, ${done} unchanged, 0 refused, 0 invalid\\.`));
    const after = await Promise.all(names.map(async (name) => (await caseFingerprint(executor, `cli-${name}-case`)).length));
    expect(after.every((n) => n === whole)).toBe(true);
  });

  it('exits 4 when Neo4j cannot be reached', async () => {
    const file = write('unreachable.case.yaml', fixture('unreachable'));
    const run = await runCli([file], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(run.code).toBe(EXIT_CODES.NEO4J_UNAVAILABLE);
    expect(run.stderr).toContain('cannot connect to Neo4j at bolt://127.0.0.1:1');
  });
});
