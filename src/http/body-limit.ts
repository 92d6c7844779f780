import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Yoga enforces MAX_BODY_BYTES itself (413, from Content-Length or while streaming); this only
 * rewords its "Request body too large" to name the limit and the setting that raises it.
 */
export function bodyLimitMessage(maxBytes: number): Plugin {
  const reword = (error: GraphQLError) =>
    error.extensions?.code === 'REQUEST_ENTITY_TOO_LARGE'
      ? new GraphQLError(`The request body is larger than ${maxBytes} bytes (MAX_BODY_BYTES).`, {
          extensions: { ...error.extensions, limit: 'MAX_BODY_BYTES', max: maxBytes },
        })
      : error;
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => reword(error as GraphQLError)) });
    },
  };
}
