import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { databaseDirs, ImporterError, removeDatabase, runImporter } from '../../src/ingest/offline/importer.js';
import { connect, startEmbeddedTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { startTestApi } from '../support/api.js';
import { graphDump } from '../support/graph.js';

/**
 * `npm run load -- --offline`: the graph it imports into an empty DATA_DIR must be the graph the
 * normal path writes from the same files, property by property; the normal path then finds
 * every case unchanged and adds new ones. Every store here is a throwaway DATA_DIR of its own.
 */
let scratch: string;
let inputs: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the loader as a user would, on a DATA_DIR of its own (never the run's shared Neo4j). */
function load(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NEO4J_URI: _unset, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/cli/main.ts', ...args], {
      env: { ...rest, DATA_DIR: dataDir, NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m', OFFLINE_IMPORT_MEMORY: '512M', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the embedded Neo4j on a DATA_DIR, runs `work`, stops it. */
async function withStore<T>(dataDir: string, work: (executor: Executor) => Promise<T>): Promise<T> {
  const target = await startEmbeddedTarget(path.join(dataDir, 'neo4j'), { boltPort: 0, heap: '256m', pageCache: '64m' }, () => {});
  try {
    const driver = await connect(target);
    try {
      return await work(new Executor(driver, target.database));
    } finally {
      await driver.close();
    }
  } finally {
    await target.release();
  }
}

const FIXTURE = readFileSync('tests/fixtures/shared-judge/fixture-a.case.yaml', 'utf8');

/** A case that states the seed's judge under another name (sameAs): aliases and sources merge. */
const sameAsCase = FIXTURE.replace(/fixture-a\b/g, 'offline-sameas')
  .replace(/fixture-(alpha|beta|fence)/g, 'offline-sameas-$1')
  .replace('Judge Mary Marlowe Sommer presided.', 'Judge M. M. Sommer presided.')
  .replace('  - who: mary-marlowe-sommer', '  - who: offline-judge-sommer')
  .replace('quote: "Judge Mary Marlowe Sommer presided"', 'quote: "Judge M. M. Sommer presided"')
  .replace('entities:\n', 'entities:\n  - id: offline-judge-sommer\n    kind: Person\n    name: Judge M. M. Sommer\n    sameAs: mary-marlowe-sommer\n    sources:\n      - quote: "Judge M. M. Sommer"\n');

/**
 * A case that defines one witness its own way. Two such cases may both define it only when both
 * say it is shared: its fields then come from the smaller case id, its aliases from both;
 * otherwise the normal path refuses the second (CONFLICT).
 */
const witnessCase = (caseId: string, description: string, alias: string, shared = false) => `formatVersion: 1
documents:
  - id: ${caseId}-report
    title: "${caseId}: a fictional report"
    text: |
      In the fictional case ${caseId}, the witness Offline Wren (${alias}) testified about a ${description}.
case:
  id: ${caseId}
  caption: In re ${caseId}
  caseType: civil
  status: open
  sources:
    - quote: "In the fictional case ${caseId}"
entities:
  - id: offline-wren
    kind: Person
    name: Offline Wren
    aliases: ["${alias}"]
    description: ${description}${shared ? '\n    shared: true' : ''}
    sources:
      - quote: "the witness Offline Wren"
roles:
  - who: offline-wren
    role: witness
    in: ${caseId}
    sources:
      - quote: "Offline Wren (${alias}) testified"
`;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-offline-test-'));
  inputs = path.join(scratch, 'inputs');
  mkdirSync(path.join(inputs, 'seeds'), { recursive: true });
  for (const name of readdirSync('seeds').filter((n) => /\.(ya?ml|txt)$/.test(n))) cpSync(path.join('seeds', name), path.join(inputs, 'seeds', name));
  cpSync('tests/fixtures/shared-cases', path.join(inputs, 'shared'), { recursive: true, filter: (src) => !src.endsWith('.md') });
  mkdirSync(path.join(inputs, 'records'));
  for (const name of ['akd.json', 'azd.json', 'ded.json', 'jpml.json', 'nysd.json', 'nysd_2.json', 'utd.json', 'wawd.json']) cpSync(path.join('tests/fixtures/courtlistener', name), path.join(inputs, 'records', name));
  for (const name of ['0036-01.json', '0038-01.json', '0040-01.json']) cpSync(path.join('tests/fixtures/cap', name), path.join(inputs, 'records', `cap-${name}`));
  cpSync('tests/fixtures/citing/fictional-citing-opinion.json', path.join(inputs, 'records', 'citing.json'));
  writeFileSync(path.join(inputs, 'offline-sameas.case.yaml'), sameAsCase);
  // Loaded in name order: the larger case id first, so the smaller one's fields must win.
  writeFileSync(path.join(inputs, 'a-witness.case.yaml'), witnessCase('offline-zulu-case', 'red car', 'Zulu Wren', true));
  writeFileSync(path.join(inputs, 'b-witness.case.yaml'), witnessCase('offline-alpha-case', 'blue car', 'Alpha Wren', true));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the offline bulk import', { timeout: 1_800_000 }, () => {
  it('imports the graph the normal path writes, which the normal path then finds unchanged and adds to', async () => {
    const offline = path.join(scratch, 'offline');
    const normal = path.join(scratch, 'normal');
    const imported = await load(offline, ['--offline', '--json', inputs]);
    expect(imported.stderr).not.toMatch(/failed|problem/i);
    expect(imported.code).toBe(EXIT_CODES.OK);
    const summary = JSON.parse(imported.stdout.trim().split('\n').at(-1)!).offlineImport;
    expect(summary.cases).toBeGreaterThanOrEqual(15);
    expect(imported.stderr).toContain('"progress"');

    const loaded = await load(normal, ['-q', inputs]);
    expect(loaded.code).toBe(EXIT_CODES.OK);

    const [offlineGraph, normalGraph] = [await withStore(offline, graphDump), await withStore(normal, graphDump)];
    expect(offlineGraph.length).toBeGreaterThan(1000);
    expect(offlineGraph).toEqual(normalGraph);

    // The normal path on the imported store sees every file as it sees its own store's: already in
    // (its source hash is in its contribution's manifest), so unchanged, naming that contribution.
    const reports = async (dataDir: string) => {
      const run = await load(dataDir, ['--json', '--dry-run', inputs]);
      return run.stdout.trim().split('\n').filter((l) => l.startsWith('{"file"')).map((l) => ({ ...JSON.parse(l), ms: 0 }));
    };
    const [offlineReload, normalReload] = [await reports(offline), await reports(normal)];
    expect(offlineReload).toEqual(normalReload);
    expect(offlineReload.length).toBe(summary.files);
    const contributions = new Set((await withStore(offline, (executor) => executor.read<{ id: string }>({ text: 'MATCH (m:CaseManifest) RETURN m.caseId AS id', params: {} }))).map((r) => r.id));
    for (const report of offlineReload) {
      expect([report.file, report.status]).toEqual([report.file, 'unchanged']);
      expect(contributions.has(report.caseId)).toBe(true);
      expect(report.elements).toBeGreaterThan(0);
    }
    const extra = path.join(scratch, 'extra');
    mkdirSync(extra);
    writeFileSync(path.join(extra, 'c-witness.case.yaml'), witnessCase('offline-mike-case', 'green car', 'Mike Wren', true));
    const added = await load(offline, ['--json', extra]);
    expect(added.code).toBe(EXIT_CODES.OK);
    expect(JSON.parse(added.stdout.split('\n')[0]!).status).toBe('loaded');

    // npm start's server on that store answers from the imported graph.
    await withStore(offline, async (executor) => {
      const api = await startTestApi({ executor: () => executor });
      try {
        const { data } = await api.gql(`{ entity(id: "offline-wren") { name aliases description cases(first: 10) { edges { node { id } } } }
          sommer: entity(id: "mary-marlowe-sommer") { aliases } }`);
        expect(data.entity.description).toBe('blue car');
        expect(data.entity.aliases).toEqual(['Alpha Wren', 'Mike Wren', 'Zulu Wren']);
        expect(data.entity.cases.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(['offline-alpha-case', 'offline-mike-case', 'offline-zulu-case']);
        expect(data.sommer.aliases).toContain('Judge M. M. Sommer');
        // The full-text index the import created finds the imported names.
        const hits = await api.gql('{ search(query: "Wren", kinds: [PERSON], first: 5) { edges { node { entity { id } } } } }');
        expect(hits.errors).toBeUndefined();
        expect(hits.data.search.edges.map((e: { node: { entity: { id: string } } }) => e.node.entity.id)).toContain('offline-wren');
      } finally {
        await api.close();
      }
    });

    // A store that holds a graph is refused, naming the normal path.
    const refused = await load(offline, ['--offline', extra]);
    expect(refused.code).toBe(EXIT_CODES.REFUSED);
    expect(refused.stderr).toContain('is not empty');
    expect(refused.stderr).toContain('npm run load -- <files>, without --offline');
  });

  it('refuses, before the importer, two cases defining one entity otherwise without both saying shared, as the normal path does', async () => {
    const both = path.join(scratch, 'conflict-inputs');
    mkdirSync(both);
    // Loaded in name order: the larger case id first; the second one is refused.
    writeFileSync(path.join(both, 'a-witness.case.yaml'), witnessCase('offline-conflict-zulu', 'red car', 'Zulu Wren', true));
    writeFileSync(path.join(both, 'b-witness.case.yaml'), witnessCase('offline-conflict-alpha', 'blue car', 'Alpha Wren'));
    const refusal = 'case "offline-conflict-alpha" defines "offline-wren", which case "offline-conflict-zulu" already defines with another aliases, description';
    const dataDir = path.join(scratch, 'conflict');
    const run = await load(dataDir, ['--offline', both]);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toContain(`b-witness.case.yaml: CONFLICT: ${refusal}`);
    expect(run.stderr).toContain('Nothing was imported');
    expect(existsSync(databaseDirs(path.join(dataDir, 'neo4j'))[0]!)).toBe(false);
    const normal = await load(path.join(scratch, 'conflict-normal'), [both]);
    expect(normal.code).not.toBe(EXIT_CODES.OK);
    expect(normal.stderr + normal.stdout).toContain(refusal);
  });

  it('stops before the importer on any invalid file, reporting every problem with its place, and leaves the store empty', async () => {
    const dataDir = path.join(scratch, 'invalid');
    const bad = path.join(scratch, 'bad-inputs');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'a-witness.case.yaml'), witnessCase('offline-good-case', 'grey car', 'Good Wren'));
    writeFileSync(path.join(bad, 'b-broken.case.yaml'), witnessCase('offline-broken-case', 'grey car', 'Broken Wren').replace('    role: witness\n', '    role: witness\n    rank: 3\n').replace('quote: "In the fictional case offline-broken-case"', 'quote: "a sentence the report does not hold"'));
    const run = await load(dataDir, ['--offline', bad]);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toMatch(/b-broken\.case\.yaml: 2 problems found/);
    expect(run.stderr).toMatch(/b-broken\.case\.yaml:25:11 roles\[0\]\.rank: unknown field "rank"/);
    expect(run.stderr).toMatch(/b-broken\.case\.yaml:\d+:\d+ case\.sources\[0\]\.quote: /);
    expect(run.stderr).not.toContain('a-witness.case.yaml:');
    expect(run.stderr).toContain('Nothing was imported');
    expect(existsSync(databaseDirs(path.join(dataDir, 'neo4j'))[0]!)).toBe(false);
  });

  it('with NEO4J_URI explains that it needs the embedded store; --csv-only writes the files and the command for a server', async () => {
    const refused = await load(path.join(scratch, 'uri'), ['--offline', path.join(inputs, 'a-witness.case.yaml')], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(refused.code).toBe(EXIT_CODES.USAGE);
    expect(refused.stderr).toContain('needs');
    expect(refused.stderr).toContain('neo4j-admin');
    expect(refused.stderr).toContain('--csv-only');
    const dir = path.join(scratch, 'csv');
    const written = await load(path.join(scratch, 'uri'), ['--offline', '--csv-only', dir, path.join(inputs, 'a-witness.case.yaml')], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(written.code).toBe(EXIT_CODES.OK);
    const command = readFileSync(path.join(dir, 'neo4j-admin-import.txt'), 'utf8');
    expect(command).toMatch(/^neo4j-admin database import full neo4j --nodes=Entity:/);
    expect(command).toMatch(/ --nodes=Entity:Person(:OfflineEmptyLists\w*)?=\S+\.header\.tsv,\S+\.tsv /);
    expect(readFileSync(path.join(dir, 'after-import.cypher'), 'utf8')).toContain('CREATE CONSTRAINT entity_id');
    const header = readdirSync(dir).find((n) => n.includes('Entity-Person') && n.endsWith('.header.tsv'))!;
    expect(readFileSync(path.join(dir, header), 'utf8')).toMatch(/^id:ID\(Entity\)\t.*name:string/);
    // Who states each node: STATES rows from the manifests, with each contribution's passages.
    expect(command).toMatch(/ --relationships=STATES\S*=\S+\.header\.tsv,\S+\.tsv/);
    const states = readdirSync(dir).find((n) => n.includes('STATES') && n.endsWith('.header.tsv'))!;
    expect(readFileSync(path.join(dir, states), 'utf8')).toMatch(/^:START_ID\(CaseManifest\)\t:END_ID\(Entity\)\t.*passageIds:string\[\]/);
    expect(existsSync(path.join(scratch, 'uri', 'neo4j'))).toBe(false);
  });

  it('reports an importer failure with the reason from its output and leaves no database behind', async () => {
    const home = path.join(scratch, 'failing', 'neo4j');
    const dir = path.join(scratch, 'failing-csv');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'h.tsv'), 'id:ID(Entity)\tname:string\n');
    writeFileSync(path.join(dir, 'd.tsv'), '"twice"\t"one"\n"twice"\t"two"\n');
    const args = ['neo4j', `--nodes=Entity=${path.join(dir, 'h.tsv')},${path.join(dir, 'd.tsv')}`, '--delimiter=TAB', '--bad-tolerance=0', '--skip-duplicate-nodes=false', `--report-file=${path.join(dir, 'report')}`, '--max-off-heap-memory=256M'];
    const failure = await runImporter(home, args, '1g', () => {}).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ImporterError);
    expect((failure as Error).message).toMatch(/twice/);
    await removeDatabase(home);
    for (const dir of databaseDirs(home)) expect(existsSync(dir)).toBe(false);
  });
});
