import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../src/ingest/casefile/parse.js';

const YAML_TEXT = `formatVersion: 1
acts:
  - id: first-act
    actor: alec-baldwin
  - id: second-act
    action: loaded
    actor: hannah-gutierrez
`;

describe('parseCaseFile', () => {
  it('parses YAML and JSON to the same data', () => {
    const data = { formatVersion: 1, acts: [{ id: 'a', actor: 'b', time: { month: 3 } }], note: 'say "hi" \u2019 😀' };
    const yaml = parseCaseFile('x.yaml', 'formatVersion: 1\nacts:\n  - { id: a, actor: b, time: { month: 3 } }\nnote: "say \\"hi\\" \u2019 😀"\n');
    const json = parseCaseFile('x.json', JSON.stringify(data, null, 2));
    const tabs = parseCaseFile('x.json', JSON.stringify(data, null, '\t'));
    for (const result of [yaml, json, tabs]) {
      expect(result.problems).toEqual([]);
      expect(result.parsed?.data).toEqual(data);
    }
    expect(json.parsed?.file).toBe('x.json');
  });

  it('reports malformed YAML and JSON as problems with line and column', () => {
    const yaml = parseCaseFile('bad.yaml', 'formatVersion: 1\ncase:\n  id: a: b\n');
    expect(yaml.parsed).toBeUndefined();
    expect(yaml.problems).toHaveLength(1);
    expect(yaml.problems[0]).toMatchObject({
      file: 'bad.yaml', line: 3, column: 7, path: '',
      message: expect.stringMatching(/^the file is not valid YAML\/JSON: /),
      hint: 'fix the syntax at this position (indentation, quotes, colons)',
    });
    const json = parseCaseFile('bad.json', '{"a": 1,, "b": 2}');
    expect(json.problems.map((p) => [p.line, p.column])).toEqual([[1, 9]]);
  });

  it('holds .json files to JSON: a trailing comma YAML would accept is reported where it stands', () => {
    const text = '{\n  "formatVersion": 1,\n  "case": { "id": "a", "caption": "b", }\n}\n';
    expect(parseCaseFile('trailing.yaml', text).problems).toEqual([]);
    const { parsed, problems } = parseCaseFile('trailing.json', text);
    expect(parsed).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'trailing.json', line: 3, path: '', message: expect.stringMatching(/^the file is not valid JSON: /) });
    expect(problems[0]!.hint).toMatch(/trailing commas/);
    expect(parseCaseFile('bom.json', '\ufeff{"formatVersion": 1}').problems).toEqual([]);
  });

  it('reports a duplicate key at the repeated key', () => {
    const { parsed, problems } = parseCaseFile('dup.yaml', 'formatVersion: 1\ncase:\n  id: a\n  caption: b\n  id: c\n');
    expect(parsed).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, column: 3, hint: 'remove or rename the repeated key' });
  });

  it('reports an alias bomb as a problem instead of throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', ''].join('\n');
    let result: ReturnType<typeof parseCaseFile> | undefined;
    expect(() => (result = parseCaseFile('bomb.yaml', bomb))).not.toThrow();
    expect(result?.parsed).toBeUndefined();
    expect(result?.problems[0]).toMatchObject({ file: 'bomb.yaml', path: '' });
  });

  it('gives the line and column of a nested field, or of its nearest written parent', () => {
    const { parsed } = parseCaseFile('acts.yaml', YAML_TEXT);
    expect(parsed!.position(['acts', 1, 'actor'])).toEqual({ line: 7, column: 12 });
    expect(parsed!.position(['acts', 0, 'actor'])).toEqual({ line: 4, column: 12 });
    expect(parsed!.position(['acts', 1])).toEqual({ line: 5, column: 5 });
    // Not written: falls back to the closest parent that is (the second act).
    expect(parsed!.position(['acts', 1, 'time', 'date'])).toEqual({ line: 5, column: 5 });
    expect(parsed!.position(['nothing', 0])).toEqual({ line: 1, column: 1 });
  });

  it('gives positions in JSON too', () => {
    const { parsed } = parseCaseFile('acts.json', '{\n  "acts": [\n    { "id": "x" },\n    { "id": "y", "actor": "z" }\n  ]\n}\n');
    expect(parsed!.position(['acts', 1, 'actor'])).toEqual({ line: 4, column: 27 });
  });
});
