import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayName, expandInputs } from '../../src/ingest/cli/files.js';

let dir: string;
const touch = (name: string) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), '');
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-files-'));
  for (const name of ['cases/b.case.yaml', 'cases/a.case.json', 'cases/deep/c.case.yml', 'cases/notes.txt', 'cases/node_modules/x.case.yaml', 'cases/.hidden/h.case.yaml', 'other/d.case.yaml', 'other/readme.md', 'empty/readme.md']) touch(name);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const displays = async (...inputs: string[]) => {
  const expanded = await expandInputs(inputs, dir);
  if (!expanded.ok) throw new Error(expanded.message);
  return expanded.files.map((f) => f.display);
};

describe('expandInputs', () => {
  it('takes every case file in a folder, recursively, sorted', async () => {
    expect(await displays('cases')).toEqual(['cases/a.case.json', 'cases/b.case.yaml', 'cases/deep/c.case.yml']);
  });

  it('expands globs to case files only, and drops duplicates across arguments', async () => {
    expect(await displays('other/*', 'cases/b.case.yaml', 'cases', './cases/b.case.yaml')).toEqual([
      'cases/a.case.json', 'cases/b.case.yaml', 'cases/deep/c.case.yml', 'other/d.case.yaml',
    ]);
    expect(await displays('**/c.case.*')).toEqual(['cases/deep/c.case.yml']);
  });

  it('gives absolute paths and the path as shown', async () => {
    const expanded = await expandInputs(['other/d.case.yaml'], dir);
    expect(expanded).toEqual({ ok: true, files: [{ path: path.join(dir, 'other/d.case.yaml'), display: 'other/d.case.yaml' }] });
  });

  it('refuses an argument that gives no case file', async () => {
    expect(await expandInputs(['missing.case.yaml'], dir)).toEqual({ ok: false, message: 'missing.case.yaml: no such file or folder' });
    expect(await expandInputs(['other/readme.md'], dir)).toMatchObject({ ok: false, message: expect.stringContaining('not a case file') });
    expect(await expandInputs(['empty'], dir)).toMatchObject({ ok: false, message: expect.stringContaining('no case files') });
    expect(await expandInputs(['cases', 'other/*.json'], dir)).toMatchObject({ ok: false, message: 'other/*.json: the pattern matches no case file' });
  });
});

describe('displayName', () => {
  it('is relative inside the working directory and absolute outside it', () => {
    expect(displayName('/srv/cases/x/a.case.yaml', '/srv/cases')).toBe('x/a.case.yaml');
    expect(displayName('/elsewhere/a.case.yaml', '/srv/cases')).toBe('/elsewhere/a.case.yaml');
  });
});
