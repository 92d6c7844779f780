import { DEBUG_HEADER } from '../../src/graphql/round-trips.js';

export interface Probe {
  data: any;
  /** Cypher round trips the request took, from `extensions.roundTrips` (null when the server does not report them). */
  roundTrips: number | null;
  bytes: number;
  /** How long it took, answer read (ms). */
  ms: number;
}

/**
 * Headers of every bench request: a JSON POST, and the read token when the service requires one
 * (API_READ_TOKEN, which the bench's server processes inherit).
 */
export function benchHeaders(): Record<string, string> {
  const token = process.env.API_READ_TOKEN;
  return { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/**
 * Sends one request with the round-trip header and refuses an answer with errors: a bench of a
 * failing operation would time error handling.
 */
export async function probe(url: string, body: string, name: string): Promise<Probe> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...benchHeaders(), [DEBUG_HEADER]: '1' },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[]; extensions?: { roundTrips?: number } };
  if (!response.ok || json.errors?.length) {
    throw new Error(`${name} failed (HTTP ${response.status}): ${json.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 300)}. Update bench/reads/operations.ts to the current schema.`);
  }
  return { data: json.data, roundTrips: json.extensions?.roundTrips ?? null, bytes: Buffer.byteLength(text), ms };
}

export const requestBody = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
