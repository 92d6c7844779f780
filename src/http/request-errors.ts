import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js's hints, e.g. `Did you mean "case"?` or `Did you mean the enum value "PERSON"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function rewrite(error: GraphQLError, hideSuggestions: boolean, code?: string): GraphQLError {
  const message = hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
  if (message === error.message && !code) return error;
  const extensions = code ? { ...error.extensions, code } : error.extensions;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions });
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
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (!valid && hideSuggestions) setResult(result.map((error) => rewrite(error, true)));
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
