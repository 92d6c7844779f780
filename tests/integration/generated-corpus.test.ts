import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/load/corpus-dir.js';
import { measureLoad } from '../../bench/load/measure.js';
import { deleteCase, importPlans } from '../../src/ingest/write/import.js';
import { loadCaseFile, prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';

/**
 * Generated fictional corpora (npm run generate), each under its own id prefix: they load, share
 * their pool of judges, prosecutors, courts and offices across cases, and a batch of cases in
 * one transaction leaves exactly the graph that loading them one by one leaves.
 */
const SEED = 5;
let api: TestApi;
let scratch: string;
const corpus = (prefix: string, cases: number) => writeCorpus(path.join(scratch, prefix), { cases, seed: SEED, prefix, format: 'yaml' });
const caseIdsOf = async (prefix: string) =>
  (await api.executor.read<{ caseId: string }>({ text: 'MATCH (m:CaseManifest) WHERE m.caseId STARTS WITH $prefix RETURN m.caseId AS caseId ORDER BY caseId', params: { prefix: `${prefix}-` } })).map((r) => r.caseId);

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-generated-'));
});
/** Other files count what a page of cases holds: leave the graph as this file found it. */
afterAll(async () => {
  if (api) for (const caseId of await caseIdsOf('itgen')) await deleteCase(api.executor, caseId);
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a generated corpus', { timeout: 180_000 }, () => {
  it('loads one case per transaction and in batches to the same graph, and its cases share the pool by id', async () => {
    // The same corpus twice, under two prefixes: one case per transaction, then 3 per transaction with 2 loaders.
    const one = await corpus('itgen-one', 5);
    for (const file of one) await loadCaseFile(api.executor, file);
    const batched = await corpus('itgen-bat', 5);
    const figures = await measureLoad({ executor: api.executor, files: batched, batch: 3, loaders: 2 });
    expect(figures).toMatchObject({ cases: 6, batch: 3, loaders: 2 });
    expect(figures.elementsPerCase).toBeGreaterThan(100);

    const oneCases = await caseIdsOf('itgen-one');
    expect(oneCases).toHaveLength(6);
    expect(await caseIdsOf('itgen-bat')).toEqual(oneCases.map((id) => id.replace('itgen-one', 'itgen-bat')));
    for (const caseId of oneCases) {
      const expected = (await caseFingerprint(api.executor, caseId)).map((line) => line.replaceAll('itgen-one', 'itgen-bat'));
      expect(await caseFingerprint(api.executor, caseId.replace('itgen-one', 'itgen-bat')), caseId).toEqual(expected);
    }

    // Pool entities are single nodes that several cases state or refer to.
    const shared = await api.executor.read<{ id: string; kind: string; cases: number }>({
      text: `MATCH (n:Entity) WHERE n.id STARTS WITH 'itgen-bat-' AND NOT n.id STARTS WITH 'itgen-bat-c'
             WITH n, COLLECT { MATCH (n)<-[:STATES]-(m:CaseManifest) WHERE m.case STARTS WITH 'itgen-bat-c' RETURN DISTINCT m.case } AS cases WHERE size(cases) >= 2
             RETURN n.id AS id, n.kind AS kind, size(cases) AS cases`,
    });
    expect(new Set(shared.map((s) => s.kind))).toEqual(new Set(['Person', 'Court', 'Organization']));
    for (const { id } of shared.slice(0, 5)) expect(await countById(api.executor, id)).toBe(1);
  });

  it('changes nothing when loaded again in batches, and a batch is all or nothing', async () => {
    const files = await corpus('itgen-again', 4);
    await measureLoad({ executor: api.executor, files, batch: 10 });
    const caseIds = await caseIdsOf('itgen-again');
    const before = await Promise.all(caseIds.map((id) => caseFingerprint(api.executor, id)));
    const plans = await Promise.all(files.map((file) => prepareCaseFile(api.executor, file)));
    const outcomes = await importPlans(api.executor, plans.map((plan, i) => ({ plan, file: files[i]! })));
    expect(outcomes.map((o) => [o.report?.changed, o.report?.applied])).toEqual(plans.map(() => [false, false]));
    expect(await Promise.all(caseIds.map((id) => caseFingerprint(api.executor, id)))).toEqual(before);

    // A batch whose last case cannot be written (a relationship to a node that does not exist) writes none of its cases.
    const fresh = await corpus('itgen-fail', 2);
    const failing = await Promise.all(fresh.map((file) => prepareCaseFile(api.executor, file).catch(() => null)));
    // The cases refer to the directory, which is not loaded: only the directory itself validates.
    expect(failing.map((plan) => plan !== null)).toEqual([true, false, false]);
    const directory = failing[0]!;
    const broken = structuredClone(plans[1]!);
    broken.caseId = 'itgen-fail-broken-case';
    broken.relationships.push({ type: 'FRIEND_OF', id: 'itgen-fail-broken-case:dangling', from: broken.nodes[2]!.id, to: 'itgen-fail-nobody', props: { caseId: broken.caseId, passageIds: [] } });
    await expect(importPlans(api.executor, [{ plan: directory, file: fresh[0]! }, { plan: broken, file: 'broken' }])).rejects.toThrow(/relationships found both ends; nothing was written/);
    expect(await countById(api.executor, directory.caseId)).toBe(0);
    expect(await caseIdsOf('itgen-fail')).toEqual([]);
  });

  it('loads concurrently, one case per transaction, without deadlocks or duplicates of the shared nodes', async () => {
    const files = await corpus('itgen-par', 8);
    await measureLoad({ executor: api.executor, files, batch: 1, loaders: 4 });
    expect(await caseIdsOf('itgen-par')).toHaveLength(9);
    const [duplicates] = await api.executor.read<{ n: number }>({
      text: `MATCH (n:Entity) WHERE n.id STARTS WITH 'itgen-par-' WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(*) AS n`,
    });
    expect(duplicates!.n).toBe(0);
  });

  it('writes two cases of one batch that define the same entity as if one after the other', async () => {
    /** Two small cases that both define `<prefix>-shared` (with different descriptions, both saying it is shared) and a case each. */
    const pair = (prefix: string) => ['one', 'two'].map((n) => {
      const file = path.join(scratch, `${prefix}-${n}.case.yaml`);
      writeFileSync(file, `formatVersion: 1
documents:
  - { id: ${prefix}-${n}-doc, title: "Fictional note ${n}", text: "Case ${n}: Shared Person, a fictional witness, saw it." }
case: { id: ${prefix}-${n}-case, caption: "Fictional case ${n}", status: open, sources: [{ quote: "Case ${n}" }] }
entities:
  - { id: ${prefix}-shared, kind: Person, name: Shared Person, description: "As case ${n} says", shared: true, sources: [{ quote: "Shared Person, a fictional witness" }] }
roles:
  - { who: ${prefix}-shared, role: witness, in: ${prefix}-${n}-case, sources: [{ quote: "saw it" }] }
`);
      return file;
    });
    for (const file of pair('itgen-seq')) await loadCaseFile(api.executor, file);
    const files = pair('itgen-one-tx');
    const plans = await Promise.all(files.map((file) => prepareCaseFile(api.executor, file)));
    await importPlans(api.executor, plans.map((plan, i) => ({ plan, file: files[i]! })));
    for (const n of ['one', 'two']) {
      const expected = (await caseFingerprint(api.executor, `itgen-seq-${n}-case`)).map((line) => line.replaceAll('itgen-seq', 'itgen-one-tx'));
      expect(await caseFingerprint(api.executor, `itgen-one-tx-${n}-case`)).toEqual(expected);
    }
    const [shared] = await api.executor.read<{ description: string; sources: string[] }>({
      text: "MATCH (n:Entity {id: 'itgen-one-tx-shared'}) RETURN n.description AS description, COLLECT { MATCH (n)<-[s:STATES]-(m:CaseManifest) WHERE size(s.passageIds) > 0 RETURN m.caseId + '|' + s.passageIds[0] } AS sources",
    });
    // Both declare it shared: its fields are those of the smaller case id, in one transaction as one after the other.
    expect(shared).toEqual({ description: 'As case one says', sources: expect.arrayContaining([expect.stringMatching(/^itgen-one-tx-one-case\|/), expect.stringMatching(/^itgen-one-tx-two-case\|/)]) });
  });
});
