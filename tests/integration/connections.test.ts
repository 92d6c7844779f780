import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';

/**
 * Nested lists as connections: paging, totals, the documented sorts and every filter, on two
 * small FICTIONAL cases this file owns (ids start with "conn-"). Events are dated to the day,
 * the month, the year, a month without a year, a weekday only, and not at all.
 */
const CROWD = Array.from({ length: 25 }, (_, i) => `Crowd member ${i + 1} spoke.`);
const SENTENCES = [
  'In the fictional matter of connections, Judge Cora Nolan presided.',
  'Alpha Defendant was accused by the Fictional Office.',
  'Beta Witness and Gamma Witness testified at the Fictional Hall.',
  'The hearing took place on 10 May 2023.',
  'Papers were filed in May 2023.',
  'The inquiry ran through 2023.',
  'A review followed on 2 January 2024.',
  'A meeting was held in May of an unknown year.',
  'A call happened on a Friday.',
  'A rumour spread at some point.',
  'Alpha signed the papers at the hearing.',
  'Alpha left in 2024.',
  'Alpha waited.',
  'Alpha said Beta saw the signing.',
  'The Office denied that Beta saw it.',
  'The judge found that Beta did not see it.',
  'The letter was disclosed.',
  'The ledger was withheld from Alpha and Beta.',
  ...CROWD,
];
const quote = (text: string) => `[{ quote: ${JSON.stringify(text)} }]`;

const CASE_FILE = `formatVersion: 1
documents:
  - id: conn-report
    title: "Fictional report on connections"
    text: ${JSON.stringify(SENTENCES.join(' '))}
case:
  id: conn-case
  caption: "Fictional matter of connections"
  status: open
  sources: ${quote('In the fictional matter of connections')}
entities:
  - { id: conn-judge, kind: Person, name: "Judge Cora Nolan", sources: ${quote('Judge Cora Nolan presided')} }
  - { id: conn-alpha, kind: Person, name: "Alpha Defendant", sources: ${quote('Alpha Defendant was accused')} }
  - { id: conn-beta, kind: Person, name: "Beta Witness", sources: ${quote('Beta Witness')} }
  - { id: conn-gamma, kind: Person, name: "Gamma Witness", sources: ${quote('Gamma Witness')} }
  - { id: conn-office, kind: Organization, name: "Fictional Office", sources: ${quote('the Fictional Office')} }
  - { id: conn-hall, kind: Place, name: "Fictional Hall", sources: ${quote('the Fictional Hall')} }
  - { id: conn-crowd, kind: Person, name: "Crowd Member", sources: [${CROWD.map((q) => `{ quote: ${JSON.stringify(q)} }`).join(', ')}] }
evidence:
  - { id: conn-letter, name: "the letter", disclosed: true, sources: ${quote('The letter was disclosed.')} }
  - { id: conn-ledger, name: "the ledger", disclosed: false, withheldFrom: [conn-beta, conn-alpha], sources: ${quote('The ledger was withheld from Alpha and Beta.')} }
events:
  - { id: conn-e-undated, name: "rumour", sources: ${quote('A rumour spread at some point.')} }
  - { id: conn-e-weekday, name: "call", time: { text: "on a Friday", weekday: Friday }, sources: ${quote('A call happened on a Friday.')} }
  - { id: conn-e-monthonly, name: "meeting", time: { text: "in May", month: 5 }, sources: ${quote('A meeting was held in May of an unknown year.')} }
  - { id: conn-e-next, name: "review", time: { text: "on 2 January 2024", date: "2024-01-02" }, sources: ${quote('A review followed on 2 January 2024.')} }
  - { id: conn-e-year, name: "inquiry", time: { text: "through 2023", date: "2023" }, sources: ${quote('The inquiry ran through 2023.')} }
  - { id: conn-e-day, name: "hearing", place: conn-hall, partOf: conn-e-year, participants: [conn-office, conn-alpha, conn-beta], time: { text: "on 10 May 2023", date: "2023-05-10" }, sources: ${quote('The hearing took place on 10 May 2023.')} }
  - { id: conn-e-month, name: "filing", partOf: conn-e-year, time: { text: "in May 2023", date: "2023-05" }, sources: ${quote('Papers were filed in May 2023.')} }
acts:
  - { id: conn-a-waited, actor: conn-alpha, action: waited, sources: ${quote('Alpha waited.')} }
  - { id: conn-a-left, actor: conn-alpha, action: left, time: { text: "in 2024", date: "2024" }, sources: ${quote('Alpha left in 2024.')} }
  - { id: conn-a-signed, actor: conn-alpha, action: signed, event: conn-e-day, time: { text: "at the hearing", date: "2023-05-10" }, sources: ${quote('Alpha signed the papers at the hearing.')} }
claims:
  - { id: conn-c-saw, claimant: conn-alpha, statement: "Beta saw the signing", stance: asserts, status: alleged, about: [conn-beta, conn-a-signed, conn-e-day], sources: ${quote('Alpha said Beta saw the signing.')} }
  - { id: conn-c-denied, claimant: conn-office, statement: "Beta saw the signing", stance: denies, status: alleged, disputes: [conn-c-saw], sources: ${quote('The Office denied that Beta saw it.')} }
  - { id: conn-c-found, claimant: conn-judge, statement: "Beta did not see the signing", stance: finds, status: adjudicated, disputes: [conn-c-saw], sources: ${quote('The judge found that Beta did not see it.')} }
roles:
  - { who: conn-judge, role: judge, in: conn-case, sources: ${quote('Judge Cora Nolan presided')} }
  - { who: conn-alpha, role: defendant, in: conn-case, sources: ${quote('Alpha Defendant was accused')} }
  - { who: conn-office, role: prosecutor, in: conn-case, sources: ${quote('accused by the Fictional Office')} }
  - { who: conn-gamma, role: witness, in: conn-case, sources: ${quote('Gamma Witness testified')} }
  - { who: conn-beta, role: witness, in: conn-case, sources: ${quote('Beta Witness and Gamma Witness testified')} }
  - { who: conn-crowd, role: witness, in: conn-case, sources: ${quote('Crowd member 1 spoke.')} }
`;

