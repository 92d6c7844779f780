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
    .map((word) => word.replace(SPECIAL, '\\$&'))
    .filter((word) => word.replace(/\\/g, '').length > 0)
    .slice(0, MAX_SEARCH_TERMS);
  if (words.length === 0) return null;
  return words.map((word) => (word.length >= 3 && !/^(AND|OR|NOT)$/.test(word) ? `(${word} OR ${word}*)` : `"${word.replace(/"/g, '\\"')}"`)).join(' ');
}
