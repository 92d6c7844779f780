import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';

/** Imports racing each other on one new case, and what a delete reports. */
const IMPORT = 'mutation($file: String!, $replace: Boolean) { importCase(file: $file, replace: $replace) { caseId applied existed changed totals { created updated unchanged removed } } }';
const DELETE = 'mutation($id: ID!) { deleteCase(id: $id) { caseId removedNodes removedRelationships removedPassages } }';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.executor.write({ text: 'MATCH (n) WHERE n.id STARTS WITH "chaos-imp" OR n.caseId STARTS WITH "chaos-imp" DETACH DELETE n' });
  await api?.close();
});

describe('concurrent imports of one new case', () => {
  it('eight identical imports at once: exactly one reports it created, the others find it unchanged; one copy in the graph', async () => {
    const prefix = 'chaos-imp-same';
    expect((await api.gql(IMPORT, { file: syntheticJudgeFile(prefix) }, WRITE)).errors).toBeUndefined();
    const file = syntheticCaseFile(prefix, 1);
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.gql(IMPORT, { file }, WRITE)));
    for (const answer of answers) expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const reports = answers.map((answer) => answer.data.importCase);
    const created = reports.filter((report) => report.totals.created > 0);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ applied: true, existed: false });
    for (const report of reports.filter((r) => r !== created[0])) expect(report).toMatchObject({ applied: false, existed: true, changed: false, totals: { created: 0, updated: 0, removed: 0 } });
    const [count] = await api.executor.read<{ n: number }>({ text: 'MATCH (c:Case {id: $id}) RETURN count(c) AS n', params: { id: `${prefix}-1-case` } });
    expect(count!.n).toBe(1);
  });

  it('conflicting imports of one new case at once: one creates it, the other is refused as CONFLICT (not silently merged)', async () => {
    const prefix = 'chaos-imp-clash';
    expect((await api.gql(IMPORT, { file: syntheticJudgeFile(prefix) }, WRITE)).errors).toBeUndefined();
    const first = syntheticCaseFile(prefix, 1);
    const second = first.replace(/caption: .*/, 'caption: A different caption for the same case');
    expect(second).not.toBe(first);
    const answers = await Promise.all([api.gql(IMPORT, { file: first }, WRITE), api.gql(IMPORT, { file: second }, WRITE)]);
    const created = answers.filter((answer) => answer.data?.importCase?.totals.created > 0);
    const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(created, JSON.stringify(answers)).toHaveLength(1);
    expect(refused, JSON.stringify(answers)).toHaveLength(1);
  });
});

describe('deleteCase', () => {
  it('reports the passages it removed, as many as the graph lost', async () => {
    const prefix = 'chaos-imp-delete';
    expect((await api.gql(IMPORT, { file: syntheticJudgeFile(prefix) }, WRITE)).errors).toBeUndefined();
    expect((await api.gql(IMPORT, { file: syntheticCaseFile(prefix, 1) }, WRITE)).errors).toBeUndefined();
    const passages = async () => (await api.executor.read<{ n: number }>({ text: 'MATCH (p:Passage) WHERE p.id STARTS WITH $prefix RETURN count(p) AS n', params: { prefix } }))[0]!.n;
    const before = await passages();
    const { data, errors } = await api.gql(DELETE, { id: `${prefix}-1-case` }, WRITE);
    expect(errors).toBeUndefined();
    const lost = before - (await passages());
    expect(lost).toBeGreaterThan(0);
    expect(data.deleteCase.removedPassages).toBe(lost);
  });
});
