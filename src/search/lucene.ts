/** Characters Lucene's query parser treats as syntax. */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export const MAX_SEARCH_TERMS = 16;
/** Longer input is a paste, not a search; refusing it keeps Lucene from parsing megabytes. */
export const MAX_QUERY_LENGTH = 1000;
/** Lucene's standard analyzer indexes no longer token, so a longer word can never match whole. */
export const MAX_WORD_LENGTH = 255;

/**
 * Why `input` cannot be searched for, as a message that names the fix, or null. Checked before
 * `toLuceneQuery`: without it a very long word reaches Lucene's query parser and fails there
 * as an internal error instead of as bad input.
 */
export function searchInputProblem(input: string): string | null {
  const length = [...input].length;
  if (length > MAX_QUERY_LENGTH) return `query is ${length} characters long; search for at most ${MAX_QUERY_LENGTH}.`;
  const longest = input.split(/\s+/).reduce((max, word) => Math.max(max, [...word].length), 0);
  if (longest > MAX_WORD_LENGTH) return `query has a word of ${longest} characters; no indexed word is longer than ${MAX_WORD_LENGTH}, so shorten it.`;
  return null;
}

/**
 * Turns what a person types into a safe Lucene query: every character of syntax is escaped,
 * and each word matches whole or as a prefix ("Bald" finds Baldwin). Returns null when no
 * word is left to search for.
 */
export function toLuceneQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => word.replace(SPECIAL, '').length > 0)
    .slice(0, MAX_SEARCH_TERMS)
    // Upper-case AND/OR/NOT are operators to Lucene; in lower case they are plain words.
    .map((word) => (/^(AND|OR|NOT)$/.test(word) ? word.toLowerCase() : word))
    .map((word) => ({ escaped: word.replace(SPECIAL, '\\$&'), letters: word.replace(SPECIAL, '').length }));
  if (words.length === 0) return null;
  return words.map(({ escaped, letters }) => (letters >= 3 ? `(${escaped} OR ${escaped}*)` : escaped)).join(' ');
}
