import type { Server } from 'node:http';

export interface Drained {
  /** Requests in flight when draining began that finished within the grace period. */
  finished: number;
  /** Requests still running when it ran out, whose connections were closed. */
  cut: number;
}

export interface Drainable {
  /** Requests being served right now. */
  inFlight(): number;
  drain(graceMs: number): Promise<Drained>;
}

/**
 * Counts the requests `server` is serving, from now on, so that `drain` can stop accepting
 * connections, let those requests finish for up to `graceMs`, then close whatever is left.
 * Keep-alive connections are closed as soon as they fall idle (checked every 100 ms), since
 * `server.close()` alone waits for clients to hang up.
 */
export function drainable(server: Server): Drainable {
  let inFlight = 0;
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
  });
  return {
    inFlight: () => inFlight,
    async drain(graceMs) {
      const atStart = inFlight;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const outcome = await Promise.race([closed.then(() => 'done' as const), late]);
      clearInterval(sweep);
      clearTimeout(timer);
      const cut = outcome === 'late' ? inFlight : 0;
      if (outcome === 'late') {
        server.closeAllConnections();
        await closed;
      }
      return { finished: Math.max(0, atStart - cut), cut };
    },
  };
}
