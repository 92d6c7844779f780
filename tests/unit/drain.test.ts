import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
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
  it('refuses new connections once the listener settles and lets requests in flight finish', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const requests = drainable(server);
    const slow = fetch(`${url}/slow?ms=800`).then((r) => r.text());
    for (let i = 0; i < 100 && requests.inFlight() === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(requests.inFlight()).toBe(1);
    const started = performance.now();
    const drained = requests.drain(5_000);
    await requests.stopAccepting();
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

describe('drain with connections the event loop has not picked up yet', () => {
  it('serves connections already made and requests already sent when the drain starts, each answer closing its connection', async () => {
    const { server, url } = await slowServer();
    servers.push(server);
    const requests = drainable(server);
    const { port } = new URL(url);
    // 16 clients (in a thread of their own) connect and send their request while the server's
    // event loop is busy: the kernel completes the connections, but the server has not accepted
    // them when the drain starts.
    const sent = new Int32Array(new SharedArrayBuffer(4));
    const clients = new Worker(CLIENTS, { eval: true, workerData: { port: Number(port), count: 16, sent } });
    const answers = new Promise<string[]>((resolve, reject) => (clients.once('message', resolve), clients.once('error', reject)));
    const giveUp = performance.now() + 20_000;
    while (Atomics.load(sent, 0) < 16 && performance.now() < giveUp) {
      // blocks the event loop, as a service busy with other requests would
    }
    expect(Atomics.load(sent, 0)).toBe(16);
    const drained = requests.drain(5_000);
    const results = await answers;
    await clients.terminate();
    expect(results.filter((r) => r.startsWith('HTTP/1.1 200')).length, results.join('\n---\n')).toBe(16);
    for (const result of results) expect(result.toLowerCase()).toContain('connection: close');
    expect(await drained).toEqual({ finished: 16, cut: 0 });
    expect(await accepts(url)).toBe(false);
  });
});

/** Raw HTTP/1.1 requests, each on its own connection; counts in `sent` those fully written, then posts every answer (or socket error). */
const CLIENTS = `
const { connect } = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const { port, count, sent } = workerData;
const one = () => new Promise((resolve) => {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('connect', () => socket.write('GET /slow?ms=50 HTTP/1.1\\r\\nHost: x\\r\\nConnection: keep-alive\\r\\n\\r\\n', () => Atomics.add(sent, 0, 1)));
  socket.on('data', (chunk) => { text += chunk; if (/slept \\d+$/.test(text)) socket.end(); });
  socket.on('error', (error) => resolve('error ' + error.code));
  socket.on('close', () => resolve(text));
});
Promise.all(Array.from({ length: count }, one)).then((answers) => parentPort.postMessage(answers));
`;
