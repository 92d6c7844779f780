import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

/** Errors that help and cost only their field; answers in the order asked. On the seed. */
const CASE = 'baldwin-involuntary-manslaughter-case';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

describe('an invalid argument costs only its own field', () => {
  it('keeps the other root fields when one has a bad page size', async () => {
    const { data, errors } = await api.gql<any>(`{ cases(first: 5000) { totalCount } case(id: "${CASE}") { caption } ok }`);
    expect(data.cases).toBeNull();
    expect(data.case.caption).toBe("Alec Baldwin's involuntary manslaughter case");
    expect(data.ok).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['cases'], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  });

  it('keeps the rest of the object when a nested list has a misspelt role, and suggests the nearest', async () => {
    const { data, errors } = await api.gql<any>(`{ case(id: "${CASE}") { caption participants(role: "prosecuter") { totalCount } judges: participants(role: "judge") { totalCount } } }`);
    expect(data.case.caption).toBe("Alec Baldwin's involuntary manslaughter case");
    expect(data.case.participants).toBeNull();
    expect(data.case.judges.totalCount).toBe(1);
    expect(errors![0]).toMatchObject({ path: ['case', 'participants'], extensions: { code: 'BAD_USER_INPUT', argument: 'role', suggestions: ['prosecutor'] } });
    expect(errors![0]!.message).toContain('did you mean "prosecutor"');
  });

  it('suggests the nearest enum values for a typo graphql-js finds too far', async () => {
    const stance = await api.gql<any>(`{ contestedClaims(caseId: "${CASE}") { edges { node { claim { statement } } } } case(id: "${CASE}") { caseClaims(stance: DENY) { totalCount } } }`);
    expect(stance.errors![0]!.message).toContain('Did you mean "DENIES"');
    expect(stance.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', suggestions: ['DENIES'] });
    const kind = await api.gql<any>(`{ entities(kind: PEOPLE) { totalCount } }`);
    expect(kind.errors![0]!.message).toMatch(/Did you mean "PERSON"/);
    expect(kind.errors![0]!.message).toContain('EntityKind takes');
  });
});

describe('search syntax', () => {
  const total = async (query: string) => {
    const { data, errors } = await api.gql<any>(`query($q: String!) { search(query: $q, first: 100) { totalCount edges { node { entity { id } } } } }`, { q: query });
    expect(errors, query).toBeUndefined();
    return data.search;
  };

  it('requires every word by default, and takes OR, NOT, -word and phrases', async () => {
    const both = await total('Baldwin AND Hutchins');
    const plain = await total('Baldwin Hutchins');
    const either = await total('Baldwin OR Hutchins');
    const armorer = await total('Baldwin');
    expect(both.totalCount).toBe(plain.totalCount);
    expect(both.totalCount).toBeGreaterThan(0);
    expect(both.totalCount).toBeLessThanOrEqual(armorer.totalCount);
    expect(either.totalCount).toBeGreaterThanOrEqual(armorer.totalCount);
    expect(both.totalCount).toBeLessThan(either.totalCount);
    const teske = await total('Teske');
    expect((await total('Teske the')).totalCount).toBeLessThanOrEqual(teske.totalCount);
    const without = await total('Baldwin -Hutchins');
    expect(without.totalCount).toBe(armorer.totalCount - both.totalCount);
    expect((await total('Baldwin NOT Hutchins')).totalCount).toBe(without.totalCount);
    const phrase = await total('"live rounds"');
    expect(phrase.totalCount).toBeGreaterThan(0);
    expect(phrase.totalCount).toBeLessThanOrEqual((await total('live rounds')).totalCount);
    const none = await api.gql<any>(`{ search(query: "-Baldwin") { totalCount } ok }`);
    expect(none.data.search).toBeNull();
    expect(none.data.ok).toBe(true);
    expect(none.errors![0]!.message).toContain('an exclusion alone finds nothing');
  });
});

describe('the answer keeps the order asked', () => {
  it('puts top-level keys in selection order whichever root field finishes first, every time', async () => {
    const fields = Array.from({ length: 14 }, (_, i) =>
      i % 2 === 0
        ? `k${i}: neighborhood(id: "alec-baldwin", depth: 2, limit: 150) { truncated }`
        : `k${i}: case(id: "${CASE}") { caption }`,
    );
    for (let round = 0; round < 8; round += 1) {
      const order = round % 2 === 0 ? fields : [...fields].reverse();
      const { data, errors } = await api.gql<any>(`{ ${order.join(' ')} }`);
      expect(errors).toBeUndefined();
      expect(Object.keys(data)).toEqual(order.map((f) => f.slice(0, f.indexOf(':'))));
    }
  });
});
