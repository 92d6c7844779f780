/** Characters Lucene's query parser treats as syntax. */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export const MAX_SEARCH_TERMS = 16;

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
