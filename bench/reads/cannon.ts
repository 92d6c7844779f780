import autocannon from 'autocannon';
import { benchHeaders } from './probe.js';

/** How hard and how long to drive a server. */
export interface LoadSettings {
  /** Seconds of measured load per operation. */
  duration: number;
  /** Seconds of unmeasured load first (JIT, Cypher plan cache, page cache). */
  warmup: number;
  /** Concurrent HTTP connections, each sending its next request when the last one answers. */
  connections: number;
}

/** One timed run: every response time (ms) and the counts that make a run invalid. */
export interface Run {
  seconds: number;
  latencies: number[];
  failures: number;
}

/** A GraphQL POST with the body it sends, ready for autocannon. */
export interface Request {
  url: string;
  body: string;
}

/** Anything that is not a 2xx with a body free of GraphQL errors counts as a failure. */
async function drive(request: Request, seconds: number, connections: number): Promise<Run> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: request.url,
    method: 'POST',
    headers: benchHeaders(),
    body: request.body,
    connections,
    duration: seconds,
    verifyBody: (body) => !body.includes('"errors"'),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return { seconds: result.duration, latencies, failures: result.errors + result.timeouts + result.non2xx + result.mismatches };
}

export const warmUp = (request: Request, settings: LoadSettings) => drive(request, settings.warmup, settings.connections);

export const timedRun = (request: Request, seconds: number, settings: LoadSettings) => drive(request, seconds, settings.connections);

/** Requests per second and latency percentiles (ms) over one or more runs. */
export interface Figures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

export function figures(runs: Run[]): Figures {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const at = (q: number) => (all.length ? all[Math.min(all.length - 1, Math.ceil(q * all.length) - 1)]! : NaN);
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  return {
    requests: all.length,
    rps: round(all.length / seconds, 1),
    p50: round(at(0.5), 2),
    p99: round(at(0.99), 2),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
  };
}
