import { describe, expect, it } from 'vitest';
import { unsupported, type EdgeEnd } from '../support/edge-quotes.js';

const person: EdgeEnd = { id: 'p', kind: 'PERSON', name: 'Troy Teske', aliases: ['the officer’s friend'], sources: [] };
const fact: EdgeEnd = { id: 'f', kind: 'EVIDENCE', name: 'live rounds', aliases: [], sources: [{ documentId: 'd', quote: 'x', start: 10, end: 20 }] };
const passage = (quote: string, start: number, end: number) => ({ documentId: 'd', quote, start, end });

describe('the seed edge check', () => {
  it('accepts a quote that names an entity (any apostrophe, any capitals) and overlaps the fact’s own passage', () => {
    expect(unsupported({ id: 'e', type: 'RECEIVED_FROM', from: fact, to: person, sources: [passage("from THE OFFICER'S FRIEND", 15, 40)] })).toEqual([]);
  });

  it('names what each quote misses: a word inside another word does not count, nor a passage elsewhere', () => {
    expect(unsupported({ id: 'e', type: 'RECEIVED_FROM', from: fact, to: person, sources: [passage('from Troy Teskes', 30, 46)] })).toEqual([
      { quote: 'from Troy Teskes', missing: ['f', 'p'] },
    ]);
    expect(unsupported({ id: 'e', type: 'X', from: fact, to: person, sources: [] })).toEqual([{ quote: '(no source)', missing: ['f', 'p'] }]);
  });
});
