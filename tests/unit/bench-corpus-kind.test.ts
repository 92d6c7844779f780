import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusFiles } from '../../bench/generate/corpus.js';
import { corpusKindOf, storesCorpusLabel } from '../../bench/reads/corpus-store.js';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-kind-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the corpus of stores built beforehand is labelled by what it holds', () => {
  const synthetic = () => folder({ 'syn-000000.case.yaml': syntheticCaseFile('syn', 0), 'syn-000001.case.yaml': syntheticCaseFile('syn', 1), 'syn-bench.case.yaml': syntheticJudgeFile('syn') });

  it('small cases of bench/synthetic.ts are synthetic, not generated', () => {
    expect(corpusKindOf(synthetic())).toBe('synthetic');
  });

  it('files npm run generate wrote are generated', () => {
    const files = Object.fromEntries([...corpusFiles({ cases: 2, seed: 1, prefix: 'gen', format: 'yaml' })].filter((f) => f.path.endsWith('.case.yaml')).map((f) => [f.path, f.content]));
    expect(corpusKindOf(folder(files))).toBe('generated');
  });

  it('a synthetic-looking file changed by hand, or any other case file, is neither', () => {
    expect(corpusKindOf(folder({ 'syn-000000.case.yaml': syntheticCaseFile('syn', 0).replace('open', 'closed') }))).toBe('case files');
    expect(corpusKindOf(folder({ 'a.case.yaml': 'formatVersion: 1\n' }))).toBe('case files');
  });

  it('the run line names each kind once with its folders', () => {
    const [a, b] = [synthetic(), synthetic()];
    expect(storesCorpusLabel([a, b])).toBe(`synthetic (bench/synthetic.ts: small cases, all sharing one judge), stores built beforehand: ${a}, ${b}`);
  });
});
