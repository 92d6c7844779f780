import { GraphQLError } from 'graphql';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { Executor } from '../../src/neo4j/executor.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { caseFingerprint } from '../support/graph.js';

/** Real work that takes a minute or more on this machine: counting two billion numbers. */
const SLOW = { text: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n' };
const PREFIX = 'txtimeout';
const CASE = `${PREFIX}-1-case`;
const IMPORT = 'mutation($file: String!) { importCase(file: $file) { caseId applied } }';

/** `limited` runs every transaction with a 1 s timeout; `api` (no timeout) sets up and checks. */
let api: TestApi;
let limited: TestApi;

beforeAll(async () => {
  [api, limited] = await Promise.all([
    startTestApi(),
    startTestApi({ executor: (driver, db) => new Executor(driver, db, undefined, { transactionTimeoutMs: 1_000 }) }),
  ]);
  for (const file of [syntheticJudgeFile(PREFIX), syntheticCaseFile(PREFIX, 1)]) {
    const loaded = await api.gql(IMPORT, { file }, WRITE);
    expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
  }
});
afterAll(async () => {
  for (const id of [CASE, `${PREFIX}-bench`]) await api?.gql('mutation($id: ID!) { deleteCase(id: $id) { caseId } }', { id }, WRITE);
  await Promise.all([api?.close(), limited?.close()]);
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T | undefined; error: unknown }> {
  const started = performance.now();
  try {
    const value = await work();
    return { ms: performance.now() - started, value, error: undefined };
  } catch (error) {
    return { ms: performance.now() - started, value: undefined, error };
  }
}

describe('the per-transaction timeout (NEO4J_TX_TIMEOUT_MS)', () => {
  it('stops a statement that really runs long, as QUERY_TIMEOUT naming the limit', async () => {
    const executor = new Executor(api.driver, inject('neo4j').database, undefined, { transactionTimeoutMs: 500 });
    const { ms, error } = await timed(() => executor.read(SLOW));
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'QUERY_TIMEOUT', limit: 'NEO4J_TX_TIMEOUT_MS', max: 500 });
    // Neo4j checks timeouts about once a second; without the limit this runs for minutes.
    expect(ms).toBeLessThan(15_000);
  }, 30_000);

  it('can be set for one statement that is slow by design', async () => {
    const executor = new Executor(api.driver, inject('neo4j').database);
    const { error } = await timed(() => executor.read({ ...SLOW, timeoutMs: 500 }));
    expect((error as GraphQLError).extensions?.code).toBe('QUERY_TIMEOUT');
  }, 30_000);

  it('reaches the API client as QUERY_TIMEOUT when a write waits too long for a lock, and nothing changes', async () => {
    const before = await caseFingerprint(api.executor, CASE);
    // Another transaction holds the case node, as a long write would.
    const session = api.driver.session({ database: inject('neo4j').database });
    const holder = await session.beginTransaction();
    try {
      await holder.run('MATCH (c:Case {id: $id}) SET c.heldByTest = true', { id: CASE });
      const { ms, value } = await timed(() => limited.gql('mutation($id: ID!) { deleteCase(id: $id) { caseId } }', { id: CASE }, WRITE));
      expect(value!.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('longer than the 1000 ms the server allows (NEO4J_TX_TIMEOUT_MS)'),
          extensions: { code: 'QUERY_TIMEOUT', limit: 'NEO4J_TX_TIMEOUT_MS', max: 1_000 },
        }),
      ]);
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(ms).toBeLessThan(15_000);
    } finally {
      await holder.rollback();
      await session.close();
    }
    expect(await caseFingerprint(api.executor, CASE)).toEqual(before);
  }, 30_000);
});
