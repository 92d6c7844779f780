import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
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
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      path: '',
      message: `the file is not valid YAML/JSON: ${error.message.split('\n')[0]}`,
      hint: error.code === 'DUPLICATE_KEY' ? 'remove or rename the repeated key' : 'fix the syntax at this position (indentation, quotes, colons)',
    };
  });
  if (problems.length === 0 && /\.json$/i.test(file)) {
    const strict = strictJsonProblem(text);
    if (strict) {
      const pos = lineCounter.linePos(strict.offset);
      problems.push({ file, line: pos.line, column: pos.col, path: '', message: `the file is not valid JSON: ${strict.message}`, hint: 'remove trailing commas and comments, and quote every key with double quotes (or name the file .yaml)' });
    }
  }
  if (problems.length > 0) return { problems };

  const position = (path: FieldPath) => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      problems: [{ file, line: 1, column: 1, path: '', message: `the file cannot be read: ${(error as Error).message}`, hint: 'use fewer YAML aliases (*name); write the values out instead' }],
    };
  }
  const broken = loneSurrogates(data, []);
  if (broken.length > 0) {
    return {
      problems: broken.map((at) => ({
        file, ...position(at), path: pathToString(at),
        message: 'the text contains an unpaired surrogate (an escape such as \\uD800 alone), which is not a character',
        hint: 'remove the escape, or write the whole character',
      })),
    };
  }
  return { parsed: { file, data, position }, problems };
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
