import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';
import { FEDERAL_SYSTEM, judgeId } from '../../src/ingest/importers/identity.js';
import { deleteCase } from '../../src/ingest/write/import.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { writeBulkFiles, type CsvRow } from '../support/bulk-csv.js';
import { caseFingerprint, countById } from '../support/graph.js';

/**
 * The loader's guarantees for CourtListener bulk CSV files on the default path (`npm run load`),
 * on rows written here: a later dump whose rows state less, loaded with --replace, removes what
 * they no longer state and nothing another row or case states (removal); a row whose write fails
 * is refused and absent, the rest of its transaction loaded (atomic case). Courts `tbrm…` and
 * `tbat…`, ids 771…/772…: this file's own.
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
  caption status cause natureOfSuit dateTerminated
  participants(first: 50) { edges { node { role holder { id name } } } }
  documents(first: 20) { edges { node { id text } } }
} }`;
const roles = (c: any) => nodes(c.participants).map((p: any) => `${p.role}: ${p.holder.name}`).sort();

/** Which contributions (CaseManifests) state a node. */
async function statedBy(id: string): Promise<string[]> {
  const rows = await api.executor.read<{ owner: string }>({ text: 'MATCH (m:CaseManifest)-[:STATES]->({id: $id}) RETURN m.caseId AS owner ORDER BY owner', params: { id } });
  return rows.map((r) => r.owner);
}

/**
 * What a case states: its fingerprint with, on each node, only its own contributions' STATES, and
 * without the fields that follow from every definer's statements (which contribution gives each
 * field, the node's place in its file), which another case's change may move.
 */
