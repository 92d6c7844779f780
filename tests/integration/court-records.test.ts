import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCase, importPlan } from '../../src/ingest/write/import.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import { formatCaseFile } from '../../src/ingest/export/export.js';
import { EmptyExportError, prepareCaseFile, validationEnv } from '../../src/ingest/pipeline/load.js';
import { prepareInput } from '../../src/ingest/pipeline/prepare.js';
import { CaseFileError } from '../../src/ingest/casefile/problems.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';
import { caseFingerprint, countById } from '../support/graph.js';
import { capCase, docket } from '../support/records.js';

/**
 * The real samples (tests/fixtures/courtlistener, tests/fixtures/cap) and hand-written records
 * of the same formats, loaded through the one loader path and read back over GraphQL. The
 * samples are never deleted here (the examples test loads some of them too); every other
 * record has ids of its own.
 */
const SAMPLES = [
  ...readdirSync('tests/fixtures/courtlistener').filter((f) => f.endsWith('.json')).map((f) => path.join('tests/fixtures/courtlistener', f)),
  ...readdirSync('tests/fixtures/cap').filter((f) => f.endsWith('.json')).map((f) => path.join('tests/fixtures/cap', f)),
].sort();
const EMPTY = ['tests/fixtures/courtlistener/canb_1.json', 'tests/fixtures/courtlistener/dcd_2.json'];

let api: TestApi;
let scratch: string;
beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'court-records-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

/** Loads one file as `npm run load` does; null for an empty export. */
async function load(file: string, options: { replace?: boolean; dryRun?: boolean } = {}) {
  let plan;
  try {
    plan = await prepareCaseFile(api.executor, path.resolve(file), file);
  } catch (error) {
    if (error instanceof EmptyExportError) return null;
    throw error;
  }
  return importPlan(api.executor, plan, file, options);
}

const writeRecord = (name: string, record: unknown) => {
  const file = path.join(scratch, name);
  writeFileSync(file, typeof record === 'string' ? record : `${JSON.stringify(record, null, 2)}\n`);
  return file;
};

