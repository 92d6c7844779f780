import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

const CASE = 'baldwin-involuntary-manslaughter-case';
const SOURCES = 'sources { quote start end document { id title } }';
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

const quotes = (node: { sources: { quote: string }[] }) => node.sources.map((s) => s.quote);

describe('the Baldwin case, as the article tells it', () => {
  it('charged Alec Baldwin with involuntary manslaughter, up to 18 months in prison', async () => {
    const { case: c } = await data(`{ case(id: "${CASE}") { caption caseType status
      charges { offence maximumPenalty defendant { id name } ${SOURCES} }
      participants(role: "defendant") { holder { id } ${SOURCES} } } }`);
    expect(c).toMatchObject({ caption: "Alec Baldwin's involuntary manslaughter case", caseType: 'criminal', status: 'dismissed' });
    expect(c.charges).toHaveLength(1);
    expect(c.charges[0]).toMatchObject({ offence: 'involuntary manslaughter', maximumPenalty: 'up to 18 months in prison', defendant: { id: 'alec-baldwin', name: 'Alec Baldwin' } });
    expect(quotes(c.charges[0])).toContain('Had he been found guilty of involuntary manslaughter, the actor could have faced up to 18 months in prison.');
    expect(c.participants.map((r: any) => r.holder.id)).toEqual(['alec-baldwin']);
    expect(c.participants[0].sources.length).toBeGreaterThan(0);
  });

  it('was dismissed by Judge Mary Marlowe Sommer for misconduct over withheld evidence, and cannot be filed again', async () => {
    const { case: c } = await data(`{ case(id: "${CASE}") { outcome court { name }
      rulings { judge { id name } finding disposition words time { text weekday precision } ${SOURCES} } } }`);
    const [ruling] = c.rulings;
    expect(ruling.judge).toEqual({ id: 'mary-marlowe-sommer', name: 'Mary Marlowe Sommer' });
    expect(ruling.finding).toMatch(/withholding of evidence was misconduct by police and prosecutors/);
    expect(ruling.disposition).toMatch(/cannot be filed again/);
    expect(ruling.words).toBe('The late discovery of this evidence during trial has impeded the effective use of evidence in such a way that it has impacted the fundamental fairness of the proceedings.');
    expect(ruling.time).toEqual({ text: 'On Friday', weekday: 'Friday', precision: 'WEEKDAY' });
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
      disclosed receivedBy { id } receivedFrom { id } withheldFrom { id } received { month precision } } } }`);
    expect(rounds).toEqual({
      disclosed: false,
      receivedBy: { id: 'santa-fe-county-sheriffs-office' },
      receivedFrom: { id: 'troy-teske' },
      withheldFrom: [{ id: 'baldwin-defense-team' }],
      received: { month: 3, precision: 'MONTH' },
    });
  });

  it('links Troy Teske to the armorer through the armorer’s stepfather', async () => {
    const { entity } = await data(`{ entity(id: "troy-teske") { relationships(types: ["FRIEND_OF"]) { direction other { id
      relationships(types: ["STEPFATHER_OF"], direction: OUTGOING) { other { id name unnamed } ${SOURCES} } } ${SOURCES} } } }`);
    const [friend] = entity.relationships;
    expect(friend.other.id).toBe('the-armorers-stepfather');
    expect(quotes(friend)).toEqual(['Troy Teske, who was a friend of the armorer’s stepfather']);
    expect(friend.other.relationships[0].other).toEqual({ id: 'the-armorer', name: 'the armorer', unnamed: true });
  });

  it('records that the gun killed cinematographer Halyna Hutchins and injured director Joel Souza on 2021-10-21', async () => {
    const hits = await Promise.all(['TARGET'].map(() => data(`{
      hutchins: entity(id: "halyna-hutchins") { acts(as: TARGET) { action actor { id } instrument { id } time { iso precision } } roles { role within { id } } }
      souza: entity(id: "joel-souza") { acts(as: TARGET) { action actor { id } } roles { role within { id } } } }`)));
    const { hutchins, souza } = hits[0]!;
    expect(hutchins.acts).toContainEqual(expect.objectContaining({ action: 'fatally hit', actor: { id: 'the-gun' } }));
    expect(hutchins.roles).toContainEqual({ role: 'victim', within: { id: CASE } });
    expect(hutchins.roles).toContainEqual({ role: 'cinematographer', within: { id: 'rust-production' } });
    expect(souza.acts).toContainEqual({ action: 'injured', actor: { id: 'the-gun' } });
    expect(souza.roles.map((r: any) => r.role)).toEqual(expect.arrayContaining(['injured_party', 'director']));

    const { timeline } = await data(`{ timeline(caseId: "${CASE}") { id time { iso precision approximate } } }`);
    const shooting = timeline.find((e: any) => e.id === 'rust-shooting');
    expect(shooting.time).toEqual({ iso: '2021-10-21', precision: 'DAY', approximate: false });
  });

  it('keeps what Baldwin claimed apart from what the court found', async () => {
    const { entity } = await data(`{ entity(id: "alec-baldwin") { claims { id statement stance status ${SOURCES} } } }`);
    const byId = Object.fromEntries(entity.claims.map((c: any) => [c.id, c]));
    expect(byId['claim-baldwin-pulled-trigger-denied']).toMatchObject({ stance: 'DENIES', status: 'ALLEGED' });
    expect(quotes(byId['claim-baldwin-pulled-trigger-denied'])).toEqual(['Baldwin has consistently denied pulling the trigger']);
    expect(byId['claim-baldwin-only-pulled-hammer']).toMatchObject({ stance: 'ASSERTS', status: 'ALLEGED' });

    const { entity: judge } = await data(`{ entity(id: "mary-marlowe-sommer") { claims { stance status } } }`);
    expect(judge.claims.length).toBeGreaterThan(0);
    expect(judge.claims.every((c: any) => c.stance === 'FINDS' && c.status === 'ADJUDICATED')).toBe(true);
  });

  it('has the civil lawsuits by Hutchins’ family and crew members still pending against Baldwin and other producers', async () => {
    const { case: civil } = await data(`{ case(id: "civil-lawsuits") { caseType status participants { role holder { id } } ${SOURCES} } }`);
    expect(civil).toMatchObject({ caseType: 'civil', status: 'pending' });
    const parties = civil.participants.map((p: any) => `${p.role}:${p.holder.id}`).sort();
    expect(parties).toEqual(expect.arrayContaining(['plaintiff:hutchins-family', 'plaintiff:crew-members', 'defendant:alec-baldwin', 'defendant:other-producers']));
    expect(quotes(civil)).toContain('he and other producers still face civil lawsuits from Hutchins’ family and crew members');
  });

  it('knows the people around the case, named and unnamed, and not the photographers', async () => {
    const { entity } = await data(`{ entity(id: "alec-baldwin") { ... on Person { age occupation } roles(role: "actor") { within { name } } } }`);
    expect(entity.age).toBe(66);
    expect(entity.roles.map((r: any) => r.within.name)).toEqual(expect.arrayContaining(['Rust', 'The Hunt for Red October', '30 Rock']));
    const unnamed = await data(`{ entities(first: 100, kind: GROUP) { edges { node { id unnamed } } } }`);
    expect(unnamed.entities.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(['baldwin-defense-team', 'prosecutors', 'hutchins-family', 'crew-members']));
    for (const name of ['Getty', 'Franklin', 'Ramsay']) {
      const { search } = await data(`query($q: String!) { search(query: $q) { entity { id } } }`, { q: name });
      expect(search, name).toEqual([]);
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
    let checked = 0;
    let after: string | null = null;
    do {
      const { entities }: any = await data(`query($after: String) { entities(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id kind cases { id } ${SOURCES} relationships(direction: OUTGOING) { type case { id } ${SOURCES} } } } } }`, { after });
      for (const { node } of entities.edges) {
        if (!node.cases.some((c: any) => c.id === CASE)) continue;
        const own = node.kind === 'SOURCE_DOCUMENT' ? [] : [node.sources];
        const rels = node.relationships.filter((r: any) => r.case?.id === CASE).map((r: any) => r.sources);
        for (const sources of [...own, ...rels]) {
          expect(sources.length, `${node.id} has no source`).toBeGreaterThan(0);
          for (const s of sources) {
            expect((await textOf(s.document.id)).slice(s.start, s.end).join('')).toBe(s.quote);
            checked += 1;
          }
        }
      }
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    expect(checked).toBeGreaterThan(300);
  });

});
