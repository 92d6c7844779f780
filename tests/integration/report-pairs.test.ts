import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCase, importPlan } from '../../src/ingest/write/import.js';
import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { prepareInput, splitFile } from '../../src/ingest/pipeline/prepare.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint } from '../support/graph.js';

/**
 * Two reports of one docket, in both orders: the same graph, nothing lost against either report
 * alone, and reloading either changes nothing. The samples hold no two reports of one docket, so
 * the reports are written here in the shapes juriscraper gives them (a docket report of one
 * defendant, the docket's history report, an RSS feed, a later sparser download), each pair
 * under a court id of its own.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const reports = (court: string) => ({
  docket: {
    court_id: court, docket_number: '2:19-cr-00042-ABC-2', case_name: 'United States v. Roe', federal_defendant_number: '2', assigned_to_str: 'Perpetua L. Vance',
    date_filed: '2019-03-01', cause: '18:1343 Wire Fraud',
    parties: [
      { name: 'Quill Roe', type: 'Defendant', attorneys: [{ name: 'Ames Ray, Counsel', contact: 'Direct: 555-010-0120\nRay & Lark LLP\n1 Way', roles: ['LEAD ATTORNEY'] }] },
      { name: 'USA', type: 'Plaintiff', attorneys: [{ name: 'Ida Vane, Assistant U.S. Attorney', contact: "U.S. Attorney's Office\n2 Way", roles: [] }] },
    ],
    docket_entries: [
      { document_number: '1', date_filed: '2019-03-01', description: 'INDICTMENT as to Quill Roe (2) count(s) 1.' },
      { document_number: '7', date_filed: '2019-04-02', description: 'MOTION to Continue filed by Quill Roe.' },
      { document_number: null, date_filed: '2019-04-03', description: 'Minute Entry for proceedings held before Judge Vance.' },
    ],
  },
  history: {
    court_id: court, docket_number: '2:19-cr-00042', case_name: 'USA v. Roe', date_last_filing: '2019-05-01', assigned_to_str: '', date_filed: '2019-03-01',
    docket_entries: [
      { document_number: '1', date_filed: '2019-03-01', description: '', short_description: 'Indictment' },
      { document_number: '9', date_filed: '2019-05-01', description: '', short_description: 'Order on Motion to Continue' },
    ],
  },
  rss: [
    { court_id: court, docket_number: '2:19-cr-00042', case_name: 'USA v. Roe', parties: null, chapter: '', trustee_str: '', docket_entries: [{ document_number: '9', pacer_doc_id: '0999', date_filed: '2019-05-01T10:00:00-07:00', description: '', short_description: 'Order' }] },
  ],
  // An appeal of this docket: its originating court information names the docket by court and number.
  appeal: {
    court_id: `${court}app`, docket_number: '19-1001', case_name: 'USA v. Quill Roe', appeal_from: 'U.S. District Court', date_filed: '2019-06-01',
    originating_court_information: { court_id: court, docket_number: '2:19-cr-00042-ABC', assigned_to: 'Perpetua L. Vance', ordering_judge: '', date_filed: '2019-03-01', disposition: '' },
    panel: ['Orla Fenwick', 'Basil Tarrant'],
    parties: [{ name: 'Quill Roe', type: 'Defendant - Appellant', attorneys: [] }],
    docket_entries: [{ document_number: '1', date_filed: '2019-06-01', description: 'Criminal case docketed.' }],
  },
  sparser: {
    court_id: court, docket_number: '2:19-cr-00042', case_name: 'United States v. Roe', assigned_to_str: 'Perpetua L. Vance',
    parties: [{ name: 'Quill Roe', type: 'Defendant', attorneys: [] }],
    docket_entries: [{ document_number: '1', date_filed: '2019-03-01', description: 'INDICTMENT as to Quill Roe (2) count(s) 1.' }],
  },
});
type Kind = keyof ReturnType<typeof reports>;

/** Loads one report (every record of it); the case ids it stated and whether anything changed. */
async function load(record: unknown, name: string): Promise<{ caseIds: string[]; changed: boolean }> {
  const text = JSON.stringify(record, null, 2);
  const split = splitFile({ file: `${name}.json`, text });
  if (!('records' in split)) throw new Error(JSON.stringify(split));
  const caseIds: string[] = [];
  let changed = false;
  for (let i = 0; i < split.records.length; i++) {
    const prepared = await prepareInput({ file: `${name}.json`, text, ...(split.records.length > 1 ? { record: i } : {}) }, { readDocument: async () => '', lookupIds: graphLookup(api.executor) });
    if (!prepared.plan) throw new Error(`${name}: ${JSON.stringify(prepared.problems)}`);
    const report = await importPlan(api.executor, prepared.plan, name);
    caseIds.push(prepared.plan.caseId);
    changed ||= report.changed;
  }
  return { caseIds, changed };
}

