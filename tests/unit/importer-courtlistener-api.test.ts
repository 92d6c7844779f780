import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importApiAttorney, importApiParty } from '../../src/ingest/importers/courtlistener/api-parties.js';
import { importApiCluster, importApiOpinion, opinionText, opinionType } from '../../src/ingest/importers/courtlistener/api-opinions.js';
import { readBulkFile, type BulkItem } from '../../src/ingest/importers/courtlistener/bulk/read.js';
import { importRow } from '../../src/ingest/importers/courtlistener/bulk/rows.js';
import { detectDialect, tableOf } from '../../src/ingest/importers/courtlistener/bulk/tables.js';
import { apiKind, clId, CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';
import { detectShape } from '../../src/ingest/importers/detect.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/** CourtListener's API objects and bulk rows, written here in their published shapes (invented names and ids). */
const API = 'https://www.courtlistener.com/api/rest/v4';
const docket = { resource_uri: `${API}/dockets/501/`, id: 501, court: `${API}/courts/tapiu/`, court_id: 'tapiu', docket_number: '2:20-cr-00077', case_name: 'United States v. Lorne Abbot', date_filed: '2020-02-03', date_terminated: null };
const party = (id: number, name: string, type: string, extra: Record<string, unknown> = {}) => ({
  resource_uri: `${API}/parties/${id}/`, id, name, extra_info: '', docket_id: 501,
  attorneys: [{ attorney: `${API}/attorneys/9/`, attorney_id: 9, docket: `${API}/dockets/501/`, docket_id: 501, role: 2 }],
  party_types: [{ docket: `${API}/dockets/501/`, docket_id: 501, name: type, date_terminated: null, extra_info: '', criminal_counts: [], criminal_complaints: [], ...extra }],
});
const attorney = {
  resource_uri: `${API}/attorneys/9/`, id: 9, name: 'Wynn T. Halloway', docket_id: 501,
  contact_raw: 'Direct: 555-010-0199\nHalloway & Pitt LLP\n12 Quarry Street\nSpringfield, ST 01234\n', phone: '(555) 010-0199', fax: '', email: '',
  parties_represented: [
    { role: 2, docket: `${API}/dockets/501/`, party: `${API}/parties/71/`, date_action: null },
    { role: 1, docket: `${API}/dockets/501/`, party: `${API}/parties/71/`, date_action: null },
    { role: 1, docket: `${API}/dockets/501/`, party: `${API}/parties/99/`, date_action: null },
  ],
};

function joinsOf(...records: unknown[]): CourtListenerJoins {
  const joins = new CourtListenerJoins();
  records.forEach((r) => joins.learn(r));
  return joins;
}
const ok = (result: { caseFile?: CaseFile; problems?: unknown }): CaseFile => {
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};
/** Every citation of the case file resolves to a value of the record. */
function citationsResolve(caseFile: CaseFile, record: unknown) {
  const all = JSON.stringify(caseFile);
  for (const [, pointer] of all.matchAll(/"pointer":"([^"]*)"/g)) expect(resolvePointer(record, pointer!.replace(/\\\//g, '/')), pointer).not.toBeUndefined();
}

describe('CourtListener API objects', () => {
  it('tells the objects apart and reads ids from *_id fields or API URLs', () => {
    expect(apiKind(party(1, 'A', 'Defendant'))).toBe('party');
    expect(apiKind(attorney)).toBe('attorney');
    expect(apiKind({ id: 1, docket: `${API}/dockets/5/`, sub_opinions: [], judges: '' })).toBe('cluster');
    expect(apiKind({ id: 1, cluster: `${API}/clusters/5/`, type: '010combined', plain_text: '' })).toBe('opinion');
    expect(apiKind({ id: 1, name_first: 'A', name_last: 'B', positions: [] })).toBe('person');
    expect(apiKind(docket)).toBe('docket');
    expect(detectShape(party(1, 'A', 'Defendant'))).toEqual({ format: 'courtlistener-party', base: [] });
    expect(detectShape({ id: 1, name_first: 'A', name_last: 'B', date_dob: null })).toMatchObject({ reference: expect.stringContaining('person') });
    expect(clId(undefined, `${API}/dockets/68363715/`, 'dockets')).toBe(68363715);
    expect(clId('42', undefined)).toBe(42);
    expect(clId(undefined, `${API}/parties/7/`, 'dockets')).toBeUndefined();
  });

  it('puts a party into its docket\'s case, by the docket the run holds, with the party id a docket report gives it', () => {
    const record = party(71, 'LORNE ABBOT, also known as L. Abbot', 'Defendant', { criminal_counts: [{ name: '18:1343 WIRE FRAUD', disposition: 'Dismissed' }], date_terminated: '2021-05-06' });
    const caseFile = ok(importApiParty({ record, text: JSON.stringify(record), base: [], joins: joinsOf(docket) }));
    expect(caseFile.case).toMatchObject({ id: 'tapiu-2-20-cr-00077', caption: 'United States v. Lorne Abbot', docketNumber: '2:20-cr-00077', status: 'open' });
    expect(caseFile.contribution).toMatch(/^api-party-/);
    expect(caseFile.entities!.find((e) => e.kind === 'Person')).toMatchObject({ id: 'tapiu-2-20-cr-00077-party-lorne-abbot', name: 'LORNE ABBOT', aliases: ['L. Abbot'] });
    expect(caseFile.roles![0]).toMatchObject({ role: 'defendant', terminated: '2021-05-06' });
    expect(caseFile.charges![0]).toMatchObject({ offence: '18:1343 WIRE FRAUD', description: expect.stringContaining('Dismissed') });
    citationsResolve(caseFile, record);
  });

  it('without its docket in the run, a party goes to a case named by the docket id, and the report says so', () => {
    const record = party(72, 'Examplia Holdings LLC', 'Plaintiff');
    const result = importApiParty({ record, text: '', base: [], joins: new CourtListenerJoins() });
    expect(ok(result).case).toMatchObject({ id: 'courtlistener-docket-501', status: 'unknown' });
    expect(result.notes!.some((n) => n.kind === 'guessed' && /not among this run's records/.test(n.message))).toBe(true);
    expect(importApiParty({ record: { ...record, docket_id: null, party_types: [] }, text: '', base: [] }).problems![0]!.path).toEqual(['docket_id']);
  });

  it('an attorney: REPRESENTS each party the run names, with CourtListener\'s role words; the firm from contact_raw', () => {
    const joins = joinsOf(docket, party(71, 'Lorne Abbot', 'Defendant'));
    const result = importApiAttorney({ record: attorney, text: '', base: [3], joins });
    const caseFile = ok(result);
    expect(caseFile.entities!.find((e) => e.id === 'attorney-us-wynn-t-halloway')).toMatchObject({ kind: 'Person', shared: true });
    const represents = caseFile.relations!.filter((r) => r.type === 'REPRESENTS');
    expect(represents).toHaveLength(1);
    expect(represents[0]).toMatchObject({ to: 'tapiu-2-20-cr-00077-party-lorne-abbot', description: 'Lead attorney; Attorney to be noticed' });
    expect(represents[0]!.sources.map((s) => s.pointer)).toContain('/3/parties_represented/0/role');
    expect(caseFile.entities!.find((e) => e.kind === 'Organization')).toMatchObject({ name: 'Halloway & Pitt LLP' });
    expect(result.notes!.find((n) => n.kind === 'dropped' && /party 99/.test(n.message))).toBeTruthy();
  });

  it('a pro se party\'s own "attorney" gives no firm', () => {
    const self = { ...attorney, name: 'Lorne Abbot', contact_raw: 'Abbot Dry Goods\n4 Main Street\n', parties_represented: [{ role: 10, docket: `${API}/dockets/501/`, party: `${API}/parties/71/` }] };
    const caseFile = ok(importApiAttorney({ record: self, text: '', base: [], joins: joinsOf(docket, party(71, 'Lorne Abbot', 'Defendant')) }));
    expect(caseFile.relations!.filter((r) => r.type === 'MEMBER_OF')).toEqual([]);
    expect(caseFile.relations!.find((r) => r.type === 'REPRESENTS')!.description).toBe('Unknown');
  });

  it('a cluster: the decision of its docket\'s case, its citations and its judges', () => {
    const cluster = { resource_uri: `${API}/clusters/601/`, id: 601, docket: `${API}/dockets/501/`, judges: 'Maren, Tolliver and Quist', date_filed: '2021-07-08', case_name: 'United States v. Abbot', citations: [{ volume: 12, reporter: 'F.4th', page: '345', type: 1 }], sub_opinions: [], syllabus: 'Held: …' };
    const result = importApiCluster({ record: cluster, text: '', base: [], joins: joinsOf(docket) });
    const caseFile = ok(result);
    expect(caseFile.case).toMatchObject({ id: 'tapiu-2-20-cr-00077', decisionDate: '2021-07-08', citations: ['12 F.4th 345'] });
    expect(caseFile.entities!.filter((e) => e.kind === 'Person').map((e) => e.name)).toEqual(['Maren', 'Tolliver', 'Quist']);
    expect(caseFile.relations!.find((r) => r.type === 'REPORTED_AS')!.to).toBe('authority-12-f4th-345');
    expect(result.notes!.some((n) => n.kind === 'dropped' && n.path.join('.') === 'syllabus')).toBe(true);
    // A surname alone is the run's one person of that last name; two people of one surname leave it as written.
    const people = joinsOf(docket, { id: 1, name_first: 'Ada', name_middle: 'R.', name_last: 'Maren', date_dob: null }, { id: 2, name_first: 'Bo', name_last: 'Quist', date_dob: null }, { id: 3, name_first: 'Cy', name_last: 'Quist', date_dob: null });
    const joined = ok(importApiCluster({ record: cluster, text: '', base: [], joins: people }));
    expect(joined.entities!.filter((e) => e.kind === 'Person').map((e) => e.name)).toEqual(['Ada R. Maren', 'Tolliver', 'Quist']);
    expect(importApiCluster({ record: { ...cluster, date_filed: '2021-13-01' }, text: '', base: [] }).problems![0]!.path).toEqual(['date_filed']);
  });

  it('an opinion: its cluster\'s case, its type, words, author (by the run\'s person) and the opinions it cites', () => {
    const joins = joinsOf(docket, { id: 601, docket_id: 501, judges: '' }, { id: 77, name_first: 'Ada', name_middle: 'R.', name_last: 'Maren', name_suffix: '', date_dob: null });
    const opinion = { id: 701, cluster: `${API}/clusters/601/`, author: `${API}/people/77/`, author_str: '', type: '040dissent', plain_text: '', html_with_citations: '<p>I respectfully dissent &amp; would remand.</p>', opinions_cited: [`${API}/opinions/702/`, 'nonsense'] };
    const result = importApiOpinion({ record: opinion, text: '', base: [], joins });
    const caseFile = ok(result);
    expect(caseFile.case.id).toBe('tapiu-2-20-cr-00077');
    const node = caseFile.entities!.find((e) => e.id === 'courtlistener-opinion-701')!;
    expect(node).toMatchObject({ kind: 'Opinion', opinionType: 'dissent', text: 'I respectfully dissent & would remand.', author: 'judge-us-ada-r-maren', case: 'tapiu-2-20-cr-00077' });
    expect(caseFile.relations!.find((r) => r.type === 'CITES')).toMatchObject({ from: 'courtlistener-opinion-701', to: 'courtlistener-opinion-702' });
    expect(caseFile.entities!.find((e) => e.id === 'courtlistener-opinion-702')).toMatchObject({ name: 'CourtListener opinion 702', shared: true });
    expect(result.notes!.some((n) => n.kind === 'dropped' && n.path.join('.') === 'opinions_cited.1')).toBe(true);
    expect(opinionType('035concurrenceinpart')).toBe('concurrence in part');
    expect(opinionText({ plain_text: '', xml_harvard: '<opinion><p>Words</p></opinion>' })).toEqual({ field: 'xml_harvard', text: 'Words' });
  });
});

describe('CourtListener bulk CSV', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bulk-unit-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const read = async (name: string, text: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, text);
    const items: BulkItem[] = [];
    for await (const item of readBulkFile(file)) items.push(item);
    return items;
  };

  it('tells the tables by their header and the dialect by its first bytes', () => {
    expect(tableOf(['id', 'depth', 'cited_opinion_id', 'citing_opinion_id'])).toBe('citation-map');
    expect(tableOf(['id', 'volume', 'reporter', 'page', 'type', 'cluster_id'])).toBe('citations');
    expect(tableOf(['id', 'type', 'plain_text', 'cluster_id', 'author_id'])).toBe('opinions');
    expect(tableOf(['id', 'a', 'b'])).toBeUndefined();
    expect(detectDialect('"id","name"\n"1","say ""hi"""\n')).toEqual({ quote: '"', escape: '"' });
    expect(detectDialect('"id","name"\n"1","say \\"hi\\" now"\n')).toEqual({ quote: '"', escape: '\\' });
    expect(detectDialect('"id","path"\n"1","C:\\"\n')).toEqual({ quote: '"', escape: '"' });
    expect(detectDialect('`id`,`name`\n')).toMatchObject({ quote: '`' });
  });

  it('reads rows by header name: NULL (unquoted empty) is null, "" is empty, doubled quotes and lines inside values kept, with their line', async () => {
    const items = await read('x.csv', '"id","name","note"\n"1","A ""B""",\n"2","","two\nlines"\n"3","C","x"\n');
    expect(items[0]).toMatchObject({ kind: 'header', columns: ['id', 'name', 'note'] });
    expect(items.slice(1)).toEqual([
      { kind: 'row', row: { id: '1', name: 'A "B"', note: null }, line: 2 },
      { kind: 'row', row: { id: '2', name: '', note: 'two\nlines' }, line: 3 },
      { kind: 'row', row: { id: '3', name: 'C', note: 'x' }, line: 5 },
    ]);
  });

  it('a row it cannot read is a bad item with its line; the rows after it are read', async () => {
    const items = await read('bad.csv', '"id","name"\n"1","a"\n"2","b","extra"\n"3","c"\n');
    expect(items.filter((i) => i.kind === 'bad')).toEqual([expect.objectContaining({ kind: 'bad', line: 3 })]);
    expect(items.filter((i) => i.kind === 'row').map((i) => (i as Extract<BulkItem, { kind: 'row' }>).row.id)).toEqual(['1', '3']);
  });

  it('reads a .csv.bz2 in the backslash dialect', async () => {
    const items: BulkItem[] = [];
    for await (const item of readBulkFile('tests/fixtures/courtlistener-bulk-bz2/dockets-2099-02-28.csv.bz2')) items.push(item);
    expect(items[0]).toMatchObject({ kind: 'header', table: 'dockets', dialect: { escape: '\\' } });
    expect(items[1]).toMatchObject({ kind: 'row', row: { case_name: 'Ostry v. "Quayside" Holdings \\ Co.', date_terminated: null }, line: 2 });
  });

  it('joins rows across tables: a citation and a citation-map row go to the case of their docket', () => {
    const joins = joinsOf(
      { id: '801', date_created: 'x', court_id: 'tbulkq', docket_number: '1:22-cv-00001', case_name: 'A v. B' },
      { id: '802', docket_id: '801', judges: '', case_name: 'A v. B' },
      { id: '803', cluster_id: '802', type: '010combined', plain_text: 'x' },
    );
    const citation = importRow('citations', { id: '1', volume: '5', reporter: 'F.4th', page: '9', type: '1', cluster_id: '802' }, '{}', joins);
    expect('caseFile' in citation && citation.caseFile!.case).toMatchObject({ id: 'tbulkq-1-22-cv-00001', citations: ['5 F.4th 9'] });
    const cites = importRow('citation-map', { id: '1', depth: '3', cited_opinion_id: '900', citing_opinion_id: '803' }, '{}', joins);
    expect('caseFile' in cites && cites.caseFile!.relations![0]).toMatchObject({ type: 'CITES', from: 'courtlistener-opinion-803', to: 'courtlistener-opinion-900', description: 'cited 3 times' });
    const bad = importRow('citation-map', { id: '1', depth: '1', cited_opinion_id: 'x', citing_opinion_id: '803' }, '{}', joins);
    expect('problems' in bad && bad.problems![0]!.path).toEqual(['cited_opinion_id']);
    expect(importRow('people', { id: '1', name_first: 'A', name_last: 'B' }, '{}', joins)).toMatchObject({ joinOnly: expect.any(String) });
  });
});

describe('the order of docket entries', () => {
  it('entry N comes before the next numbered entry where the dates do not tell (missing or the same day), cited at both numbers', async () => {
    const { importDocket } = await import('../../src/ingest/importers/courtlistener/docket.js');
    const record = {
      court_id: 'tordr', docket_number: '1:24-cv-00010', case_name: 'Quell v. Sarn',
      docket_entries: [
        { document_number: '3', date_filed: '2024-02-01', description: 'ORDER setting schedule.' },
        { document_number: '1', date_filed: '2024-01-05', description: 'COMPLAINT against Sarn.' },
        { document_number: '2', date_filed: '2024-01-05', description: 'Summons issued.' },
        { document_number: '4', date_filed: null, description: 'NOTICE of appearance.' },
        { document_number: null, date_filed: '2024-02-02', description: 'Minute entry.' },
      ],
    };
    const caseFile = ok(importDocket({ record, text: JSON.stringify(record), base: [] }));
    const order = caseFile.relations!.filter((r) => r.type === 'BEFORE').map((r) => `${r.from.replace('tordr-1-24-cv-00010-entry-', '')}<${r.to.replace('tordr-1-24-cv-00010-entry-', '')}`);
    expect(order).toEqual(['1<2', '3<4']);
    const first = caseFile.relations!.find((r) => r.type === 'BEFORE')!;
    expect(first.sources.map((s) => s.pointer)).toEqual(['/docket_entries/1/document_number', '/docket_entries/2/document_number']);
  });
});
