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

interface Clause {
  exclude: boolean;
  /** Alternatives, any of which matches (words joined by OR). */
  terms: string[];
}

/** One word, escaped: whole or as a prefix ("Bald" finds Baldwin) from 3 letters on; null when only syntax. */
function wordTerm(word: string): string | null {
  const letters = word.replace(SPECIAL, '').length;
  if (letters === 0) return null;
  const escaped = word.replace(SPECIAL, '\\$&');
  return letters >= 3 ? `${escaped} OR ${escaped}*` : escaped;
}

/** A quoted phrase: its words in that order. */
function phraseTerm(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => w.replace(SPECIAL, '').length > 0);
  return words.length ? `"${words.map((w) => w.replace(SPECIAL, '\\$&')).join(' ')}"` : null;
}

/**
 * Turns what a person types into a safe Lucene query (every character of Lucene syntax in a word
 * is escaped). The search syntax, documented on `Query.search`:
 * - words: every word must match (AND is the default), each whole or as a prefix from 3 letters;
 * - `"a phrase"`: these words in this order;
 * - `a OR b`: either; `AND` may be written and changes nothing;
 * - `NOT word` or `-word` (or a phrase): leaves out what matches it;
 * - the operators count only in capitals; `and`, `or`, `not` are words.
 * Returns null when nothing is left to find (no word, or only exclusions).
 */
export function toLuceneQuery(input: string): string | null {
  const clauses: Clause[] = [];
  let negateNext = false;
  let orNext = false;
  let count = 0;
  for (const match of input.normalize('NFC').matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (count >= MAX_SEARCH_TERMS) break;
    let word = match[2];
    if (word === 'AND') continue;
    if (word === 'OR') {
      orNext = clauses.length > 0;
      continue;
    }
    if (word === 'NOT') {
      negateNext = true;
      continue;
    }
    let exclude = negateNext;
    negateNext = false;
    if (word !== undefined && word.length > 1 && word.startsWith('-')) {
      exclude = true;
      word = word.slice(1);
    }
    const term = word === undefined ? phraseTerm(match[1]!) : wordTerm(word);
    if (term === null) continue;
    count += 1;
    const last = clauses.at(-1);
    if (orNext && last && !last.exclude && !exclude) last.terms.push(term);
    else clauses.push({ exclude, terms: [term] });
    orNext = false;
  }
  if (!clauses.some((c) => !c.exclude)) return null;
  return clauses.map((c) => `${c.exclude ? '-' : '+'}(${c.terms.join(' OR ')})`).join(' ');
}
