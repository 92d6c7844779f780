import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { caseFingerprint, countById } from '../support/graph.js';
import { capCase, docket } from '../support/records.js';

/**
 * `npm run load` with CourtListener dockets and CAP cases, as a researcher runs it: hand-written
 * records under ids of this file's own (`clirec…`), and the real empty exports.
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
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
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

const write = (name: string, record: unknown) => {
  const file = path.join(scratch, name);
  writeFileSync(file, typeof record === 'string' ? record : `${JSON.stringify(record, null, 2)}\n`);
  return file;
};
const summaryLine = (run: Run) => run.stdout.trim().split('\n').at(-1)!;

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-cli-records-'));
});
afterAll(async () => {
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run load with court records', { timeout: 180_000 }, () => {
  it('loads a docket and an opinion, reports and skips the empty exports, and says unchanged the second time', async () => {
    const files = [
      write('clireca.json', docket('clireca')),
      write('clirec-op.json', capCase(5501)),
      'tests/fixtures/courtlistener/canb_1.json',
      write('clirec-list.json', '[]\n'),
    ];
    const first = await load(...files);
    expect(first.code, first.stderr).toBe(EXIT_CODES.OK);
    expect(first.stdout).toContain('loaded case tclireca-1-20-cv-clireca (new)');
    expect(first.stdout).toContain('loaded case cap-5501 (new)');
    expect(first.stdout).toContain('tests/fixtures/courtlistener/canb_1.json: not loaded (an empty export ({}), nothing to load)');
    expect(first.stdout).toMatch(/clirec-list\.json: not loaded \(an empty export \(\[\]\), nothing to load\)/);
    expect(summaryLine(first)).toMatch(/^4 files: 2 loaded, 0 unchanged, 0 refused, 0 invalid, 2 not loaded\./);

    const again = await load(...[...files].reverse());
    expect(again.code).toBe(EXIT_CODES.OK);
    expect(summaryLine(again)).toMatch(/^4 files: 0 loaded, 2 unchanged, 0 refused, 0 invalid, 2 not loaded\./);
  });

  it('reports every bad record with file, line and JSON path, loads the good ones, and exits 1', async () => {
    const bad = write('clirecbad.json', docket('clirecbad', { date_filed: '2020-13-01' }));
    const noCite = write('clirec-nocite.json', capCase(5502, { cites_to: [{ reporter: 'A.2d' }] }));
    const truncated = write('clirec-cut.json', JSON.stringify(docket('clireccut'), null, 2).slice(0, 300));
    const unknown = write('clirec-other.json', { kind: 'something else' });
    const good = write('clirecgood.json', docket('clirecgood'));
    const run = await load(bad, noCite, truncated, unknown, good);
    expect(run.code).toBe(EXIT_CODES.INVALID);
    expect(run.stderr).toMatch(/clirecbad\.json:\d+:\d+ date_filed: "2020-13-01" is not a date/);
    expect(run.stderr).toMatch(/clirec-nocite\.json:\d+:\d+ cites_to\[0\]\.cite: this cites_to entry has no citation/);
    expect(run.stderr).toMatch(/clirec-cut\.json:\d+:\d+ the file is not valid JSON: .*\n\s+hint: the file ends in the middle of a value: it looks truncated/);
    expect(run.stderr).toContain('the file is neither a case file, a CourtListener docket nor a CAP case');
    expect(summaryLine(run)).toMatch(/1 loaded, 0 unchanged, 0 refused, 4 invalid/);
    for (const id of ['tclirecbad-1-20-cv-clirecbad', 'cap-5502', 'tclireccut-1-20-cv-clireccut']) expect(await countById(executor, id)).toBe(0);
    expect(await countById(executor, 'tclirecgood-1-20-cv-clirecgood')).toBe(1);
  });

  it('--emit writes the case file a record becomes, which loads to the same graph; --dry-run writes nothing; --format forces a format', async () => {
    const record = write('clirecemit.json', docket('clirecemit'));
    const out = path.join(scratch, 'emitted');
    const dry = await load(record, '--emit', out, '--dry-run');
    expect(dry.code).toBe(EXIT_CODES.OK);
    expect(dry.stdout).toContain('would load case tclirecemit-1-20-cv-clirecemit (new)');
    expect(dry.stdout).toMatch(/Event\s+2\s+0\s+0\s+0/);
    expect(await countById(executor, 'tclirecemit-1-20-cv-clirecemit')).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^tclirecemit-1-20-cv-clirecemit\.docket-report-[0-9a-f]{12}\.case\.yaml$/)]);
    const emitted = path.join(out, readdirSync(out)[0]!);
    expect(readFileSync(emitted, 'utf8')).toContain('pointer: /parties/0/attorneys/0/name');

    expect((await load(record)).code).toBe(EXIT_CODES.OK);
    const fromRecord = await caseFingerprint(executor, 'tclirecemit-1-20-cv-clirecemit');
    const reload = await load(emitted);
    expect(reload.code).toBe(EXIT_CODES.OK);
    expect(reload.stdout).toContain('is in the graph as the file says');
    expect(await caseFingerprint(executor, 'tclirecemit-1-20-cv-clirecemit')).toEqual(fromRecord);

    const forced = await load(write('clirec-forced.json', docket('clirecforced')), '--format', 'cap-case', '--dry-run');
    expect(forced.code).toBe(EXIT_CODES.INVALID);
    expect(forced.stderr).toContain('the case has no name');
    const wrong = await load(record, '--format', 'pdf');
    expect(wrong.code).toBe(EXIT_CODES.USAGE);
  });
  it('loads each record of a JSON list, an API list page and a .jsonl file on its own, names a bad one by its place, and exits 1', async () => {
    const list = write('clirec-feed.json', [docket('clirecfa'), docket('clirecfb', { date_filed: 'soon' }), docket('clirecfc')]);
    const page = write('clirec-page.json', { count: 2, next: null, previous: null, results: [docket('clirecpa'), capCase(5503)] });
    const lines = write('clirec-lines.jsonl', `${JSON.stringify(capCase(5504))}\n{"name": "cut short", \n\n${JSON.stringify(docket('clireclc'))}\n`);
    const run = await load(list, page, lines, '--json');
    expect(run.code, run.stderr).toBe(EXIT_CODES.INVALID);
    const results = run.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { file: string; status: string; caseId?: string; problems?: { line: number; path: string; message: string }[]; guessed?: unknown[] });
    const byFile = Object.fromEntries(results.map((r) => [path.basename(r.file), r]));
    expect(Object.keys(byFile).sort()).toEqual([
      'clirec-feed.json [record 0]', 'clirec-feed.json [record 1]', 'clirec-feed.json [record 2]',
      'clirec-lines.jsonl [line 1]', 'clirec-lines.jsonl [line 2]', 'clirec-lines.jsonl [line 4]',
      'clirec-page.json [results[0]]', 'clirec-page.json [results[1]]',
    ]);
    expect(byFile['clirec-feed.json [record 1]']).toMatchObject({ status: 'invalid', problems: [{ path: '[1].date_filed', message: '"soon" is not a date' }] });
    expect(byFile['clirec-lines.jsonl [line 2]']).toMatchObject({ status: 'invalid', problems: [{ line: 2, message: expect.stringContaining('this line is not valid JSON') }] });
    for (const ok of ['clirec-feed.json [record 0]', 'clirec-feed.json [record 2]', 'clirec-page.json [results[0]]', 'clirec-page.json [results[1]]', 'clirec-lines.jsonl [line 1]', 'clirec-lines.jsonl [line 4]']) {
      expect(byFile[ok]!.status, ok).toBe('loaded');
      expect(byFile[ok]!.guessed, ok).toEqual(expect.any(Array));
    }
    for (const id of ['tclirecfa-1-20-cv-clirecfa', 'tclirecfc-1-20-cv-clirecfc', 'tclirecpa-1-20-cv-clirecpa', 'cap-5503', 'cap-5504', 'tclireclc-1-20-cv-clireclc']) expect(await countById(executor, id), id).toBe(1);
    expect(await countById(executor, 'tclirecfb-1-20-cv-clirecfb')).toBe(0);
    // the record of a list cites the list at its index; a line cites its line
    const cited = async (caseId: string) => (await executor.read<{ pointer: string }>({ text: `MATCH (p:Passage)-[:QUOTED_FROM]->(d:SourceDocument) WHERE d.id STARTS WITH $prefix RETURN DISTINCT p.pointer AS pointer`, params: { prefix: caseId } })).map((r) => r.pointer);
    const fromList = await cited('tclirecfc-1-20-cv-clirecfc');
    expect(fromList.length).toBeGreaterThan(5);
    expect(fromList.filter((p) => !p.startsWith('/2/'))).toEqual([]);
    const fromLine = await cited('cap-5504');
    expect(fromLine.length).toBeGreaterThan(3);
    expect(fromLine.filter((p) => /^\/\d/.test(p))).toEqual([]);
    const again = await load(list, page, lines);
    expect(again.stdout).toMatch(/0 loaded, 6 unchanged, 0 refused, 2 invalid/);
  });

  it('prints what the importer guessed and did not load, with each place in the record', async () => {
    const record = write('clirec-notes.json', docket('clirecnotes', {
      assigned_to_str: 'Part Seven', fee_status: 'paid',
      parties: [
        { name: 'In re: Sealed Matter', type: 'Interested Party', attorneys: [] },
        { name: 'Wynn Esk, Assistant U.S. Attorney', type: 'Plaintiff', attorneys: [{ name: 'Cal Ode, Counsel', contact: 'Direct: 555-010-0111\n(See above for address)', roles: [] }] },
      ],
    }));
    const run = await load(record, '--dry-run');
    expect(run.code, run.stderr).toBe(EXIT_CODES.OK);
    expect(run.stdout).toContain('guessed (');
    expect(run.stdout).toContain('parties[1].name: "Wynn Esk" taken for a person by the words of its name; "Assistant U.S. Attorney" is its capacity, not its name');
    expect(run.stdout).toContain('not loaded (');
    expect(run.stdout).toContain('assigned_to_str: "Part Seven" does not name a judge');
    expect(run.stdout).toContain('parties[0].name: "In re: Sealed Matter" is a caption or a sealed name, not a party: no node made');
    expect(run.stdout).toContain('fee_status: field "fee_status" is not mapped');
  });
});
