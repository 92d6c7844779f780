import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';

const IMPORT = `mutation($file: String!, $dryRun: Boolean, $replace: Boolean) {
  importCase(file: $file, dryRun: $dryRun, replace: $replace) {
    caseId dryRun applied existed changed totals { created updated unchanged removed }
    nodes { kind changes { created updated unchanged removed } }
  }
}`;
let api: TestApi;
/** The shared-judge fixture under ids of its own, so this file owns its data. */
const fixture = readFileSync('tests/fixtures/shared-judge/fixture-a.case.yaml', 'utf8')
  .replace(/fixture-a\b/g, 'fixture-import')
  .replace(/fixture-(alpha|beta|fence)/g, 'fixture-import-$1');

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

describe('importCase and deleteCase', () => {
  it('need the write token: 401 without one, 403 with a wrong one, and nothing is written', async () => {
    const anonymous = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: IMPORT, variables: { file: fixture } }) });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await api.gql(IMPORT, { file: fixture }, { authorization: 'Bearer nope' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countById(api.executor, 'fixture-import-case')).toBe(0);
  });

  it('report on a dry run, load, refuse to change without replace, replace, then delete', async () => {
    const dry = await api.gql(IMPORT, { file: fixture, dryRun: true }, WRITE);
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importCase).toMatchObject({ caseId: 'fixture-import-case', dryRun: true, applied: false, existed: false, changed: true });
    expect(dry.data.importCase.nodes).toContainEqual({ kind: 'Person', changes: { created: 2, updated: 0, unchanged: 0, removed: 0 } });
    expect(await countById(api.executor, 'fixture-import-case')).toBe(0);

    const first = await api.gql(IMPORT, { file: fixture }, WRITE);
    expect(first.data.importCase).toMatchObject({ applied: true, existed: false });
    const loaded = await caseFingerprint(api.executor, 'fixture-import-case');

    const again = await api.gql(IMPORT, { file: fixture }, WRITE);
    expect(again.data.importCase).toMatchObject({ applied: false, existed: true, changed: false, totals: { created: 0, updated: 0, removed: 0 } });
    expect(await caseFingerprint(api.executor, 'fixture-import-case')).toEqual(loaded);

    const edited = fixture.replace('action: climbed', 'action: jumped over');
    const refused = await api.gql(IMPORT, { file: edited }, WRITE);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', report: { totals: { updated: 1 } } });
    expect(await caseFingerprint(api.executor, 'fixture-import-case')).toEqual(loaded);

    const replaced = await api.gql(IMPORT, { file: edited, replace: true }, WRITE);
    expect(replaced.data.importCase).toMatchObject({ applied: true, changed: true, totals: { updated: 1 } });
    const act = await api.gql(`{ entity(id: "fixture-import-climbed") { ... on Act { action } } }`);
    expect(act.data.entity.action).toBe('jumped over');

    const shared = await api.gql(`{ sharedEntities(first: 100) { edges { node { id cases(first: 100) { edges { node { id } } } } } } }`);
    const judge = shared.data.sharedEntities.edges.find((e: any) => e.node.id === 'mary-marlowe-sommer');
    expect(judge.node.cases.edges.map((c: any) => c.node.id)).toEqual(expect.arrayContaining(['baldwin-involuntary-manslaughter-case', 'fixture-import-case']));

    const deleted = await api.gql(`mutation { deleteCase(id: "fixture-import-case") { caseId removedNodes removedRelationships } }`, {}, WRITE);
    expect(deleted.data.deleteCase.removedNodes).toBeGreaterThan(3);
    expect(await caseFingerprint(api.executor, 'fixture-import-case')).toEqual([]);
    expect(await countById(api.executor, 'mary-marlowe-sommer')).toBe(1);
    const gone = await api.gql(`mutation { deleteCase(id: "fixture-import-case") { caseId } }`, {}, WRITE);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('returns every problem of a broken file with line, column and field path', async () => {
    const broken = fixture.replace('actor: fixture-import-alpha', 'actor: fixture-import-alfa').replace('date: "2020-05-04"', 'date: "2020-02-30"');
    const { errors } = await api.gql(IMPORT, { file: broken }, WRITE);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = errors![0]!.extensions!.problems as { path: string; line: number }[];
    expect(problems.map((p) => p.path).sort()).toEqual(['acts[0].actor', 'acts[0].time.date']);
    expect(problems.every((p) => p.line > 0)).toBe(true);
    expect(await countById(api.executor, 'fixture-import-case')).toBe(0);
  });
});
