import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseCaseFile } from '../../src/ingest/casefile/parse.js';

const tooDeep = expect.objectContaining({ message: expect.stringContaining(`more than ${MAX_NESTING} levels (MAX_NESTING)`) });

describe('nesting deeper than a case file ever needs', () => {
  it('JSON brackets 20,000 deep: refused as too deep, with its place, not a stack overflow', () => {
    const { parsed, problems } = parseCaseFile('deep.case.json', `{"case":\n ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([tooDeep]);
    expect(problems[0]).toMatchObject({ file: 'deep.case.json', line: 2, column: MAX_NESTING + 1 });
    expect(problems[0]!.message).not.toMatch(/call stack/);
  });

  it('YAML compact sequences 5,000 deep (which exhaust the parser) and indentation 1,000 deep: refused as too deep', () => {
    const dashes = parseCaseFile('dashes.case.yaml', `case:\n${'- '.repeat(5_000)}x\n`).problems;
    expect(dashes).toEqual([tooDeep]);
    expect(dashes[0]!.line).toBe(2);
    const indented = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n';
    const { problems } = parseCaseFile('indented.case.yaml', indented);
    expect(problems).toEqual([tooDeep]);
    expect(problems[0]!.message).not.toMatch(/call stack/);
  });

  it('nesting just past the limit is refused at the deepest path; at the limit it parses', () => {
    const nest = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    expect(parseCaseFile('ok.case.json', nest(MAX_NESTING)).problems).toEqual([]);
    expect(parseCaseFile('over.case.json', nest(MAX_NESTING + 1)).problems).toEqual([tooDeep]);
    const blockOver = Array.from({ length: MAX_NESTING + 2 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n';
    const block = parseCaseFile('block.case.yaml', blockOver).problems;
    expect(block).toEqual([tooDeep]);
    expect(block[0]).toMatchObject({ line: MAX_NESTING + 2, path: Array(MAX_NESTING + 1).fill('k').join('.') });
  });

  it('brackets inside quoted text and comments do not count', () => {
    const text = `name: "${'['.repeat(500)}"\nnote: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\nok: [1, [2]]\n`;
    expect(parseCaseFile('quoted.case.yaml', text).problems).toEqual([]);
  });
});

describe('YAML tags', () => {
  it('a !!js/function tag is refused with its place and field, not stored as text', () => {
    const text = 'case:\n  id: tagged-case\n  entities:\n    - id: x\n      name: !!js/function "function () { return 1 }"\n';
    const { parsed, problems } = parseCaseFile('tagged.case.yaml', text);
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ file: 'tagged.case.yaml', line: 5, column: 13, path: 'case.entities[0].name', message: expect.stringContaining('the YAML tag !!js/function is not allowed') }),
    ]);
  });

  it('any tag beyond JSON values is refused (custom, !!binary, !!set); tags that restate a JSON value are accepted', () => {
    for (const value of ['!custom x', '!!binary aGVsbG8=', '!!set {a}', '!!timestamp 2001-12-14']) {
      expect(parseCaseFile('t.case.yaml', `a: ${value}\n`).problems, value).toEqual([expect.objectContaining({ line: 1, column: 4, path: 'a' })]);
    }
    expect(parseCaseFile('t.case.yaml', 'a: !!str 12\nb: !!int "3"\nc: !!seq [1]\n').parsed?.data).toEqual({ a: '12', b: 3, c: [1] });
  });
});
