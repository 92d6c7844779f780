import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/ingest/casefile/quick-parse.js';
import { parseCaseFile } from '../../src/ingest/casefile/parse.js';

/** Texts where YAML readers are known to differ, or where the full reader reports a problem. */
const TEXTS: Record<string, string> = {
  scalars: [
    'a: ~', 'b: null', 'c: Null', 'd: NULL', 'e:', 'f: true', 'g: False', 'h: TRUE', 'i: yes', 'j: no', 'k: on',
    'l: 012', 'm: 0o17', 'n: 0x1F', 'o: 0b101', 'p: 1_000', 'q: +12', 'r: -0', 's: 1.0', 't: .5', 'u: 1.', 'v: 1e3',
    'w: -1.5E-2', 'x: .inf', 'y: -.Inf', 'z: .NaN', 'aa: 2001-12-14', 'ab: "12"', "ac: '0x1F'", 'ad: 12345678901234567890',
    'ae: 1:20', 'af: =', 'ag: <<', 'ah: !!str 12', 'ai: !!int "7"', 'aj: |\n  two\n  lines\n', 'ak: >-\n  folded\n  text',
    'al: "tab\\there \\u00e9 \\/"', "am: 'it''s'", 'an: a #comment', 'ao: a#b', 'ap: [1, two, "3", {b: c}]', 'aq: {x: 1, y: [2]}',
  ].join('\n'),
  keys: '1: a\ntrue: b\n~: c\n? [x]\n: d\n"q": e\n',
  merge: 'base: {a: 1}\n<<: {b: 2}\n',
  anchors: 'a: &x {b: 1}\nc: *x\n',
  aliasInText: 'a: "see *this"\nb: Smith &Co\n',
  directive: '%YAML 1.1\n---\na: yes\n',
  tags: 'a: !!binary aGk=\nb: !custom x\nc: !!set {a}\n',
  duplicate: 'a: 1\na: 2\n',
  syntax: 'a: [1, 2\nb: c\n',
  tabs: 'a:\n\tb: 1\n',
  multi: 'a: 1\n---\nb: 2\n',
  surrogate: 'a: "\\uD800"\n',
  deep: `a: ${'['.repeat(120)}${']'.repeat(120)}\n`,
  longKey: `${'k'.repeat(1100)}: 1\n`,
  bom: '\uFEFFa: 1\n',
  crlf: 'a: 1\r\nb:\r\n  - x\r\n',
};

describe('quickParse', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    for (const file of [`${name}.case.yaml`, `${name}.json`]) {
      it(`reads ${file} as parseCaseFile does, or leaves it to it`, () => {
        const quick = quickParse(file, text);
        const full = parseCaseFile(file, text);
        if (quick === undefined) return;
        expect(full.problems).toEqual([]);
        expect(quick.data).toStrictEqual(full.parsed!.data);
      });
    }
  }

  it('reads well-formed case files itself', () => {
    const text = 'formatVersion: 1\ncase:\n  id: a-case\n  caption: "A v. B"\n  aliases: []\nentities:\n  - id: a\n    age: 40\n';
    const quick = quickParse('x.case.yaml', text);
    expect(quick?.data).toStrictEqual(parseCaseFile('x.case.yaml', text).parsed!.data);
    expect(quickParse('x.json', JSON.stringify({ formatVersion: 1, case: { id: 'a' } }))).toBeDefined();
    // So that the comparisons above are made for these (the others are left to the full reader).
    for (const name of ['scalars', 'merge', 'bom', 'crlf']) expect(quickParse(`${name}.case.yaml`, TEXTS[name]!), name).toBeDefined();
  });

  it('leaves anchors, directives, unknown tags, duplicates and syntax errors to the full reader', () => {
    for (const name of ['anchors', 'keys', 'longKey', 'directive', 'tags', 'duplicate', 'syntax', 'surrogate', 'deep', 'multi']) expect(quickParse(`${name}.case.yaml`, TEXTS[name]!), name).toBeUndefined();
  });

  it('finds a position by reading the file again', () => {
    const text = 'a: 1\nb:\n  c: 2\n';
    const quick = quickParse('x.case.yaml', text)!;
    expect(quick.position(['b', 'c'])).toEqual(parseCaseFile('x.case.yaml', text).parsed!.position(['b', 'c']));
    expect(quick.position(['b', 'c']).line).toBe(3);
  });
});
