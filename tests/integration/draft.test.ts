import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';

/**
 * draftCase through GraphQL against the real Neo4j: a draft of a fictional article, its items at
 * code-point offsets, loaded unchanged with importCase, its quotes then served at their offsets;
 * bad input answered with a reason and no draft. Ids are this file's own (fictional names).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const ARTICLE = `Jury convicts Harwick clerk of embezzlement

A jury convicted Osric Pellham of embezzlement on Tuesday. Judge Wynne Calloway sentenced Pellham to three years in prison.
District Attorney Fenna Oakes said the verdict was just. Defense attorney Bram Tolliver, who represents Pellham, said he would appeal.
Pellham was arrested in March 2023 after the audit.`;

const DRAFT = `query Draft($text: String!, $published: String) {
  draftCase(text: $text, published: $published) {
    caseId yaml json
    items { kind label start end inferred reason ref }
    report { extractor refused dropped notes counts { kind count } milliseconds }
  }
}`;

describe('draftCase', () => {
  it('drafts a case that importCase loads unchanged, with every quote at its offsets in the graph', async () => {
    const { data, errors } = await api.gql(DRAFT, { text: ARTICLE, published: '2024-02-15' });
    expect(errors).toBeUndefined();
    const draft = data.draftCase;
    expect(draft.report.refused).toBeNull();
    expect(draft.report.extractor).toBe('offline');
    expect(draft.caseId).toBe('case-osric-pellham');
    const people = draft.items.filter((i: { kind: string }) => i.kind === 'person').map((i: { label: string }) => i.label);
    expect(people).toEqual(expect.arrayContaining(['Osric Pellham (defendant)', 'Wynne Calloway (judge)', 'Fenna Oakes (district attorney)', 'Bram Tolliver (defence counsel)']));
    const points = Array.from(ARTICLE);
    for (const item of draft.items) expect(points.slice(item.start, item.end).join('').length).toBeGreaterThan(0);
    const friday = draft.items.find((i: { kind: string; label: string }) => i.kind === 'date' && i.label.includes('Tuesday'));
    expect(friday).toMatchObject({ inferred: true, label: expect.stringContaining('2024-02-13') });

    const loaded = await api.gql(`mutation($file: String!) { importCase(file: $file) { caseId applied } }`, { file: draft.yaml }, WRITE);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data.importCase).toEqual({ caseId: 'case-osric-pellham', applied: true });
    const again = await api.gql(`mutation($file: String!) { importCase(file: $file, format: JSON, dryRun: true) { changed } }`, { file: draft.json }, WRITE);
    expect(again.data.importCase.changed).toBe(false);

    const { data: read } = await api.gql(`{ case(id: "case-osric-pellham") { status caseType
      participants(first: 10) { edges { node { role holder { name } sources(first: 1) { edges { node { quote start end document { text } } } } } } }
      charges(first: 5) { edges { node { offence } } } } }`);
    expect(read.case).toMatchObject({ status: 'sentenced', caseType: 'criminal' });
    expect(read.case.charges.edges.map((e: { node: { offence: string } }) => e.node.offence)).toEqual(['embezzlement']);
    const roles = read.case.participants.edges.map((e: { node: { role: string; holder: { name: string } } }) => `${e.node.holder.name}: ${e.node.role}`);
    expect(roles).toEqual(expect.arrayContaining(['Osric Pellham: defendant', 'Wynne Calloway: judge', 'Fenna Oakes: district_attorney', 'Bram Tolliver: defence_counsel']));
    for (const edge of read.case.participants.edges) {
      const s = edge.node.sources.edges[0].node;
      expect(Array.from(s.document.text as string).slice(s.start, s.end).join('')).toBe(s.quote);
    }
    await api.gql(`mutation { deleteCase(id: "case-osric-pellham") { caseId } }`, {}, WRITE);
  });

  it('takes no id the graph holds for another kind, so the draft loads in that graph', async () => {
    const org = `formatVersion: 2
documents: [{ id: doc-marlo-keats-org, title: t, text: "Marlo Keats is a shop." }]
case: { id: case-marlo-keats-org, caption: c, status: open, sources: [{ quote: "Marlo Keats is a shop." }] }
entities: [{ id: marlo-keats, kind: Organization, name: Marlo Keats, sources: [{ quote: "Marlo Keats" }] }]
`;
    expect((await api.gql(`mutation($file: String!) { importCase(file: $file) { applied } }`, { file: org }, WRITE)).errors).toBeUndefined();
    const { data } = await api.gql(DRAFT, { text: 'A jury convicted Marlo Keats of arson on Monday. Judge Ivo Strand sentenced Keats to a year in prison.', published: '2024-04-03' });
    const draft = data.draftCase;
    const person = draft.items.find((i: { kind: string; label: string }) => i.kind === 'person' && i.label.startsWith('Marlo Keats'));
    expect(person.ref).toBe('marlo-keats-2');
    const loaded = await api.gql(`mutation($file: String!) { importCase(file: $file) { caseId applied } }`, { file: draft.yaml }, WRITE);
    expect(loaded.errors).toBeUndefined();
    const { data: read } = await api.gql(`{ entity(id: "marlo-keats-2") { __typename name } other: entity(id: "marlo-keats") { __typename } }`);
    expect(read).toEqual({ entity: { __typename: 'Person', name: 'Marlo Keats' }, other: { __typename: 'Organization' } });
    await api.gql(`mutation { a: deleteCase(id: "${draft.caseId}") { caseId } b: deleteCase(id: "case-marlo-keats-org") { caseId } }`, {}, WRITE);
  });

  it('answers bad input with the reason and no draft', async () => {
    const { data, errors } = await api.gql(DRAFT, { text: 'Le tribunal a condamné le prévenu à deux ans de prison ferme pour des faits de fraude fiscale dans la région.' });
    expect(errors).toBeUndefined();
    expect(data.draftCase).toMatchObject({ yaml: null, json: null, caseId: null, items: [] });
    expect(data.draftCase.report.refused).toMatch(/English/);
  });

  it('refuses an unknown date and an article over the limit, naming the argument', async () => {
    const bad = await api.gql(DRAFT, { text: ARTICLE, published: 'last week' });
    expect(bad.data.draftCase.report.refused).toMatch(/not YYYY/);
    const long = await api.gql(DRAFT, { text: 'x'.repeat(200_001) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });

  it('says the LLM extractor is not configured rather than falling back', async () => {
    const { errors } = await api.gql(`{ draftCase(text: "x", extractor: LLM) { yaml } }`);
    expect(errors?.[0]?.message).toMatch(/not configured.*DRAFT_LLM_URL/);
  });
});
