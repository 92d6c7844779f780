import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { countById } from '../support/graph.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/**
 * A cluster routes a transaction by its access mode: read transactions to followers and read
 * replicas, write transactions to the leader. A single Neo4j enforces the same mode, so a write
 * sent through `read` is refused only if reads really travel as read transactions.
 */
describe('reads go out as read transactions', () => {
  it('a write statement sent through Executor.read is refused by Neo4j and writes nothing', async () => {
    const attempt = api.executor.read({ text: "CREATE (:Entity {id: 'read-routing-probe'})" });
    await expect(attempt).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    expect(await countById(api.executor, 'read-routing-probe')).toBe(0);
  });

  it('the same statement through Executor.write is allowed (and removed again)', async () => {
    await api.executor.write({ text: "CREATE (:ReadRoutingProbe {id: 'read-routing-probe-2'})" });
    expect(await countById(api.executor, 'read-routing-probe-2')).toBe(1);
    await api.executor.write({ text: "MATCH (n:ReadRoutingProbe {id: 'read-routing-probe-2'}) DELETE n" });
  });
});
