import yaml from 'js-yaml';
import { hasLoneSurrogate, hasNestingProblem, isDeep, parseCaseFile, type ParsedFile } from './parse.js';

/**
 * The plain scalars of YAML 1.2's core schema, as `parse.ts`'s reader resolves them (its
 * default): null, booleans, decimal / 0o octal / 0x hex integers, floats, .inf and .nan. Only
 * unquoted scalars resolve; a quoted one stays text.
 */
const scalar = (name: string, test: RegExp, construct: (text: string) => unknown) =>
  new yaml.Type(`tag:yaml.org,2002:${name}`, { kind: 'scalar', resolve: (text: string | null) => text !== null && test.test(text), construct });

const CORE_SCALARS = [
  scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
  scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
  scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
    text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
  scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) =>
    /nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : parseFloat(text)),
];

/** Text, lists and maps (`!!str`, `!!seq`, `!!map`) plus the core scalars; any other tag makes the reader give up. */
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

/**
 * Left to the full reader: an anchor or alias (`&name`, `*name`), a directive (`%YAML`), a
 * complex key (`? key`, a list or map before `:`), which the readers turn into text differently.
 */
const LEFT_TO_FULL_READER = /(?:^|[\s[\]{},])[&*][^\s[\]{},]|^%|^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t\r\n]|$)/m;

/** A key the readers write differently (a null key: "" or "null"; one over YAML's 1,024 characters, refused by the full reader), anywhere in the data. */
function hasOddKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOddKey);
  if (value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) if (key === 'null' || key.length > 1024 || hasOddKey(item)) return true;
  return false;
}

/**
 * The fast reading of a well-formed case file: the same data as `parseCaseFile`'s, read by a
 * much faster YAML reader that keeps no positions. Undefined whenever the text holds anything the
 * two readers might treat differently (an anchor or alias, a directive, a tag beyond JSON's
 * values, a complex or null key, a warning) or anything `parseCaseFile` reports (a syntax error, a duplicate key, deep
 * nesting, an unpaired surrogate, a `.json` file that is not strict JSON): the caller then reads
 * it with `parseCaseFile`. `position` reads the file again with positions when it is asked.
 */
export function quickParse(file: string, text: string): ParsedFile | undefined {
  if (LEFT_TO_FULL_READER.test(text) || hasNestingProblem(file, text)) return undefined;
  let data: unknown;
  let warned = false;
  try {
    data = yaml.load(text, { schema: SCHEMA, json: false, onWarning: () => (warned = true) });
  } catch {
    return undefined;
  }
  if (warned || isDeep(data) || hasLoneSurrogate(data) || hasOddKey(data)) return undefined;
  if (/\.json$/i.test(file)) {
    try {
      JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return undefined;
    }
  }
  let full: ParsedFile | undefined;
  const position: ParsedFile['position'] = (path) => {
    full ??= parseCaseFile(file, text).parsed;
    return full ? full.position(path) : { line: 1, column: 1 };
  };
  return { file, data, position };
}
