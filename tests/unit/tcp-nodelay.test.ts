import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { installTcpNoDelay } from '../../src/neo4j/tcp-nodelay.js';

describe('client sockets (installTcpNoDelay)', () => {
  it('hold the writes of one turn and send them together, in order, on the next tick', async () => {
    installTcpNoDelay();
    const received: Buffer[] = [];
    const server = net.createServer((s) => s.on('data', (d: Buffer) => received.push(d)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const socket = await new Promise<net.Socket>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(s));
    });
    const chunks = [0, 1, 2, 3].map((i) => Buffer.alloc(1400, i));
    for (const chunk of chunks) socket.write(chunk);
    expect(socket.writableCorked).toBe(1);
    expect(socket.writableLength).toBe(5600);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writableCorked).toBe(0);
    await new Promise<void>((resolve) => socket.end(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.close();
    expect(Buffer.concat(received)).toEqual(Buffer.concat(chunks));
  });
});
