import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import { startTestApi, type TestApi } from '../support/api.js';

/**
 * CourtListener's REST API objects and bulk CSV files loaded with `npm run load`, as a
 * researcher runs it, then read through GraphQL: the hand-made bulk files of
 * tests/fixtures/courtlistener-bulk (courts tbulkd, tbulkca), a bz2 file in the backslash
 * dialect (court tbulkz), the real API samples (insd, nynd), and API objects written here
 * (courts tapix, tapiy).
 */
let api: TestApi;
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

async function gql(query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await api.gql(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);

const CASE = `query($id: ID!) { case(id: $id) {
  caption docketNumber decisionDate citations status court { id name }
  participants(first: 50) { edges { node { role description holder { id name } } } }
  opinions(first: 20) { edges { node { id opinionType text author { name } } } }
  documents(first: 20) { edges { node { id text } } }
} }`;
const RELATIONS = `query($id: ID!, $types: [String!]) { entity(id: $id) { name relationships(types: $types, direction: OUTGOING, first: 50) {
  edges { node { type description to { id name } sources(first: 10) { edges { node { pointer quote document { text } } } } } } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-cl-bulk-'));
});
afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('CourtListener bulk CSV through npm run load', { timeout: 240_000 }, () => {
  it('loads the eight tables, given in any order, joined across files; every fact cites its row; again: unchanged', async () => {
    const dir = 'tests/fixtures/courtlistener-bulk';
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f)).reverse();
    const first = await load(...files);
    expect(first.code, first.stderr + first.stdout).toBe(EXIT_CODES.OK);
    expect(first.stdout).toMatch(/dockets-2099-01-31\.csv: dockets: 2 rows: 2 loaded/);
    expect(first.stdout).toMatch(/opinions-2099-01-31\.csv: opinions: 3 rows: 3 loaded/);

    const appeal = (await gql(CASE, { id: 'tbulkca-22-4410' })).case;
    expect(appeal).toMatchObject({ caption: 'In re "Blue Heron" Shipping, LLC', docketNumber: '22-4410', decisionDate: '2023-01-09', status: 'terminated' });
    expect([...appeal.citations].sort()).toEqual(['2023 U.S. App. LEXIS 9999', '912 F.4th 77']);
    const judges = nodes(appeal.participants).filter((p: any) => p.role === 'judge').map((p: any) => p.holder.name).sort();
    // The cluster's judges line gives surnames: each is the one person of the run with it; the
    // people file's "Pell Varrow, Jr." and the dissent's author_str "Pell Varrow" stay two names.
    expect(judges).toEqual(['Orla B. Quintrell', 'Pell Varrow', 'Pell Varrow, Jr.']);
    const opinions = Object.fromEntries(nodes(appeal.opinions).map((o: any) => [o.id, o]));
    expect(opinions['courtlistener-opinion-440001']).toMatchObject({ opinionType: 'lead', author: { name: 'Orla B. Quintrell' }, text: 'The district court held that the "Blue Heron" was not seaworthy.\nWe agree, and AFFIRM.' });
    expect(opinions['courtlistener-opinion-440002']).toMatchObject({ opinionType: 'dissent', author: { name: 'Pell Varrow' }, text: 'I would reverse & remand.' });

    const trial = (await gql(CASE, { id: 'tbulkd-1-21-cv-00901' })).case;
    expect(trial).toMatchObject({ caption: 'Harrow v. Keswick Mills, Inc.', status: 'open', court: { id: 'court-tbulkd', name: 'District Court for the District of Testbulk' } });
    expect(nodes(trial.participants).find((p: any) => p.role === 'assigned_judge').holder.name).toBe('Orla B. Quintrell');
    expect(nodes(trial.opinions).map((o: any) => o.id)).toEqual(['courtlistener-opinion-440003']);

    // Positions: the judge the dockets and opinions name holds each post in its court, one node.
    expect(first.stdout).toMatch(/people-db-positions-2099-01-31\.csv: positions: 2 rows: 2 loaded/);
    const judgeId = nodes(trial.participants).find((p: any) => p.role === 'assigned_judge').holder.id;
    const posts = nodes((await gql(RELATIONS, { id: judgeId, types: ['HAS_ROLE'] })).entity.relationships).filter((r: any) => r.to.id === 'court-tbulkca');
    expect(posts.map((r: any) => r.description).sort()).toEqual([
      'chief judge; from 2010-01-04; until 2017-06-30; left: voluntary retirement',
      'judge; from 2001-05-01; selected by appointment by the president',
    ]);
    for (const post of posts) for (const source of nodes(post.sources)) expect(String(resolvePointer(JSON.parse(source.document.text), source.pointer))).toBe(source.quote);
    expect(nodes(appeal.participants).filter((p: any) => p.holder.name === 'Orla B. Quintrell').map((p: any) => p.holder.id)).toEqual(expect.arrayContaining([judgeId]));

    const cites = nodes((await gql(RELATIONS, { id: 'courtlistener-opinion-440001', types: ['CITES'] })).entity.relationships);
    expect(cites).toHaveLength(1);
    expect(cites[0]).toMatchObject({ description: 'cited 2 times', to: { id: 'courtlistener-opinion-440003' } });
    for (const source of nodes(cites[0].sources)) {
      const row = JSON.parse(source.document.text);
      expect(String(resolvePointer(row, source.pointer))).toBe(source.quote);
    }
    const citedBy = nodes((await gql(RELATIONS, { id: 'courtlistener-opinion-440002', types: ['CITES'] })).entity.relationships);
    expect(citedBy.map((r: any) => r.to.id)).toEqual(['courtlistener-opinion-440003']);
    // The same through the Opinion type's own fields.
    const cited = (await gql(`query { opinion: entity(id: "courtlistener-opinion-440003") { ... on Opinion { citedByOpinions(first: 10) { totalCount edges { node { id } } } } }
      citing: entity(id: "courtlistener-opinion-440001") { ... on Opinion { citesOpinions(first: 10) { edges { node { id opinionType } } } } } }`));
    expect(nodes(cited.opinion.citedByOpinions).map((o: any) => o.id)).toEqual(['courtlistener-opinion-440001', 'courtlistener-opinion-440002']);
    expect(nodes(cited.citing.citesOpinions)).toEqual([{ id: 'courtlistener-opinion-440003', opinionType: expect.any(String) }]);

    const emitted = path.join(scratch, 'bulk-emit');
    const emit = await load('--dry-run', '--quiet', '--emit', emitted, ...files);
    expect(emit.code, emit.stderr).toBe(EXIT_CODES.OK);
    expect(readdirSync(emitted).filter((f) => f.startsWith('tbulkca-22-4410.'))).toHaveLength(8);
    // Each emitted case file is valid as it stands (checked, not loaded: see the report on shared opinions' text).
    const checkEmitted = await load('--dry-run', emitted);
    expect(checkEmitted.code, checkEmitted.stdout + checkEmitted.stderr).toBe(EXIT_CODES.OK);
    expect(checkEmitted.stdout.trim().split('\n').at(-1)).toMatch(/^Dry run, nothing written\. 13 files: 0 would load, .* 0 invalid/);

    const again = await load(...[...files].reverse());
    expect(again.code, again.stderr).toBe(EXIT_CODES.OK);
    expect(again.stdout).toMatch(/dockets-2099-01-31\.csv: dockets: 2 rows: 0 loaded, 2 unchanged/);
    expect(again.stdout).toMatch(/citation-map-2099-01-31\.csv: citation-map: 2 rows: 0 loaded, 2 unchanged/);
  });

  it('reads a .csv.bz2 in the backslash dialect, refuses bad rows with line, column and fix, loads the others and exits 1', async () => {
    const bad = path.join(scratch, 'dockets-bad.csv');
    writeFileSync(bad, [
      '"id","date_created","case_name","docket_number","court_id","date_filed"',
      '"770201","2099-03-01","Vell v. Crane","4:18-cv-00301","tbulky","2018-13-40"',
      '"770202","2099-03-01","Moss v. Pike","4:18-cv-00302","tbulky","2018-05-06","extra"',
      '"770203","2099-03-01","Ames v. Lowe",,"tbulky","2018-05-07"',
      '"770204","2099-03-01","Rook v. Tarn","4:18-cv-00304","tbulky","2018-05-08"',
      '',
    ].join('\n'));
    const run = await load('tests/fixtures/courtlistener-bulk-bz2/dockets-2099-02-28.csv.bz2', bad);
    expect(run.code, run.stdout + run.stderr).toBe(EXIT_CODES.INVALID);
    expect(run.stdout).toMatch(/dockets-2099-02-28\.csv\.bz2: dockets: 2 rows: 2 loaded/);
    expect(run.stdout).toMatch(/dockets-bad\.csv: dockets: 4 rows: 1 loaded, 0 unchanged, 0 used for names, 3 refused/);
    expect(run.stderr).toMatch(/dockets-bad\.csv:2:6 date_filed: "2018-13-40" is not a date/);
    expect(run.stderr).toMatch(/dockets-bad\.csv:3:1 .*cannot be read as CSV/);
    expect(run.stderr).toMatch(/dockets-bad\.csv:4:4 docket_number: the docket has no docket_number/);
    const quayside = (await gql(CASE, { id: 'tbulkz-3-19-cv-07001' })).case;
    expect(quayside.caption).toBe('Ostry v. "Quayside" Holdings \\ Co.');
    expect((await gql(CASE, { id: 'tbulkz-3-19-cv-07002' })).case.status).toBe('terminated');
    expect((await gql(CASE, { id: 'tbulky-4-18-cv-00304' })).case.caption).toBe('Rook v. Tarn');
    const refused = await api.gql(CASE, { id: 'tbulky-4-18-cv-00301' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('CourtListener API objects through npm run load', { timeout: 240_000 }, () => {
  it('the real samples: a docket with its parties and attorneys is one case; parties without their docket a case named by its id', async () => {
    const dir = 'tests/fixtures/courtlistener-api';
    const run = await load(dir);
    expect(run.code, run.stdout + run.stderr).toBe(EXIT_CODES.OK);
    const insd = (await gql(CASE, { id: 'insd-1-24-cv-00524' })).case;
    const roles = nodes(insd.participants);
    expect(roles.filter((r: any) => r.role === 'plaintiff').map((r: any) => r.holder.name).sort()).toEqual([
      'TRUSTEES OF THE INDIANA TEAMSTERS DEFINED CONTRIBUTION FUND', 'TRUSTEES OF THE INDIANA TEAMSTERS HEALTH BENEFITS PLAN',
      'TRUSTEES OF THE INDIANA TEAMSTERS PENSION FUND', 'TRUSTEES OF THE INDIANA TEAMSTERS SAFETY TRAINING AND EDUCATIONAL TRUST FUND',
    ]);
    expect(roles.filter((r: any) => r.role === 'defendant').map((r: any) => r.holder.name).sort()).toEqual(['IDW LLC', 'INDY DIRT WERKS, LLC']);
    expect(roles.find((r: any) => r.role === 'assigned_judge').holder.name).toBe('James Patrick Hanlon');
    const kendall = roles.find((r: any) => r.role === 'attorney' && r.holder.name === 'Thomas Reed Kendall').holder.id;
    const represents = nodes((await gql(RELATIONS, { id: kendall, types: ['REPRESENTS', 'MEMBER_OF'] })).entity.relationships);
    expect(represents.filter((r: any) => r.type === 'REPRESENTS')).toHaveLength(4);
    expect(represents.find((r: any) => r.type === 'REPRESENTS').description).toBe('Attorney to be noticed');
    expect(represents.find((r: any) => r.type === 'MEMBER_OF').to.name).toBe('Ledbetter Partners LLC');
    for (const r of represents) for (const source of nodes(r.sources)) {
      const value = resolvePointer(JSON.parse(source.document.text), source.pointer);
      expect(String(value), source.pointer).toContain(source.quote);
    }
    // --emit: the case file of each object; loaded instead of the records, it changes nothing.
    const emitted = path.join(scratch, 'api-emit');
    const emit = await load('--dry-run', '--emit', emitted, dir);
    expect(emit.code, emit.stderr).toBe(EXIT_CODES.OK);
    expect(readdirSync(emitted).filter((f) => /^insd-1-24-cv-00524\.api-(party|attorney)-/.test(f))).toHaveLength(10);
    const reload = await load(emitted);
    expect(reload.code, reload.stdout + reload.stderr).toBe(EXIT_CODES.OK);
    expect(reload.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ files: 0 loaded, \d+ unchanged, 0 refused, 0 invalid/);
    const nynd = (await gql(CASE, { id: 'courtlistener-docket-18500729' })).case;
    expect(nodes(nynd.participants).map((r: any) => `${r.role} ${r.holder.name}`)).toEqual(expect.arrayContaining(['plaintiff USA', 'defendant Graigory Brown']));
  });

  it('a docket, its parties and attorneys, in either order on the command line, give the same case', async () => {
    const write = (court: string, order: string[]) => {
      const dir = mkdtempSync(path.join(scratch, `${court}-`));
      const id = court === 'tapix' ? 9101 : 9201;
      const url = `https://www.courtlistener.com/api/rest/v4/dockets/${id}/`;
      const records: Record<string, unknown> = {
        docket: { count: 1, next: null, previous: null, results: [{ resource_uri: url, id, court_id: court, docket_number: '5:23-cv-00412', case_name: 'Penrose v. Galt', date_filed: '2023-04-05', date_created: '2023-04-05T00:00:00Z' }] },
        parties: [
          { id: id * 10 + 1, name: 'Ivy Penrose', extra_info: '', docket_id: id, attorneys: [], party_types: [{ docket_id: id, name: 'Plaintiff', date_terminated: null, extra_info: '', criminal_counts: [], criminal_complaints: [] }] },
          { id: id * 10 + 2, name: 'Galt Freight Co.', extra_info: '', docket_id: id, attorneys: [], party_types: [{ docket_id: id, name: 'Defendant', date_terminated: '2024-01-02', extra_info: '', criminal_counts: [], criminal_complaints: [] }] },
        ],
        attorneys: [{ id: id * 10 + 5, name: 'Rhea Stone', contact_raw: 'Stone Legal PLLC\n9 Elm Road\n', docket_id: id, parties_represented: [{ role: 2, docket: url, party: `https://www.courtlistener.com/api/rest/v4/parties/${id * 10 + 1}/` }] }],
      };
      for (const [k, name] of order.entries()) copyOrWrite(path.join(dir, `${k}-${name}.json`), records[name]);
      return dir;
    };
    const copyOrWrite = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 1));
    const a = await load(write('tapix', ['docket', 'parties', 'attorneys']));
    const b = await load(write('tapiy', ['attorneys', 'parties', 'docket']));
    expect(a.code, a.stdout + a.stderr).toBe(EXIT_CODES.OK);
    expect(b.code, b.stdout + b.stderr).toBe(EXIT_CODES.OK);
    const shape = async (court: string) => {
      const c = (await gql(CASE, { id: `${court}-5-23-cv-00412` })).case;
      return { caption: c.caption, status: c.status, roles: nodes(c.participants).map((r: any) => `${r.role}:${r.holder.name}:${r.holder.id.replace(court, 'COURT')}`).sort() };
    };
    const x = await shape('tapix');
    expect(x).toEqual(await shape('tapiy'));
    expect(x.roles).toEqual(['attorney:Rhea Stone:attorney-us-rhea-stone', 'defendant:Galt Freight Co.:COURT-5-23-cv-00412-party-galt-freight-co', 'plaintiff:Ivy Penrose:COURT-5-23-cv-00412-party-ivy-penrose']);
    const rel = nodes((await gql(RELATIONS, { id: 'attorney-us-rhea-stone', types: ['REPRESENTS'] })).entity.relationships).map((r: any) => r.to.id).sort();
    expect(rel).toEqual(['tapix-5-23-cv-00412-party-ivy-penrose', 'tapiy-5-23-cv-00412-party-ivy-penrose']);
  });
});
