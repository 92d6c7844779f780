import { SEARCH_PROPERTIES } from '../neo4j/migrations.js';

export interface Highlight {
  field: string;
  snippet: string;
}

const CONTEXT = 40;

/** The words of a query as the index matches them: letters and digits, lower case. */
export function queryWords(query: string): string[] {
  // The operators (in capitals) and what is excluded (-word, NOT word) are not looked for.
  const wanted = query.replace(/(^|\s)-\S+/g, ' ').replace(/\bNOT\s+\S+/g, ' ').replace(/\b(AND|OR)\b/g, ' ');
  return [...new Set(wanted.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
}

/**
 * Where the query's words occur in the indexed fields of a hit, as short snippets with the
 * matches in «guillemets». A word matches at the start of a word, as the search does (prefixes).
 */
export function highlight(props: Record<string, unknown>, query: string, max = 3): Highlight[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const out: Highlight[] = [];
  for (const field of SEARCH_PROPERTIES) {
    const value = props[field];
    const texts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      const matches = [...text.matchAll(pattern)];
      if (matches.length === 0) continue;
      const first = matches[0]!.index!;
      const start = Math.max(0, first - CONTEXT);
      const end = Math.min(text.length, first + matches[0]![0].length + CONTEXT);
      const window = text.slice(start, end).replace(pattern, '«$&»').replace(/\s+/g, ' ');
      out.push({ field, snippet: `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}` });
      if (out.length >= max) return out;
    }
  }
  return out;
}
