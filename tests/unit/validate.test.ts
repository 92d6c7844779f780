import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/ingest/casefile/problems.js';
import { MAX_CASE_FILE_BYTES, validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { CASE_YAML, edit, GRAPH, lineOf, memoryEnv, REPORT_TEXT } from './support/case-file.js';

const validate = (text: string, env = memoryEnv()) => validateCaseFile('rust.case.yaml', text, env);

/** Validates `text`, expects exactly one problem and returns it. */
async function onlyProblem(text: string, env = memoryEnv()): Promise<Problem> {
  const { problems, valid } = await validate(text, env);
  expect(valid).toBeUndefined();
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  expect(problems[0]!.file).toBe('rust.case.yaml');
  return problems[0]!;
}

describe('validateCaseFile: a valid file', () => {
  it('passes, with every quote located in code points', async () => {
    const { problems, valid } = await validate(CASE_YAML);
    expect(problems).toEqual([]);
    expect(valid!.texts.get('report')).toBe(REPORT_TEXT);
    expect(valid!.located.size).toBe(9);
    const located = [...valid!.located.values()];
    expect(located).toContainEqual({ documentId: 'report', quote: 'Alec Baldwin fired the gun', start: 0, end: 26 });
    const at = REPORT_TEXT.indexOf('Baldwin was charged');
    expect(located).toContainEqual({ documentId: 'report', quote: 'Baldwin was charged', start: at, end: at + 19 });
  });

  it('accepts a reference to an id that is already in the graph, and only then', async () => {
    const { valid } = await validate(CASE_YAML);
    expect([...valid!.external]).toEqual([['rust-film', { kind: 'Work', name: 'Rust' }]]);

    const problem = await onlyProblem(CASE_YAML, memoryEnv({}));
    expect(problem).toMatchObject({ path: 'relations[1].to', line: lineOf(CASE_YAML, 'to: rust-film'), message: 'unknown id "rust-film"' });
    expect(problem.hint).toBe('define it in this file or load the case that defines it first');
  });

  it('reads a document given by path through the environment, and reports one it cannot read', async () => {
    const withPath = edit(CASE_YAML, 'case:\n', '  - id: memo\n    title: A memo\n    path: memo.txt\ncase:\n');
    const cited = edit(withPath, '- quote: "the set of Rust"', '- { quote: "the armorer", document: memo }');
    const { problems, valid } = await validate(cited, memoryEnv(undefined, { 'memo.txt': 'A note about the armorer.' }));
    expect(problems).toEqual([]);
    expect([...valid!.located.values()]).toContainEqual({ documentId: 'memo', quote: 'the armorer', start: 13, end: 24 });

    const problem = await onlyProblem(cited);
    expect(problem).toMatchObject({ path: 'documents[1].path', line: lineOf(cited, 'path: memo.txt'), message: 'cannot read "memo.txt": no such file' });
  });
});

describe('validateCaseFile: structural mistakes', () => {
  it('reports an unknown field and lists the allowed ones', async () => {
    const text = edit(CASE_YAML, '    action: fired the gun\n', '    action: fired the gun\n    colour: red\n');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0].colour', line: lineOf(text, 'colour: red'), message: 'unknown field "colour"' });
    expect(problem.hint).toBe('remove it or use one of: id, actor, action, target, object, instrument, time, place, event, case, sources');
  });

  it('reports a missing required field where the object starts, with the field description', async () => {
    const text = edit(CASE_YAML, '    action: fired the gun\n', '');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0]', line: lineOf(text, 'id: baldwin-fired'), message: 'missing required field "action"' });
    expect(problem.hint).toContain('add action: What they did');
  });

  it('reports a value of the wrong type', async () => {
    const text = edit(CASE_YAML, '    occupation: actor\n', '    occupation: actor\n    age: forty\n');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'entities[0].age', line: lineOf(text, 'age: forty'), message: 'must be an integer, not string "forty"' });
  });

  it('reports an id that is not a slug', async () => {
    const text = edit(CASE_YAML, 'id: first-district-court', 'id: First_District');
    const { problems } = await validate(text);
    // The case's court now names no valid id, which is reported too.
    expect(problems.map((p) => p.path)).toEqual(['entities[2].id', 'case.court']);
    const problem = problems[0]!;
    expect(problem).toMatchObject({ path: 'entities[2].id', line: lineOf(text, 'id: First_District'), message: '"First_District" is not a valid id' });
    expect(problem.hint).toContain('lower-case letters, digits and single hyphens');
  });

  it('reports several structural mistakes at once', async () => {
    let text = edit(CASE_YAML, '    action: fired the gun\n', '    action: fired the gun\n    colour: red\n');
    text = edit(text, '    offence: involuntary manslaughter\n', '');
    text = edit(text, '    occupation: actor\n', '    occupation: actor\n    age: forty\n');
    const { problems } = await validate(text);
    expect(problems.map((p) => p.path).sort()).toEqual(['acts[0].colour', 'charges[0]', 'entities[0].age']);
  });

  it('rejects a file larger than MAX_CASE_FILE_BYTES, counted in bytes', async () => {
    // 'é' is two bytes in UTF-8: this text has fewer characters than the limit but more bytes.
    const padding = `# ${'é'.repeat(MAX_CASE_FILE_BYTES / 2)}\n`;
    expect(padding.length).toBeLessThan(MAX_CASE_FILE_BYTES);
    const problem = await onlyProblem(padding + CASE_YAML);
    expect(problem).toMatchObject({ path: '', line: 1, column: 1, message: 'the file is larger than 5 MiB' });
  });
});

