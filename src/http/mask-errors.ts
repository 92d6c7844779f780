import { GraphQLError } from 'graphql';
import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import type { Logger } from '../shared/logger.js';
import { serviceUnavailable } from '../shared/errors.js';
import { currentScope } from './request-scope.js';

/** A GraphQLError raised on purpose (NOT_FOUND, BAD_USER_INPUT…), not one wrapping a crash. */
function isExpected(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isExpected(error.originalError);
}

function rootCause(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? rootCause(error.originalError) : error;
}

/** The INSUFFICIENT_STORAGE error (a full disk) a failure carries, if any: expected, with its own code and 507, its cause logged. */
function diskFullOf(error: unknown): GraphQLError | undefined {
  for (let e: unknown = error; e instanceof GraphQLError; e = e.originalError) if (e.extensions.code === 'INSUFFICIENT_STORAGE') return e;
  return undefined;
}

const UNAVAILABLE = new Set<string>([driverErrors.SERVICE_UNAVAILABLE, driverErrors.SESSION_EXPIRED]);

const logged = new WeakSet<object>();

/** True for errors `maskUnexpected` has already logged, so yoga's own report can be dropped. */
export function alreadyLogged(error: unknown): boolean {
  return typeof error === 'object' && error !== null && logged.has(error);
}

/**
 * Yoga's `maskError`: expected errors pass; anything else (a Cypher error, a driver error, a
 * bug) is logged in full with the request id and reaches the client only as "Unexpected
 * error." with that id, never its message, stack or Cypher. Neo4j being out of reach is
 * expected in production, so it gets its own code and a 503.
 */
export function maskUnexpected(log: Logger) {
  return (error: unknown, message: string): Error => {
    if (isExpected(error)) return error as GraphQLError;
    const { id: requestId } = currentScope();
    const cause = rootCause(error);
    const { path, nodes, source, positions } = error instanceof GraphQLError ? error : ({} as Partial<GraphQLError>);
    if (typeof error === 'object' && error !== null) logged.add(error);
    const storage = diskFullOf(error);
    if (storage) {
      log.error({ requestId, path, err: cause }, 'disk full');
      return new GraphQLError(storage.message, { path, nodes, source, positions, extensions: { ...storage.extensions, requestId } });
    }
    if (cause instanceof Neo4jError && UNAVAILABLE.has(cause.code)) {
      log.warn({ requestId, path, err: cause }, 'database unavailable');
      const unavailable = serviceUnavailable(requestId);
      return new GraphQLError(unavailable.message, { path, nodes, source, positions, extensions: unavailable.extensions });
    }
    log.error({ requestId, path, err: cause }, 'unexpected error');
    return new GraphQLError(message, { path, nodes, source, positions, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
  };
}
