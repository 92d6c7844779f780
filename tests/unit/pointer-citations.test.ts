import { describe, expect, it } from 'vitest';
import type { CaseFile, Citation } from '../../src/ingest/casefile/case-file.js';
import { planCaseFile } from '../../src/ingest/casefile/plan.js';
import { validateCaseData } from '../../src/ingest/casefile/validate.js';

const env = { readDocument: async () => { throw new Error('no files'); }, lookupIds: async () => new Map() };
const record = JSON.stringify({ parties: [{ name: 'Ann Example', number: 7 }], note: 'Filed by Ann Example on time.' }, null, 2);

/** A case file citing `sources` of a JSON document (first) and of a plain text (second). */
const file = (sources: Citation[]): CaseFile => ({
  formatVersion: 1,
  documents: [{ id: 'rec', title: 'A record', text: record }, { id: 'plain', title: 'Plain', text: 'Not JSON at all.' }],
  case: { id: 'pointer-case', caption: 'Pointer case', status: 'open', sources },
});
const problems = async (sources: Citation[]) => (await validateCaseData('x.json', file(sources), env)).problems.map((p) => `${p.path}: ${p.message}`);

describe('citations with a JSON Pointer', () => {
  it('cite a whole string, a part of it (any length) or a number, with offsets inside the string', async () => {
    const { valid } = await validateCaseData('x.json', file([{ pointer: '/parties/0/name' }, { pointer: '/note', quote: 'Ann' }, { pointer: '/parties/0/number' }]), env);
    expect(valid).toBeDefined();
    expect(planCaseFile(valid!).passages).toEqual([
      { id: 'rec:/parties/0/name:0-11', documentId: 'rec', pointer: '/parties/0/name', quote: 'Ann Example', start: 0, end: 11 },
      { id: 'rec:/note:9-12', documentId: 'rec', pointer: '/note', quote: 'Ann', start: 9, end: 12 },
      { id: 'rec:/parties/0/number:0-1', documentId: 'rec', pointer: '/parties/0/number', quote: '7', start: 0, end: 1 },
    ]);
  });

  it('report a pointer to nothing, to a non-string, into a text that is not JSON, and a quote not in the string', async () => {
    expect(await problems([
      { pointer: '/parties/1/name' },
      { pointer: '/parties/0' },
      { pointer: '/x', document: 'plain' },
      { pointer: '/note', quote: 'Bob' },
    ])).toEqual([
      'case.sources[0].pointer: nothing is at /parties/1/name in document "rec"',
      'case.sources[1].pointer: the value at /parties/0 is not a string',
      'case.sources[2].pointer: document "plain" is not JSON, so a pointer cannot name a place in it',
      'case.sources[3].quote: the quote "Bob" is not in the string at /note',
    ]);
  });

  it('leave the rules of plain citations as they were: a quote is required and at least 3 characters', async () => {
    expect(await problems([{ document: 'plain' }, { quote: 'at', document: 'plain' }])).toEqual([
      'case.sources[0]: missing required field "quote"',
      'case.sources[1].quote: the quote "at" is shorter than 3 characters',
    ]);
  });
});
