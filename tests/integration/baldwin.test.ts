import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';

const CASE = 'baldwin-involuntary-manslaughter-case';
const SOURCES = 'sources { totalCount edges { node { quote start end document { id title } } } }';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await api.gql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const quotes = (node: { sources: { edges: { node: { quote: string } }[] } }) => nodes(node.sources).map((s) => s.quote);

describe('the Baldwin case, as the article tells it', () => {
  it('charged Alec Baldwin with involuntary manslaughter, up to 18 months in prison', async () => {
    const { case: c } = await data(`{ case(id: "${CASE}") { caption caseType status
      charges { totalCount edges { node { offence maximumPenalty defendant { id name } ${SOURCES} } } }
      participants(role: "defendant") { totalCount edges { node { holder { id } ${SOURCES} } } } } }`);
    expect(c).toMatchObject({ caption: "Alec Baldwin's involuntary manslaughter case", caseType: 'criminal', status: 'dismissed' });
    expect(c.charges.totalCount).toBe(1);
    const [charge] = nodes(c.charges);
    expect(charge).toMatchObject({ offence: 'involuntary manslaughter', maximumPenalty: 'up to 18 months in prison', defendant: { id: 'alec-baldwin', name: 'Alec Baldwin' } });
    expect(quotes(charge)).toContain('Had he been found guilty of involuntary manslaughter, the actor could have faced up to 18 months in prison.');
    expect(nodes(c.participants).map((r: any) => r.holder.id)).toEqual(['alec-baldwin']);
    expect(c.participants.totalCount).toBe(1);
    expect(nodes(c.participants)[0].sources.totalCount).toBeGreaterThan(0);
  });

  it('was dismissed by Judge Mary Marlowe Sommer for misconduct over withheld evidence, and cannot be filed again', async () => {
    const { case: c } = await data(`{ case(id: "${CASE}") { outcome court { name }
      rulings { edges { node { judge { id name } finding disposition words time { text weekday precision } ${SOURCES} } } } } }`);
    const [ruling] = nodes(c.rulings);
    expect(ruling.judge).toEqual({ id: 'mary-marlowe-sommer', name: 'Mary Marlowe Sommer' });
    expect(ruling.finding).toMatch(/withholding of evidence was misconduct by police and prosecutors/);
    expect(ruling.disposition).toMatch(/cannot be filed again/);
    expect(ruling.words).toBe('The late discovery of this evidence during trial has impeded the effective use of evidence in such a way that it has impacted the fundamental fairness of the proceedings.');
    expect(ruling.time).toEqual({ text: 'On Friday … nearly three years after the tragic death of Halyna Hutchins', weekday: 'Friday', precision: 'YEAR' });
    expect(quotes(ruling)).toContain('As a result, the judge decided to dismiss the case, and it cannot be filed again.');
    expect(quotes(ruling).some((q: string) => q.includes(ruling.words))).toBe(true);
  });

  it('says former police officer Troy Teske delivered the live rounds to the sheriff’s office in March, and they were withheld', async () => {
    const { whoDidWhat } = await data(`{ whoDidWhat(caseId: "${CASE}", actorId: "troy-teske") { totalCount edges { node {
      action target { id } object { id } time { text month year precision iso } ${SOURCES} } } } }`);
    expect(whoDidWhat.totalCount).toBe(1);
    const act = whoDidWhat.edges[0].node;
    expect(act).toMatchObject({ target: { id: 'santa-fe-county-sheriffs-office' }, object: { id: 'live-rounds' } });
    expect(act.time).toEqual({ text: 'in March', month: 3, year: null, precision: 'MONTH', iso: '--03' });
    expect(quotes(act).join(' ')).toContain('received live rounds of ammunition in March from former police officer Troy Teske');

    const { entity: rounds } = await data(`{ entity(id: "live-rounds") { ... on Evidence {
      disclosed receivedBy { id } receivedFrom { id } withheldFrom { edges { node { id } } } received { month precision } } } }`);
    expect(rounds).toEqual({
      disclosed: false,
      receivedBy: { id: 'santa-fe-county-sheriffs-office' },
      receivedFrom: { id: 'troy-teske' },
      withheldFrom: { edges: [{ node: { id: 'baldwin-defense-team' } }] },
      received: { month: 3, precision: 'MONTH' },
    });
  });

  it('links Troy Teske to the armorer through the armorer’s stepfather', async () => {
    const { entity } = await data(`{ entity(id: "troy-teske") { relationships(types: ["FRIEND_OF"], first: 5) { edges { node { direction other { id
      relationships(types: ["STEPFATHER_OF"], direction: OUTGOING, first: 5) { edges { node { other { id name unnamed } ${SOURCES} } } } } ${SOURCES} } } } } }`);
    const [friend] = nodes(entity.relationships);
    expect(friend.other.id).toBe('the-armorers-stepfather');
    expect(quotes(friend)).toEqual(['Troy Teske, who was a friend of the armorer’s stepfather']);
    expect(nodes(friend.other.relationships)[0].other).toEqual({ id: 'the-armorer', name: 'the armorer', unnamed: true });
  });

  it('records that the gun killed cinematographer Halyna Hutchins and injured director Joel Souza on 2021-10-21', async () => {
    const hits = await Promise.all(['TARGET'].map(() => data(`{
      hutchins: entity(id: "halyna-hutchins") { acts(as: TARGET) { edges { node { action actor { id } instrument { id } time { iso precision } } } } roles { edges { node { role within { id } } } } }
      souza: entity(id: "joel-souza") { acts(as: TARGET) { edges { node { action actor { id } } } } roles { edges { node { role within { id } } } } } }`)));
    const { hutchins, souza } = hits[0]!;
    expect(nodes(hutchins.acts)).toContainEqual(expect.objectContaining({ action: 'fatally hit', actor: { id: 'the-gun' } }));
    expect(nodes(hutchins.roles)).toContainEqual({ role: 'victim', within: { id: CASE } });
    expect(nodes(hutchins.roles)).toContainEqual({ role: 'cinematographer', within: { id: 'rust-production' } });
    expect(nodes(souza.acts)).toContainEqual({ action: 'injured', actor: { id: 'the-gun' } });
    expect(nodes(souza.roles).map((r: any) => r.role)).toEqual(expect.arrayContaining(['injured_party', 'director']));

    const { timeline } = await data(`{ timeline(caseId: "${CASE}", first: 100) { edges { node { id time { iso precision approximate } } } } }`);
    const shooting = nodes(timeline).find((e: any) => e.id === 'rust-shooting');
    expect(shooting.time).toEqual({ iso: '2021-10-21', precision: 'DAY', approximate: false });
  });

  it('tells the timeline as the article orders it, each placement with its relation and quote', async () => {
    const { timeline } = await data(`{ timeline(caseId: "${CASE}", first: 100) { totalCount edges { node { id
      placedBy { relation direction order sentence inferred reason description other { id } sources { edges { node { quote } } } } } } } }`);
    const order = nodes(timeline).map((e: any) => e.id);
    expect(order).toEqual([
      'rust-rehearsal',
      'rust-shooting',
      'death-of-halyna-hutchins',
      'live-rounds-delivery',
      'baldwin-trial',
      'testimony-and-evidence-review',
      'late-discovery-of-evidence',
      'case-dismissal',
      'baldwin-embraces-wife',
      'trial-aftermath',
      'baldwin-hugs-lawyers-and-wife',
      'baldwins-leave-without-speaking',
      'da-statement',
    ]);
    const byId = Object.fromEntries(nodes(timeline).map((e: any) => [e.id, e]));
    const after = byId['case-dismissal'].placedBy.find((p: any) => p.other.id === 'death-of-halyna-hutchins');
    expect(after).toMatchObject({ relation: 'AFTER', direction: 'OUTGOING', order: 'after', description: 'nearly three years after', inferred: false });
    expect(after.sentence).toBe("Dismissal of Alec Baldwin's involuntary manslaughter case happened after Death of Halyna Hutchins.");
    expect(nodes(after.sources).map((s: any) => s.quote)).toEqual(['actor Alec Baldwin’s involuntary manslaughter trial has been dismissed by a judge, nearly three years after the tragic death of Halyna Hutchins']);
    const friday = byId['baldwin-embraces-wife'].placedBy.find((p: any) => p.other.id === 'case-dismissal');
    expect(friday).toMatchObject({ relation: 'SAME_DAY_AS', order: 'on the same day as', inferred: true });
    expect(friday.reason).toMatch(/Friday/);
    // Seen from the other end, the same relation reads the other way.
    expect(byId['death-of-halyna-hutchins'].placedBy).toContainEqual(expect.objectContaining({ relation: 'AFTER', direction: 'INCOMING', order: 'before', other: { id: 'case-dismissal' } }));
    // Every event the article leaves undated is placed by something it says.
    for (const id of order.filter((x: string) => !['rust-rehearsal', 'baldwin-trial'].includes(x))) expect(byId[id].placedBy.length, id).toBeGreaterThan(0);
    // Filters keep the same order; paging cuts the same list.
    const { timeline: page2 } = await data(`{ timeline(caseId: "${CASE}", first: 3, after: "${Buffer.from('offset:2').toString('base64url')}") { edges { node { id } } } }`);
    expect(nodes(page2).map((e: any) => e.id)).toEqual(order.slice(3, 6));
  });

  it('keeps what Baldwin claimed apart from what the court found', async () => {
    const { entity } = await data(`{ entity(id: "alec-baldwin") { claims(first: 100) { edges { node { id statement stance status ${SOURCES} } } } } }`);
    const byId = Object.fromEntries(nodes(entity.claims).map((c: any) => [c.id, c]));
    expect(byId['claim-baldwin-pulled-trigger-denied']).toMatchObject({ stance: 'DENIES', status: 'ALLEGED' });
    expect(quotes(byId['claim-baldwin-pulled-trigger-denied'])).toEqual(['Baldwin has consistently denied pulling the trigger']);
    expect(byId['claim-baldwin-only-pulled-hammer']).toMatchObject({ stance: 'ASSERTS', status: 'ALLEGED' });

    const { entity: judge } = await data(`{ entity(id: "mary-marlowe-sommer") { claims(first: 100) { edges { node { stance status } } } } }`);
    expect(judge.claims.edges.length).toBeGreaterThan(0);
    expect(nodes(judge.claims).every((c: any) => c.stance === 'FINDS' && c.status === 'ADJUDICATED')).toBe(true);
  });

  it('has the civil lawsuits by Hutchins’ family and crew members still pending against Baldwin and other producers', async () => {
    const { case: civil } = await data(`{ case(id: "civil-lawsuits") { caseType status participants(first: 100) { edges { node { role holder { id } } } } ${SOURCES} } }`);
    expect(civil).toMatchObject({ caseType: 'civil', status: 'pending' });
    const parties = nodes(civil.participants).map((p: any) => `${p.role}:${p.holder.id}`).sort();
    expect(parties).toEqual(expect.arrayContaining(['plaintiff:hutchins-family', 'plaintiff:crew-members', 'defendant:alec-baldwin', 'defendant:other-producers']));
    expect(quotes(civil)).toContain('he and other producers still face civil lawsuits from Hutchins’ family and crew members');
  });

  it('knows the people around the case, named and unnamed, and not the photographers', async () => {
    const { entity } = await data(`{ entity(id: "alec-baldwin") { ... on Person { age occupation } roles(role: "actor") { edges { node { within { name } } } } } }`);
    expect(entity.age).toBe(66);
    expect(nodes(entity.roles).map((r: any) => r.within.name)).toEqual(expect.arrayContaining(['Rust', 'The Hunt for Red October', '30 Rock']));
    const unnamed = await data(`{ entities(first: 100, kind: GROUP) { edges { node { id unnamed } } } }`);
    expect(unnamed.entities.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(['baldwin-defense-team', 'prosecutors', 'hutchins-family', 'crew-members']));
    for (const name of ['Getty', 'Franklin', 'Ramsay']) {
      const { search } = await data(`query($q: String!) { search(query: $q) { totalCount edges { node { entity { id } } } } }`, { q: name });
      expect(search, name).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it('quotes every source exactly at its offsets, for every entity and relationship of the case', async () => {
    const texts = new Map<string, string[]>();
    const textOf = async (id: string) => {
      if (!texts.has(id)) {
        const { document } = await data(`query($id: ID!) { document(id: $id) { text length } }`, { id });
        texts.set(id, Array.from(document.text as string));
        expect(texts.get(id)!.length).toBe(document.length);
      }
      return texts.get(id)!;
    };
    // The case's entities first, then each one's sources and relationships: one query for all
    // of it would ask for more than the query cost limit lets a client ask at once.
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const { entities }: any = await data(`query($after: String) { entities(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id mentionedIn(first: 100) { edges { node { id } } } } } } }`, { after });
      ids.push(...nodes(entities).filter((node: any) => nodes(node.mentionedIn).some((c: any) => c.id === CASE)).map((node: any) => node.id));
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    expect(ids.length).toBeGreaterThan(80);
    let checked = 0;
    for (const id of ids) {
      const { entity: node }: any = await data(`query($id: ID!) { entity(id: $id) { id kind sources(first: 100) { totalCount edges { node { quote start end document { id } } } }
        relationships(direction: OUTGOING, first: 50) { totalCount edges { node { type case { id } ${SOURCES} } } } } }`, { id });
      expect(node.relationships.edges.length, `${node.id}: more relationships than one page`).toBe(node.relationships.totalCount);
      const own = node.kind === 'SOURCE_DOCUMENT' ? [] : [node.sources];
      const rels = nodes(node.relationships).filter((r: any) => r.case?.id === CASE).map((r: any) => r.sources);
      for (const connection of [...own, ...rels]) {
        const sources = nodes(connection);
        expect(sources.length, `${node.id} has no source`).toBeGreaterThan(0);
        expect(sources.length).toBe(connection.totalCount);
        for (const s of sources) {
          expect((await textOf(s.document.id)).slice(s.start, s.end).join('')).toBe(s.quote);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

});