/** The graph of some cases, with the lists that are sets sorted. */
async function state(caseIds: string[]): Promise<string[]> {
  const lines = (await Promise.all([...new Set(caseIds)].map((id) => caseFingerprint(api.executor, id)))).flat();
  return [...new Set(lines.map((line) => {
    const row = JSON.parse(line) as unknown[];
    // A node: [labels, properties, its STATES (if an entity)]; a relationship: [type, from, to, properties].
    const props = (Array.isArray(row[0]) ? row[1] : row.at(-1)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(props)) if (Array.isArray(value)) props[key] = [...(value as unknown[])].map(String).sort();
    return JSON.stringify(row);
  }))].sort();
}

/** The ids of what a state holds: nodes by id, relationships by type and ends. */
const ids = (lines: string[]) => new Set(lines.map((line) => {
  const row = JSON.parse(line) as unknown[];
  return Array.isArray(row[0]) ? `node ${(row[1] as { id: string }).id}` : `${row[0]} ${row[1]} ${row[2]}`;
}));

async function clear(caseIds: string[]) {
  for (const id of new Set(caseIds)) await deleteCase(api.executor, id).catch(() => undefined);
}

const PAIRS: [Kind, Kind][] = [['docket', 'history'], ['docket', 'rss'], ['history', 'rss'], ['docket', 'sparser'], ['history', 'sparser'], ['docket', 'appeal'], ['history', 'appeal']];

