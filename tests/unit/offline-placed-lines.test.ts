import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvLayout } from '../../src/ingest/offline/csv-layout.js';
import type { GraphElement } from '../../src/ingest/offline/merged-graph.js';
import { PlacedLines } from '../../src/ingest/offline/placed-lines.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'offline-placed-lines-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A group's final lines as text (the buffers are reused: each is decoded at once). */
const finalText = (placed: PlacedLines<string>, group: string, columns: number) => Array.from(placed.finalLines(group, columns), (b) => b.toString('utf8'));

describe('lines placed in their CSV groups, waiting on disk (offline import)', () => {
  it('gives each group its lines in order, with an empty cell per column added after each was encoded', () => {
    const placed = new PlacedLines<string>(mkdtempSync(path.join(dir, 'pad-')));
    placed.add('a', '"a1"\t"x"', 1);
    placed.add('b', '"b1"', 0);
    placed.add('a', '"a2"\t"y"\t3', 2);
    placed.add('a', '"a3"\t"z"\t\t"ünï 漢字 😀"', 3);
    expect(finalText(placed, 'a', 3)).toEqual(['"a1"\t"x"\t\t\n', '"a2"\t"y"\t3\t\n', '"a3"\t"z"\t\t"ünï 漢字 😀"\n']);
    expect(finalText(placed, 'b', 2)).toEqual(['"b1"\t\t\n']);
    expect(finalText(placed, 'none', 2)).toEqual([]);
    placed.close();
  });

  it('reads back lines across its read blocks, lines longer than a block, and line breaks inside values', () => {
    const placed = new PlacedLines<string>(mkdtempSync(path.join(dir, 'blocks-')));
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(i % 997 === 0 ? `"${i}"\t"${'l'.repeat(70_000 + i)}"` : `"${i}"\t"a\nb ${'y'.repeat(i % 50)}"`);
    for (const line of lines) placed.add('g', line, 1);
    expect(placed.size).toBeGreaterThan(1 << 16);
    const read = finalText(placed, 'g', 1);
    expect(read).toHaveLength(lines.length);
    // The first line read otherwise than written (a short report on failure, not 20,000 lines).
    expect(read.findIndex((line, i) => line !== `${lines[i]}\n`)).toBe(-1);
    placed.close();
  });

  it('makes the lines the layout makes once every element is placed, whatever order the columns came in', () => {
    const placed = new PlacedLines<string>(mkdtempSync(path.join(dir, 'layout-')));
    const streamed = new CsvLayout();
    const elements: GraphElement[] = [
      { space: 'Entity', node: { labels: ['Entity', 'Person'], props: { id: 'p1', name: 'One', caseIds: ['c1'] } } },
      { space: 'Entity', node: { labels: ['Entity', 'Person'], props: { id: 'p2', age: 40, name: 'Two', caseIds: ['c1', 'c2'] } } },
      { space: 'Entity', node: { labels: ['Entity', 'Person'], props: { id: 'p3', shared: true, caseIds: ['c2'] } } },
    ];
    const groups = new Map<string, ReturnType<CsvLayout['placeLine']>['group']>();
    for (const element of elements) {
      const { group, line, columns } = streamed.placeLine(element);
      groups.set(group.name, group);
      placed.add(group.name, line, columns);
    }
    expect(groups.size).toBe(1);
    const [group] = groups.values();
    expect([...group!.columns.keys()]).toEqual(['name', 'caseIds', 'age', 'shared']);
    expect(finalText(placed, group!.name, group!.columns.size)).toEqual([
      '"p1"\t"One"\t"c1"\t\t\n',
      '"p2"\t"Two"\t"c1\u001fc2"\t40\t\n',
      '"p3"\t\t"c2"\t\ttrue\n',
    ]);
    placed.close();
  });

  it('records what the files cannot carry (a list item with U+001F) and still places the rest', () => {
    const layout = new CsvLayout();
    const first = layout.placeLine({ space: 'Entity', node: { labels: ['Entity', 'Person'], props: { id: 'p1', name: 'Tab\there', aliases: ['a\u001fb'], caseIds: ['c1'] } } });
    const second = layout.placeLine({ space: 'Entity', node: { labels: ['Entity', 'Person'], props: { id: 'p2', name: 'Line\nbreak', aliases: [], age: 3, caseIds: ['c1'] } } });
    expect(layout.problems).toEqual([{ caseIds: ['c1'], where: 'Entity "p1"', property: 'aliases', message: expect.stringMatching(/U\+001F/) }]);
    expect(first.line).toBe('');
    expect(second.line).toBe('"p2"\t"Line\nbreak"\t3\t"c1"');
    expect(second.group.multiline).toBe(true);
    expect(second.group.labels).toContain('OfflineEmptyLists__aliases');
  });
});
