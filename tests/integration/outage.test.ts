import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { loadHttpConfig } from '../../src/config/env.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { applySchema } from '../../src/neo4j/migrations.js';
import { createLogger } from '../../src/shared/logger.js';
import { caseFingerprint } from '../support/graph.js';
import { post } from '../support/http.js';
import { ownNeo4j, type OwnNeo4j } from '../support/own-neo4j.js';

/** The bound the README promises for a request while Neo4j is gone. */
const FAIL_FAST_MS = 3_000;
const TOKEN = 'outage-test-token';
const PREFIX = 'outage';
const CASE = `${PREFIX}-1-case`;
const CASE_QUERY = { query: `{ case(id: "${CASE}") { id caption status } }` };
const IMPORT = 'mutation($file: String!) { importCase(file: $file) { caseId applied } }';

let neo4j: OwnNeo4j;
let driver: Driver;
let executor: Executor;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  neo4j = await ownNeo4j();
  // Wired as main.ts does it, with the service's driver settings. The transaction timeout is
  // generous: a cold Neo4j on a busy machine plans its first writes slowly, and timeouts are
  // tested elsewhere.
  driver = await connect({ uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database: 'neo4j', mode: 'external', release: async () => {} });
  executor = new Executor(driver, 'neo4j', undefined, { transactionTimeoutMs: 60_000 });
  server = await startServer(executor, createLogger('silent'), 0, '127.0.0.1', { writeToken: TOKEN, http: loadHttpConfig({}) });
  base = server.url.replace('localhost', '127.0.0.1').replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
  await neo4j?.remove();
});

const graphql = (payload: object, headers: Record<string, string> = {}) => post(`${base}/graphql`, payload, headers);
const write = { authorization: `Bearer ${TOKEN}` };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function ready(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/ready`);
  return { status: response.status, body: await response.json() };
}

describe('Neo4j going away and coming back under the running service', () => {
  let before: string[];

  it('is not ready until the graph schema is applied, then ready', async () => {
    const empty = await ready();
    expect(empty.status).toBe(503);
    expect(empty.body).toMatchObject({ status: 'not ready', neo4j: 'reachable', schema: 'incomplete' });
    expect(empty.body.reason).toMatch(/^Graph schema incomplete: missing entity_id, .*entity_search/);
    await applySchema(executor);
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready', neo4j: 'reachable', schema: 'applied' } });
  }, 180_000);

  it('serves reads and writes while Neo4j is up', async () => {
    for (const file of [syntheticJudgeFile(PREFIX), syntheticCaseFile(PREFIX, 1)]) {
      const { status, body } = await graphql({ query: IMPORT, variables: { file } }, write);
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    }
    const { body } = await graphql(CASE_QUERY);
    expect(body.data.case.caption).toBe(`Fictional matter ${PREFIX}-1`);
    before = await caseFingerprint(executor, CASE);
    expect(before.length).toBeGreaterThan(10);
  });

  it('with Neo4j stopped, answers SERVICE_UNAVAILABLE and /ready 503 within the bound, never hanging', async () => {
    await neo4j.stop();

    const first = await timed(() => graphql(CASE_QUERY));
    expect(first.value.status).toBe(503);
    expect(first.value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(first.value.headers.get('retry-after')).toBeTruthy();
    expect(first.ms).toBeLessThan(FAIL_FAST_MS);

    // Right after a failure the circuit breaker answers without waiting on the driver at all.
    for (let i = 0; i < 5; i += 1) {
      const next = await timed(() => graphql(CASE_QUERY));
      expect(next.value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(next.ms).toBeLessThan(300);
    }

    const refusedWrite = await timed(() => graphql({ query: IMPORT, variables: { file: syntheticCaseFile(PREFIX, 2) } }, write));
    expect(refusedWrite.value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(refusedWrite.ms).toBeLessThan(FAIL_FAST_MS);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const probe = await timed(ready);
    expect(probe.value).toEqual({ status: 503, body: { status: 'not ready', neo4j: 'unreachable', schema: 'unknown', reason: 'Neo4j cannot be reached.', checkedInMs: expect.any(Number) } });
    expect(probe.ms).toBeLessThan(FAIL_FAST_MS);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('recovers by itself when Neo4j is back on the same port and store, with the data intact', async () => {
    await neo4j.start();
    const deadline = Date.now() + 60_000;
    let state = await ready();
    while (state.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      state = await ready();
    }
    expect(state).toMatchObject({ status: 200, body: { status: 'ready' } });

    const { status, body } = await graphql(CASE_QUERY);
    expect(status).toBe(200);
    expect(body.data.case.caption).toBe(`Fictional matter ${PREFIX}-1`);
    expect(await caseFingerprint(executor, CASE)).toEqual(before);

    const written = await graphql({ query: IMPORT, variables: { file: syntheticCaseFile(PREFIX, 2) } }, write);
    expect(written.body.data.importCase).toEqual({ caseId: `${PREFIX}-2-case`, applied: true });
  }, 180_000);
});