/** A second case that only refers to the first one's witness and office. */
const OTHER_FILE = `formatVersion: 1
documents:
  - { id: conn-other-report, title: "Fictional note", text: "In the fictional other matter, Beta Witness and the Fictional Office appeared." }
case:
  id: conn-other-case
  caption: "Fictional other matter"
  status: open
  sources: ${quote('In the fictional other matter')}
roles:
  - { who: conn-beta, role: witness, in: conn-other-case, sources: ${quote('Beta Witness')} }
  - { who: conn-office, role: prosecutor, in: conn-other-case, sources: ${quote('the Fictional Office appeared')} }
`;

const IMPORT = `mutation($file: String!) { importCase(file: $file, replace: true) { applied } }`;
const DELETE = `mutation($id: ID!) { deleteCase(id: $id) { caseId } }`;
let api: TestApi;

async function data(query: string, variables?: Record<string, unknown>) {
  const response = await api.gql(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}
const ids = (connection: any) => nodes(connection).map((n: any) => n.id);

beforeAll(async () => {
  api = await startTestApi();
  for (const file of [CASE_FILE, OTHER_FILE]) {
    const { errors } = await api.gql(IMPORT, { file }, WRITE);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
  }
});
afterAll(async () => {
  if (!api) return;
  for (const id of ['conn-other-case', 'conn-case']) await api.gql(DELETE, { id }, WRITE);
  await api.close();
});

describe('dates: from/to honour the precision of each time', () => {
  const timeline = async (range: string) => {
    const { timeline: t } = await data(`{ timeline(caseId: "conn-case"${range}) { totalCount edges { node { id } } } }`);
    expect(t.edges).toHaveLength(t.totalCount);
    return ids(t);
  };

  it('orders the timeline by date (a year before its months and days), undated last in file order', async () => {
    expect(await timeline('')).toEqual(['conn-e-year', 'conn-e-month', 'conn-e-day', 'conn-e-next', 'conn-e-undated', 'conn-e-weekday', 'conn-e-monthonly']);
    const { case: c } = await data(`{ case(id: "conn-case") { events(first: 100) { edges { node { id } } } } }`);
    expect(ids(c.events)).toEqual(await timeline(''));
  });

  it('keeps what may fall in the range, and leaves out times with no year', async () => {
    expect(await timeline(', from: "2023-05-10", to: "2023-05-10"')).toEqual(['conn-e-year', 'conn-e-month', 'conn-e-day']);
    expect(await timeline(', from: "2023-06"')).toEqual(['conn-e-year', 'conn-e-next']);
    expect(await timeline(', to: "2023-04"')).toEqual(['conn-e-year']);
    expect(await timeline(', from: "2024"')).toEqual(['conn-e-next']);
    expect(await timeline(', to: "2022"')).toEqual([]);
    expect(await timeline(', from: "2023", to: "2023"')).toEqual(['conn-e-year', 'conn-e-month', 'conn-e-day']);
  });

  it('filters acts the same way, on entities, events and who did what', async () => {
    const { entity, whoDidWhat, event } = await data(`{
      entity(id: "conn-alpha") { all: acts { edges { node { id } } } dated: acts(from: "2023", to: "2023-12-31") { totalCount edges { node { id } } } }
      whoDidWhat(caseId: "conn-case", from: "2024-01") { totalCount edges { node { id } } }
      event: entity(id: "conn-e-day") { ... on Event { all: eventActs { totalCount } before: eventActs(to: "2023-05-09") { totalCount } } } }`);
    expect(ids(entity.all)).toEqual(['conn-a-signed', 'conn-a-left', 'conn-a-waited']);
    expect(ids(entity.dated)).toEqual(['conn-a-signed']);
    expect(ids(whoDidWhat)).toEqual(['conn-a-left']);
    expect(event.all.totalCount).toBe(1);
    expect(event.before.totalCount).toBe(0);
  });

  it('answers BAD_USER_INPUT for a date that is not one, or a range that ends before it starts', async () => {
    for (const [query, argument] of [
      [`{ timeline(caseId: "conn-case", from: "May 2023") { totalCount } }`, 'from'],
      [`{ case(id: "conn-case") { caseActs(to: "2023-02-29") { totalCount } } }`, 'to'],
      [`{ whoDidWhat(from: "2024", to: "2023") { totalCount } }`, 'from'],
    ] as const) {
      const { errors } = await api.gql(query);
      expect(errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('paging nested lists', () => {
  it('pages participants without gaps or repeats, sorted by role, then holder name', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { case: c }: any = await data(`query($after: String) { case(id: "conn-case") { participants(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { role holder { name } } } } } }`, { after });
      expect(c.participants.totalCount).toBe(6);
      expect(c.participants.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...nodes(c.participants).map((r: any) => `${r.role}:${r.holder.name}`));
      after = c.participants.pageInfo.hasNextPage ? c.participants.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['defendant:Alpha Defendant', 'judge:Judge Cora Nolan', 'prosecutor:Fictional Office', 'witness:Beta Witness', 'witness:Crowd Member', 'witness:Gamma Witness']);
    const { case: c } = await data(`{ case(id: "conn-case") { participants(role: "witness", first: 1) { totalCount pageInfo { hasNextPage } edges { node { holder { id } } } } } }`);
    expect(c.participants).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(nodes(c.participants).map((r: any) => r.holder.id)).toEqual(['conn-beta']);
  });

  it('pages sources: 20 by default, in reading order, the rest on the next page', async () => {
    const { entity } = await data(`{ entity(id: "conn-crowd") { sources { totalCount pageInfo { hasNextPage endCursor } edges { node { quote start } } } } }`);
    expect(entity.sources.totalCount).toBe(25);
    expect(nodes(entity.sources).map((s: any) => s.quote)).toEqual(CROWD.slice(0, 20));
    const starts = nodes(entity.sources).map((s: any) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const next = await data(`query($after: String) { entity(id: "conn-crowd") { sources(after: $after) { pageInfo { hasNextPage } edges { node { quote } } } } }`, { after: entity.sources.pageInfo.endCursor });
    expect(nodes(next.entity.sources).map((s: any) => s.quote)).toEqual(CROWD.slice(20));
    expect(next.entity.sources.pageInfo.hasNextPage).toBe(false);
  });

  it('pages relationships by type, then the other end’s name', async () => {
    const { entity } = await data(`{ entity(id: "conn-alpha") { all: relationships(first: 100) { totalCount edges { node { type other { name } } } }
      page: relationships(first: 2, after: "${Buffer.from('offset:1').toString('base64url')}") { edges { node { type other { name } } } }
      roles: relationships(types: ["HAS_ROLE"], direction: OUTGOING) { totalCount } } }`);
    const all = nodes(entity.all).map((r: any) => `${r.type}>${r.other.name}`);
    expect(all).toHaveLength(entity.all.totalCount);
    const byTypeThenName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // '>' sorts before letters
    expect(all).toEqual([...all].sort(byTypeThenName));
    expect(all).toContain('PERFORMED>Alpha Defendant signed');
    expect(nodes(entity.page).map((r: any) => `${r.type}>${r.other.name}`)).toEqual(all.slice(2, 4));
    expect(entity.roles.totalCount).toBe(1);
  });

  it('refuses a nested page over the cap, naming the argument and the cap', async () => {
    const { errors } = await api.gql(`{ case(id: "conn-case") { participants(first: 500) { totalCount } } }`);
    expect(errors?.[0]).toMatchObject({ message: 'first must be between 0 and 100; got 500.', path: ['case', 'participants'], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const cursor = await api.gql(`{ entity(id: "conn-alpha") { sources(after: "nope") { totalCount } } }`);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('filters that fit each list', () => {
  it('claims by stance and status, with what they are about and who disputes them', async () => {
    const { case: c } = await data(`{ case(id: "conn-case") {
      all: caseClaims { totalCount edges { node { id } } }
      denied: caseClaims(stance: DENIES) { edges { node { id } } }
      adjudicated: caseClaims(status: ADJUDICATED) { edges { node { id claimant { id } } } }
      alleged: caseClaims(status: ALLEGED, stance: ASSERTS) { edges { node { id
        about { edges { node { id } } } people: about(kinds: [PERSON]) { edges { node { id } } }
        disputedBy { edges { node { id } } } found: disputedBy(stance: FINDS) { edges { node { id } } } } } } } }`);
    expect(ids(c.all)).toEqual(['conn-c-saw', 'conn-c-denied', 'conn-c-found']);
    expect(ids(c.denied)).toEqual(['conn-c-denied']);
    expect(nodes(c.adjudicated)).toEqual([{ id: 'conn-c-found', claimant: { id: 'conn-judge' } }]);
    const [saw] = nodes(c.alleged);
    expect(saw.id).toBe('conn-c-saw');
    // By name: "Alpha Defendant signed" (an act is named after its actor), "Beta Witness", "hearing".
    expect(ids(saw.about)).toEqual(['conn-a-signed', 'conn-beta', 'conn-e-day']);
    expect(ids(saw.people)).toEqual(['conn-beta']);
    expect(ids(saw.disputedBy)).toEqual(['conn-c-denied', 'conn-c-found']);
    expect(ids(saw.found)).toEqual(['conn-c-found']);

    const { contestedClaims, none } = await data(`{ contestedClaims(caseId: "conn-case") { totalCount edges { node { claim { id } disputedBy(status: ALLEGED) { edges { node { id } } } } } }
      none: contestedClaims(caseId: "conn-case", stance: DENIES) { totalCount } }`);
    expect(nodes(contestedClaims)).toEqual([{ claim: { id: 'conn-c-saw' }, disputedBy: { edges: [{ node: { id: 'conn-c-denied' } }] } }]);
    expect(none.totalCount).toBe(0);
  });

  it('evidence by disclosure, and entity lists by kind, by name', async () => {
    const { case: c, event } = await data(`{ case(id: "conn-case") {
      evidence { edges { node { id } } }
      withheld: evidence(disclosed: false) { edges { node { id withheldFrom { edges { node { name } } } organizations: withheldFrom(kinds: [ORGANIZATION]) { totalCount } } } } }
      event: entity(id: "conn-e-day") { ... on Event { involved { edges { node { name } } } people: involved(kinds: [PERSON]) { totalCount } } } }`);
    expect(ids(c.evidence)).toEqual(['conn-letter', 'conn-ledger']);
    const [ledger] = nodes(c.withheld);
    expect(ledger.id).toBe('conn-ledger');
    expect(nodes(ledger.withheldFrom).map((e: any) => e.name)).toEqual(['Alpha Defendant', 'Beta Witness']);
    expect(ledger.organizations.totalCount).toBe(0);
    expect(nodes(event.involved).map((e: any) => e.name)).toEqual(['Alpha Defendant', 'Beta Witness', 'Fictional Office']);
    expect(event.people.totalCount).toBe(2);
  });

  it('events of a place and parts of an event, in date order', async () => {
    const { hall, inquiry } = await data(`{ hall: entity(id: "conn-hall") { ... on Place { events { edges { node { id } } } } }
      inquiry: entity(id: "conn-e-year") { ... on Event { subEvents { edges { node { id } } } later: subEvents(from: "2023-05-05") { edges { node { id } } } } } }`);
    expect(ids(hall.events)).toEqual(['conn-e-day']);
    expect(ids(inquiry.subEvents)).toEqual(['conn-e-month', 'conn-e-day']);
    expect(ids(inquiry.later)).toEqual(['conn-e-month', 'conn-e-day']);
  });

  it('what two cases share, and the cases of an entity by id', async () => {
    const { sharedBetween, people, beta } = await data(`{
      sharedBetween(caseId: "conn-case", otherCaseId: "conn-other-case") { totalCount edges { node { id } } }
      people: sharedBetween(caseId: "conn-other-case", otherCaseId: "conn-case", kinds: [PERSON]) { edges { node { id } } }
      beta: entity(id: "conn-beta") { cases { edges { node { id } } } } }`);
    expect(ids(sharedBetween)).toEqual(['conn-beta', 'conn-office']);
    expect(ids(people)).toEqual(['conn-beta']);
    expect(ids(beta.cases)).toEqual(['conn-case', 'conn-other-case']);
    const missing = await api.gql(`{ sharedBetween(caseId: "conn-case", otherCaseId: "conn-no-case") { totalCount } }`);
    expect(missing.errors?.[0]).toMatchObject({
      message: 'No case with id "conn-no-case". Did you mean "conn-case", or "conn-other-case"?',
      extensions: { code: 'NOT_FOUND', suggestions: ['conn-case', 'conn-other-case'] },
    });
  });
});
