import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Any value will do: a page on another site cannot add a custom header without a CORS preflight. */
export const CSRF_HEADER = 'x-graphql-csrf';

/** Bodies a browser form (or a plain `<img>`/`fetch` without preflight) can send cross-site. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

function mayComeFromAnotherSite(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return !type || SIMPLE_TYPES.has(type);
}

/**
 * CSRF prevention as in GraphQL-over-HTTP servers: a request a browser would send cross-site
 * without a preflight (a GET, or a POST with a form or text body) must carry `x-graphql-csrf`.
 * JSON POSTs, which every GraphQL client and GraphiQL send, are preflighted and pass as they are.
 */
export function csrfPlugin(): Plugin {
  return {
    onRequestParse({ request }) {
      if (mayComeFromAnotherSite(request) && !request.headers.has(CSRF_HEADER)) {
        throw new GraphQLError(
          `This request could have been sent by a form on another site, so it is refused: send it as a POST with "content-type: application/json", or add the header "${CSRF_HEADER}: 1".`,
          { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
        );
      }
    },
  };
}
