import { readFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, startServiceProcess, waitUntil, type ServiceProcess } from '../support/service-process.js';

/** SIGTERM to the real service while clients are busy, and to `npm start`. */
const services: ServiceProcess[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.kill();
});

const QUERY = JSON.stringify({ query: '{ cases(first: 5) { edges { node { id } } } }' });

/** One POST on `agent`; resolves when it is fully written (`sent`) and when answered (status or socket error code). */
function send(port: number, agent: Agent) {
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<string>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY) } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(`${res.statusCode} ${res.headers.connection ?? ''} ${body.includes('"edges"') ? 'data' : body.slice(0, 200)}`));
      res.on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code}`));
    });
    req.on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code}`));
    req.end(QUERY, () => markSent());
  });
  return { sent, answer };
}

describe('SIGTERM under load', () => {
  it('every request written before SIGTERM is answered, on new and kept-alive connections alike; exit 0', async () => {
    const service = await startServiceProcess({ SHUTDOWN_GRACE_MS: '20000' });
    services.push(service);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    // Warm up 8 kept-alive connections, idle when the burst starts.
    const warm = await Promise.all(Array.from({ length: 8 }, () => send(service.port, agent).answer));
    expect(warm.every((answer) => answer.startsWith('200')), warm.join('\n')).toBe(true);

    // 16 requests: 8 on the idle kept-alive connections, 8 more queued behind them or on new
    // connections (a second agent), all written before the signal.
    const fresh = new Agent({ keepAlive: false });
    const burst = [...Array.from({ length: 8 }, () => send(service.port, agent)), ...Array.from({ length: 8 }, () => send(service.port, fresh))];
    await Promise.race([Promise.all(burst.slice(0, 8).map((r) => r.sent)), new Promise((r) => setTimeout(r, 5_000))]);
    await Promise.all(burst.slice(8).map((r) => r.sent));
    service.child.kill('SIGTERM');
    const answers = await Promise.all(burst.map((r) => r.answer));
    // Every one answered with its data; those answered after the signal say Connection: close
    // (one answered before the service handled the signal may still say keep-alive).
    expect(answers.filter((answer) => !/^200 (close|keep-alive) data$/.test(answer)), answers.join('\n')).toEqual([]);
    expect(answers.filter((answer) => answer.startsWith('200 close')).length, answers.join('\n')).toBeGreaterThan(0);
    expect(await service.exit).toBe(0);
    expect(service.out.text).toContain('"msg":"requests drained"');
    agent.destroy();
  }, 240_000);
});

describe('npm start', () => {
  it('SIGTERM to npm reaches the service: it drains, stops Neo4j and exits 0, leaving no orphan', async () => {
    const service = await startServiceProcess({}, { command: ['npm', ['start', '--silent']] });
    services.push(service);
    const jvm = service.jvmPid();
    // The service is the JVM's parent: npm's child, not npm itself.
    const servicePid = Number(readFileSync(`/proc/${jvm}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    expect(servicePid).not.toBe(service.child.pid);
    service.child.kill('SIGTERM');
    expect(await service.exit).toBe(0);
    expect(service.out.text).toContain('"msg":"stopped"');
    expect(await waitUntil(() => !alive(jvm), 10_000)).toBe(true);
    expect(await waitUntil(() => !alive(servicePid), 10_000)).toBe(true);
  }, 240_000);
});
