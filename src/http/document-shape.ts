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
 * Field selections in one operation or fragment of a document. graphql-js compares fields that
 * share a response name pairwise within one, and gives up with a bare "Validation aborted." when
 * 1,000 repeats of one field exhaust its budget. The largest example in docs/examples.graphql
 * selects 59; the whole file, 36 operations that GraphiQL and the warm-up send with an
 * `operationName`, selects several hundred, which is why the limit is per definition.
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

/** Field selections under one node (iteratively, so no document can exhaust the stack). */
export function fieldCount(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { kind?: string; selectionSet?: { selections: unknown[] } } | undefined;
    if (!node) continue;
    if (node.kind === Kind.FIELD) count += 1;
    if (node.selectionSet) stack.push(...node.selectionSet.selections);
  }
  return count;
}

/** The most fields any one operation or fragment of the document selects. */
export function largestDefinition(document: DocumentNode): number {
  return Math.max(0, ...document.definitions.map(fieldCount));
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
        const fields = largestDefinition(result);
        if (fields > MAX_FIELDS) throw fixed(`An operation or fragment of the document selects ${fields} fields.`, 'MAX_FIELDS', MAX_FIELDS);
      };
    },
  };
}
