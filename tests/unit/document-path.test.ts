import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentReader, DOCUMENT_PATH_RULE } from '../../src/ingest/pipeline/load.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';

let root: string;
let caseDir: string;
const caseFile = () => path.join(caseDir, 'x.case.yaml');

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'case-graph-docpath-'));
  caseDir = path.join(root, 'cases', 'one');
  mkdirSync(path.join(caseDir, 'texts'), { recursive: true });
  writeFileSync(path.join(caseDir, 'article.txt'), 'Inside the folder.');
  writeFileSync(path.join(caseDir, 'texts', 'deeper.txt'), 'In a folder below.');
  writeFileSync(path.join(root, 'secret.txt'), 'Outside the folder.');
  symlinkSync(path.join(root, 'secret.txt'), path.join(caseDir, 'link-out.txt'));
  symlinkSync(path.join(caseDir, 'article.txt'), path.join(caseDir, 'link-in.txt'));
  symlinkSync(root, path.join(caseDir, 'dir-out'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('documents are read only from inside the case file\'s folder', () => {
  it('reads files in the folder and below it, and links that stay inside', async () => {
    const read = documentReader(caseFile());
    expect(await read('article.txt')).toBe('Inside the folder.');
    expect(await read('texts/deeper.txt')).toBe('In a folder below.');
    expect(await read('./texts/../article.txt')).toBe('Inside the folder.');
    expect(await read('link-in.txt')).toBe('Inside the folder.');
  });

  it('refuses ../, a link leading out, a folder link leading out and absolute paths, naming the path and the rule', async () => {
    const read = documentReader(caseFile());
    for (const bad of ['../../secret.txt', '../../../../../../etc/passwd', 'link-out.txt', 'dir-out/secret.txt', 'texts/../../one/../../secret.txt']) {
      const error = await read(bad).catch((e: unknown) => e as Error);
      expect(error, bad).toBeInstanceOf(Error);
      expect((error as Error).message, bad).toContain(`"${bad}" leads outside the case file's folder`);
      expect((error as Error).message, bad).toContain(DOCUMENT_PATH_RULE);
    }
    await expect(read(path.join(root, 'secret.txt'))).rejects.toThrow(DOCUMENT_PATH_RULE);
    await expect(read('missing.txt')).rejects.toThrow('no such file');
  });

  it('reports it as a problem of documents[i].path, so nothing of the file is written', async () => {
    const text = `formatVersion: 2
documents:
  - { id: doc-a, title: A, path: ../../etc/passwd }
case: { id: docpath-case, caption: C, status: open, sources: [{ quote: root }] }
`;
    const { problems, valid } = await validateCaseFile(caseFile(), text, { readDocument: documentReader(caseFile()), lookupIds: async () => new Map() });
    expect(valid).toBeUndefined();
    expect(problems[0]).toMatchObject({ path: 'documents[0].path', line: 3 });
    expect(problems[0]!.message).toContain('"../../etc/passwd" leads outside the case file\'s folder');
  });
});
