import { isObject, type RecordPath } from './record.js';

/**
 * The records of one file. A file may hold one record, a JSON list of them (an RSS feed as
 * juriscraper parses it, an export), a saved API list page (`{"count", "next", "results": […]}`),
 * or one record per line (`.jsonl`, CAP's line-delimited exports). Pure: the loader imports and
 * reports each record on its own, by its place in the file.
 */
export interface FileRecord {
  record: unknown;
  /** Where it is in the parsed document its citations point into: [] for the whole document, [3] for a list's fourth item, ['results', 0]. */
  base: RecordPath;
  /** The text its citations point into: the whole file for JSON, the record's own line for JSON lines. */
  text: string;
  /** How reports name its place: "record 3" (from 0) or "line 12" (from 1). */
  place: string;
  /** The line of the file its text starts on (1 for a JSON file). */
  line: number;
  /** A line of JSON lines that is not JSON: the record is this problem. */
  problem?: LineProblem;
}

export interface LineProblem {
  line: number;
  message: string;
  hint: string;
}

export type Split = { records: FileRecord[] } | { empty: string };

/** The records of a parsed JSON file: a list's items, an API page's results, or the one record. */
export function splitJson(data: unknown, text: string): Split {
  if (Array.isArray(data)) {
    if (data.length === 0) return { empty: 'an empty export ([]), nothing to load' };
    if (data.length === 1) return { records: [{ record: data[0], base: [0], text, place: 'the record', line: 1 }] };
    return { records: data.map((record, i) => ({ record, base: [i], text, place: `record ${i}`, line: 1 })) };
  }
  if (isObject(data) && Object.keys(data).length === 0) return { empty: 'an empty export ({}), nothing to load' };
  if (isListPage(data)) {
    const results = data.results as unknown[];
    if (results.length === 0) return { empty: 'an API list page with no results, nothing to load' };
    return { records: results.map((record, i) => ({ record, base: ['results', i], text, place: `results[${i}]`, line: 1 })) };
  }
  return { records: [{ record: data, base: [], text, place: 'the record', line: 1 }] };
}

/** A saved page of a REST API list: `{"count", "next", "previous", "results": [...]}`. */
export function isListPage(data: unknown): data is { results: unknown[] } {
  return isObject(data) && Array.isArray(data.results) && ('count' in data || 'next' in data || 'previous' in data);
}

/**
 * One JSON value per line. Each line is a record of its own, its text the line; a line that is
 * not JSON is a record that is its problem (the other lines still load); blank lines are skipped.
 */
export function splitJsonLines(text: string): Split {
  const records: FileRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (line.trim() === '') return;
    try {
      records.push({ record: JSON.parse(line), base: [], text: line, place: `line ${i + 1}`, line: i + 1 });
    } catch (error) {
      const cut = i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '');
      const problem = {
        line: i + 1,
        message: `this line is not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/s, '')}`,
        hint: cut ? 'the last line ends in the middle of a record: the file looks truncated; export it again' : 'each line of a .jsonl file must hold one whole JSON record',
      };
      records.push({ record: undefined, base: [], text: line, place: `line ${i + 1}`, line: i + 1, problem });
    }
  });
  if (records.length === 0) return { empty: 'an empty file, nothing to load' };
  return { records };
}

/** Whether a file is JSON lines by its name. */
export const isJsonLinesFile = (file: string) => /\.(jsonl|ndjson)$/i.test(file);
