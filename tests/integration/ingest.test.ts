import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFile, prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { CaseFileError } from '../../src/ingest/casefile/problems.js';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { importPlan } from '../../src/ingest/write/import.js';
import { createLogger } from '../../src/shared/logger.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';
import { nodes } from '../support/connections.js';

const SEED_CASE = 'baldwin-involuntary-manslaughter-case';
const FIXTURE = path.resolve('tests/fixtures/shared-judge/fixture-a.case.yaml');
let api: TestApi;
let scratch: string;

/** Writes an edited copy of a fixture into a scratch folder and returns its path. */
function edited(name: string, edit: (text: string) => string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, edit(readFileSync(FIXTURE, 'utf8')));
  return file;
}

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-ingest-'));
  await loadSeeds(api.executor, createLogger('silent'));
});
afterAll(() => api?.close());

describe('loading case files', () => {
  it('changes nothing when the seed is loaded again', async () => {
    const before = await caseFingerprint(api.executor, SEED_CASE);
    const summary = await loadCaseFile(api.executor, path.resolve('seeds/baldwin-rust.case.yaml'));
    expect(summary).toMatchObject({ caseId: SEED_CASE, nodes: 82, removedNodes: 0, removedRelationships: 0 });
    expect(await caseFingerprint(api.executor, SEED_CASE)).toEqual(before);
    // Start-up loads the seeds again; a seed whose files have not changed since is skipped.
    await loadSeeds(api.executor, createLogger('silent'));
    const [again] = await loadSeeds(api.executor, createLogger('silent'));
    expect(again).toEqual({ file: 'baldwin-rust.case.yaml', summary: null });
    expect(await caseFingerprint(api.executor, SEED_CASE)).toEqual(before);
    expect(before.length).toBeGreaterThan(300);
    expect(await countById(api.executor, 'alec-baldwin')).toBe(1);
  });

  it('links a second case to the same judge node, and removes what an edited file no longer states', async () => {
    await loadCaseFile(api.executor, FIXTURE);
    const { data } = await api.gql(`{ entity(id: "mary-marlowe-sommer") { cases(first: 100) { edges { node { id } } } roles(role: "judge", first: 100) { edges { node { within { id } } } } } }`);
    // Other test files link their own fixtures to the same judge; look only at the cases this test owns.
    const mine = (ids: string[]) => ids.filter((id) => id === 'baldwin-involuntary-manslaughter-case' || id === 'fixture-a-case').sort();
    expect(mine(nodes(data.entity.cases).map((c: any) => c.id))).toEqual(['baldwin-involuntary-manslaughter-case', 'fixture-a-case']);
    expect(mine(nodes(data.entity.roles).map((r: any) => r.within.id))).toEqual(['baldwin-involuntary-manslaughter-case', 'fixture-a-case']);
    expect(await countById(api.executor, 'mary-marlowe-sommer')).toBe(1);

    // Drop the prosecutor, the act that needs him and the judge's role from the file.
    const smaller = edited('fixture-a-smaller.case.yaml', (text) =>
      text
        .replace(/  - id: fixture-beta\n(.*\n){4}/, '')
        .replace(/  - id: fixture-a-argued\n(.*\n){5}/, '')
        .replace(/  - who: mary-marlowe-sommer\n(.*\n){4}/, ''),
    );
    const summary = await loadCaseFile(api.executor, smaller);
    expect(summary.removedNodes).toBe(2);
    expect(await countById(api.executor, 'fixture-beta')).toBe(0);
    expect(await countById(api.executor, 'fixture-a-argued')).toBe(0);
    const after = await api.gql(`{ entity(id: "mary-marlowe-sommer") { cases(first: 100) { edges { node { id } } }
      roles(role: "judge", first: 100) { edges { node { within { id } } } } sources { totalCount } } }`);
    expect(mine(nodes(after.data.entity.cases).map((c: any) => c.id))).toEqual(['baldwin-involuntary-manslaughter-case']);
    expect(mine(nodes(after.data.entity.roles).map((r: any) => r.within.id))).toEqual(['baldwin-involuntary-manslaughter-case']);
    expect(after.data.entity.sources.totalCount).toBeGreaterThan(0);

    // Loading the full file again brings everything back exactly as the first load made it.
    await loadCaseFile(api.executor, FIXTURE);
    const full = await caseFingerprint(api.executor, 'fixture-a-case');
    await loadCaseFile(api.executor, FIXTURE);
    expect(await caseFingerprint(api.executor, 'fixture-a-case')).toEqual(full);
    expect(await countById(api.executor, 'fixture-beta')).toBe(1);
  });

  it('refuses a broken file with every problem located, and writes nothing', async () => {
    const broken = edited('fixture-broken.case.yaml', (text) =>
      text
        .replace(/fixture-a\b/g, 'fixture-broken')
        .replace('quote: "The prosecutor Fixture Beta"', 'quote: "The prosecutor Fixture Gamma"')
        .replace('actor: fixture-alpha', 'actor: fixture-alfa'),
    );
    const error = await loadCaseFile(api.executor, broken, 'fixture-broken.case.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseFileError);
    const problems = (error as CaseFileError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['acts[0].actor', 'entities[1].sources[0].quote']);
    expect(problems.find((p) => p.path === 'acts[0].actor')).toMatchObject({ line: 41, message: 'unknown id "fixture-alfa"' });
    expect(problems.find((p) => p.path === 'acts[0].actor')!.hint).toContain('did you mean "fixture-alpha"');
    expect((error as Error).message).toContain('fixture-broken.case.yaml:41:');
    expect(await countById(api.executor, 'fixture-broken-case')).toBe(0);
    expect(await countById(api.executor, 'fixture-broken-report')).toBe(0);
  });

  it('rolls the whole case back when a write fails half-way', async () => {
    const file = edited('fixture-rollback.case.yaml', (text) => text.replace(/fixture-a\b/g, 'fixture-rollback'));
    const plan = await prepareCaseFile(api.executor, file);
    plan.relationships.push({ type: 'FRIEND_OF', id: 'fixture-rollback-case:dangling', from: 'fixture-alpha', to: 'no-such-node', props: { caseId: plan.caseId, passageIds: [] } });
    await expect(importPlan(api.executor, plan, file)).rejects.toThrow(/relationships found both ends; nothing was written/);
    expect(await countById(api.executor, 'fixture-rollback-case')).toBe(0);
    expect(await countById(api.executor, 'fixture-rollback-climbed')).toBe(0);
    const [row] = await api.executor.read<{ n: number }>({ text: "MATCH (n) WHERE 'fixture-rollback-case' IN n.caseIds OR EXISTS { (n)<-[:STATES]-(:CaseManifest {case: 'fixture-rollback-case'}) } RETURN count(n) AS n" });
    expect(row!.n).toBe(0);
  });

  it('gives one copy of everything when the same file is loaded concurrently', async () => {
    const file = edited('fixture-concurrent.case.yaml', (text) => text.replace(/fixture-a\b/g, 'fixture-concurrent').replace(/fixture-alpha/g, 'fixture-concurrent-alpha'));
    await Promise.all([1, 2, 3, 4].map(() => loadCaseFile(api.executor, file)));
    const once = await caseFingerprint(api.executor, 'fixture-concurrent-case');
    expect(await countById(api.executor, 'fixture-concurrent-alpha')).toBe(1);
    await loadCaseFile(api.executor, file);
    expect(await caseFingerprint(api.executor, 'fixture-concurrent-case')).toEqual(once);
  });

  it('merges an entity declared sameAs an existing one into it, adding names and sources', async () => {
    const file = edited('fixture-sameas.case.yaml', (text) =>
      text
        .replace(/fixture-a\b/g, 'fixture-sameas')
        .replace(/fixture-(alpha|beta|fence)/g, 'fixture-sameas-$1')
        .replace('Judge Mary Marlowe Sommer presided.', 'Judge M. M. Sommer presided.')
        .replace('  - who: mary-marlowe-sommer', '  - who: judge-sommer')
        .replace('quote: "Judge Mary Marlowe Sommer presided"', 'quote: "Judge M. M. Sommer presided"')
        .replace('entities:\n', 'entities:\n  - id: judge-sommer\n    kind: Person\n    name: Judge M. M. Sommer\n    sameAs: mary-marlowe-sommer\n    sources:\n      - quote: "Judge M. M. Sommer"\n'),
    );
    await loadCaseFile(api.executor, file);
    expect(await countById(api.executor, 'judge-sommer')).toBe(0);
    const { data } = await api.gql(`{ entity(id: "mary-marlowe-sommer") { name aliases cases(first: 100) { edges { node { id } } }
      roles(role: "judge", first: 100) { edges { node { within { id } } } } sources(first: 100) { edges { node { quote document { id } } } } } }`);
    expect(data.entity.name).toBe('Mary Marlowe Sommer');
    expect(data.entity.aliases).toContain('Judge M. M. Sommer');
    expect(nodes(data.entity.cases).map((c: any) => c.id)).toContain('fixture-sameas-case');
    expect(nodes(data.entity.roles).map((r: any) => r.within.id)).toContain('fixture-sameas-case');
    expect(nodes(data.entity.sources)).toContainEqual({ quote: 'Judge M. M. Sommer', document: { id: 'fixture-sameas-report' } });
    expect(nodes(data.entity.sources).some((s: any) => s.document.id === 'baldwin-case-dismissed-article')).toBe(true);

    const wrongKind = edited('fixture-sameas-wrong.case.yaml', (text) =>
      text.replace(/fixture-a\b/g, 'fixture-sameas-wrong').replace('entities:\n', 'entities:\n  - id: sheriff\n    kind: Person\n    name: Fixture Sheriff\n    sameAs: santa-fe-county-sheriffs-office\n    sources:\n      - quote: "Fixture Alpha"\n'),
    );
    const error = await loadCaseFile(api.executor, wrongKind).catch((e: unknown) => e);
    expect((error as CaseFileError).problems).toContainEqual(expect.objectContaining({ path: 'entities[0].sameAs', message: 'sameAs "santa-fe-county-sheriffs-office" is an Organization, not a Person' }));
  });
});
