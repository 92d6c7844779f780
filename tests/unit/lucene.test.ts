import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_SEARCH_TERMS, MAX_WORD_LENGTH, searchInputProblem, toLuceneQuery } from '../../src/search/lucene.js';

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
