import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable } from '../../src/lifecycle/drain.js';

/** A real HTTP server whose /slow answers after `?ms=`, to have requests in flight. */
async function slowServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const ms = Number(new URL(req.url!, 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => res.end(`slept ${ms}`), ms);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Whether a new TCP connection is accepted. */
function accepts(url: string): Promise<boolean> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections(), server.close();
});

describe('drain', () => {
  it('refuses new connections at once and lets requests in flight finish', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const requests = drainable(server);
    const slow = fetch(`${url}/slow?ms=800`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 100));
    expect(requests.inFlight()).toBe(1);
    const started = performance.now();
    const drained = requests.drain(5_000);
    expect(await accepts(url)).toBe(false);
    expect(await slow).toBe('slept 800');
    expect(await drained).toEqual({ finished: 1, cut: 0 });
    // Done when the request is, not when the grace period ends (the kept-alive connection is closed).
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it('closes what still runs when the grace period is over', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const requests = drainable(server);
    const stuck = fetch(`${url}/slow?ms=60000`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    expect(await requests.drain(300)).toEqual({ finished: 0, cut: 1 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await stuck).toBe('cut');
  });
});
