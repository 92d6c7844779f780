import type { Server, ServerResponse } from 'node:http';

export interface Drained {
  /** Requests in flight when draining began (or that arrived on connections accepted while the listener closed) that finished within the grace period. */
  finished: number;
  /** Requests still running when it ran out, whose connections were closed. */
  cut: number;
}

export interface Drainable {
  /** Requests being served right now. */
  inFlight(): number;
  /**
   * Stops listening once the connections a client has already opened are accepted: the listener
   * closes when none has arrived for SETTLE_MS since the call (at most ACCEPT_WINDOW_MS after it). Closing
   * it at once would reset connections the kernel had accepted for us but the event loop had not
   * picked up yet, requests their clients had already sent.
   */
  stopAccepting(): Promise<void>;
  drain(graceMs: number): Promise<Drained>;
}

/** Quiet time without a new connection after which the listener is closed. */
export const SETTLE_MS = 150;
/** The listener is closed this long after the signal at the latest, however busy the port. */
export const ACCEPT_WINDOW_MS = 1_000;
const SWEEP_MS = 100;

/**
 * Counts the requests `server` is serving, from now on, so that `drain` can stop accepting
 * connections, let those requests finish for up to `graceMs`, then close whatever is left.
 * From the moment draining starts every response says `Connection: close`, so a keep-alive
 * client is told not to send more on that connection and the connection ends with its last
 * response; connections with no request on them (idle keep-alive ones) are closed as they are
 * found idle (checked every 100 ms), since `server.close()` alone waits for clients to hang up.
 */
export function drainable(server: Server): Drainable {
  let inFlight = 0;
  let seen = 0;
  let draining = false;
  let lastConnection = performance.now();
  const responses = new Set<ServerResponse>();
  server.on('connection', () => (lastConnection = performance.now()));
  server.on('request', (_req, res) => {
    inFlight += 1;
    seen += 1;
    responses.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      inFlight -= 1;
      responses.delete(res);
    });
  });
  let closed: Promise<void> | undefined;
  const stopAccepting = async () => {
    if (closed) return;
    draining = true;
    for (const res of responses) closeAfter(res);
    const started = performance.now();
    while (performance.now() - Math.max(lastConnection, started) < SETTLE_MS && performance.now() - started < ACCEPT_WINDOW_MS) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    inFlight: () => inFlight,
    stopAccepting,
    async drain(graceMs) {
      const atStart = inFlight - seen;
      await stopAccepting();
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const outcome = await Promise.race([closed!.then(() => 'done' as const), late]);
      clearInterval(sweep);
      clearTimeout(timer);
      const cut = outcome === 'late' ? inFlight : 0;
      if (outcome === 'late') {
        server.closeAllConnections();
        await closed;
      }
      // In flight at the start, plus those that arrived on connections accepted since.
      return { finished: Math.max(0, atStart + seen - cut), cut };
    },
  };
}

/** The response ends its connection: the client opens a new one (to another instance) for more. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
