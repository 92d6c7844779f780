import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, schemaStatements, SEARCH_INDEX } from '../../src/neo4j/migrations.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('graph schema', () => {
  it('is applied once: running the migrations again creates nothing', async () => {
    expect(await applySchema(api.executor)).toEqual({ created: [] });
    const rows = await api.executor.read<{ name: string; type: string; state: string }>({ text: 'SHOW INDEXES YIELD name, type, state' });
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const statement of schemaStatements()) expect(byName.get(statement.name)?.state, statement.name).toBe('ONLINE');
    expect(byName.get(SEARCH_INDEX)?.type).toBe('FULLTEXT');
  });

  it('refuses a second node with an id that is already taken, whatever its kind', async () => {
    await api.executor.write({ text: "MERGE (:Entity:Person {id: 'schema-test-unique'})" });
    await expect(api.executor.write({ text: "CREATE (:Entity:Organization {id: 'schema-test-unique'})" })).rejects.toThrow(/already exists/);
    await expect(api.executor.write({ text: "CREATE (:Person {id: 'schema-test-unique'})" })).rejects.toThrow(/already exists/);
    await api.executor.write({ text: "MATCH (n {id: 'schema-test-unique'}) DETACH DELETE n" });
  });
});
