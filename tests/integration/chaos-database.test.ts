import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { post } from '../support/http.js';
import { alive, SERVICE_TOKEN, startServiceProcess, waitUntil, type ServiceProcess } from '../support/service-process.js';

/**
 * Faults of the embedded Neo4j under the running service (its own JVM, killed or frozen on
 * purpose): the service must notice, say so on /health, fail requests fast, and heal.
 */
const WRITE = { authorization: `Bearer ${SERVICE_TOKEN}` };
const IMPORT = 'mutation($file: String!) { importCase(file: $file) { caseId applied } }';
const PREFIX = 'chaos-db';
const CASE_QUERY = { query: `{ case(id: "${PREFIX}-1-case") { id caption } }` };
/** The README's bound for a request while Neo4j is frozen: slow check (1 s) + NEO4J_PING_TIMEOUT_MS (2 s) + slack for a busy machine. */
const FROZEN_BOUND_MS = 4_500;

let service: ServiceProcess;

const health = async () => {
  const response = await fetch(`${service.base}/health`);
  return { status: response.status, body: (await response.json()) as any };
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

beforeAll(async () => {
  service = await startServiceProcess({ HEALTH_UNREACHABLE_MS: '3000', NEO4J_TX_TIMEOUT_MS: '60000' });
  for (const file of [syntheticJudgeFile(PREFIX), syntheticCaseFile(PREFIX, 1)]) {
    const { body } = await post(service.url, { query: IMPORT, variables: { file } }, WRITE);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  }
}, 240_000);

afterAll(async () => {
  if (service) {
    try {
      process.kill(service.jvmPid(), 'SIGCONT');
    } catch {}
    service.kill();
  }
});

describe('the embedded Neo4j killed or frozen under the running service', () => {
  it('a killed JVM is logged, /health says restarting, and it is restarted with the data intact', async () => {
    const before = await health();
    expect(before.status).toBe(200);
    expect(before.body.neo4j).toMatchObject({ mode: 'embedded', process: 'running', restarts: 0, reachable: true });
    const first = service.jvmPid();
    process.kill(first, 'SIGKILL');
    expect(await waitUntil(() => service.out.text.includes('embedded Neo4j exited unexpectedly (signal SIGKILL); restarting it in 1000 ms'), 10_000), service.out.text.slice(-2000)).toBe(true);
    const during = await health();
    expect(during.status).toBe(200);
    expect(during.body.neo4j).toMatchObject({ process: 'restarting', lastExit: 'signal SIGKILL' });
    const refused = await post(service.url, CASE_QUERY);
    expect(refused.status).toBe(503);

    expect(await waitUntil(() => service.out.text.includes('"msg":"embedded Neo4j restarted"'), 120_000, 250), service.out.text.slice(-2000)).toBe(true);
    expect(service.jvmPid()).not.toBe(first);
    expect(alive(service.jvmPid())).toBe(true);
    let answer = await post(service.url, CASE_QUERY);
    await waitUntil(async () => (answer = await post(service.url, CASE_QUERY)).status === 200, 10_000, 500);
    expect(answer.body).toEqual({ data: { case: { id: `${PREFIX}-1-case`, caption: `Fictional matter ${PREFIX}-1` } } });
    expect((await health()).body.neo4j).toMatchObject({ process: 'running', restarts: 1, reachable: true });
    // A JVM start takes about 10 s on an idle 2-core machine; under heavy load it was seen at 45 s.
  }, 180_000);

  it('a frozen JVM (SIGSTOP): requests in flight and new ones get 503 within the bound, /health fails after HEALTH_UNREACHABLE_MS, and SIGCONT heals', async () => {
    const jvm = service.jvmPid();
    process.kill(jvm, 'SIGSTOP');
    try {
      const inFlight = await Promise.all([1, 2, 3].map(() => timed(() => post(service.url, CASE_QUERY))));
      for (const { ms, value } of inFlight) {
        expect(value.status, JSON.stringify(value.body)).toBe(503);
        expect(value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(ms).toBeLessThan(FROZEN_BOUND_MS);
      }
      const next = await timed(() => post(service.url, CASE_QUERY));
      expect(next.value.status).toBe(503);
      expect(next.ms).toBeLessThan(500);

      await new Promise((r) => setTimeout(r, 3_000));
      const failing = await health();
      expect(failing.status).toBe(503);
      expect(failing.body).toMatchObject({ status: 'failing', neo4j: { process: 'running', reachable: false } });
      expect(failing.body.reason).toMatch(/HEALTH_UNREACHABLE_MS=3000/);
    } finally {
      process.kill(jvm, 'SIGCONT');
    }
    let answer = await post(service.url, CASE_QUERY);
    expect(await waitUntil(async () => (answer = await post(service.url, CASE_QUERY)).status === 200, 20_000, 500), JSON.stringify(answer.body)).toBe(true);
    expect(answer.body.data.case.id).toBe(`${PREFIX}-1-case`);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', neo4j: { reachable: true } } });
  }, 60_000);
});
