import { GraphQLError } from 'graphql';
import { Neo4jError, error as driverCodes } from 'neo4j-driver';

/** The env setting that bounds every transaction, named in QUERY_TIMEOUT errors. */
export const TX_TIMEOUT_SETTING = 'NEO4J_TX_TIMEOUT_MS';

const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

/** Ways a terminated transaction is reported when it was stopped while waiting (for a lock, say). */
const TERMINATED = new Set(['Neo.ClientError.Transaction.LockClientStopped', 'Neo.ClientError.Transaction.Terminated', 'Neo.TransientError.Transaction.Terminated']);

/** Neo4j (or the database) is not there: worth failing fast for a moment rather than trying again at once. */
const UNREACHABLE = new Set<string>([driverCodes.SERVICE_UNAVAILABLE, driverCodes.SESSION_EXPIRED, 'Neo.TransientError.General.DatabaseUnavailable']);

const code = (error: unknown) => (error instanceof Neo4jError ? error.code : undefined);

/** True when the error means Neo4j is out of reach; these open the circuit breaker. */
export function isOutage(error: unknown): boolean {
  return UNREACHABLE.has(code(error) ?? '');
}

/** Neo4j ran out of disk: the error itself, or the read-only mode it switches to when it cannot preallocate a log. */
const DISK_FULL = /No space left on device|running out of disk space|not enough space|database is in read-only mode/i;

export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) if (DISK_FULL.test(e.message)) return true;
  return false;
}

/**
 * The database stopped itself after a failure it cannot recover from in place (Neo4j calls it a
 * panic: a store or index file it could not write, usually for want of disk space). Every
 * statement after it fails, reads included, until the database is restarted. The statement that
 * caused it may have been written to the transaction log, and so is applied when it restarts.
 */
const PANIC = /needs to be restarted|to the store after written to log/i;

export function isDatabasePanic(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.DatabaseError.') && PANIC.test(error.message);
}

/** Every pooled connection stayed busy: the database answers but this service has too much in flight. */
function isPoolExhausted(error: unknown): boolean {
  return error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out');
}

/**
 * A Neo4jError with the code the HTTP layer maps to SERVICE_UNAVAILABLE (503), so an outage
 * reads the same to clients whichever way the driver reported it; the original is its cause.
 */
export function unreachable(message: string, cause?: Error): Neo4jError {
  return new Neo4jError(message, driverCodes.SERVICE_UNAVAILABLE, '08000', `connection exception. ${message}`, undefined, cause);
}

export interface Attempt {
  /** How long the call took before it failed. */
  elapsedMs: number;
  /** The transaction timeout it ran with; 0 for none. */
  timeoutMs: number;
}

/**
 * What a failed database call becomes for callers. A timeout is an expected error with the
 * limit it hit (QUERY_TIMEOUT); an outage or a full pool is SERVICE_UNAVAILABLE, keeping the
 * driver's error as `originalError` for the logs; anything else is returned unchanged and is
 * masked by the server as unexpected.
 */
export function databaseError(error: unknown, attempt: Attempt, storage?: string): unknown {
  const failure = code(error);
  const stopped = failure !== undefined && TERMINATED.has(failure) && attempt.timeoutMs > 0 && attempt.elapsedMs >= attempt.timeoutMs;
  if (failure !== undefined && (TIMED_OUT.has(failure) || stopped)) {
    return new GraphQLError(
      `The query ran longer than the ${attempt.timeoutMs} ms the server allows (${TX_TIMEOUT_SETTING}) and was stopped. Ask for less (a smaller page, fewer hops or a narrower filter), or raise ${TX_TIMEOUT_SETTING}.`,
      { extensions: { code: 'QUERY_TIMEOUT', limit: TX_TIMEOUT_SETTING, max: attempt.timeoutMs } },
    );
  }
  const panic = isDatabasePanic(error);
  if (isDiskFull(error) || (storage && (panic || isOutage(error)))) {
    const where = storage ?? "Neo4j's disk is full (or Neo4j switched the database to read-only after running out of space).";
    return new GraphQLError(
      `${where} Nothing can be written, and reads may fail until the database is restarted, which happens by itself once space is freed. A write that failed this way may have been committed or not: importCase is idempotent, so send it again then.`,
      { originalError: error as Error, extensions: { code: 'INSUFFICIENT_STORAGE', http: { status: 507, headers: { 'Retry-After': '30' } } } },
    );
  }
  if (panic) {
    return new GraphQLError(
      'Neo4j stopped the database after a critical error (its log says why); it answers again once the database is restarted. A write that failed this way may have been committed or not: importCase is idempotent, so send it again then.',
      { originalError: unreachable((error as Error).message.split('\n')[0]!, error as Error), extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '10' } } } },
    );
  }
  if (isOutage(error) || isPoolExhausted(error)) {
    const reason = (error as Error).message.split('\n')[0]!;
    const cause = failure === driverCodes.SERVICE_UNAVAILABLE || failure === driverCodes.SESSION_EXPIRED ? (error as Neo4jError) : unreachable(reason, error as Error);
    return new GraphQLError(`Neo4j cannot be reached (${reason}); try again in a moment.`, {
      originalError: cause,
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
    });
  }
  return error;
}
