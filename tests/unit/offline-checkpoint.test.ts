import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseFileRef } from '../../src/ingest/cli/files.js';
import { loaderCode, PlanJournal, readCheckpoint, reusablePrefix, staleReason, type CheckpointHead } from '../../src/ingest/offline/checkpoint.js';
import { removeStaleSpills, resumableSpills, SpillFile } from '../../src/ingest/offline/spill.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-checkpoint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const head = (over: Partial<CheckpointHead> = {}): CheckpointHead => ({ code: loaderCode(), format: null, target: '/data', files: 4, started: '2026-01-01T00:00:00Z', ...over });
const ref = (name: string): CaseFileRef => ({ path: `/in/${name}`, display: name }) as CaseFileRef;
const hashes: Record<string, string> = { a: 'ha', b: 'hb', c: 'hc', d: 'hd' };

/** A spill folder with four plans and a line per file, as a stopped import leaves it. */
function stoppedFolder(name: string, pid: number): string {
  const dir = path.join(scratch, name, '.offline-spill-x');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'owner'), `${pid}\n`);
  const plans = new SpillFile(path.join(dir, 'plans.bin'));
  const journal = new PlanJournal(dir, head());
  for (const [i, file] of ['a', 'b', 'c', 'd'].entries()) {
    // The second file was invalid: no plan.
    const at = i === 1 ? null : plans.add({ caseId: file });
    journal.add({ i, file, hash: hashes[file]!, at });
  }
  plans.close();
  void journal.close();
  return dir;
}

describe('the checkpoint of a stopped offline import', () => {
  it('reuses the files from the first on that are unchanged at their place, and stops at the first changed one', async () => {
    const dir = stoppedFolder('prefix', 999_999_999);
    const read = readCheckpoint(dir);
    if (!read.ok) throw new Error(read.reason);
    expect(read.entries.size).toBe(4);
    const files = ['a', 'b', 'c', 'd'].map(ref);
    const same = await reusablePrefix(files, read, async (file) => hashes[file.display]!);
    expect(same.entries.map((e) => e.file)).toEqual(['a', 'b', 'c', 'd']);
    expect(same.entries[1]!.at).toBeNull();
    expect(same.changed).toBeUndefined();
    expect(same.planBytes).toBe(read.planBytes);

    const changed = await reusablePrefix(files, read, async (file) => (file.display === 'c' ? 'other' : hashes[file.display]!));
    expect(changed.entries.map((e) => e.file)).toEqual(['a', 'b']);
    expect(changed.changed).toBe('c');
    // Only the first plan's bytes are kept: the second file had none.
    expect(changed.planBytes).toBe(same.entries[0]!.at!.offset + same.entries[0]!.at!.length);

    // Another file at a place: from there on, planned again.
    const moved = await reusablePrefix([ref('a'), ref('x'), ref('c')], read, async (file) => hashes[file.display] ?? 'hx');
    expect(moved).toMatchObject({ changed: 'x' });
    expect(moved.entries).toHaveLength(1);
  });

  it('does not reuse a plan cut short on disk, nor a line cut short by a kill', async () => {
    const dir = stoppedFolder('cut', 999_999_999);
    appendFileSync(path.join(dir, 'planned.jsonl'), '{"i":4,"file":"e","ha');
    const read = readCheckpoint(dir);
    if (!read.ok) throw new Error(read.reason);
    expect(read.entries.has(4)).toBe(false);
    const files = ['a', 'b', 'c', 'd'].map(ref);
    const lastEnd = read.entries.get(3)!.at!.offset + read.entries.get(3)!.at!.length;
    const prefix = await reusablePrefix(files, { entries: read.entries, planBytes: lastEnd - 1 }, async (file) => hashes[file.display]!);
    expect(prefix.entries.map((e) => e.file)).toEqual(['a', 'b', 'c']);
  });

  it('is stale with other code or another format, else not', () => {
    expect(staleReason(head(), { code: loaderCode(), format: null })).toBeUndefined();
    expect(staleReason(head({ code: '0' }), { code: loaderCode(), format: null })).toBe("the loader's code changed since");
    expect(staleReason(head(), { code: loaderCode(), format: 'cap-case' })).toMatch(/--format/);
  });

  it('is resumable, not stale: the hard-kill cleanup leaves it, and removes a folder without one', () => {
    const kept = stoppedFolder('kept', 999_999_999);
    const bare = path.join(scratch, 'kept', '.offline-spill-y');
    mkdirSync(bare);
    writeFileSync(path.join(bare, 'owner'), '999999999\n');
    const place = [{ dir: path.join(scratch, 'kept'), whole: false }];
    expect(removeStaleSpills(place, () => false).map((s) => s.removed)).toEqual([bare]);
    expect(readdirSync(path.join(scratch, 'kept'))).toEqual(['.offline-spill-x']);
    expect(resumableSpills(place, () => false).map((s) => s.spillDir)).toEqual([kept]);
    // Its owner still runs: not resumable (another import is using it).
    expect(resumableSpills(place, () => true)).toEqual([]);
  });

  it('reopens the plans file cut to the bytes kept, and appends after them', () => {
    const file = path.join(scratch, 'reopen.bin');
    const first = new SpillFile(file);
    const a = first.add({ n: 1 });
    first.add({ n: 2 });
    first.close();
    const again = new SpillFile(file, a.length);
    const b = again.add({ n: 3 });
    expect(b.offset).toBe(a.length);
    expect([...again.values()]).toEqual([{ n: 1 }, { n: 3 }]);
    again.close();
  });
});
