import { createHash } from 'node:crypto';
import type { CaseFile, Citation } from '../casefile/case-file.js';
import { toPointer } from '../casefile/json-pointer.js';
import type { ImportNote } from './build.js';
import type { CourtListenerJoins } from './courtlistener/joins.js';

/** A place in a record: keys and indices from the top of the file. */
export type RecordPath = (string | number)[];

/** Something wrong with a record, at the field it is about. */
export interface RecordProblem {
  path: RecordPath;
  message: string;
  hint: string;
}

/** What an importer makes of a record: the case file it becomes, or why it cannot. */
export type ImportResult = { caseFile: CaseFile; notes?: ImportNote[]; problems?: undefined } | { problems: RecordProblem[]; caseFile?: undefined; notes?: undefined };

/** What every importer is given: the record parsed, the text it was published as, and where it sits in the file. */
export interface RecordInput {
  record: unknown;
  /** The file's text, which becomes the source document as is. */
  text: string;
  /** Path of the record in the file: [] for a file holding one record, [0] for a one-item list. */
  base: RecordPath;
  /** What the run's other records say of CourtListener's ids (which case a docket id is, who a person id is). */
  joins?: CourtListenerJoins;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty string field, or undefined (null, missing, blank and other types alike). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Code points before a UTF-16 index: the case-file format counts offsets in code points. */
const codePoints = (value: string, unit: number) => Array.from(value.slice(0, unit)).length;

/**
 * Citations into the record: the source document is the record as published, and each passage
 * is a JSON Pointer to one of its string values, with the quote and offsets inside that string.
 */
export class RecordCitations {
  constructor(private readonly base: RecordPath) {}

  pointer(path: RecordPath): string {
    return toPointer([...this.base, ...path]);
  }

  /** The whole string (or number) at `path`. */
  whole(path: RecordPath): Citation {
    return { pointer: this.pointer(path) };
  }

  /** The part of `value` (the string at `path`) from UTF-16 index `from` to `to`. */
  part(path: RecordPath, value: string, from: number, to: number): Citation {
    return { pointer: this.pointer(path), quote: value.slice(from, to), start: codePoints(value, from), end: codePoints(value, to) };
  }
}

/** Checks a date field: absent (null, missing, blank) is fine; anything else must be a calendar date. */
export function readDate(value: unknown, path: RecordPath, problems: RecordProblem[]): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$/.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return (value as string).slice(0, 10);
  }
  problems.push({ path, message: `${JSON.stringify(value)} is not a date`, hint: 'the record should give dates as YYYY-MM-DD; correct the record, or leave the field null' });
  return undefined;
}

/** Like readDate, but a year or a year and month alone (as CAP gives some decision dates) is a date too. */
export function readPartialDate(value: unknown, path: RecordPath, problems: RecordProblem[]): string | undefined {
  if (typeof value === 'string' && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value)) return value;
  return readDate(value, path, problems);
}

const MAX_ID = 120;

/**
 * A case-file id made of words: lower case, accents dropped, anything else a hyphen. Ids too
 * long for the format keep their start and end in a short hash, so they stay distinct.
 */
export function slug(...parts: string[]): string {
  const joined = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const id = joined === '' ? 'x' : joined;
  if (id.length <= MAX_ID) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 10);
  return `${id.slice(0, MAX_ID - 11).replace(/-+$/, '')}-${hash}`;
}

/** A lower_snake_case role name from a record's words ("Intervenor Defendant" -> intervenor_defendant). */
export function roleName(words: string | undefined, fallback: string): string {
  const name = (words ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return name === '' ? fallback : name;
}

/** At most `max` characters, on a word boundary, with an ellipsis when cut. */
export function shorten(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/**
 * What one record contributes to its case: the kind of record and a digest of it, so reloading
 * the same record replaces only its own facts and every other report of the case adds alongside
 * (see Contributions in docs/case-file-format.md).
 */
export const contributionKey = (record: unknown, kind: string) => slug(kind, createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 12));
