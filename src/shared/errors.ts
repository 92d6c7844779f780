import { GraphQLError } from 'graphql';

/** What a NOT_FOUND error looked for (`case`, `entity`, `source document`), for suggesting near ids. */
export const notFoundWhat = new WeakMap<GraphQLError, string>();

/** Expected failures carry a code clients can act on; anything else is masked by the server. */
export function notFound(what: string, id: string): GraphQLError {
  const error = new GraphQLError(`No ${what} with id "${id}".`, { extensions: { code: 'NOT_FOUND', id } });
  notFoundWhat.set(error, what);
  return error;
}

export function badInput(message: string, argument: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, ...extra } });
}

/** No credentials where the server needs them (401, with the scheme to use). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } } });
}

/** Credentials given, but not ones that allow this request (403). */
export function forbidden(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...extra, http: { status: 403 } } });
}

/**
 * A query over one of the limits (`limit` names its env setting). 400, like other documents the
 * server refuses to run; `spec` keeps GraphQL-over-HTTP's 200 for plain `application/json`.
 */
export function tooComplex(message: string, limit: string, max: number, detail: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...detail, http: { status: 400, spec: true } } });
}

/** Neo4j cannot be reached: the client may retry later (503). */
export function serviceUnavailable(requestId: string): GraphQLError {
  return new GraphQLError('The database is unavailable; try again in a moment.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', requestId, http: { status: 503, headers: { 'Retry-After': '5' } } },
  });
}
