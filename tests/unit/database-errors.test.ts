import { GraphQLError } from 'graphql';
import { Neo4jError, error as driverCodes } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { databaseError, isDatabasePanic } from '../../src/neo4j/errors.js';

/** Errors as the driver builds them from what the server or the socket reported. */
const driverError = (code: string, message = 'server said so') => new Neo4jError(message, code, '50N42', message);
const quick = { elapsedMs: 20, timeoutMs: 1_000 };
const ranOut = { elapsedMs: 1_400, timeoutMs: 1_000 };

function asGraphQL(error: unknown): GraphQLError {
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('databaseError', () => {
  it.each(['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut'])(
    '%s is QUERY_TIMEOUT naming NEO4J_TX_TIMEOUT_MS, with nothing of the driver attached',
    (code) => {
      const error = asGraphQL(databaseError(driverError(code), ranOut));
      expect(error.extensions).toEqual({ code: 'QUERY_TIMEOUT', limit: 'NEO4J_TX_TIMEOUT_MS', max: 1_000 });
      expect(error.message).toMatch(/longer than the 1000 ms .*NEO4J_TX_TIMEOUT_MS.* was stopped/);
      expect(error.originalError).toBeUndefined();
    },
  );

  it('a transaction stopped while waiting for a lock is a timeout only once the timeout has passed', () => {
    const stopped = driverError('Neo.ClientError.Transaction.LockClientStopped');
    expect(asGraphQL(databaseError(stopped, ranOut)).extensions.code).toBe('QUERY_TIMEOUT');
    expect(databaseError(stopped, quick)).toBe(stopped);
    expect(databaseError(stopped, { elapsedMs: 5_000, timeoutMs: 0 })).toBe(stopped);
  });

  it.each([
    [driverCodes.SERVICE_UNAVAILABLE, 'Failed to connect to server. Caused by: connect ECONNREFUSED 127.0.0.1:7687'],
    [driverCodes.SESSION_EXPIRED, 'Session expired'],
  ])('%s is SERVICE_UNAVAILABLE (503) keeping the driver error for the log', (code, message) => {
    const cause = driverError(code, message);
    const error = asGraphQL(databaseError(cause, quick));
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    expect(error.message).toBe(`Neo4j cannot be reached (${message}); try again in a moment.`);
    expect(error.originalError).toBe(cause);
  });

  it.each([
    ['Neo.TransientError.General.DatabaseUnavailable', 'Database is unavailable.'],
    ['N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 50, Idle conn count = 0.'],
  ])('%s is SERVICE_UNAVAILABLE too, its cause rewritten as ServiceUnavailable so every layer reads it one way', (code, message) => {
    const original = driverError(code, message);
    const error = asGraphQL(databaseError(original, quick));
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    const cause = error.originalError as Neo4jError;
    expect(cause.code).toBe(driverCodes.SERVICE_UNAVAILABLE);
    expect(cause.message).toBe(message);
    expect(cause.cause).toBe(original);
  });

  it('leaves every other error alone, for the server to mask', () => {
    for (const error of [driverError('Neo.ClientError.Statement.SyntaxError'), new Error('a bug'), new GraphQLError('No case', { extensions: { code: 'NOT_FOUND' } })]) {
      expect(databaseError(error, ranOut)).toBe(error);
    }
  });
});

describe('a full disk', () => {
  it('is INSUFFICIENT_STORAGE (507) saying the disk is full and the write may need sending again, not an unexpected error', () => {
    for (const message of [
      'Could not apply the transaction: java.io.IOException: No space left on device',
      'No write operations are allowed on this database. The database is in read-only mode on this Neo4j instance.',
    ]) {
      const error = asGraphQL(databaseError(driverError('Neo.DatabaseError.Transaction.TransactionCommitFailed', message), quick));
      expect(error.extensions).toMatchObject({ code: 'INSUFFICIENT_STORAGE', http: { status: 507 } });
      expect(error.message).toMatch(/^Neo4j's disk is full .* importCase is idempotent, so send it again then\.$/);
    }
  });
});

/** What Neo4j 5.26 answered when its disk filled up under a running service (chaos-disk.test.ts). */
const APPLY_FAILED = 'Could not apply the transaction: Transaction #102 {started 2026-12-06 02:16:16.387+0000, with 157 commands in this transaction} to the store after written to log.';
const PANICKED = 'The database has encountered a critical error, and needs to be restarted. Please see database logs for more details.';

describe('a database that panicked (it refuses everything until restarted)', () => {
  const panics = [driverError('Neo.DatabaseError.Transaction.TransactionCommitFailed', APPLY_FAILED), driverError('Neo.DatabaseError.Transaction.TransactionStartFailed', PANICKED)];

  it('is recognised from the commit that caused it and from every statement after it', () => {
    for (const error of panics) expect(isDatabasePanic(error)).toBe(true);
    expect(isDatabasePanic(driverError('Neo.ClientError.Statement.SyntaxError', PANICKED))).toBe(false);
    expect(isDatabasePanic(driverError('Neo.DatabaseError.General.UnknownError'))).toBe(false);
  });

  it('is 507 naming the disk when the supervisor says the disk is full, else 503 (never an unexpected error)', () => {
    const disk = "The disk of Neo4j's store is full (0 MB free; the database is restarted once it has 64 MB).";
    for (const panic of panics) {
      const full = asGraphQL(databaseError(panic, quick, disk));
      expect(full.extensions).toMatchObject({ code: 'INSUFFICIENT_STORAGE', http: { status: 507 } });
      expect(full.message.startsWith(disk)).toBe(true);
      expect(asGraphQL(databaseError(panic, quick)).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    }
    // While the JVM is down waiting for space, a refused connection says the same.
    const refused = asGraphQL(databaseError(driverError(driverCodes.SERVICE_UNAVAILABLE, 'connect ECONNREFUSED'), quick, disk));
    expect(refused.extensions.code).toBe('INSUFFICIENT_STORAGE');
  });
});