async function gql(query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await api.gql(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}

const casesOf = async (id: string) =>
  nodes((await gql(`query($id: ID!) { entity(id: $id) { cases(first: 100) { edges { node { id } } } } }`, { id })).entity.cases).map((c: { id: string }) => c.id).sort();

describe('the real samples', () => {
  it('load, every file but the empty exports; loading them again, in either order, is unchanged', async () => {
    for (const file of SAMPLES) {
      const report = await load(file);
      if (EMPTY.includes(file)) expect(report, file).toBeNull();
      else expect(report, file).toMatchObject({ applied: expect.any(Boolean) });
    }
    for (const order of [SAMPLES, [...SAMPLES].reverse()]) {
      for (const file of order) {
        const report = await load(file);
        if (report) expect({ file, changed: report.changed, applied: report.applied }).toEqual({ file, changed: false, applied: false });
      }
    }
  }, 240_000);

  it('keep each record as published as its source document, and every quote sits in it at its offsets', async () => {
    const rows = await api.executor.read<{ pointer: string; quote: string; start: number; end: number; text: string; file: string }>({
      text: `MATCH (d:SourceDocument) WHERE d.documentType STARTS WITH 'docket (CourtListener' OR d.documentType STARTS WITH 'case law (Caselaw'
             MATCH (p:Passage)-[:QUOTED_FROM]->(d)
             RETURN p.pointer AS pointer, p.quote AS quote, p.start AS start, p.end AS end, d.text AS text`,
    });
    expect(rows.length).toBeGreaterThan(5000);
    const parsed = new Map<string, unknown>();
    for (const row of rows) {
      if (!parsed.has(row.text)) parsed.set(row.text, JSON.parse(row.text));
      const value = resolvePointer(parsed.get(row.text), row.pointer);
      const string = typeof value === 'number' ? String(value) : (value as string);
      expect(Array.from(string).slice(row.start, row.end).join(''), row.pointer).toBe(row.quote);
    }
    const [akd] = await api.executor.read<{ text: string }>({ text: `MATCH (d:SourceDocument) WHERE d.id STARTS WITH 'akd-3-08-cv-00284-report-' RETURN d.text AS text` });
    expect(akd!.text).toBe(readFileSync('tests/fixtures/courtlistener/akd.json', 'utf8'));
  });

  it('give a docket its case, court, judges, parties, attorneys with the party they represent, firms and entries', async () => {
    const data = await gql(`{ case(id: "akd-3-08-cv-00284") {
      caption docketNumber caseType jurisdiction cause natureOfSuit juryDemand dateFiled dateTerminated status court { id name }
      participants(first: 50) { edges { node { role terminated holder { id name } } } }
      events(first: 10) { edges { node { name entryNumber dateEntered time { iso } involved(first: 5) { edges { node { id } } }
        sources(first: 10) { edges { node { pointer quote } } } } } } } }`);
    const c = data.case;
    expect(c).toMatchObject({
      caption: 'West American Insurance Company v. Gifford', docketNumber: '3:08-cv-00284', caseType: 'civil', jurisdiction: 'Diversity',
      cause: '28:2201 Declaratory Judgment', natureOfSuit: '110 Insurance', juryDemand: 'None', dateFiled: '2008-12-23', dateTerminated: '2009-06-04',
      status: 'terminated', court: { id: 'court-akd', name: 'akd' },
    });
    const roles = nodes(c.participants).map((r: { role: string; terminated: string | null; holder: { name: string } }) => `${r.role}: ${r.holder.name}${r.terminated ? ` (terminated ${r.terminated})` : ''}`);
    expect(roles).toEqual(expect.arrayContaining([
      'assigned_judge: Timothy M. Burgess', 'plaintiff: West American Insurance Company', 'defendant: Matthew Brent Gifford',
      'defendant: Communications Equipment and Service, LLC. (terminated 2009-04-07)', 'attorney: Brewster H. Jamieson',
    ]));
    const entries = nodes(c.events);
    expect(entries.map((e: { entryNumber: string }) => e.entryNumber)).toEqual(['4', '5', '6']);
    expect(entries[0]).toMatchObject({ name: 'Docket entry 4', dateEntered: '2009-01-09', time: { iso: '2009-01-09' } });
    expect(nodes(entries[0].involved)).toEqual([{ id: 'akd-3-08-cv-00284-party-west-american-insurance-company' }]);
    expect(nodes(entries[0].sources)).toEqual(expect.arrayContaining([
      { pointer: '/docket_entries/0/description', quote: expect.stringContaining('AFFIDAVIT of Service for Complaint') },
      { pointer: '/docket_entries/0/description', quote: 'filed by West American Insurance Company' },
    ]));

    const lawyer = await gql(`{ entity(id: "attorney-us-brewster-h-jamieson") { name relationships(first: 10) { edges { node { type description to { id name } } } } } }`);
    expect(nodes(lawyer.entity.relationships)).toEqual(expect.arrayContaining([
      { type: 'REPRESENTS', description: 'LEAD ATTORNEY; ATTORNEY TO BE NOTICED', to: { id: 'akd-3-08-cv-00284-party-west-american-insurance-company', name: 'West American Insurance Company' } },
      { type: 'MEMBER_OF', description: expect.any(String), to: { id: 'firm-lane-powell', name: 'Lane Powell LLC' } },
    ]));
  });

  it('make "U S Attorney CR" (an office, not a person) one node across the three San Diego dockets, and each court one node (four dockets of nysd)', async () => {
    expect(await countById(api.executor, 'firm-u-s-attorney-cr')).toBe(1);
    expect(await countById(api.executor, 'attorney-us-u-s-attorney-cr')).toBe(0);
    expect(await casesOf('firm-u-s-attorney-cr')).toEqual(expect.arrayContaining(['casd-3-07-cr-03257', 'casd-3-11-cr-00045', 'casd-3-18-cr-03298']));
    const heard = await gql(`{ entity(id: "court-nysd") { ... on Court { casesHeard(first: 10) { totalCount } } } }`);
    expect(heard.entity.casesHeard.totalCount).toBe(4);
  });

  it('make CAYTON, HOOD and QUINN one judge each across the five opinions, with their titles, and each opinion its author and text', async () => {
    const capCases = ['cap-8118004', 'cap-8118054', 'cap-8118121', 'cap-8124566', 'cap-8124836'];
    for (const judge of ['judge-dc-cayton', 'judge-dc-hood', 'judge-dc-quinn']) {
      expect(await countById(api.executor, judge)).toBe(1);
      expect(await casesOf(judge)).toEqual(capCases);
    }
    const data = await gql(`{ case(id: "cap-8124836") { caption citations decisionDate docketNumber jurisdiction court { name }
      participants(first: 20) { edges { node { role description holder { id } } } }
      opinions(first: 5) { edges { node { opinionType text author { id name } } } } } }`);
    expect(data.case).toMatchObject({ caption: 'PENNSYLVANIA R. CO. v. NEWMYER et al.', citations: ['100 A.2d 456'], decisionDate: '1953-11-20', docketNumber: 'No. 1380', jurisdiction: 'District of Columbia', court: { name: 'District of Columbia Municipal Court of Appeals' } });
    const judges = nodes(data.case.participants).filter((r: { role: string }) => r.role === 'judge').map((r: { description: string; holder: { id: string } }) => `${r.holder.id}: ${r.description}`);
    expect(judges.sort()).toEqual(['judge-dc-cayton: Chief Judge', 'judge-dc-hood: Associate Judge', 'judge-dc-quinn: Associate Judge']);
    const attorneys = nodes(data.case.participants).filter((r: { role: string }) => r.role === 'attorney').map((r: { description: string; holder: { id: string } }) => `${r.holder.id}: ${r.description}`);
    expect(attorneys.sort()).toEqual(['attorney-dc-alvin-l-newmyer-jr: for appellees', 'attorney-dc-james-c-mckay: for appellant', 'attorney-dc-paul-f-mcardle: for appellant']);
    const opinions = nodes(data.case.opinions);
    expect(opinions.map((o: { opinionType: string; author: { id: string } }) => `${o.opinionType} by ${o.author.id}`)).toEqual(['majority by judge-dc-hood', 'dissent by judge-dc-cayton']);
    const record = JSON.parse(readFileSync('tests/fixtures/cap/0456-01.json', 'utf8'));
    expect(opinions[1].text).toBe(record.casebody.opinions[1].text);
  });
});

describe('the citation graph', () => {
  it('has one node per normalised citation, cited by both opinions, resolved to the case reported under it whichever loads first', async () => {
    // X cites Y's citation before Y is loaded; both cite 993 F.2d 7, written differently.
    const x = capCase(4101, { citations: [{ cite: '991 A.2d 1' }], cites_to: [{ cite: '992 A.2d 5', opinion_index: 0 }, { cite: '993 F. 2d 7', opinion_index: 0 }, { cite: '28 U.S.C. § 9999' }] });
    const y = capCase(4102, { citations: [{ cite: '992 A.2d 5' }], cites_to: [{ cite: '993 F.2d 7', opinion_index: 0 }, { cite: '991 A.2d 1', opinion_index: 0 }] });
    await load(writeRecord('x.json', x));
    const before = await gql(`{ entity(id: "authority-992-a2d-5") { ... on Authority { citation reportedCase { id } } } }`);
    expect(before.entity).toEqual({ citation: '992 A.2d 5', reportedCase: null });
    await load(writeRecord('y.json', y));

    const data = await gql(`{ x: case(id: "cap-4101") { cites(first: 10) { edges { node { id citation reportedCase { id } } } } citedBy(first: 5) { edges { node { id } } }
        citingSameAuthorities(first: 5) { edges { node { id } } } opinions(first: 1) { edges { node { cites(first: 10) { totalCount } } } } }
      shared: entity(id: "authority-993-f2d-7") { ... on Authority { citedBy(first: 5) { edges { node { id } } } } } }`);
    expect(nodes(data.x.cites).map((a: { id: string; reportedCase: { id: string } | null }) => [a.id, a.reportedCase?.id ?? null])).toEqual([
      ['authority-28-usc-9999', null], ['authority-992-a2d-5', 'cap-4102'], ['authority-993-f2d-7', null],
    ]);
    expect(nodes(data.x.citedBy)).toEqual([{ id: 'cap-4102' }]);
    expect(nodes(data.x.citingSameAuthorities)).toEqual([{ id: 'cap-4102' }]);
    expect(nodes(data.x.opinions)[0].cites.totalCount).toBe(2);
    expect(nodes(data.shared.citedBy)).toEqual([{ id: 'cap-4101' }, { id: 'cap-4102' }]);
    expect(await countById(api.executor, 'authority-993-f2d-7')).toBe(1);
    // Whichever spelling loaded first, the node's fields are the smaller case id's.
    const again = await gql(`{ entity(id: "authority-993-f2d-7") { name } }`);
    expect(again.entity.name).toBe('993 F. 2d 7');
  });
});

describe('identity across files, whatever the load order', () => {
  /** The shared judge's and firm's fields after loading `first` then `second`. */
  async function sharedFields(tag: string, first: string, second: string) {
    const judge = `judge-us-ada-${tag}-lovelace`;
    const read = async () => (await api.executor.read<{ props: Record<string, unknown> }>({ text: 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props', params: { id: judge } }))[0]!.props;
    await load(first);
    await load(second);
    const props = await read();
    for (const file of [first, second]) expect((await load(file))!.changed, file).toBe(false);
    const cases = await casesOf(judge);
    return { props: { name: props.name, occupation: props.occupation, seq: props.seq, fieldsFrom: props.fieldsFrom }, cases };
  }

  it('links one judge and one attorney spelled differently in two dockets, and their fields do not flip with load order', async () => {
    const a = writeRecord('order-a.json', docket('ordera', { assigned_to_str: 'Hon. Ada ORDERX Lovelace' }));
    const bRecord = docket('orderb', { assigned_to_str: 'ADA ORDERX LOVELACE' });
    const b = writeRecord('order-b.json', bRecord);
    const forward = await sharedFields('orderx', a, b);
    expect(forward.cases).toEqual(['tordera-1-20-cv-ordera', 'torderb-1-20-cv-orderb']);
    for (const id of ['tordera-1-20-cv-ordera', 'torderb-1-20-cv-orderb']) await deleteCase(api.executor, id);
    expect(await countById(api.executor, 'judge-us-ada-orderx-lovelace')).toBe(0);
    const backward = await sharedFields('orderx', b, a);
    expect(backward).toEqual(forward);
    // names are kept without their titles: both spellings lose "Hon."; the case with the smaller id gives the spelling
    expect(forward.props.name).toBe('Ada ORDERX Lovelace');
  });

  it('fixes the case-file bug: a second file defining the same entity identically leaves both unchanged on reload, in any order', async () => {
    const caseFile = (name: string) => `formatVersion: 1
documents:
  - id: ${name}-report
    title: A fictional report
    text: "Judge Quill Sametest heard ${name}."
case:
  id: ${name}
  caption: ${name}
  status: open
  sources: [{ quote: "heard ${name}" }]
entities:
  - { id: ${name}-filler, kind: Place, name: Filler, sources: [{ quote: "Sametest heard" }] }
  - { id: quill-sametest, kind: Person, name: Quill Sametest, occupation: judge, sources: [{ quote: "Judge Quill Sametest" }] }
`;
    // The shared judge sits at another position in each file (its seq differs).
    const first = writeRecord('same-a.case.yaml', caseFile('same-entity-a'));
    const second = writeRecord('same-b.case.yaml', caseFile('same-entity-b').replace(/(  - \{ id: same-entity-b-filler.*\n)(  - \{ id: quill-sametest.*\n)/, '$2$1'));
    for (const order of [[first, second], [second, first]]) {
      for (const file of order) await load(file);
      for (const file of [...order, ...order.reverse()]) expect((await load(file))!.changed, file).toBe(false);
      const fingerprint = await caseFingerprint(api.executor, 'same-entity-a');
      for (const id of ['same-entity-a', 'same-entity-b']) await deleteCase(api.executor, id);
      expect(fingerprint.length).toBeGreaterThan(3);
    }
  });
});

describe('bad real input', () => {
  const problemsOf = async (file: string) => {
    const error = await prepareCaseFile(api.executor, file, path.basename(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseFileError);
    return (error as CaseFileError).problems;
  };

  it('reports an empty export and writes nothing', async () => {
    for (const text of ['[]', '{}', '[]\n']) {
      const error = await prepareCaseFile(api.executor, writeRecord('empty.json', text), 'empty.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmptyExportError);
      expect((error as Error).message).toMatch(/empty export/);
    }
  });

  it('names the file and the JSON path of a bad date, a cites_to entry without a citation, and writes nothing', async () => {
    const badDate = docket('baddate', { docket_entries: [{ date_filed: '2020-02-30', description: 'ORDER' }] });
    const problems = await problemsOf(writeRecord('bad-date.json', badDate));
    expect(problems).toEqual([expect.objectContaining({ file: 'bad-date.json', path: 'docket_entries[0].date_filed', message: '"2020-02-30" is not a date' })]);
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(await countById(api.executor, 'tbaddate-1-20-cv-baddate')).toBe(0);

    const notADate = await problemsOf(writeRecord('not-a-date.json', capCase(4201, { decision_date: 'November 1953' })));
    expect(notADate).toEqual([expect.objectContaining({ path: 'decision_date', message: '"November 1953" is not a date' })]);

    const noCite = await problemsOf(writeRecord('no-cite.json', capCase(4202, { cites_to: [{ cite: '1 A.2d 1' }, { category: 'reporters:federal', reporter: 'U.S.' }] })));
    expect(noCite).toEqual([expect.objectContaining({ file: 'no-cite.json', path: 'cites_to[1].cite', message: 'this cites_to entry has no citation' })]);
    expect(await countById(api.executor, 'cap-4202')).toBe(0);
  });

  it('names the file and the place of a truncated file and of a record of unknown shape', async () => {
    const full = readFileSync('tests/fixtures/courtlistener/akd.json', 'utf8');
    const truncated = await problemsOf(writeRecord('truncated.json', full.slice(0, 1500)));
    expect(truncated).toEqual([expect.objectContaining({ file: 'truncated.json', message: expect.stringContaining('not valid JSON'), hint: expect.stringContaining('truncated') })]);
    expect(truncated[0]!.line).toBeGreaterThan(10);

    const unknown = await problemsOf(writeRecord('unknown.json', { title: 'Some other export', items: [1, 2] }));
    expect(unknown).toEqual([expect.objectContaining({ file: 'unknown.json', message: 'the file is neither a case file, a CourtListener docket nor a CAP case' })]);
  });
});

describe('importCase and --emit take records too', () => {
  it('imports a docket sent as JSON, and refuses an empty export', async () => {
    const record = JSON.stringify(docket('mutation'));
    const mutation = `mutation($file: String!) { importCase(file: $file, format: JSON) { caseId applied } }`;
    const { data, errors } = await api.gql(mutation, { file: record }, WRITE);
    expect(errors).toBeUndefined();
    expect(data.importCase).toEqual({ caseId: 'tmutation-1-20-cv-mutation', applied: true });
    const empty = await api.gql(mutation, { file: '[]' }, WRITE);
    expect(empty.errors?.[0]).toMatchObject({ message: expect.stringContaining('empty export'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('gives parties of other types, terminated parties, several attorney roles and unnumbered entries', async () => {
    await load(writeRecord('kinds.json', docket('kinds')));
    const data = await gql(`{ case(id: "tkinds-1-20-cv-kinds") { participants(first: 20) { edges { node { role terminated holder { id name } } } }
      events(first: 5) { edges { node { name entryNumber time { iso } } } } } }`);
    const roles = nodes(data.case.participants).map((r: { role: string; terminated: string | null; holder: { name: string } }) => `${r.role}: ${r.holder.name}${r.terminated ? ` until ${r.terminated}` : ''}`);
    expect(roles).toEqual(expect.arrayContaining(['counter_defendant: Fixture kinds Holdings, Inc.', 'third_party_plaintiff: Robin Placeholder until 2020-05-06', 'attorney: Grace kinds Hopper', 'assigned_judge: Ada kinds Lovelace']));
    expect(nodes(data.case.events)).toEqual([
      { name: 'Docket entry 1', entryNumber: '1', time: { iso: '2020-02-03' } },
      { name: 'Docket entry', entryNumber: null, time: null },
    ]);
    const lawyer = await gql(`{ entity(id: "attorney-us-grace-kinds-hopper") { relationships(first: 5, types: ["REPRESENTS"]) { edges { node { description } } } } }`);
    expect(nodes(lawyer.entity.relationships)).toEqual([{ description: 'LEAD ATTORNEY; PRO HAC VICE; ATTORNEY TO BE NOTICED' }]);
  });
});

describe('the case file of an imported record', () => {
  it('as --emit writes it: importing it changes nothing, for a docket and an opinion', async () => {
    for (const file of ['tests/fixtures/courtlistener/cand_2.json', 'tests/fixtures/cap/0456-01.json']) {
      await load(file);
      const prepared = await prepareInput({ file, text: readFileSync(file, 'utf8') }, validationEnv(api.executor, path.resolve(file)));
      if (!prepared.plan) throw new Error(JSON.stringify(prepared));
      // an imported record is a contribution of its case, named by the report's kind and digest
      expect(prepared.plan.contribution).toMatch(/^(cand-3-08-cv-00177#docket-report|cap-8124836#cap-record)-[0-9a-f]{12}$/);
      const yaml = formatCaseFile(prepared.imported!, 'YAML');
      const { data, errors } = await api.gql(`mutation($file: String!) { importCase(file: $file, format: YAML, dryRun: true) { changed totals { created updated removed } } }`, { file: yaml }, WRITE);
      expect(errors, `${file}: ${JSON.stringify(errors)}`).toBeUndefined();
      expect(data.importCase, file).toEqual({ changed: false, totals: { created: 0, updated: 0, removed: 0 } });
    }
  });
});
