import { LineCounter, parseDocument, isNode, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { pathToString, type Problem } from './problems.js';

export type FieldPath = readonly (string | number)[];

/** A parsed case file that can say where any of its fields is written. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the field at `path`, or of its closest written parent. */
  position(path: FieldPath): { line: number; column: number };
}

/**
 * Parses YAML or JSON (JSON is read as YAML 1.2, so both keep positions for error messages).
 * Returns problems instead of throwing when the text is malformed.
 */
export function parseCaseFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const nested = nestingProblem(file, text);
  if (nested) return { problems: [nested] };
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = syntaxProblems(file, text, doc, lineCounter);
  if (problems.length > 0) return { problems };
  const position = positionIn(doc, lineCounter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      problems: [{ file, line: 1, column: 1, path: '', message: `the file cannot be read: ${(error as Error).message}`, hint: 'use fewer YAML aliases (*name); write the values out instead' }],
    };
  }
  const unreadable = valueProblems(file, data, position);
  if (unreadable.length > 0) return { problems: unreadable };
  return { parsed: { file, data, position }, problems };
}

/** The YAML reader's errors, then tags, then (for a .json file) what strict JSON does not allow. */
function syntaxProblems(file: string, text: string, doc: Document, lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    if (/call stack/i.test(error.message)) return tooDeep(file, pos.line, pos.col);
    return {
      file,
      line: pos.line,
      column: pos.col,
      path: '',
      message: `the file is not valid YAML/JSON: ${error.message.split('\n')[0]}`,
      hint: error.code === 'DUPLICATE_KEY' ? 'remove or rename the repeated key' : 'fix the syntax at this position (indentation, quotes, colons)',
    };
  });
  if (problems.length === 0) problems.push(...tagProblems(file, text, doc, lineCounter));
  if (problems.length === 0 && /\.json$/i.test(file)) {
    const strict = strictJsonProblem(text);
    if (strict) {
      const pos = lineCounter.linePos(strict.offset);
      problems.push({ file, line: pos.line, column: pos.col, path: '', message: `the file is not valid JSON: ${strict.message}`, hint: 'remove trailing commas and comments, and quote every key with double quotes (or name the file .yaml)' });
    }
  }
  return problems;
}

/** Where a field is written, or its closest written parent. */
function positionIn(doc: Document, lineCounter: LineCounter): ParsedFile['position'] {
  return (path: FieldPath) => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

/** Values read but not to be kept: nested too deeply (through aliases), or text with unpaired surrogates. */
function valueProblems(file: string, data: unknown, position: ParsedFile['position']): Problem[] {
  const deepest = deepPath(data);
  if (deepest) return [{ ...tooDeep(file, position(deepest).line, position(deepest).column), path: pathToString(deepest) }];
  return loneSurrogates(data, []).map((at) => ({
    file, ...position(at), path: pathToString(at),
    message: 'the text contains an unpaired surrogate (an escape such as \\uD800 alone), which is not a character',
    hint: 'remove the escape, or write the whole character',
  }));
}

/** Whether `parseCaseFile` would find values nested too deeply in the text itself. */
export const hasNestingProblem = (file: string, text: string) => nestingProblem(file, text) !== undefined;

/** Whether parsed values nest deeper than MAX_NESTING. */
export const isDeep = (data: unknown) => deepPath(data) !== undefined;

/** Whether a string (or key) of parsed values holds an unpaired surrogate. */
export const hasLoneSurrogate = (data: unknown) => loneSurrogates(data, []).length > 0;

/** Explicit tags that only restate what JSON has: a string, number, boolean, null, list or map. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * A case file holds JSON's values only. Any other tag (`!!js/function`, `!!binary`, `!!set`,
 * `!custom`…) is refused with its place rather than read as text or as something else.
 */
function tagProblems(file: string, text: string, doc: Document, lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  visit(doc, (_key, node, path) => {
    if (!isNode(node) || !node.tag || PLAIN_TAGS.has(node.tag)) return;
    const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    const valueAt = node.range?.[0] ?? 0;
    const tagAt = text.lastIndexOf(shown, valueAt);
    const pos = lineCounter.linePos(tagAt >= 0 ? tagAt : valueAt);
    problems.push({
      file, line: pos.line, column: pos.col, path: pathToString(fieldPath([...path, node])),
      message: `the YAML tag ${shown} is not allowed: a case file holds only text, numbers, true/false, null, lists and maps`,
      hint: 'remove the tag (write the value as plain text or a number)',
    });
  });
  return problems;
}

/** The field path of the last of `ancestors` (as yaml's `visit` gives them, the node itself appended). */
function fieldPath(ancestors: readonly unknown[]): (string | number)[] {
  const at: (string | number)[] = [];
  ancestors.forEach((step, i) => {
    const child = ancestors[i + 1];
    if (isSeq(step)) at.push(step.items.indexOf(child as never));
    else if (isPair(step) && child === step.value) at.push(isScalar(step.key) ? String(step.key.value) : String(step.key));
  });
  return at;
}

/** How deeply values may nest in a case file (one needs about 6 levels); deeper is refused before parsing where it can be seen. */
export const MAX_NESTING = 100;

function tooDeep(file: string, line: number, column: number): Problem {
  return {
    file, line, column, path: '',
    message: `the values nest too deeply: more than ${MAX_NESTING} levels (MAX_NESTING) of lists and maps inside each other`,
    hint: `a case file needs about 6 levels; flatten the structure (deeper nesting is never part of a case file)`,
  };
}

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of plain text). */
const OPENS_QUOTE = new Set([' ', '\t', '[', '{', ',', ':']);

