import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';
import { post } from '../support/http.js';

/** Queries as an analyst writes them at first: no `first:`, guessed role names and ids. Seed data only, read only. */
const CASE = 'baldwin-involuntary-manslaughter-case';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

describe('queries as analysts write them', () => {
  it('run a plain query three lists deep without `first:` under the default limits', async () => {
    const plain = `{ cases { edges { node { id caption status participants { edges { node { role holder {
      id name kind roles { edges { node { role within { id name kind } } } } } } } } } } } }`;
    const { status, body } = await post(api.url, { query: plain });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    expect(nodes<any>(body.data.cases).length).toBeGreaterThan(0);
    // Other files' cases may fill the first page: the same three levels under the seed case.
    const one = await post(api.url, { query: `{ case(id: "${CASE}") { id caption status participants { edges { node { role holder {
      id name kind roles { edges { node { role within { id name kind } } } } } } } } } }` });
    expect(one.body.errors, JSON.stringify(one.body.errors)).toBeUndefined();
    const baldwin = one.body.data.case;
    const defendant = nodes<any>(baldwin.participants).find((p) => p.role === 'defendant');
    expect(defendant.holder.name).toBe('Alec Baldwin');
    expect(nodes<any>(defendant.holder.roles).map((r) => r.within.name)).toContain('Rust');
  });

  it('refuse a fourth level at the defaults, naming the list and the `first:` that fixes it', async () => {
    const deep = `{ cases { edges { node { participants { edges { node { holder { roles { edges { node {
      sources { edges { node { quote start end } } } } } } } } } } } } } }`;
    const refused = await post(api.url, { query: deep });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', costliestList: 'cases.participants.holder.roles.sources' });
    const suggested = /`sources\(first: (\d+)\)`/.exec(refused.body.errors[0].message)![1];
    const fixed = await post(api.url, { query: deep.replace('sources {', `sources(first: ${suggested}) {`) });
    expect(fixed.body.errors).toBeUndefined();
  });

  it("list a case's people and things with entities(caseId:)", async () => {
    const { data, errors } = await api.gql(`{ people: entities(caseId: "${CASE}", kind: PERSON, first: 100) { totalCount edges { node { id } } }
      all: entities(caseId: "${CASE}", first: 100) { totalCount } everything: entities { totalCount } }`);
    expect(errors).toBeUndefined();
    const people = nodes<any>(data.people).map((p) => p.id);
    expect(people).toEqual(expect.arrayContaining(['alec-baldwin', 'halyna-hutchins', 'joel-souza', 'mary-marlowe-sommer']));
    expect(data.people.totalCount).toBe(people.length);
    expect(data.all.totalCount).toBeGreaterThan(data.people.totalCount);
    expect(data.everything.totalCount).toBeGreaterThanOrEqual(data.all.totalCount);
    const missing = await api.gql(`{ entities(caseId: "alec-baldwin") { totalCount } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'alec-baldwin' });
  });

  it('use one notion of "in the case" for entities(caseId:), Entity.cases and sharedBetween, and a separate one for mentions', async () => {
    const CIVIL = 'civil-lawsuits';
    const { data, errors } = await api.gql<any>(`{ criminal: entities(caseId: "${CASE}", first: 100) { totalCount edges { node { id cases(first: 20) { edges { node { id } } } } } }
      civil: entities(caseId: "${CIVIL}", first: 100) { edges { node { id } } }
      shared: sharedBetween(caseId: "${CASE}", otherCaseId: "${CIVIL}", first: 100) { edges { node { id } } }
      mentioned: entitiesMentioned(caseId: "${CASE}", first: 100) { totalCount edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    const criminal = nodes<any>(data.criminal);
    // Every entity of the case lists the case among its cases.
    for (const e of criminal) expect(nodes<any>(e.cases).map((c) => c.id), e.id).toContain(CASE);
    const inCriminal = new Set(criminal.map((e) => e.id));
    const inCivil = new Set(nodes<any>(data.civil).map((e) => e.id));
    // What the two cases share is exactly what is in both.
    expect(nodes<any>(data.shared).map((e) => e.id).sort()).toEqual([...inCriminal].filter((id) => inCivil.has(id)).sort());
    // The civil plaintiffs are mentioned in the criminal case's article, not in the criminal case.
    const mentioned = nodes<any>(data.mentioned).map((e) => e.id);
    for (const id of ['hutchins-family', 'crew-members']) {
      expect(mentioned).toContain(id);
      expect(inCriminal.has(id)).toBe(false);
      expect(inCivil.has(id)).toBe(true);
    }
    expect(inCriminal.has('alec-baldwin') && inCivil.has('alec-baldwin')).toBe(true);
    expect(data.mentioned.totalCount).toBeGreaterThan(data.criminal.totalCount);
  });

  it('match role names whatever their case, separators or spelling', async () => {
    const counsel = async (role: string) => {
      const { data, errors } = await api.gql(`query($role: String) { case(id: "${CASE}") { participants(role: $role) { edges { node { role holder { id } } } } } }`, { role });
      expect(errors).toBeUndefined();
      return nodes<any>(data.case.participants);
    };
    const stored = await counsel('defence_counsel');
    expect(stored.length).toBeGreaterThan(0);
    for (const guess of ['defense_counsel', 'Defense counsel', 'DEFENCE-COUNSEL']) expect(await counsel(guess), guess).toEqual(stored);
    expect(await counsel('Judge')).toEqual([expect.objectContaining({ role: 'judge', holder: { id: 'mary-marlowe-sommer' } })]);
    expect(await counsel('astronaut')).toEqual([]);
  });

  it('suggest the nearest ids in a NOT_FOUND', async () => {
    const person = await api.gql(`{ entity(id: "alec-baldwn") { id } }`);
    expect(person.errors?.[0]).toMatchObject({
      message: 'No entity with id "alec-baldwn". Did you mean "alec-baldwin"?',
      extensions: { code: 'NOT_FOUND', id: 'alec-baldwn', suggestions: ['alec-baldwin'] },
    });
    const guessed = await api.gql(`{ timeline(caseId: "baldwin-case") { totalCount } }`);
    expect(guessed.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: [CASE] });
    expect(guessed.errors?.[0]?.path).toEqual(['timeline']);
    const far = await api.gql(`{ entity(id: "zzz-nothing-like-it") { id } }`);
    expect(far.errors?.[0]?.message).toBe('No entity with id "zzz-nothing-like-it".');
    expect(far.errors?.[0]?.extensions?.suggestions).toBeUndefined();
  });
});
