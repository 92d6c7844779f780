import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { draftValidationEnv } from '../../src/draft/draft.js';

/** `npm run draft` as a program: a draft written with --out that validates, and bad input refused with exit 1. */
const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'draft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/draft/cli.ts', ...args], { cwd: path.resolve(import.meta.dirname, '../..') }).then(
  (r) => ({ code: 0, ...r }),
  (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
);

describe('npm run draft', () => {
  it('writes a draft that validates, and says what it did', async () => {
    const article = path.join(dir, 'article.html');
    writeFileSync(article, '<html><head><title>Clerk convicted</title></head><body><p>A jury convicted Halden Rusk of fraud on Monday.</p><p>Judge Orla Finch sentenced Rusk to two years in prison.</p></body></html>');
    const out = path.join(dir, 'draft.case.yaml');
    const { code, stderr } = await cli(article, '--date', '2024-06-12', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/drafted by the offline extractor .* every quote verified at its offsets/);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('title: Clerk convicted');
    const checked = await validateCaseFile(out, yaml, draftValidationEnv);
    expect(checked.problems).toEqual([]);
  }, 60_000);

  it('refuses an empty article with exit 1 and writes nothing', async () => {
    const article = path.join(dir, 'empty.txt');
    writeFileSync(article, '\n\n');
    const out = path.join(dir, 'none.case.yaml');
    const { code, stderr } = await cli(article, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/empty\.txt: no draft: the article is empty/);
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);

  it('names a wrong option and a missing file', async () => {
    expect(await cli('--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --bogus') });
    expect(await cli(path.join(dir, 'missing.txt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read it') });
  }, 60_000);
});
