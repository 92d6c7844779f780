import autocannon from 'autocannon';

/** The part of autocannon 9's API the soak uses: one request whose body is chosen per send. */
export interface MixedLoad {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout: number;
  headers: Record<string, string>;
  /** The next body to send; `context` is the connection's own, handed back with its response. */
  next(context: Record<string, unknown>): string;
  answered(status: number, body: string, context: Record<string, unknown>): void;
}

export interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number; max: number };
}

type Cannon = (options: object) => PromiseLike<LoadResult>;

/**
 * Runs the load. autocannon ships no types (bench/reads declares the few it uses there), so
 * its per-request hooks are typed here.
 */
export function runMixedLoad(load: MixedLoad): PromiseLike<LoadResult> {
  return (autocannon as unknown as Cannon)({
    url: load.url,
    connections: load.connections,
    duration: load.duration,
    timeout: load.timeout,
    requests: [
      {
        method: 'POST',
        headers: load.headers,
        setupRequest: (request: object, context: Record<string, unknown>) => ({ ...request, body: load.next(context) }),
        onResponse: (status: number, body: string, context: Record<string, unknown>) => load.answered(status, body, context),
      },
    ],
  });
}
