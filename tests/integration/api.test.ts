import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/graphql/default-query.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';

const CASE = 'baldwin-involuntary-manslaughter-case';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

describe('GraphQL API behaviour', () => {
  it('serves GraphiQL at /graphql with a default query that tells the Baldwin story, each act with its quote', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('YogaGraphiQL');
    expect(html).toContain('BaldwinStory');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const line of DEFAULT_QUERY.split('\n')) expect(line.length, line).toBeLessThanOrEqual(55);
    const { data, errors } = await api.gql(DEFAULT_QUERY);
    expect(errors).toBeUndefined();
    expect(data.case.charges.edges[0].node.name).toMatch(/involuntary manslaughter/);
    const acts = nodes<any>(data.case.caseActs);
    expect(acts.map((act) => act.name)).toEqual(
      expect.arrayContaining(['the revolver fatally hit Halyna Hutchins', expect.stringMatching(/^Troy Teske delivered live rounds/), expect.stringMatching(/did not disclose/)]),
    );
    for (const act of acts) expect(nodes<any>(act.sources)[0].quote.length, act.name).toBeGreaterThan(10);
    const [ruling] = nodes<any>(data.case.rulings);
    expect(ruling).toMatchObject({ judge: { name: 'Mary Marlowe Sommer' }, disposition: expect.stringMatching(/dismissed/) });
    expect(ruling.words).toMatch(/fundamental fairness/);
    expect(data.civil).toMatchObject({ status: 'pending' });
  });

  it('answers NOT_FOUND for ids that do not exist', async () => {
    const { data, errors } = await api.gql(`{ case(id: "no-such-case") { id } }`);
    expect(data).toEqual({ case: null });
    expect(errors![0]).toMatchObject({ message: 'No case with id "no-such-case".', extensions: { code: 'NOT_FOUND' } });
    for (const query of [`{ entity(id: "nobody") { id } }`, `{ timeline(caseId: "nope") { totalCount } }`, `{ contestedClaims(caseId: "nope") { totalCount } }`, `{ whoDidWhat(actorId: "nobody") { totalCount } }`]) {
      const response = await api.gql(query);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
  });

  it('answers BAD_USER_INPUT for page sizes over the cap, bad cursors and empty searches', async () => {
    for (const [query, argument] of [
      [`{ cases(first: 1000) { totalCount } }`, 'first'],
      [`{ whoDidWhat(first: -1) { totalCount } }`, 'first'],
      [`{ cases(after: "not-a-cursor") { totalCount } }`, 'after'],
      [`{ search(query: "  ") { totalCount } }`, 'query'],
      [`{ search(query: "\\"") { totalCount } }`, 'query'],
      [`{ search(query: "x", first: 101) { totalCount } }`, 'first'],
      // A word too long for Lucene used to reach its parser and come back masked as an internal error.
      [`{ search(query: "${'x'.repeat(300_000)}") { totalCount } }`, 'query'],
      [`{ search(query: "${'ab '.repeat(400)}") { totalCount } }`, 'query'],
    ]) {
      const { errors } = await api.gql(query!);
      expect(errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('pages through who did what without gaps or repeats, in a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data }: { data?: any } = await api.gql(`query($after: String) { whoDidWhat(caseId: "${CASE}", first: 7, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      total = data.whoDidWhat.totalCount;
      seen.push(...data.whoDidWhat.edges.map((e: any) => e.node.id));
      after = data.whoDidWhat.pageInfo.hasNextPage ? data.whoDidWhat.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    const { data } = await api.gql(`{ whoDidWhat(caseId: "${CASE}", first: 100) { edges { node { id } } } }`);
    expect(data.whoDidWhat.edges.map((e: any) => e.node.id)).toEqual(seen);
  });

  it('searches names, aliases and descriptions, with kind and score, prefixes included', async () => {
    const { data } = await api.gql(`{ search(query: "Marlowe", first: 5) { edges { node { kind score entity { id name } } } } }`);
    const [best] = nodes(data.search);
    expect(best).toMatchObject({ kind: 'PERSON', entity: { id: 'mary-marlowe-sommer' } });
    expect(best.score).toBeGreaterThan(0);
    const prefix = await api.gql(`{ search(query: "Tesk") { edges { node { entity { id } } } } }`);
    expect(nodes(prefix.data.search).map((h: any) => h.entity.id)).toContain('troy-teske');
    const people = await api.gql(`{ search(query: "Baldwin", kinds: [PERSON], first: 5) { edges { node { kind entity { id } highlights { field snippet } } } } }`);
    const hits = nodes(people.data.search);
    expect(hits.map((h: any) => h.kind)).toEqual(hits.map(() => 'PERSON'));
    expect(hits.map((h: any) => h.entity.id)).toEqual(expect.arrayContaining(['alec-baldwin', 'hilaria-baldwin']));
    expect(hits[0].highlights[0].snippet).toContain('«Baldwin»');
    const acts = await api.gql(`{ search(query: "rounds", kinds: [ACT, EVIDENCE]) { edges { node { kind } } } }`);
    expect(new Set(nodes(acts.data.search).map((h: any) => h.kind))).toEqual(new Set(['ACT', 'EVIDENCE']));
    const hostile = await api.gql(`{ search(query: "\\"foo\\" OR name:(*) AND ]]") { totalCount } }`);
    expect(hostile.errors).toBeUndefined();
  });

  it('orders the timeline as the source tells it: dated events by date, the others placed by the order the case file states', async () => {
    const { data } = await api.gql(`{ timeline(caseId: "${CASE}", first: 100) { totalCount edges { node { id time { iso precision year } } } } }`);
    const timeline = nodes(data.timeline);
    expect(timeline).toHaveLength(data.timeline.totalCount);
    expect(timeline[0].time).toEqual({ iso: '2021-10-21', precision: 'DAY', year: 2021 });
    const ids = timeline.map((e: any) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['rust-shooting', 'case-dismissal', 'live-rounds-delivery']));
    // The rounds were received in March (no year given) and the case dismissed "about 2024" after
    // they surfaced at trial: the delivery comes before the dismissal, not after every dated event.
    expect(ids.indexOf('rust-shooting')).toBeLessThan(ids.indexOf('live-rounds-delivery'));
    expect(ids.indexOf('live-rounds-delivery')).toBeLessThan(ids.indexOf('case-dismissal'));
  });

  it('lists cases as a Relay connection with a total', async () => {
    const { data } = await api.gql(`{ cases(first: 1) { totalCount pageInfo { hasNextPage } edges { cursor node { id caption } } } }`);
    expect(data.cases.totalCount).toBeGreaterThanOrEqual(2);
    expect(data.cases.pageInfo.hasNextPage).toBe(true);
    expect(data.cases.edges).toHaveLength(1);
  });

  it('answers a root field in one database round trip, however deep and however many items a level holds', async () => {
    const query = `{ case(id: "${CASE}") { participants(first: 100) { edges { node { holder { name roles { edges { node { within { name } } } } } } } } } }`;
    const { extensions, data, errors } = await api.gql(query, {}, { 'x-debug-round-trips': '1' });
    expect(errors).toBeUndefined();
    expect(data.case.participants.edges.length).toBeGreaterThan(5);
    // The case, its participants, their roles and what those are in: one compiled statement.
    expect(extensions).toEqual({ roundTrips: 1 });
    const two = await api.gql(`{ a: case(id: "${CASE}") { id } b: entity(id: "alec-baldwin") { name } ok }`, {}, { 'x-debug-round-trips': '1' });
    expect(two.extensions).toEqual({ roundTrips: 2 });
    const plain = await api.gql(query);
    expect(plain.extensions).toBeUndefined();
  });

});
