import { distance } from 'fastest-levenshtein';
import { GraphQLError, isEnumType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js's hints, e.g. `Did you mean "case"?` or `Did you mean the enum value "PERSON"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function rewrite(error: GraphQLError, hideSuggestions: boolean, code?: string): GraphQLError {
  const message = hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
  if (message === error.message && !code) return error;
  const extensions = code ? { ...error.extensions, code } : error.extensions;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions });
}

const UNKNOWN_ENUM = /^Value "(\w+)" does not exist in "(\w+)" enum\.$/;

/**
 * The enum values nearest a wrong one, nearest first, at most 3: those it starts or ends like
 * (DENY → DENIES, PEOPLE → PERSON by its first letters), then those a few edits away.
 */
export function nearestEnumValues(value: string, values: readonly string[]): string[] {
  const upper = value.toUpperCase();
  const score = (v: string) => {
    const prefix = [...upper].findIndex((c, i) => v[i] !== c);
    const shared = prefix < 0 ? upper.length : prefix;
    return distance(upper, v) - Math.min(shared, 3);
  };
  return values
    .map((v) => ({ v, s: score(v) }))
    .filter(({ v, s }) => s <= Math.max(2, Math.floor(v.length / 2)))
    .sort((a, b) => a.s - b.s || a.v.localeCompare(b.v))
    .slice(0, 3)
    .map(({ v }) => v);
}

/** A wrong enum value's error with the nearest values graphql-js found too far to suggest. */
function suggestEnum(error: GraphQLError, schema: GraphQLSchema): GraphQLError {
  const match = UNKNOWN_ENUM.exec(error.message);
  const type = match ? schema.getType(match[2]!) : undefined;
  if (!match || !isEnumType(type)) return error;
  const values = type.getValues().map((v) => v.name);
  const near = nearestEnumValues(match[1]!, values);
  const hint = near.length ? ` Did you mean ${near.map((v) => `"${v}"`).join(' or ')}?` : '';
  const message = `${error.message}${hint} ${match[2]} takes ${values.join(', ')}.`;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, suggestions: near } });
}

/**
 * Errors graphql-js raises before running anything, about the request itself: variables of
 * the wrong type ("Variable "$id" got invalid value …") and unknown operation names. They
 * come without a code; they are the client's to fix, so they get BAD_USER_INPUT. With
 * introspection off, their suggestions go too, as do the enum-value suggestions of validation
 * errors, which graphql-armor's field-suggestion filter leaves in.
 */
export function requestErrorsPlugin(hideSuggestions: boolean): Plugin {
  return {
    onValidate({ params }) {
      return ({ valid, result, setResult }) => {
        if (!valid && hideSuggestions) setResult(result.map((error) => rewrite(error, true)));
        else if (!valid) setResult(result.map((error) => suggestEnum(error, params.schema)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          const errors = result.errors.map((error) => rewrite(error, hideSuggestions, error.path || error.extensions?.code ? undefined : 'BAD_USER_INPUT'));
          setResult({ ...result, errors });
        },
      };
    },
  };
}