describe('validateCaseFile: mistakes of meaning', () => {
  it('reports a duplicate id and points at the first one', async () => {
    const text = edit(CASE_YAML, 'id: baldwin-fired', 'id: alec-baldwin');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0].id', line: lineOf(text, 'acts:') + 1, message: 'duplicate id "alec-baldwin"' });
    expect(problem.hint).toContain(`it is already used at entities[0].id (line ${lineOf(CASE_YAML, 'id: alec-baldwin')})`);
  });

  it('reports an unknown id and suggests a near one', async () => {
    const text = edit(CASE_YAML, 'actor: alec-baldwin', 'actor: alec-baldwn');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0].actor', line: lineOf(text, 'actor: alec-baldwn'), message: 'unknown id "alec-baldwn"' });
    expect(problem.hint).toContain('did you mean "alec-baldwin"?');
  });

  it('reports a reference to a node of the wrong kind', async () => {
    const text = edit(CASE_YAML, 'court: first-district-court', 'court: alec-baldwin');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({
      path: 'case.court', line: lineOf(text, 'court: alec-baldwin'),
      message: '"alec-baldwin" is a Person, but this field needs a Court', hint: 'refer to a Court here',
    });
  });

  it('reports an id the graph already holds as another kind', async () => {
    const env = memoryEnv({ 'rust-film': { kind: 'Work', name: 'Rust' }, 'halyna-hutchins': { kind: 'Organization', name: 'Hutchins Ltd' } });
    const problem = await onlyProblem(CASE_YAML, env);
    expect(problem).toMatchObject({ path: 'entities[1].id', line: lineOf(CASE_YAML, 'id: halyna-hutchins') });
    expect(problem.message).toMatch(/^id "halyna-hutchins" is already an? Organization in the graph \("Hutchins Ltd"\), not a Person$/);
  });

  it('reports a quote that is not in the document', async () => {
    const text = edit(CASE_YAML, '"Baldwin was charged with involuntary manslaughter."', '"Baldwin was charged with manslaughter."');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'charges[0].sources[0].quote', line: lineOf(text, 'charged with manslaughter') });
    expect(problem.message).toBe('the quote "Baldwin was charged with manslaughter." is not in the document');
  });

  it('reports an ambiguous quote with the offsets to choose from', async () => {
    const text = edit(CASE_YAML, '- quote: "Baldwin was charged"\n', '- quote: "Baldwin"\n');
    const problem = await onlyProblem(text);
    const second = REPORT_TEXT.indexOf('Baldwin was');
    expect(problem).toMatchObject({ path: 'roles[0].sources[0].quote', line: lineOf(text, 'quote: "Baldwin"'), message: 'the quote "Baldwin" occurs 2 times in the document' });
    expect(problem.hint).toContain(`start: 5, end: 12 | start: ${second}, end: ${second + 7}`);
  });

  it('reports a date that is not on the calendar', async () => {
    const text = edit(CASE_YAML, 'date: "2021-10-21"', 'date: "2021-02-30"');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0].time.date', line: lineOf(text, '2021-02-30'), message: '"2021-02-30" is not a day of the calendar' });
  });

  it('reports a month given together with a date', async () => {
    const text = edit(CASE_YAML, 'date: "2021-10-21" }', 'date: "2021-10",\n            month: 10 }');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'acts[0].time.month', line: lineOf(text, 'month: 10'), message: 'give month only when the year is unknown' });
  });

  it('reports a document with both path and text', async () => {
    const text = edit(CASE_YAML, '    title: A report on the Rust case\n', '    title: A report on the Rust case\n    path: report.txt\n');
    const problem = await onlyProblem(text, memoryEnv(undefined, { 'report.txt': REPORT_TEXT }));
    expect(problem).toMatchObject({ path: 'documents[0]', line: lineOf(text, 'id: report'), message: 'a document needs either path or text, not both or neither' });
  });

  it('reports a relation type the loader reserves', async () => {
    const text = edit(CASE_YAML, 'type: SHOT', 'type: HAS_ROLE');
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'relations[0].type', line: lineOf(text, 'type: HAS_ROLE'), message: 'relation type HAS_ROLE is reserved' });
  });

  it('reports a field that does not apply to the kind', async () => {
    const org = '  - id: rust-productions\n    kind: Organization\n    name: Rust Movie Productions\n    age: 3\n    sources:\n      - quote: "on the set"\n';
    const text = edit(CASE_YAML, 'charges:\n', `${org}charges:\n`);
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ path: 'entities[3].age', line: lineOf(text, 'age: 3'), message: 'field "age" does not apply to kind Organization' });
  });

  it('writes "an" before a vowel in messages and hints', async () => {
    const wrongType = await onlyProblem(edit(CASE_YAML, '    occupation: actor\n', '    occupation: actor\n    age: forty\n'));
    expect(wrongType.hint).toBe('write an integer here');
    const env = memoryEnv({ ...GRAPH, 'halyna-hutchins': { kind: 'Organization', name: 'Hutchins Ltd' } });
    const inGraph = await onlyProblem(CASE_YAML, env);
    expect(inGraph.message).toBe('id "halyna-hutchins" is already an Organization in the graph ("Hutchins Ltd"), not a Person');
  });

  it('reports every mistake of a file at once', async () => {
    let text = edit(CASE_YAML, 'actor: alec-baldwin', 'actor: alec-baldwn');
    text = edit(text, 'date: "2021-10-21"', 'date: "2021-02-30"');
    text = edit(text, '"Halyna Hutchins died."', '"Halyna Hutchins was killed."');
    const { problems, valid } = await validate(text);
    expect(valid).toBeUndefined();
    expect(problems.map((p) => [p.path, p.line])).toEqual(expect.arrayContaining([
      ['acts[0].actor', lineOf(text, 'alec-baldwn')],
      ['acts[0].time.date', lineOf(text, '2021-02-30')],
      ['entities[1].sources[0].quote', lineOf(text, 'was killed')],
    ]));
    expect(problems).toHaveLength(3);
  });

  it('reports schema and meaning problems of different items in one run', async () => {
    // A schema problem in the charge, an unknown id in the act and a quote that is not there.
    let text = edit(CASE_YAML, 'offence: involuntary manslaughter', 'offence: 42');
    text = edit(text, 'actor: alec-baldwin', 'actor: alec-baldwn');
    text = edit(text, '"Halyna Hutchins died."', '"Halyna Hutchins was killed."');
    const { problems, valid } = await validate(text);
    expect(valid).toBeUndefined();
    expect(problems.map((p) => p.path).sort()).toEqual(['acts[0].actor', 'charges[0].offence', 'entities[1].sources[0].quote']);
    // The charge's id still counts as defined: nothing that refers to it is reported as unknown.
    const refersToCharge = edit(text, 'roles:\n', 'relations:\n  - { type: ABOUT_CHARGE, from: alec-baldwin, to: baldwin-manslaughter, sources: [{ quote: "Alec Baldwin" }] }\nroles:\n');
    const again = await validate(refersToCharge);
    expect(again.problems.map((p) => p.path)).not.toContain('relations[0].to');
  });

  it('reports only schema problems when the document or case sections are malformed', async () => {
    const text = edit(edit(CASE_YAML, 'caption: State v. Baldwin', 'caption: 7'), 'actor: alec-baldwin', 'actor: alec-baldwn');
    const { problems } = await validate(text);
    expect(problems.map((p) => p.path)).toEqual(['case.caption']);
  });
});

