import { describe, expect, it } from 'vitest';
import { importCapCase } from '../../src/ingest/importers/cap/case.js';
import { parseCaption } from '../../src/ingest/importers/cap/caption.js';
import { detectShape } from '../../src/ingest/importers/detect.js';
import { isListPage, splitJson, splitJsonLines } from '../../src/ingest/importers/records.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import { capCase } from '../support/records.js';

describe('the records of a file', () => {
  it('splits a JSON list, an API list page and one record, each with its place and pointer base', () => {
    expect(splitJson([{ a: 1 }, { b: 2 }], '')).toEqual({ records: [
      { record: { a: 1 }, base: [0], text: '', place: 'record 0', line: 1 },
      { record: { b: 2 }, base: [1], text: '', place: 'record 1', line: 1 },
    ] });
    expect(splitJson([{ a: 1 }], 'x')).toMatchObject({ records: [{ base: [0], place: 'the record' }] });
    expect(splitJson({ count: 2, next: null, results: [{ a: 1 }, { b: 2 }] }, '')).toMatchObject({ records: [{ base: ['results', 0], place: 'results[0]' }, { base: ['results', 1] }] });
    expect(splitJson({ a: 1 }, '')).toMatchObject({ records: [{ base: [], place: 'the record' }] });
    expect(splitJson([], '')).toEqual({ empty: 'an empty export ([]), nothing to load' });
    expect(splitJson({ count: 0, next: null, results: [] }, '')).toMatchObject({ empty: expect.stringContaining('no results') });
    expect(isListPage({ results: [] })).toBe(false);
  });

  it('splits JSON lines: each line its own text, a bad line a record of its own problem, blank lines skipped', () => {
    const text = '{"a":1}\r\n\n{"b":\n{"c":3}';
    const split = splitJsonLines(text);
    if (!('records' in split)) throw new Error('expected records');
    expect(split.records.map((r) => [r.place, r.text, r.problem?.line ?? null])).toEqual([
      ['line 1', '{"a":1}', null], ['line 3', '{"b":', 3], ['line 4', '{"c":3}', null],
    ]);
    expect(split.records[1]!.problem!.message).toMatch(/not valid JSON/);
    expect(splitJsonLines('\n \n')).toEqual({ empty: 'an empty file, nothing to load' });
    const cut = splitJsonLines('{"a":1}\n{"b":');
    expect('records' in cut && cut.records[1]!.problem!.hint).toMatch(/truncated/);
  });

  it('tells a CAP case without casebody (CasesMetadata.json) and the CourtListener API objects that are not dockets', () => {
    expect(detectShape({ name: 'A v. B', decision_date: '1900', citations: [] })).toEqual({ format: 'cap-case', base: [] });
    expect(detectShape({ id: 1, party_types: [], docket_id: 9, attorneys: [] })).toEqual({ format: 'courtlistener-party', base: [] });
    expect(detectShape({ id: 1, parties_represented: [] })).toEqual({ format: 'courtlistener-attorney', base: [] });
    expect(detectShape({ id: 1, docket: 'https://www.courtlistener.com/api/rest/v4/dockets/9/', sub_opinions: [] })).toEqual({ format: 'courtlistener-cluster', base: [] });
    expect(detectShape({ id: 1, sub_opinions: [] })).toEqual({ unknown: true });
  });
});

