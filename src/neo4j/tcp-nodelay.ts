import net from 'node:net';

let installed = false;

/**
 * neo4j-driver leaves Nagle's algorithm on for its sockets and flushes Bolt messages in 1.4 KB
 * chunks, so any statement whose parameters pass that size waits for the server's delayed ACK
 * (about 40 ms on Linux) before its last chunk leaves: measured here, a batched upsert went from
 * about 50 ms to 14 ms with TCP_NODELAY. The driver has no option for it, so client sockets of
 * this process are created with no delay. (Node's HTTP server already sets it on its sockets.)
 *
 * The same chunking makes one socket write per 1.4 KB: a write batch of megabytes of parameters
 * was thousands of system calls (the loader's largest single cost after packing, profiled). So
 * these sockets are corked on the first write of a turn of the event loop and uncorked at the
 * end of it: what the driver writes in one go leaves in one vectored write, in the same order
 * and in the same turn, so nothing waits longer than before.
 */
export function installTcpNoDelay(): void {
  if (installed) return;
  installed = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true);
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    // After connect, which resets `write` to the prototype's.
    coalesceWrites(this);
    return socket;
  } as typeof connect;
}

/** Makes the writes of one turn of the event loop on `socket` leave together (cork, then uncork on the next tick). */
function coalesceWrites(socket: net.Socket): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function (this: net.Socket, ...args: unknown[]) {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof socket.write;
}
