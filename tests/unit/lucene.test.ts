import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_SEARCH_TERMS, MAX_WORD_LENGTH, searchInputProblem, toLuceneQuery } from '../../src/search/lucene.js';

describe('toLuceneQuery', () => {
  it('requires every word, each whole or as a prefix, and words shorter than 3 letters whole only', () => {
    expect(toLuceneQuery('  Bald  rust ')).toBe('+(Bald OR Bald*) +(rust OR rust*)');
    expect(toLuceneQuery('dA of')).toBe('+(dA) +(of)');
  });

  it('escapes every Lucene special character inside words', () => {
    expect(toLuceneQuery('a:b')).toBe('+(a\\:b)');
    expect(toLuceneQuery('(x)')).toBe('+(\\(x\\))');
    expect(toLuceneQuery('a\\b')).toBe('+(a\\\\b)');
    for (const c of '+!(){}[]^~*?:\\/&|') {
      expect(toLuceneQuery(`x${c}y`)).toBe(`+(x\\${c}y)`);
      expect(toLuceneQuery(`ab${c}cd`)).toBe(`+(ab\\${c}cd OR ab\\${c}cd*)`);
    }
  });

  it('reads AND, OR and NOT in capitals as operators, and in lower case as words', () => {
    expect(toLuceneQuery('armorer AND stepfather')).toBe('+(armorer OR armorer*) +(stepfather OR stepfather*)');
    expect(toLuceneQuery('Baldwin OR Hutchins')).toBe('+(Baldwin OR Baldwin* OR Hutchins OR Hutchins*)');
    expect(toLuceneQuery('Baldwin NOT Hutchins')).toBe('+(Baldwin OR Baldwin*) -(Hutchins OR Hutchins*)');
    expect(toLuceneQuery('and')).toBe('+(and OR and*)');
  });

  it('takes quoted phrases and excludes -words', () => {
    expect(toLuceneQuery('"live rounds" Teske')).toBe('+("live rounds") +(Teske OR Teske*)');
    expect(toLuceneQuery('Baldwin -Hutchins')).toBe('+(Baldwin OR Baldwin*) -(Hutchins OR Hutchins*)');
    expect(toLuceneQuery('"a: (b)"')).toBe('+("a\\: \\(b\\)")');
  });

  it('returns null when there is nothing to search for, or only exclusions', () => {
    for (const input of ['', '   ', '\t\n ', '\\', '\\ \\\\', 'NOT Baldwin', '-Baldwin', 'AND OR']) expect(toLuceneQuery(input), JSON.stringify(input)).toBeNull();
  });

  it('returns null for input made only of query syntax', () => {
    for (const input of ['()', '"', ':', '* ?', '&& ||', '"~^"']) expect(toLuceneQuery(input), JSON.stringify(input)).toBeNull();
  });

  it(`keeps at most MAX_SEARCH_TERMS (${MAX_SEARCH_TERMS}) terms`, () => {
    expect(MAX_SEARCH_TERMS).toBe(16);
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const query = toLuceneQuery(words.join(' '))!;
    expect(query.match(/\(word\d+ OR word\d+\*\)/g)).toHaveLength(MAX_SEARCH_TERMS);
    expect(query.endsWith('+(word15 OR word15*)')).toBe(true);
  });
});

describe('searchInputProblem', () => {
  it('accepts ordinary searches up to the limits', () => {
    expect(searchInputProblem('Baldwin armorer')).toBeNull();
    expect(searchInputProblem('x'.repeat(MAX_WORD_LENGTH))).toBeNull();
    expect(searchInputProblem('abc '.repeat(MAX_QUERY_LENGTH / 4))).toBeNull();
  });

  it('refuses a word longer than Lucene indexes, naming its length and the limit', () => {
    expect(searchInputProblem(`Baldwin ${'x'.repeat(MAX_WORD_LENGTH + 1)}`)).toBe(
      `query has a word of ${MAX_WORD_LENGTH + 1} characters; no indexed word is longer than ${MAX_WORD_LENGTH}, so shorten it.`,
    );
  });

  it('refuses input longer than the limit, counted in characters not UTF-16 units', () => {
    expect(searchInputProblem('ab '.repeat(400))).toBe(`query is 1200 characters long; search for at most ${MAX_QUERY_LENGTH}.`);
    expect(searchInputProblem('😀 '.repeat(MAX_QUERY_LENGTH / 2))).toBeNull();
  });
});
