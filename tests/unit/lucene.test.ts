import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, toLuceneQuery } from '../../src/search/lucene.js';

describe('toLuceneQuery', () => {
  it('matches each word whole or as a prefix, and words shorter than 3 letters whole only', () => {
    expect(toLuceneQuery('  Bald  rust ')).toBe('(Bald OR Bald*) (rust OR rust*)');
    expect(toLuceneQuery('dA of')).toBe('dA of');
  });

  it('escapes every Lucene special character', () => {
    expect(toLuceneQuery('a:b')).toBe('a\\:b');
    expect(toLuceneQuery('(x)')).toBe('\\(x\\)');
    expect(toLuceneQuery('foo" OR 1=1')).toBe('(foo\\" OR foo\\"*) or (1=1 OR 1=1*)');
    expect(toLuceneQuery('a\\b')).toBe('a\\\\b');
    for (const c of '+-!(){}[]^"~*?:\\/&|') {
      expect(toLuceneQuery(`x${c}y`)).toBe(`x\\${c}y`);
      expect(toLuceneQuery(`ab${c}cd`)).toBe(`(ab\\${c}cd OR ab\\${c}cd*)`);
    }
  });

  it('treats AND, OR and NOT as plain words, not operators', () => {
    expect(toLuceneQuery('Baldwin AND NOT Hutchins OR')).toBe('(Baldwin OR Baldwin*) (and OR and*) (not OR not*) (Hutchins OR Hutchins*) or');
    expect(toLuceneQuery('and')).toBe('(and OR and*)');
  });

  it('returns null when there is nothing to search for', () => {
    for (const input of ['', '   ', '\t\n ', '\\', '\\ \\\\']) expect(toLuceneQuery(input)).toBeNull();
  });

  it('returns null for input made only of query syntax', () => {
    // "Returns null when no word is left to search for": punctuation alone is not a word.
    for (const input of ['()', '"', ':', '* ?', '&& ||', '"~^"']) expect(toLuceneQuery(input), JSON.stringify(input)).toBeNull();
  });

  it(`keeps at most MAX_SEARCH_TERMS (${MAX_SEARCH_TERMS}) terms`, () => {
    expect(MAX_SEARCH_TERMS).toBe(16);
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const query = toLuceneQuery(words.join(' '))!;
    expect(query.match(/\(word\d+ OR word\d+\*\)/g)).toHaveLength(MAX_SEARCH_TERMS);
    expect(query.endsWith('(word15 OR word15*)')).toBe(true);
  });
});
