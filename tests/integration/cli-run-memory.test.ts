import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getHeapStatistics, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expandInputs } from '../../src/ingest/cli/files.js';
import { Output } from '../../src/ingest/cli/output.js';
import { runFiles } from '../../src/ingest/cli/run.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';

/**
 * What the default path keeps of the files it has reported: nothing but their share of the
 * totals. A run's result, and what it holds once a file is printed, do not grow with the
 * number of files (nor with the size of a file's text, which the YAML reader slices ids from).
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const usedBytes = () => {
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
};

let driver: Driver;
let executor: Executor;
let scratch: string;

beforeAll(async () => {
  const neo4j = inject('neo4j');
  driver = await connect({ ...neo4j, mode: 'external', release: async () => {} } as never);
  executor = new Executor(driver, neo4j.database);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-run-memory-'));
});
afterAll(async () => {
  await driver?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const TEXT_BYTES = 256 * 1024;

/** A small valid case file whose text is large (a comment) and whose case id is long. */
function caseFile(caseId: string, n: number): string {
  return [
    `# ${String(n % 10).repeat(TEXT_BYTES)}`,
    'formatVersion: 2',
    'documents:',
    `  - { id: ${caseId}-note, title: A fictional note, text: "In the matter of ${caseId}: Person ${n} is named." }`,
    `case: { id: ${caseId}, caption: Matter ${n}, status: open, sources: [{ quote: "the matter of ${caseId}" }] }`,
    'entities:',
    `  - { id: ${caseId}-person, kind: Person, name: Person ${n}, sources: [{ quote: "Person ${n} is named" }] }`,
    '',
  ].join('\n');
}

function stream() {
  const lines: string[] = [];
  return { isTTY: false, lines, write: (text: string) => void lines.push(text) };
}

async function loadFolder(dir: string) {
  const expanded = await expandInputs([dir]);
  if (!expanded.ok) throw new Error(expanded.message);
  const [stdout, stderr] = [stream(), stream()];
  const out = new Output({ json: true, quiet: false, files: expanded.files.length }, stdout, stderr);
  const run = await runFiles(executor, expanded.files, { dryRun: false, replace: false, json: true, quiet: false }, out, new AbortController().signal);
  return { run, lines: stdout.lines.map((line) => JSON.parse(line) as { file: string; status: string; caseId?: string }) };
}

describe('the default path keeps nothing of a reported file but its share of the totals', { timeout: 300_000 }, () => {
  it('returns totals of the same size for 3 files as for 60, and holds none of their texts', async () => {
    const tag = `run-memory-${Date.now().toString(36)}`;
    const longId = (n: number) => `${tag}-${'x'.repeat(80)}-${n}`;
    const folder = (name: string, count: number) => {
      const dir = path.join(scratch, name);
      mkdirSync(dir, { recursive: true });
      for (let n = 0; n < count; n += 1) writeFileSync(path.join(dir, `c${String(n).padStart(3, '0')}.case.yaml`), caseFile(longId(n + (name === 'many' ? 1000 : 0)), n));
      // One invalid file: reported with its problem, counted, and it sets the exit code.
      writeFileSync(path.join(dir, 'zz-invalid.case.yaml'), `formatVersion: 2\ncase: { id: ${tag}-${name}-Bad_Id, caption: Bad, status: open, sources: [{ quote: "no such text" }] }\n`);
      return dir;
    };
    const few = await loadFolder(folder('few', 3));
    const before = usedBytes();
    const many = await loadFolder(folder('many', 60));
    const held = usedBytes() - before;

    // Every file is still reported, one JSON line each, the invalid one with its status.
    expect(many.lines.filter((line) => line.status === 'loaded')).toHaveLength(60);
    expect(many.lines.filter((line) => line.status === 'invalid').map((line) => line.file)).toEqual([expect.stringContaining('zz-invalid.case.yaml')]);
    expect(many.run.totals.byStatus).toMatchObject({ loaded: 60, invalid: 1 });
    expect(many.run.totals.files).toBe(61);
    expect(many.run.totals.changes.created).toBeGreaterThanOrEqual(60 * 4);
    // What the run returns for 61 files is what it returns for 4 (the same numbers, other values).
    expect(serialize(many.run).length).toBeLessThanOrEqual(serialize(few.run).length + 16);
    // 61 files of 256 KiB and a 100-character case id each: had the run kept any of them (a
    // result, a case id sliced from the text), the heap would hold 15 MiB more, or 25 KiB.
    expect(held).toBeLessThan(4 * 1024 * 1024);
    expect(many.run.interrupted).toBe(false);
  });
});
