import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../src/ingest/casefile/parse.js';
import { kept } from '../../src/ingest/cli/run.js';
import type { FileResult } from '../../src/ingest/cli/report.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MIB = 1024 * 1024;
const FILES = 16;
const TEXT_MIB = 2;

/** A case file whose text is large (a long comment) and whose case id is read from it by the YAML reader. */
function bigCaseFile(n: number): string {
  return `# ${String(n).repeat(TEXT_MIB * MIB)}\nformatVersion: 2\ncase: { id: kept-results-case-${n}-with-a-long-id, caption: A fictional matter }\n`;
}

/** The result a loaded file's load gives, with the case id as the reader gave it. */
function loadedResult(n: number): FileResult {
  const { parsed } = parseCaseFile(`case-${n}.case.yaml`, bigCaseFile(n));
  const caseId = ((parsed!.data as { case: { id: string } }).case.id);
  const counts = { created: 3, updated: 0, unchanged: 0, removed: 0 };
  return {
    file: `case-${n}.case.yaml`, status: 'loaded', dryRun: false, ms: 1, caseId, error: `case "${caseId}" took a while`,
    report: { file: `case-${n}.case.yaml`, caseId, dryRun: false, applied: true, existed: false, changed: true, nodes: { Person: counts }, relationships: {}, passages: counts, totals: counts },
  };
}

const usedMiB = () => {
  gc();
  return getHeapStatistics().used_heap_size / MIB;
};

describe('what the loader keeps of a printed file (kept)', () => {
  it('keeps its status, case id and totals, not its per-kind tables, problems or notes', () => {
    const result = loadedResult(1);
    const k = kept({ ...result, problems: [{ file: 'x', line: 1, column: 1, path: '', message: 'm', hint: 'h' }], notes: [] });
    expect(k.status).toBe('loaded');
    expect(k.caseId).toBe('kept-results-case-1-with-a-long-id');
    expect(k.report?.caseId).toBe('kept-results-case-1-with-a-long-id');
    expect(k.report?.totals).toEqual({ created: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(k.report?.nodes).toEqual({});
    expect(k.problems).toBeUndefined();
    expect(k.notes).toBeUndefined();
    expect(k.error).toBe('case "kept-results-case-1-with-a-long-id" took a while');
  });

  it("does not keep the file's text alive through the strings it keeps (the case id is a slice of it)", () => {
    const before = usedMiB();
    const results: FileResult[] = [];
    for (let n = 1; n <= FILES; n += 1) results.push(kept(loadedResult(n)));
    const grown = usedMiB() - before;
    // The texts are FILES * TEXT_MIB MiB (32 MiB, in UTF-8 as in the heap); what is kept is a few hundred bytes a file, plus what the YAML reader keeps once it has run (a few MiB).
    expect(grown).toBeLessThan((FILES * TEXT_MIB) / 2);
    expect(results.map((r) => r.caseId)).toEqual(Array.from({ length: FILES }, (_, i) => `kept-results-case-${i + 1}-with-a-long-id`));
  });
});
