import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { deleteCase, importPlan } from '../../src/ingest/write/import.js';
import { exportCase } from '../../src/ingest/export/export.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';
import { manifestShape, toOlderManifest } from '../support/manifests.js';

/**
 * A store written before manifests were packed keeps each manifest's lists as list properties.
 * Loads, reloads, replaces, exports and deletes read that shape as well as the packed one, and
 * a write of such a contribution stores it packed. Every case here is fictional.
 */
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-manifest-shapes-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

/** A case with a shared judge (described in the case's own words) and, unless left out, a person of its own. */
function caseText(caseId: string, judgeWords: string, withPerson = true): string {
  return `formatVersion: 2
documents:
  - id: ${caseId}-note
    title: A fictional note
    text: "In the matter of ${caseId}, Judge Ivy Shape presided. Ann ${caseId} testified."
case:
  id: ${caseId}
  caption: Matter of ${caseId}
  status: open
  sources: [{ quote: "the matter of ${caseId}" }]
entities:
  - { id: mshape-judge, kind: Person, name: Ivy Shape, description: ${judgeWords}, shared: true, sources: [{ quote: "Judge Ivy Shape" }] }
${withPerson ? `  - { id: ${caseId}-ann, kind: Person, name: Ann ${caseId}, sources: [{ quote: "Ann ${caseId} testified" }] }\n` : ''}roles:
  - { who: mshape-judge, role: judge, in: ${caseId}, sources: [{ quote: "Judge Ivy Shape presided" }] }
${withPerson ? `  - { who: ${caseId}-ann, role: witness, in: ${caseId}, sources: [{ quote: "Ann ${caseId} testified" }] }\n` : ''}`;
}

async function planOf(name: string, text: string) {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return { plan: await prepareCaseFile(api.executor, file), file };
}

async function judgeDescription(): Promise<unknown> {
  const [row] = await api.executor.read<{ description: unknown }>({ text: "MATCH (n:Entity {id: 'mshape-judge'}) RETURN n.description AS description" });
  return row?.description;
}

describe('CaseManifest shapes', () => {
  it('reads an older list-shaped manifest: an unchanged reload writes nothing, export gives the same file, a replace removes what the file no longer states and stores the manifest packed', async () => {
    const first = await planOf('a.case.yaml', caseText('mshape-a', 'words of a'));
    expect((await importPlan(api.executor, first.plan, first.file)).applied).toBe(true);
    expect(await manifestShape(api.executor, 'mshape-a')).toBe('packed');
    const exported = await exportCase(api.executor, 'mshape-a');
    const before = await caseFingerprint(api.executor, 'mshape-a');
    await toOlderManifest(api.executor, 'mshape-a');
    expect(await manifestShape(api.executor, 'mshape-a')).toBe('lists');

    const again = await importPlan(api.executor, first.plan, first.file);
    expect(again).toMatchObject({ existed: true, changed: false, applied: false });
    expect(again.totals.unchanged).toBe(first.plan.nodes.length + first.plan.relationships.length + first.plan.passages.length);
    expect(await manifestShape(api.executor, 'mshape-a')).toBe('lists');
    expect(await caseFingerprint(api.executor, 'mshape-a')).toEqual(before);
    expect(await exportCase(api.executor, 'mshape-a')).toBe(exported);

    const less = await planOf('a-less.case.yaml', caseText('mshape-a', 'words of a', false));
    const replaced = await importPlan(api.executor, less.plan, less.file, { replace: true });
    expect(replaced.applied).toBe(true);
    expect(replaced.totals.removed).toBeGreaterThanOrEqual(2);
    expect(await countById(api.executor, 'mshape-a-ann')).toBe(0);
    expect(await manifestShape(api.executor, 'mshape-a')).toBe('packed');
    expect(await importPlan(api.executor, less.plan, less.file)).toMatchObject({ changed: false, applied: false });

    await deleteCase(api.executor, 'mshape-a');
    expect(await manifestShape(api.executor, 'mshape-a')).toBe('none');
    expect(await countById(api.executor, 'mshape-judge')).toBe(0);
  });

  it('recomputes a shared node from the statements an older manifest keeps when another case leaves', async () => {
    const a = await planOf('a2.case.yaml', caseText('mshape-a', 'words of a'));
    const b = await planOf('b2.case.yaml', caseText('mshape-b', 'words of b'));
    await importPlan(api.executor, a.plan, a.file);
    await importPlan(api.executor, b.plan, b.file);
    // The smallest contribution id with a value gives a field: a's words while a is in.
    expect(await judgeDescription()).toBe('words of a');
    await toOlderManifest(api.executor, 'mshape-a');
    await toOlderManifest(api.executor, 'mshape-b');

    const removed = await deleteCase(api.executor, 'mshape-a');
    expect(removed.removedNodes).toBeGreaterThanOrEqual(3);
    expect(await judgeDescription()).toBe('words of b');
    expect(await manifestShape(api.executor, 'mshape-b')).toBe('lists');
    expect(await exportCase(api.executor, 'mshape-b')).toContain('words of b');

    await deleteCase(api.executor, 'mshape-b');
    expect(await countById(api.executor, 'mshape-judge')).toBe(0);
  });
});
