import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, type FileCheck } from '../../src/ingest/cli/check-file.js';
import type { CaseFileRef } from '../../src/ingest/cli/files.js';
import { expandRecords, recordFileTexts } from '../../src/ingest/cli/records.js';
import { sourceHashOf } from '../../src/ingest/cli/unchanged.js';

const dir = mkdtempSync(path.join(tmpdir(), 'record-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cap = JSON.parse(readFileSync('tests/fixtures/cap/0036-01.json', 'utf8')) as Record<string, unknown>;
/** JSON lines: CAP cases of their own, an empty record and a line that is not JSON among them. */
function jsonLines(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    if (i === 3) return '{}';
    if (i === 5) return '{"id": 1, "name": ';
    return JSON.stringify({ ...cap, id: 9_000_000 + i, name_abbreviation: `Record ${i} v. Someone`, docket_number: `No. ${i}` });
  }).join('\n');
}

async function recordsOf(file: string): Promise<CaseFileRef[]> {
  return expandRecords([{ path: file, display: path.basename(file) }]);
}

const nothing = async () => new Map();
/** A verdict as plain data (the plan's and problems' values). */
const verdict = ({ plan, problems, empty }: FileCheck) => ({ plan, problems, empty });

describe('a file of several records (JSON lines), checked record by record', () => {
  it('is read once for all its records, with the same verdicts as when every record read it again', async () => {
    const file = path.join(dir, 'cases.jsonl');
    writeFileSync(file, jsonLines(60));
    const other = path.join(dir, 'other.jsonl');
    writeFileSync(other, jsonLines(2));
    const records = await recordsOf(file);
    const [otherRecord] = await recordsOf(other);
    expect(records).toHaveLength(60);

    const before = recordFileTexts.reads;
    const once: unknown[] = [];
    for (const record of records) once.push(verdict(await checkFile(record, nothing)));
    expect(recordFileTexts.reads - before).toBe(1);

    // Another file between two records: each record reads (and splits) its file again, as every record used to.
    const again: unknown[] = [];
    for (const record of records) {
      again.push(verdict(await checkFile(record, nothing)));
      await checkFile(otherRecord!, nothing);
    }
    expect(recordFileTexts.reads - before).toBe(2 * records.length);
    expect(once).toStrictEqual(again);
    expect(once.filter((v) => (v as FileCheck).plan)).toHaveLength(58);
    expect((once[3] as FileCheck).empty).toBeDefined();
    expect((once[5] as FileCheck).problems![0]!.line).toBe(6);
  });

  it('is read again once it changes on disk', async () => {
    const file = path.join(dir, 'growing.jsonl');
    writeFileSync(file, jsonLines(3));
    const records = await recordsOf(file);
    await checkFile(records[0]!, nothing);
    appendFileSync(file, `\n${JSON.stringify({ ...cap, id: 1 })}`);
    const grown = await recordsOf(file);
    expect(grown).toHaveLength(4);
    expect((await checkFile(grown[3]!, nothing)).plan).toBeDefined();
  });

  it('is hashed once for all its records, each record its own hash, as before', async () => {
    const file = path.join(dir, 'hashed.jsonl');
    writeFileSync(file, jsonLines(8));
    const other = path.join(dir, 'hashed-other.jsonl');
    writeFileSync(other, jsonLines(2));
    // Records without their run's joins, so that the hash is the file's bytes and the record's place.
    const records = (await recordsOf(file)).map(({ joins, joinsDigest, ...record }) => record);
    const [otherRecord] = (await recordsOf(other)).map(({ joins, joinsDigest, ...record }) => record);
    const bytes = readFileSync(file);
    const expected = records.map((_, i) => createHash('sha256').update('format:auto\n').update(bytes).update(`\nrecord:${i}\n`).digest('hex'));
    const inTurn: (string | null)[] = [];
    for (const record of records) inTurn.push(await sourceHashOf(record));
    const apart: (string | null)[] = [];
    for (const record of records) {
      apart.push(await sourceHashOf(record));
      await sourceHashOf(otherRecord!);
    }
    expect(inTurn).toEqual(expected);
    expect(apart).toEqual(expected);
    expect(new Set(inTurn).size).toBe(8);
    // Changed on disk: hashed again.
    appendFileSync(file, '\n{}');
    expect(await sourceHashOf(records[0]!)).not.toBe(expected[0]);
  });
});
