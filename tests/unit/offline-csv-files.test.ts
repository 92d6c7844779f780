import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CsvGroup, CsvLine } from '../../src/ingest/offline/csv-layout.js';
import { writeCsvFiles } from '../../src/ingest/offline/csv-files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'offline-csv-files-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const group = (name: string, multiline: boolean): CsvGroup => ({ name, kind: 'nodes', labels: ['Entity'], idColumns: ['id:ID(Entity)'], columns: new Map([['name', 'string']]), multiline, rows: 0 });

describe('the CSV files of an offline import', () => {
  it('writes every line to its group\'s files in order, group after group, a multi-line group split into files within the size given, with progress every 10,000 lines', async () => {
    const plain = group('plain', false);
    const multi = group('multi', true);
    const lines: CsvLine[] = [];
    // Enough lines that chunks are written several times (a chunk is 256 Ki characters).
    for (let i = 0; i < 25_000; i++) lines.push({ group: plain, line: `"p${i}"\t"${'x'.repeat(20)}"` });
    for (let i = 0; i < 30; i++) lines.push({ group: multi, line: `"m${i}"\t"a\nb ${'y'.repeat(100)}"` });
    const written: number[] = [];
    const linesOf = (g: CsvGroup) => lines.filter((l) => l.group === g).map((l) => Buffer.from(`${l.line}\n`));
    const sources = await writeCsvFiles(dir, [plain, multi], linesOf, 1_000, (n) => written.push(n));
    expect(written).toEqual([10_000, 20_000, 25_030]);
    const [plainSource, multiSource] = sources;
    expect(readFileSync(plainSource!.header, 'utf8')).toBe('id:ID(Entity)\tname:string\n');
    expect(plainSource!.data).toHaveLength(1);
    expect(readFileSync(plainSource!.data[0]!, 'utf8')).toBe(lines.slice(0, 25_000).map((l) => `${l.line}\n`).join(''));
    // Each multi-line line is 112 bytes: 8 per 1,000-byte file.
    expect(multiSource!.data).toHaveLength(4);
    const multiText = multiSource!.data.map((file) => readFileSync(file, 'utf8'));
    for (const text of multiText) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_000);
    expect(multiText.join('')).toBe(lines.slice(25_000).map((l) => `${l.line}\n`).join(''));
  });
});