describe('CAP captions', () => {
  it.each([
    ['ALPHA CORP. v. BETA.', [['ALPHA CORP.', 'party', 'Organization'], ['BETA', 'party', 'Person']]],
    ['Jo Quail, Appellant, v. The State of Nowhere, Appellee.', [['Jo Quail', 'appellant', 'Person'], ['The State of Nowhere', 'appellee', 'Organization']]],
    ['Appeal of ZED Q. PRY.', [['ZED Q. PRY', 'appellant', 'Person']]],
    ['Rex Pole et al. vs. Ida Vane', [['Rex Pole', 'party', 'Person'], ['Ida Vane', 'party', 'Person']]],
    ['In re Estate of Nobody.', []],
    ['Ex parte Quill.', []],
    ['In the Matter of the Marriage of Wren Adley, Respondent, and Tobin Adley, Appellant.', [['Wren Adley', 'respondent', 'Person'], ['Tobin Adley', 'appellant', 'Person']]],
    ['In re the Estate of Wren Adley, and Tobin Adley, Appellant.', []],
    ['MATTER OF QUILLON EX REL. TARN v. BEDE.', [['QUILLON EX REL. TARN', 'party', 'Person'], ['BEDE', 'party', 'Person']]],
    ['In re MARCH ESTATE. APPEAL OF ODA MARCH.', [['ODA MARCH', 'appellant', 'Person']]],
    ['In re VALE ESTATE. NORTHWIND BONDING COMPANY v. ROE.', [['NORTHWIND BONDING COMPANY', 'party', 'Organization'], ['ROE', 'party', 'Person']]],
    ['MATTER OF IRA POPPEL.', []],
  ])('%s', (line, expected) => {
    const parties = parseCaption(line);
    expect(parties.map((p) => [p.name, p.role, p.kind])).toEqual(expected);
    for (const p of parties) expect(line.slice(p.from, p.to)).toBe(p.name);
  });
});

describe('CAP old API shape: casebody.data as XML or HTML', () => {
  const xml = '<casebody firstpage="1" xmlns="urn:x">\n  <parties id="p1">Appeal of <em>QUENTIN </em>ROE.</parties>\n  <attorneys id="a1"><em>Ivo Lark, </em>Esq., for the Commissioner.</attorneys>\n  <judges id="j1">Before Mora, Pike, and Sand.</judges>\n  <opinion type="majority">\n    <author id="o1">Mora, J.</author>\n    <p id="b1">The petition is dismissed &amp; the order stands.</p>\n  </opinion>\n</casebody>\n';
  const html = '<section class="casebody" data-firstpage="1">\n<h4 class="parties">Appeal of QUENTIN ROE.</h4>\n<p class="attorneys">Ivo Lark, for the Commissioner.</p>\n<p class="judges">Before Mora, Pike, and Sand.</p>\n<article class="opinion" data-type="majority">\n<p class="author">Mora, J.</p>\n<p>The petition is dismissed &amp; the order stands.</p>\n</article>\n</section>';
  it.each([['XML', xml], ['HTML', html]])('%s: parties, attorneys, panel, opinion with author and text, each cited in the string', (_, data) => {
    const record = { ...capCase(7701), casebody: { status: 'ok', data } };
    delete (record as Record<string, unknown>).cites_to;
    const text = JSON.stringify(record);
    const result = importCapCase({ record, text, base: [] });
    if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
    const file = result.caseFile;
    const roles = file.roles!.map((r) => `${r.role}: ${file.entities!.find((e) => e.id === r.who)!.name}`);
    expect(roles).toEqual(expect.arrayContaining(['appellant: QUENTIN ROE', 'attorney: Ivo Lark', 'judge: Mora', 'judge: Pike', 'judge: Sand']));
    const opinion = file.entities!.find((e) => e.kind === 'Opinion')!;
    expect(opinion).toMatchObject({ opinionType: 'majority', author: expect.stringContaining('mora') });
    expect(String(opinion.text)).toContain('The petition is dismissed & the order stands.');
    for (const c of [...file.entities!.flatMap((e) => e.sources), ...file.roles!.flatMap((r) => r.sources)]) {
      if (!c.pointer!.startsWith('/casebody/data')) continue;
      const value = resolvePointer(record, c.pointer!) as string;
      if (c.quote !== undefined) expect(Array.from(value).slice(c.start, c.end).join('')).toBe(c.quote);
    }
  });

  it('refuses a casebody it cannot read, never loading an empty case', () => {
    const run = (casebody: unknown) => importCapCase({ record: { ...capCase(7702), casebody }, text: '{}', base: [] }).problems;
    expect(run({ status: 'error', data: null })![0]).toMatchObject({ path: ['casebody', 'status'], message: expect.stringContaining('"error"') });
    expect(run({ status: 'ok', data: 'just words' })![0]).toMatchObject({ path: ['casebody', 'data'], message: expect.stringContaining('neither') });
  });
});