/**
 * Deep nesting written compactly (`[[[[…`, `{"a":{"a":…`, `- - - - …`) is found in the text
 * itself, before the YAML parser, which can exhaust its stack or memory on it. Brackets inside
 * quotes and comments do not count; deep nesting by indentation is found after parsing.
 */
function nestingProblem(file: string, text: string): Problem | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
      if (depth + compactDashes(text, lineStart) > MAX_NESTING) return tooDeep(file, line, 1);
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if ((c === '"' || c === "'") && (i === lineStart || OPENS_QUOTE.has(text[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > MAX_NESTING) return tooDeep(file, line, i - lineStart + 1);
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return undefined;
}

/** How many `- ` open the line at `start` (a compact sequence nests one level per dash). */
function compactDashes(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  let dashes = 0;
  while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes += 1;
    i += 2;
    while (text[i] === ' ' || text[i] === '\t') i += 1;
  }
  return dashes;
}

interface Frame {
  value: unknown;
  key: string | number;
  parent: Frame | undefined;
  depth: number;
}

/** The path to the first value nested deeper than MAX_NESTING, if any (iterative: no stack to exhaust). */
function deepPath(data: unknown): (string | number)[] | undefined {
  const stack: Frame[] = [{ value: data, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > MAX_NESTING) {
      const at: (string | number)[] = [];
      for (let f: Frame | undefined = frame; f?.parent; f = f.parent) at.unshift(f.key);
      return at;
    }
    const { value } = frame;
    if (Array.isArray(value)) value.forEach((item, i) => item && typeof item === 'object' && stack.push({ value: item, key: i, parent: frame, depth: frame.depth + 1 }));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (item && typeof item === 'object') stack.push({ value: item, key, parent: frame, depth: frame.depth + 1 });
    }
  }
  return undefined;
}

/**
 * YAML accepts what JSON does not (trailing commas, comments, single quotes); a `.json` file must
 * also be JSON, or other JSON tools would read it differently from the loader.
 */
function strictJsonProblem(text: string): { offset: number; message: string } | undefined {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) + (text.charCodeAt(0) === 0xfeff ? 1 : 0) : 0;
    return { offset, message: message.replace(/ in JSON at position \d+.*$/s, '') };
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of strings (keys included) that hold an unpaired UTF-16 surrogate: Neo4j would store U+FFFD instead. */
function loneSurrogates(value: unknown, at: (string | number)[]): (string | number)[][] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => loneSurrogates(item, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (LONE_SURROGATE.test(key) ? [[...at, key]] : loneSurrogates(item, [...at, key])));
  }
  return [];
}