describe('two reports of one docket, in both orders', () => {
  it.each(PAIRS.map(([a, b], k) => [a, b, `tpair${k}`] as const))('%s and %s: one graph, nothing lost, reloading changes nothing', async (a, b, court) => {
    const records = reports(court);
    const alone: Record<string, Set<string>> = {};
    const touched: string[] = [];
    for (const kind of [a, b]) {
      const { caseIds } = await load(records[kind], `${court}-${kind}`);
      touched.push(...caseIds);
      alone[kind] = ids(await state(caseIds));
      await clear(caseIds);
    }
    const states: string[][] = [];
    for (const order of [[a, b], [b, a]] as const) {
      const caseIds: string[] = [];
      for (const kind of order) caseIds.push(...(await load(records[kind], `${court}-${kind}`)).caseIds);
      const both = await state([...caseIds, ...touched]);
      // nothing lost against either report alone
      const held = ids(both);
      for (const kind of order) expect([...alone[kind]!].filter((id) => !held.has(id)), `${order.join(' then ')}: lost from ${kind}`).toEqual([]);
      // reloading either changes nothing
      for (const kind of order) expect((await load(records[kind], `${court}-${kind}`)).changed, `reload ${kind}`).toBe(false);
      states.push(both);
      await clear([...caseIds, ...touched]);
    }
    expect(states[1]).toEqual(states[0]);
  }, 240_000);

  it.each([['appeal', 'docket'], ['docket', 'appeal']] as const)('an appeal and its lower docket (%s first): one lower case, its own report\'s fields first', async (first, second) => {
    const court = `tpairlow${first[0]}`;
    const records = reports(court);
    const loaded: string[] = [];
    for (const kind of [first, second]) loaded.push(...(await load(records[kind], `${court}-${kind}`)).caseIds);
    const [lower, appeal] = [loaded[first === 'docket' ? 0 : 1]!, loaded[first === 'docket' ? 1 : 0]!];
    expect(lower).toBe(`${court}-2-19-cr-00042`);
    const data = await api.gql(`query($id: ID!, $appeal: ID!) {
      lower: case(id: $id) { caption docketNumber status court { id } }
      roles: entity(id: $id) { relationships(types: ["HAS_ROLE"], direction: INCOMING, first: 20) { edges { node { from { id } } } } }
      appeal: entity(id: $appeal) { relationships(types: ["APPEAL_FROM"], first: 5) { edges { node { to { id } } } } }
    }`, { id: lower, appeal });
    expect(data.errors).toBeUndefined();
    expect(data.data.lower).toMatchObject({ caption: 'United States v. Roe', docketNumber: '2:19-cr-00042', status: 'open', court: { id: `court-${court}` } });
    expect(data.data.appeal.relationships.edges.map((e: { node: { to: { id: string } } }) => e.node.to.id)).toEqual([lower]);
    const holders = data.data.roles.relationships.edges.map((e: { node: { from: { id: string } } }) => e.node.from.id);
    expect(holders).toEqual(expect.arrayContaining(['judge-us-perpetua-l-vance', `${lower}-party-quill-roe`]));
    await clear(loaded);
  }, 240_000);

  it.each([['docket'], ['claims']] as const)('a bankruptcy docket, its claims register and a claims activity item (%s first): one case, one claim per proof of claim', async (first) => {
    const court = `tpairclm${first[0]}`;
    const docket = { court_id: court, docket_number: '21-40007', case_name: 'Quarrystone Mills, Inc.', chapter: '11', date_filed: '2021-01-11',
      parties: [{ name: 'Quarrystone Mills, Inc.', type: 'Debtor', attorneys: [] }, { name: 'Fenmoor Supply Co.', type: 'Creditor', attorneys: [] }],
      docket_entries: [{ document_number: '1', date_filed: '2021-01-11', description: 'Chapter 11 Voluntary Petition.' }] };
    const register = { court_id: court, docket_number: '21-40007', case_name: 'Quarrystone Mills, Inc.', chapter: '11', trustee_str: '', date_last_to_file_claims: '2021-05-01',
      claims: [{ claim_number: 1, creditor_details: 'Fenmoor Supply Co.\n40 Kiln Road\nAshby, ST 01230', amount_claimed: '$1200.00', description: '(1-1) Goods Sold', status: '', date_original_filed: '2021-02-02' }] };
    const activity = { court_id: court, docket_number: '21-40007', case_name: 'Quarrystone Mills, Inc.', chapter: '11', trustee_str: '', last_date_to_file_claims: '2021-05-01',
      claim: { claim_number: '1-1', creditor_name_address: 'Fenmoor Supply Co., 40 Kiln Road, Ashby, ST 01230', amount_claimed: '$1200.00', description: 'Goods Sold', date_filed: '2021-02-02', status: '' } };
    const order = first === 'docket' ? [docket, register, activity] : [activity, register, docket];
    const caseIds: string[] = [];
    for (const [k, record] of order.entries()) caseIds.push(...(await load(record, `${court}-${k}`)).caseIds);
    expect(new Set(caseIds).size).toBe(1);
    const data = await api.gql(`query($id: ID!) { case(id: $id) { caseClaims(first: 10) { edges { node { id statement status claimant { id name } sources(first: 10) { totalCount } } } } } }`, { id: caseIds[0] });
    expect(data.errors).toBeUndefined();
    const claims = data.data.case.caseClaims.edges.map((e: { node: unknown }) => e.node);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ id: `${court}-21-40007-claim-1-1`, status: 'ALLEGED', claimant: { id: `${court}-21-40007-party-fenmoor-supply-co`, name: 'Fenmoor Supply Co.' } });
    expect(claims[0].sources.totalCount).toBeGreaterThanOrEqual(4);
    await clear(caseIds);
  }, 240_000);

  it('keep both words of an entry, each cited at its own pointer, and one case for the per-defendant report and the history', async () => {
    const records = reports('tpairwords');
    const { caseIds: [docketCase] } = await load(records.docket, 'tpairwords-docket');
    const { caseIds: [historyCase] } = await load(records.history, 'tpairwords-history');
    expect(historyCase).toBe(docketCase);
    const data = await api.gql(`query($id: ID!) { case(id: $id) { docketNumber events(first: 20) { edges { node { entryNumber sources(first: 10) { edges { node { pointer quote } } } } } } } }`, { id: docketCase });
    expect(data.errors).toBeUndefined();
    const events = data.data.case.events.edges.map((e: { node: unknown }) => e.node) as { entryNumber: string | null; sources: { edges: { node: { pointer: string; quote: string } }[] } }[];
    const first = events.filter((e) => e.entryNumber === '1');
    expect(first).toHaveLength(1);
    expect(first[0]!.sources.edges.map((e) => e.node)).toEqual(expect.arrayContaining([
      { pointer: '/docket_entries/0/description', quote: 'INDICTMENT as to Quill Roe (2) count(s) 1.' },
      { pointer: '/docket_entries/0/short_description', quote: 'Indictment' },
    ]));
    expect(events.map((e) => e.entryNumber).filter(Boolean).sort()).toEqual(['1', '7', '9']);
    await clear([docketCase!]);
  });
});
