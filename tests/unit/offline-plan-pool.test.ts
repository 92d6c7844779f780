import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, type CaseFileRef } from '../../src/ingest/cli/files.js';
import { sourceHashOf } from '../../src/ingest/cli/unchanged.js';
import { sameAnswers } from '../../src/ingest/casefile/validate.js';
import { planFiles } from '../../src/ingest/offline/plan-all.js';
import { PlanPool } from '../../src/ingest/offline/plan-pool.js';
import { SpillFile } from '../../src/ingest/offline/spill.js';

/**
 * Files that refer to what others define (a case referring to the shared judge of a file loaded
 * after it: valid only in the second round), records, invalid files: the workers' verdicts must be
 * those of planning one file after the other in this thread.
 */
const INPUTS = ['tests/fixtures/shared-cases', 'tests/fixtures/shared-judge', 'seeds', 'tests/fixtures/bad', 'tests/fixtures/courtlistener/akd.json', 'tests/fixtures/cap/0036-01.json'];

describe('planning in worker threads', () => {
  const pool = new PlanPool(undefined, null, 2);
  afterAll(() => pool.close());

  it('gives the same plans, problems, load order and source hashes as planning in this thread', async () => {
    const expanded = await expandInputs(INPUTS);
    if (!expanded.ok) throw new Error(expanded.message);
    const files = expanded.files;
    const here = await planFiles(files, undefined, () => {});
    const seen: CaseFileRef[] = [];
    const there = await planFiles(files, undefined, (file) => seen.push(file), pool);
    expect(pool.size).toBe(2);
    expect(seen).toEqual(files);
    expect([...there.plans].map((p) => p.file.display)).toEqual([...here.plans].map((p) => p.file.display));
    expect([...there.plans]).toStrictEqual([...here.plans]);
    expect([...there.invalid]).toStrictEqual([...here.invalid]);
    expect([...there.empty]).toStrictEqual([...here.empty]);
    // The shared cases refer to the judge of a file after them: planned in the second round, in order.
    expect(here.plans.length).toBeGreaterThan(3);
    expect(here.invalid.length).toBeGreaterThan(10);
    // Every file went through a worker (the hashes come from there), and they are the normal path's hashes.
    expect(there.hashes.size).toBe(files.length);
    for (const file of files) expect(there.hashes.get(file), file.display).toBe(await sourceHashOf(file, null));
  }, 120_000);

  it('gives the same verdicts, plans and load order with what the files define on disk (a run per file), here and in workers', async () => {
    const expanded = await expandInputs(INPUTS);
    if (!expanded.ok) throw new Error(expanded.message);
    const files = expanded.files;
    const here = await planFiles(files, undefined, () => {});
    for (const workers of [undefined, pool]) {
      const dir = mkdtempSync(path.join(tmpdir(), 'plan-on-disk-'));
      const spill = new SpillFile(path.join(dir, 'plans.bin'));
      try {
        const onDisk = await planFiles(files, undefined, () => {}, workers, spill, undefined, 1);
        expect([...onDisk.plans].map((p) => p.file.display)).toEqual([...here.plans].map((p) => p.file.display));
        expect([...onDisk.plans].map((p) => spill.at(p.at!))).toStrictEqual([...here.plans].map((p) => p.plan));
        expect([...onDisk.invalid]).toStrictEqual([...here.invalid]);
        expect([...onDisk.empty]).toStrictEqual([...here.empty]);
        // The index's runs are gone once planning ends; the plans stay for the next steps.
        expect(readdirSync(dir)).toEqual(['plans.bin']);
      } finally {
        spill.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);

  it('removes the index\'s runs when stopped', async () => {
    const expanded = await expandInputs(INPUTS);
    if (!expanded.ok) throw new Error(expanded.message);
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-stopped-'));
    const spill = new SpillFile(path.join(dir, 'plans.bin'));
    const stop = new AbortController();
    try {
      const planning = planFiles(expanded.files, undefined, (_, index) => index === 20 && stop.abort(), undefined, spill, stop.signal, 1);
      await expect(planning).rejects.toThrow();
      expect(readdirSync(dir)).toEqual(['plans.bin']);
    } finally {
      spill.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('sameAnswers (when a worker\'s early answer still holds)', () => {
  const judge = { kind: 'Person' as const, name: 'Judge Wren', caseIds: ['a'] };
  const doc = { kind: 'SourceDocument' as const, name: 'Report', caseIds: ['a'], text: 'In the case' };
  const map = (...entries: [string, typeof judge | typeof doc][]) => new Map(entries);

  it('ignores the cases of an entity, which validation does not read', () => {
    expect(sameAnswers(map(['j', judge]), map(['j', { ...judge, caseIds: ['a', 'b'] }]))).toBe(true);
  });

  it('tells apart another kind, name, text, a document cited by more cases, or an id more', () => {
    expect(sameAnswers(map(['j', judge]), map(['j', { ...judge, kind: 'Organization' as never }]))).toBe(false);
    expect(sameAnswers(map(['j', judge]), map(['j', { ...judge, name: 'Judge M. Wren' }]))).toBe(false);
    expect(sameAnswers(map(['d', doc]), map(['d', { ...doc, text: 'Another text' }]))).toBe(false);
    expect(sameAnswers(map(['d', doc]), map(['d', { ...doc, caseIds: ['a', 'b'] }]))).toBe(false);
    expect(sameAnswers(map(), map(['j', judge]))).toBe(false);
  });
});
