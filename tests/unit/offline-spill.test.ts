import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord, makeSpillDir, removeStaleSpills, SpillFile, tempImportDirs } from '../../src/ingest/offline/spill.js';
import { ownString } from '../../src/shared/strings.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'offline-spill-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every kind of value a plan or a merged element holds. */
const values: unknown[] = [
  'plain',
  'a\ttab, "quotes", a\nline break, a\r\ncarriage return',
  'unit separator \u001f inside',
  'ünïcödé 漢字 😀 \u0000 nul',
  'x'.repeat(13),
  '',
  0, -0, 42, -7, 2.5, Number.MAX_SAFE_INTEGER, 1e-300,
  true, false, null,
  [], ['a', 'b\u001fc', ''], [1, 2.5, -3], [true, false], [[]],
  { id: 'n1', kind: 'Person', aliases: [], description: null, age: 42, shared: true, passageIds: ['d:0-4'], text: 'line\nbreak' },
  { nested: { deeper: [{ a: undefined, b: null }] } },
];

describe('spill files (what waits on disk during an offline import)', () => {
  it('gives back every value exactly, in order and by place', () => {
    const spill = new SpillFile(path.join(dir, 'values.bin'));
    const places = values.map((value) => spill.add(value));
    expect([...spill.values()]).toStrictEqual(values);
    for (const [i, at] of places.entries()) expect(spill.at(at)).toStrictEqual(values[i]);
    expect(Object.is(spill.at(places[values.findIndex((v) => Object.is(v, -0))]!), -0)).toBe(true);
    const withUndefined = spill.at(places.at(-1)!) as { nested: { deeper: Record<string, unknown>[] } };
    expect('a' in withUndefined.nested.deeper[0]!).toBe(true);
    expect(spill.records).toBe(values.length);
    spill.close();
  });

  it('reads records across its read blocks, a record larger than a block too', () => {
    const spill = new SpillFile(path.join(dir, 'large.bin'));
    const large = 'é'.repeat(3 << 19);
    // About 2.5 MB of small records: several read blocks, records cut at their ends.
    const many = Array.from({ length: 6_000 }, (_, i) => ({ i, name: `element ${i} ${'x'.repeat(i % 700)}`, list: [i, i + 1] }));
    spill.add(many[0]);
    spill.add(large);
    for (const value of many.slice(1)) spill.add(value);
    const back = [...spill.values()];
    expect(back).toHaveLength(many.length + 1);
    expect(back[1]).toBe(large);
    expect(back.slice(2)).toStrictEqual(many.slice(1));
    expect(spill.size).toBeGreaterThan(3 << 20);
    spill.close();
  }, 30_000);

  it('encodes records one after another and decodes them back', () => {
    const bytes = Buffer.concat(values.map(encodeRecord));
    expect([...decodeRecords(bytes)]).toStrictEqual(values);
  });

  it('copies kept strings apart from the text they were cut from, equal to them', () => {
    const text = 'id: a-long-identifier-here\nname: Someone';
    const id = text.slice(4, 26);
    expect(ownString(id)).toBe('a-long-identifier-here');
    expect(ownString('😀 \ud800 lone')).toBe('😀 \ud800 lone');
  });
});

describe('spill folders left behind by an import stopped hard', () => {
  /** The id of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it('removes the folders of processes that no longer run, and keeps those of running ones and those without an owner', () => {
    const csv = mkdtempSync(path.join(dir, 'csv-'));
    const mine = makeSpillDir(csv);
    const left = makeSpillDir(csv);
    writeFileSync(path.join(left, 'owner'), `${deadPid()}\n`);
    writeFileSync(path.join(left, 'plans.bin'), Buffer.alloc(3 * 2 ** 20));
    const unowned = path.join(csv, '.offline-spill-old');
    mkdirSync(unowned);
    writeFileSync(path.join(csv, 'keep.tsv'), 'a row');
    const removed = removeStaleSpills([{ dir: csv, whole: false }]);
    expect(removed.map((r) => r.removed)).toEqual([left]);
    expect(removed[0]!.bytes).toBeGreaterThan(3 * 2 ** 20);
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(csv).sort()).toEqual([path.basename(mine), '.offline-spill-old', 'keep.tsv'].sort());
    // Run again: nothing more to remove.
    expect(removeStaleSpills([{ dir: csv, whole: false }])).toEqual([]);
  });

  it('removes a stopped import\'s whole temporary folder (its CSV files too), and only those of its prefix', () => {
    const tmp = mkdtempSync(path.join(dir, 'tmp-'));
    const stopped = mkdtempSync(path.join(tmp, 'case-graph-offline-'));
    writeFileSync(path.join(makeSpillDir(stopped), 'owner'), '4242\n');
    writeFileSync(path.join(stopped, '000-nodes.tsv'), 'rows');
    const running = mkdtempSync(path.join(tmp, 'case-graph-offline-'));
    makeSpillDir(running);
    const other = mkdtempSync(path.join(tmp, 'something-else-'));
    writeFileSync(path.join(makeSpillDir(other), 'owner'), '4242\n');
    const removed = removeStaleSpills(tempImportDirs(tmp, 'case-graph-offline-'), (pid) => pid !== 4242);
    expect(removed.map((r) => r.removed)).toEqual([stopped]);
    expect(readdirSync(tmp).sort()).toEqual([path.basename(running), path.basename(other)].sort());
  });
});
