import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCase } from '../../src/ingest/write/import.js';
import { loadCaseFile } from '../../src/ingest/pipeline/load.js';
import { CaseFileError, type Problem } from '../../src/ingest/casefile/problems.js';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { MAX_CASE_FILE_BYTES, validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { createLogger } from '../../src/shared/logger.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';

/**
 * Every kind of bad input, one fictional fixture each (tests/fixtures/bad/), through the loader
 * and through the importCase mutation: the problem is located, explained, and nothing is written.
 */
const SEED_CASE = 'baldwin-involuntary-manslaughter-case';
const BAD = path.resolve('tests/fixtures/bad');
const IMPORT = `mutation($file: String!, $format: CaseFileFormat) { importCase(file: $file, format: $format) { caseId applied } }`;
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-bad-'));
  await loadSeeds(api.executor, createLogger('silent'));
});
afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

/** 1-based line and column of the nth occurrence of `token` in `text`. */
function locate(text: string, token: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k < nth; k += 1) {
    at = text.indexOf(token, at + 1);
    if (at === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(token)}`);
  }
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** Code-point offsets of every occurrence of `quote` in the fixture's first document. */
function offsets(fixtureText: string, quote: string): { start: number; end: number }[] {
  const doc = (parse(fixtureText) as { documents: { text: string }[] }).documents[0]!.text;
  const found: { start: number; end: number }[] = [];
  for (let at = doc.indexOf(quote); at !== -1; at = doc.indexOf(quote, at + 1)) {
    const start = Array.from(doc.slice(0, at)).length;
    found.push({ start, end: start + Array.from(quote).length });
  }
  return found;
}

/**
 * The seed case's fingerprint with the case ids of other test files masked out. Other test files
 * (which may run in parallel on the same database) link their cases to seed nodes such as the
 * judge, which adds STATES of their contributions to those nodes (and passages' caseIds and
 * owners); anything one of these fixtures wrote would still show, under its own `bad-` ids.
 */
async function seedState(): Promise<string[]> {
  const ours = (value: unknown) => typeof value !== 'string' || value.startsWith('baldwin-') || value.startsWith('bad-');
  return (await caseFingerprint(api.executor, SEED_CASE)).map((line) => {
    const row = JSON.parse(line) as unknown[];
    const last = row.at(-1);
    // A node's STATES, "contribution|defines|hash|passages": those of other files' contributions are masked.
    if (Array.isArray(last)) return JSON.stringify([...row.slice(0, -1), last.filter(ours)]);
    const props = last as Record<string, unknown>;
    for (const key of ['caseIds', 'owners']) {
      if (Array.isArray(props[key])) props[key] = (props[key] as unknown[]).filter(ours);
    }
    return JSON.stringify(row);
  });
}

interface Row {
  /** The kind of mistake. */
  kind: string;
  file: string;
  /** The id prefix of the fixture: its case is `<prefix>-case`, its defendant `<prefix>-pat`. */
  prefix: string;
  /** Field path of the one problem. */
  path: string;
  /** The text the problem points at (line and column are computed from where it is in the file). */
  at: string;
  nth?: number;
  message: string | ((text: string) => string);
  hint: string | ((text: string) => string);
  /** What the server says instead, when it differs (it reads no files). */
  serverMessage?: string;
}

const ROWS: Row[] = [
  {
    kind: 'malformed YAML', file: 'malformed-yaml.case.yaml', prefix: 'bad-yaml', path: '', at: 'Judge: Quinn Nobody',
    message: 'the file is not valid YAML/JSON: Nested mappings are not allowed', hint: 'fix the syntax at this position',
  },
  {
    // The parser notices the missing comma after "status": "open" at the next key.
    kind: 'malformed JSON', file: 'malformed-json.case.json', prefix: 'bad-json', path: '', at: '"sources"',
    message: 'the file is not valid YAML/JSON: Missing , between flow map items', hint: 'fix the syntax at this position',
  },
  {
    kind: 'unknown field', file: 'unknown-field.case.yaml', prefix: 'bad-field', path: 'entities[0].nickname', at: 'Patty',
    message: 'unknown field "nickname"', hint: 'remove it or use one of: id, kind, name, unnamed, aliases, description, age, occupation',
  },
  {
    kind: 'missing required field', file: 'missing-field.case.yaml', prefix: 'bad-missing', path: 'charges[0]', at: 'id: bad-missing-charge',
    message: 'missing required field "offence"', hint: 'add offence',
  },
  {
    kind: 'wrong type', file: 'wrong-type.case.yaml', prefix: 'bad-type', path: 'entities[1].age', at: '"sixty"',
    message: 'must be an integer, not string "sixty"', hint: 'write an integer here',
  },
  {
    kind: 'invalid id', file: 'invalid-id.case.yaml', prefix: 'bad-id', path: 'entities[1].id', at: 'Bad_Id_Quinn',
    message: '"Bad_Id_Quinn" is not a valid id', hint: 'use lower-case letters, digits and single hyphens',
  },
  {
    kind: 'duplicate id', file: 'duplicate-id.case.yaml', prefix: 'bad-dup', path: 'events[0].id', at: 'bad-dup-charge', nth: 2,
    message: 'duplicate id "bad-dup-charge"',
    hint: (text) => `it is already used at charges[0].id (line ${locate(text, 'bad-dup-charge', 1).line})`,
  },
  {
    kind: 'unknown id (a typo)', file: 'unknown-ref.case.yaml', prefix: 'bad-ref', path: 'charges[0].defendant', at: 'bad-ref-patt',
    message: 'unknown id "bad-ref-patt"', hint: 'did you mean "bad-ref-pat"?',
  },
  {
    kind: 'reference of the wrong kind', file: 'wrong-kind.case.yaml', prefix: 'bad-kind', path: 'rulings[0].judge', at: 'bad-kind-charge', nth: 2,
    message: '"bad-kind-charge" is a Charge, but this field needs a Person', hint: 'refer to a Person here',
  },
  {
    kind: 'quote not found', file: 'quote-not-found.case.yaml', prefix: 'bad-quote', path: 'acts[0].sources[0].quote', at: `"Pat Nobody's dog waited"`,
    message: `the quote "Pat Nobody's dog waited" is not in the document`, hint: 'apostrophes, quotation marks or spaces differ',
  },
  {
    kind: 'ambiguous quote', file: 'ambiguous-quote.case.yaml', prefix: 'bad-ambiguous', path: 'entities[2].sources[0].quote', at: '"the old mill"',
    message: 'the quote "the old mill" occurs 2 times in the document',
    hint: (text) => `add start/end to pick one: ${offsets(text, 'the old mill').map((o) => `start: ${o.start}, end: ${o.end}`).join(' | ')}`,
  },
  {
    kind: 'offsets that do not match the quote', file: 'wrong-offsets.case.yaml', prefix: 'bad-offsets', path: 'charges[0].sources[0].quote', at: '"charged with fictional loitering"',
    message: 'the quote is not at offsets 10-42',
    hint: (text) => `it occurs at ${offsets(text, 'charged with fictional loitering').map((o) => `${o.start}-${o.end}`).join(', ')};`,
  },
  {
    kind: 'a date that is not a date', file: 'impossible-date.case.yaml', prefix: 'bad-date', path: 'events[0].time.date', at: '"2021-02-30"',
    message: '"2021-02-30" is not a day of the calendar', hint: 'give a real calendar date',
  },
  {
    kind: 'a document path that does not exist', file: 'missing-document.case.yaml', prefix: 'bad-path', path: 'documents[0].path', at: 'bad-path-no-such-report.txt',
    message: 'cannot read "bad-path-no-such-report.txt": no such file', hint: 'give a path relative to the case file',
    serverMessage: 'cannot read "bad-path-no-such-report.txt": the server reads no files: give the document inline with text:',
  },
];

/** Loads `file` with the loader and then through importCase, returning both sets of problems. */
async function loadBoth(file: string, display: string): Promise<{ loader: CaseFileError; server: { message: string; code: unknown; problems: Problem[] } }> {
  const loader = await loadCaseFile(api.executor, file, display).then(
    () => { throw new Error(`${display} loaded without a problem`); },
    (error: unknown) => error,
  );
  expect(loader).toBeInstanceOf(CaseFileError);
  const json = file.endsWith('.json');
  const response = await api.gql(IMPORT, { file: readFileSync(file, 'utf8'), format: json ? 'JSON' : 'YAML' }, WRITE);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0]!;
  return {
    loader: loader as CaseFileError,
    server: { message: error.message, code: error.extensions?.code, problems: error.extensions?.problems as Problem[] },
  };
}

describe('bad input: one fixture per kind of mistake, through the loader and importCase', () => {
  it.each(ROWS)('$kind ($file)', async (row) => {
    const file = path.join(BAD, row.file);
    const text = readFileSync(file, 'utf8');
    const display = `tests/fixtures/bad/${row.file}`;
    const { line, column } = locate(text, row.at, row.nth);
    const message = typeof row.message === 'function' ? row.message(text) : row.message;
    const hint = typeof row.hint === 'function' ? row.hint(text) : row.hint;
    const caseId = `${row.prefix}-case`;
    const entityId = `${row.prefix}-pat`;
    const before = await seedState();

    const { loader, server } = await loadBoth(file, display);

    // The loader: exactly one problem, where the mistake is, saying what is wrong and how to fix it.
    expect(loader.problems).toHaveLength(1);
    const problem = loader.problems[0]!;
    expect(problem).toMatchObject({ file: display, line, column, path: row.path });
    expect(problem.message).toContain(message);
    expect(problem.hint).toContain(hint);
    expect(loader.message).toMatch(/^1 problem found; nothing was written\.\n/);
    expect(loader.message).toContain(`${display}:${line}:${column}${row.path ? ` ${row.path}:` : ''} ${problem.message}`);

    // The server: BAD_USER_INPUT with the same problem under its own file name.
    const serverFile = row.file.endsWith('.json') ? 'case-file.json' : 'case-file.yaml';
    expect(server.code).toBe('BAD_USER_INPUT');
    expect(server.problems).toEqual([{ ...problem, file: serverFile, message: row.serverMessage ?? problem.message }]);
    if (row.serverMessage) expect(row.serverMessage).not.toBe(problem.message);
    expect(server.message).toContain(`1 problem found; nothing was written.\n${serverFile}:${line}:${column}`);

    // Nothing was written, by either.
    expect(await countById(api.executor, caseId)).toBe(0);
    expect(await countById(api.executor, entityId)).toBe(0);
    expect(await countById(api.executor, `${row.prefix}-report`)).toBe(0);
    expect(await caseFingerprint(api.executor, caseId)).toEqual([]);
    expect(await seedState()).toEqual(before);
  });

  it('a file over the size limit (generated, not committed)', async () => {
    // A valid fixture padded with a YAML comment to one byte over the limit.
    const valid = readFileSync(path.join(BAD, 'impossible-date.case.yaml'), 'utf8').replace('date: "2021-02-30"', 'date: "2021-03-04"').replace(/bad-date-/g, 'bad-size-');
    const pad = (bytes: number) => `${valid}# ${'x'.repeat(bytes - Buffer.byteLength(valid) - 3)}\n`;
    const file = path.join(scratch, 'too-large.case.yaml');
    writeFileSync(file, pad(MAX_CASE_FILE_BYTES + 1));
    expect(readFileSync(file).length).toBe(MAX_CASE_FILE_BYTES + 1);
    const before = await seedState();

    const { loader, server } = await loadBoth(file, 'too-large.case.yaml');
    expect(loader.problems).toEqual([{
      file: 'too-large.case.yaml', line: 1, column: 1, path: '',
      message: 'the file is larger than 5 MiB', hint: expect.stringContaining('keep long documents in their own text files'),
    }]);
    expect(server.code).toBe('BAD_USER_INPUT');
    expect(server.problems).toEqual([{ ...loader.problems[0], file: 'case-file.yaml' }]);
    expect(await countById(api.executor, 'bad-size-case')).toBe(0);
    expect(await countById(api.executor, 'bad-size-pat')).toBe(0);
    expect(await seedState()).toEqual(before);

    // The limit itself is allowed: exactly MAX_CASE_FILE_BYTES gives no size problem (and this file is valid).
    const atLimit = pad(MAX_CASE_FILE_BYTES);
    expect(Buffer.byteLength(atLimit)).toBe(MAX_CASE_FILE_BYTES);
    const { problems } = await validateCaseFile('at-limit.case.yaml', atLimit, {
      readDocument: async () => { throw new Error('no files'); },
      lookupIds: async () => new Map(),
    });
    expect(problems).toEqual([]);
  });

  it('two roles with the same who, role and in (so the same default id) are a duplicate id', async () => {
    // docs/case-file-format.md, roles: "id ... Defaults to role-<who>-<role>-<in>; unique among the
    // file's roles and relations". Loaded anyway, the two would become one HAS_ROLE relationship,
    // keeping only the second one's description and sources.
    const file = path.join(BAD, 'duplicate-role.case.yaml');
    const text = readFileSync(file, 'utf8');
    const before = await seedState();
    try {
      const { loader, server } = await loadBoth(file, 'duplicate-role.case.yaml');
      const { line } = locate(text, 'who: bad-role-pat', 2);
      for (const problems of [loader.problems, server.problems]) {
        expect(problems).toHaveLength(1);
        expect(problems[0]!.path).toMatch(/^roles\[1\]/);
        expect(problems[0]!.line).toBe(line);
        expect(problems[0]!.message).toContain('duplicate id "role-bad-role-pat-defendant-bad-role-case"');
        expect(problems[0]!.hint).toContain('roles[0]');
      }
      expect(server.code).toBe('BAD_USER_INPUT');
      expect(await countById(api.executor, 'bad-role-case')).toBe(0);
      expect(await seedState()).toEqual(before);
    } finally {
      // Should the file load (the bug this test guards against), take it out again.
      if ((await countById(api.executor, 'bad-role-case')) > 0) await deleteCase(api.executor, 'bad-role-case');
    }
  });

  it('reports three different meaning mistakes of one file at once', async () => {
    const file = path.join(BAD, 'three-mistakes.case.yaml');
    const text = readFileSync(file, 'utf8');
    const before = await seedState();
    const { loader, server } = await loadBoth(file, 'three-mistakes.case.yaml');
    const expected = [
      { path: 'charges[0].defendant', ...locate(text, 'bad-three-pta'), message: 'unknown id "bad-three-pta"', hint: 'did you mean "bad-three-pat"?' },
      { path: 'entities[1].sources[0].quote', ...locate(text, '"Judge Quinn Nobody presides"'), message: 'the quote "Judge Quinn Nobody presides" is not in the document', hint: 'copy the passage' },
      { path: 'events[0].time.date', ...locate(text, '"2021-02-30"'), message: '"2021-02-30" is not a day of the calendar', hint: 'give a real calendar date' },
    ];
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    for (const problems of [loader.problems, server.problems]) {
      expect(problems).toHaveLength(3);
      expect([...problems].sort(byPath)).toEqual(expected.map((p) => expect.objectContaining({
        path: p.path, line: p.line, column: p.column, message: p.message, hint: expect.stringContaining(p.hint),
      })));
    }
    expect(loader.message).toMatch(/^3 problems found; nothing was written\./);
    expect(server.code).toBe('BAD_USER_INPUT');
    expect(await countById(api.executor, 'bad-three-case')).toBe(0);
    expect(await countById(api.executor, 'bad-three-pat')).toBe(0);
    expect(await seedState()).toEqual(before);
  });
});
