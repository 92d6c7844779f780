import { Kind, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tooComplex } from '../shared/errors.js';

/**
 * Brackets (`[` and `{`) nested inside each other in a document: selection sets (bounded by
 * MAX_DEPTH anyway) and list and input-object values. graphql-js parses and validates values
 * recursively, so a list nested thousands deep would exhaust the stack.
 */
export const MAX_BRACKET_NESTING = 64;
/**
 * Field selections in one document. graphql-js compares fields that share a response name
 * pairwise, and gives up with a bare "Validation aborted." when 1,000 repeats of one field
 * exhaust its budget. The largest example in docs/examples.graphql selects 59.
 */
export const MAX_FIELDS = 500;

const fixed = (what: string, limit: string, max: number): GraphQLError =>
  tooComplex(`${what} The limit is ${limit}=${max} (fixed); ask for less, or split the query.`, limit, max);

/** The deepest bracket nesting of `source` outside strings and comments, stopping past `max`. */
export function bracketNesting(source: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      const close = block ? source.indexOf('"""', i + 3) : closingQuote(source, i + 1);
      i = close === -1 ? source.length : close + (block ? 2 : 0);
    } else if (c === '[' || c === '{') {
      depth += 1;
      deepest = Math.max(deepest, depth);
      if (deepest > max) return deepest;
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return deepest;
}

function closingQuote(source: string, from: number): number {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === '"' || source[i] === '\n') return i;
  }
  return -1;
}

/** Field selections in the document (iteratively, so no document can exhaust the stack). */
export function fieldCount(document: DocumentNode): number {
  let count = 0;
  const stack: unknown[] = [...document.definitions];
  while (stack.length > 0) {
    const node = stack.pop() as { kind?: string; selectionSet?: { selections: unknown[] } } | undefined;
    if (!node) continue;
    if (node.kind === Kind.FIELD) count += 1;
    if (node.selectionSet) stack.push(...node.selectionSet.selections);
  }
  return count;
}

/** Refuses, as QUERY_TOO_COMPLEX before any validation, documents whose shape would overwhelm graphql-js. */
export function documentShapePlugin(): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const nesting = bracketNesting(source, MAX_BRACKET_NESTING);
      if (nesting > MAX_BRACKET_NESTING) {
        throw fixed(`Brackets nest more than ${MAX_BRACKET_NESTING} deep (lists, input objects and selections inside each other).`, 'MAX_BRACKET_NESTING', MAX_BRACKET_NESTING);
      }
      return ({ result }) => {
        if (!result || !('kind' in result) || result.kind !== Kind.DOCUMENT) return;
        const fields = fieldCount(result);
        if (fields > MAX_FIELDS) throw fixed(`The document selects ${fields} fields.`, 'MAX_FIELDS', MAX_FIELDS);
      };
    },
  };
}
