import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the server knows about the request being handled, for its log line and its errors. */
export interface RequestScope {
  id: string;
  started: number;
  operation: string | null;
  roundTrips: number;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * A caller's request id is kept when it is short and plain, so ids from a proxy or a client
 * join up across logs; anything else (long, spaces, control characters) could forge log
 * lines, and is replaced.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * Runs `handle` with a scope that everything it calls can reach, including error masking,
 * which yoga gives no request.
 */
export function runInScope<T>(id: string, handle: () => T): T {
  return storage.run({ id, started: performance.now(), operation: null, roundTrips: 0 }, handle);
}

/** The scope of the request being handled; outside one (e.g. yoga used without the HTTP server), a fresh one. */
export function currentScope(): RequestScope {
  return storage.getStore() ?? { id: randomUUID(), started: performance.now(), operation: null, roundTrips: 0 };
}