async function ownFacts(caseId: string): Promise<string[]> {
  const own = (stated: string) => stated.startsWith(`${caseId}#`) || stated.startsWith(`${caseId}|`);
  return (await caseFingerprint(api.executor, caseId)).map((line) => {
    const row = JSON.parse(line);
    if (!Array.isArray(row[0]) || row.length !== 3) return line;
    const { fieldOwners: _owners, seq: _seq, ...props } = row[1];
    return JSON.stringify([row[0], props, row[2].filter(own)]);
  }).sort();
}

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bulk-guarantees-'));
});
afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('CourtListener bulk CSV on the default path: removal and atomic rows', { timeout: 300_000 }, () => {
  it('a later dump whose rows state less, loaded with --replace, removes only what they no longer state; without it, refuses the changed rows', async () => {
    const docket = (over: CsvRow = {}): CsvRow => ({
      id: '771001', date_created: '2099-05-01 10:00:00+00', case_name: 'Fenwick v. Albury', docket_number: '1:22-cv-00101', court_id: 'tbrmd', date_filed: '2022-02-03',
      assigned_to_str: 'Ysolde Brakenridge', referred_to_str: 'Tamsin Orrery', cause: '28:1332 Diversity-Breach of Contract', nature_of_suit: 'Contract: Other', ...over,
    });
    // Another docket that states Tamsin Orrery too (its assigned judge): she must stay.
    const other: CsvRow = { id: '771002', date_created: '2099-05-01 10:00:00+00', case_name: 'Gorse v. Pellam', docket_number: '1:22-cv-00102', court_id: 'tbrmd', date_filed: '2022-03-04', assigned_to_str: 'Tamsin Orrery' };
    const dump = (date: string, first: CsvRow, depth: string) =>
      writeBulkFiles(path.join(scratch, date), date, {
        courts: [{ id: 'tbrmd', full_name: 'District Court for the District of Testremove', citation_string: 'T.R.D.' }],
        dockets: [first, other],
        clusters: [{ id: '661001', docket_id: '771001', judges: 'Ysolde Brakenridge', case_name: 'Fenwick v. Albury', date_filed: '2023-05-06' }],
        opinions: [{ id: '441001', cluster_id: '661001', type: '010combined', author_str: 'Ysolde Brakenridge', plain_text: 'The motion is GRANTED.' }],
        'citation-map': [{ id: '331001', depth, cited_opinion_id: '441900', citing_opinion_id: '441001' }],
      });
    const before = dump('2099-05-31', docket(), '1');
    // The later dump: the referral and the cause are gone, the docket is terminated, the citation counted three times.
    const later = dump('2099-06-30', docket({ referred_to_str: '', cause: null, date_terminated: '2023-05-06' }), '3');

    const first = await load(...before);
    expect(first.code, first.stdout + first.stderr).toBe(EXIT_CODES.OK);
    const loaded = (await gql(CASE, { id: 'tbrmd-1-22-cv-00101' })).case;
    expect(loaded).toMatchObject({ status: 'open', cause: '28:1332 Diversity-Breach of Contract', natureOfSuit: 'Contract: Other' });
    expect(roles(loaded)).toEqual(expect.arrayContaining(['assigned_judge: Ysolde Brakenridge', 'referred_judge: Tamsin Orrery']));
    const orrery = nodes(loaded.participants).find((p: any) => p.role === 'referred_judge').holder.id;
    expect(await statedBy(orrery)).toEqual(['tbrmd-1-22-cv-00101#bulk-dockets-771001', 'tbrmd-1-22-cv-00102#bulk-dockets-771002']);
    const otherCase = await ownFacts('tbrmd-1-22-cv-00102');
    const firstCase = await caseFingerprint(api.executor, 'tbrmd-1-22-cv-00101');

    // Without --replace: every changed row is refused with its line (its case changed: the docket, and the rows joined to it), nothing written.
    const refused = await load(...later);
    expect(refused.code, refused.stdout + refused.stderr).toBe(EXIT_CODES.INVALID);
    expect(refused.stdout).toMatch(/dockets-2099-06-30\.csv: dockets: 2 rows: 0 loaded, 1 unchanged, 0 used for names, 1 refused/);
    expect(refused.stdout).toMatch(/clusters-2099-06-30\.csv: clusters: 1 rows: 0 loaded, 0 unchanged, 0 used for names, 1 refused/);
    expect(refused.stderr).toMatch(/dockets-2099-06-30\.csv:2:1 .*"tbrmd-1-22-cv-00101" is already in the graph and this file changes it/);
    expect(refused.stderr).toContain('--replace');
    expect(await caseFingerprint(api.executor, 'tbrmd-1-22-cv-00101')).toEqual(firstCase);

    // With --replace: what the rows no longer state is gone; what they still state, and what the other docket states, stays.
    const replaced = await load('--replace', ...later);
    expect(replaced.code, replaced.stdout + replaced.stderr).toBe(EXIT_CODES.OK);
    const after = (await gql(CASE, { id: 'tbrmd-1-22-cv-00101' })).case;
    expect(after).toMatchObject({ status: 'terminated', cause: null, natureOfSuit: 'Contract: Other', dateTerminated: '2023-05-06' });
    expect(roles(after)).toContain('assigned_judge: Ysolde Brakenridge');
    expect(roles(after).filter((r: string) => r.includes('Tamsin Orrery'))).toEqual([]);
    // Only the later docket row is a document of the case's docket contribution: the earlier row's text went with it.
    const rowTexts = nodes(after.documents).map((d: any) => JSON.parse(d.text)).filter((row: any) => row.docket_number === '1:22-cv-00101');
    expect(rowTexts).toEqual([expect.objectContaining({ referred_to_str: '', date_terminated: '2023-05-06' })]);
    expect(await statedBy(orrery)).toEqual(['tbrmd-1-22-cv-00102#bulk-dockets-771002']);
    expect(await ownFacts('tbrmd-1-22-cv-00102')).toEqual(otherCase);
    const cites = await api.executor.read<{ description: string }>({ text: "MATCH (:Entity {id: 'courtlistener-opinion-441001'})-[r:CITES]->(:Entity {id: 'courtlistener-opinion-441900'}) RETURN r.description AS description" });
    expect(cites).toEqual([{ description: 'cited 3 times' }]);
    // The opinion both replaced rows state keeps the text its own row gives (the citation-map row states it by id alone).
    const [opinion] = await api.executor.read<{ text: string | null }>({ text: "MATCH (o:Entity {id: 'courtlistener-opinion-441001'}) RETURN o.text AS text" });
    expect(opinion!.text).toBe('The motion is GRANTED.');

    // Exactly: the case is what a load of the later dump alone gives it.
    const replacedCase = await caseFingerprint(api.executor, 'tbrmd-1-22-cv-00101');
    await deleteCase(api.executor, 'tbrmd-1-22-cv-00101');
    expect(await countById(api.executor, 'tbrmd-1-22-cv-00101')).toBe(0);
    const fresh = await load(...later);
    expect(fresh.code, fresh.stdout + fresh.stderr).toBe(EXIT_CODES.OK);
    expect(await caseFingerprint(api.executor, 'tbrmd-1-22-cv-00101')).toEqual(replacedCase);
    expect(await ownFacts('tbrmd-1-22-cv-00102')).toEqual(otherCase);

    const again = await load(...later);
    expect(again.code).toBe(EXIT_CODES.OK);
    expect(again.stdout).toMatch(/dockets-2099-06-30\.csv: dockets: 2 rows: 0 loaded, 2 unchanged/);
  });

  it('a row whose write fails (CONFLICT) is refused with its line and absent; the other rows of its transaction load', async () => {
    // A case file defines the judge id a docket row will give "Corvin Ashgrove", as a person of its own (not shared).
    const judge = judgeId(FEDERAL_SYSTEM, 'Corvin Ashgrove');
    const caseFile = path.join(scratch, 'tbat-namesake.case.yaml');
    writeFileSync(caseFile, [
      'formatVersion: 2',
      'documents:',
      '  - { id: tbat-namesake-note, title: A fictional note, text: "In the matter of tbat-namesake: Judge Corvin Ashgrove, a namesake, is named." }',
      'case: { id: tbat-namesake, caption: Matter of tbat-namesake, status: open, sources: [{ quote: "the matter of tbat-namesake" }] }',
      'entities:',
      `  - { id: ${judge}, kind: Person, name: Judge Corvin Ashgrove, sources: [{ quote: "Judge Corvin Ashgrove, a namesake" }] }`,
      '',
    ].join('\n'));
    const setup = await load(caseFile);
    expect(setup.code, setup.stdout + setup.stderr).toBe(EXIT_CODES.OK);
    const namesake = await caseFingerprint(api.executor, 'tbat-namesake');

    const row = (id: string, n: string, assigned: string): CsvRow => ({ id, date_created: '2099-07-01 10:00:00+00', case_name: `Vane v. Holt ${n}`, docket_number: `3:23-cv-0040${n}`, court_id: 'tbatd', date_filed: '2023-04-0' + n, assigned_to_str: assigned });
    const files = writeBulkFiles(path.join(scratch, 'atomic'), '2099-07-31', {
      dockets: [row('772001', '1', 'Bettany Loom'), row('772002', '2', 'Corvin Ashgrove'), row('772003', '3', 'Bettany Loom')],
    });
    const run = await load(...files);
    expect(run.code, run.stdout + run.stderr).toBe(EXIT_CODES.INVALID);
    expect(run.stdout).toMatch(/dockets-2099-07-31\.csv: dockets: 3 rows: 2 loaded, 0 unchanged, 0 used for names, 1 refused/);
    expect(run.stderr).toMatch(new RegExp(`dockets-2099-07-31\\.csv:3:1 .*defines "${judge}", which case "tbat-namesake" already defines`));
    expect(run.stderr).toContain('nothing of this row was written');

    // The row at fault: absent, nothing of it anywhere; the other case's judge as it was.
    expect((await api.gql(CASE, { id: 'tbatd-3-23-cv-00402' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await caseFingerprint(api.executor, 'tbatd-3-23-cv-00402')).toEqual([]);
    const [manifests] = await api.executor.read<{ n: number }>({ text: "MATCH (m:CaseManifest) WHERE m.case = 'tbatd-3-23-cv-00402' RETURN count(m) AS n" });
    expect(manifests!.n).toBe(0);
    expect(await statedBy(judge)).toEqual(['tbat-namesake']);
    expect(await caseFingerprint(api.executor, 'tbat-namesake')).toEqual(namesake);
    // The rows written with it in one transaction, then again one by one: whole.
    for (const id of ['tbatd-3-23-cv-00401', 'tbatd-3-23-cv-00403']) {
      const c = (await gql(CASE, { id })).case;
      expect(roles(c)).toEqual(['assigned_judge: Bettany Loom']);
      expect(nodes(c.documents)).toHaveLength(1);
    }

    // Loaded again: the two rows in are unchanged, the one at fault refused again.
    const again = await load(...files);
    expect(again.code).toBe(EXIT_CODES.INVALID);
    expect(again.stdout).toMatch(/dockets: 3 rows: 0 loaded, 2 unchanged, 0 used for names, 1 refused/);
  });
});
