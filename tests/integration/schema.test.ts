import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, RETIRED_CONSTRAINTS, schemaStatements, SEARCH_INDEX } from '../../src/neo4j/migrations.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('graph schema', () => {
  it('is applied once: running the migrations again creates nothing', async () => {
    expect(await applySchema(api.executor)).toEqual({ created: [], dropped: [] });
    const rows = await api.executor.read<{ name: string; type: string; state: string }>({ text: 'SHOW INDEXES YIELD name, type, state' });
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const statement of schemaStatements()) expect(byName.get(statement.name)?.state, statement.name).toBe('ONLINE');
    expect(byName.get(SEARCH_INDEX)?.type).toBe('FULLTEXT');
  });

  it('refuses a second node with an id that is already taken, whatever its kind', async () => {
    await api.executor.write({ text: "MERGE (:Entity:Person {id: 'schema-test-unique'})" });
    await expect(api.executor.write({ text: "CREATE (:Entity:Organization {id: 'schema-test-unique'})" })).rejects.toThrow(/already exists/);
    await expect(api.executor.write({ text: "CREATE (:Entity:Case {id: 'schema-test-unique'})" })).rejects.toThrow(/already exists/);
    await api.executor.write({ text: "MATCH (n {id: 'schema-test-unique'}) DETACH DELETE n" });
  });

  it('drops the per-kind constraints a store made before holds, and keeps its nodes', async () => {
    const [person, event] = ['person_id', 'event_id'];
    expect(RETIRED_CONSTRAINTS).toEqual(expect.arrayContaining([person, event]));
    await api.executor.write({ text: `CREATE CONSTRAINT ${person} IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE` });
    await api.executor.write({ text: `CREATE CONSTRAINT ${event} IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE` });
    await api.executor.write({ text: "CREATE (:Entity:Person {id: 'schema-test-retired', name: 'Kept'})" });
    expect(await applySchema(api.executor)).toEqual({ created: [], dropped: [person, event] });
    const names = (await api.executor.read<{ name: string }>({ text: 'SHOW CONSTRAINTS YIELD name' })).map((r) => r.name);
    expect(names).not.toContain(person);
    expect(names).not.toContain(event);
    const kept = await api.executor.read<{ name: string }>({ text: "MATCH (n:Entity:Person {id: 'schema-test-retired'}) RETURN n.name AS name" });
    expect(kept).toEqual([{ name: 'Kept' }]);
    // Ids stay unique across kinds through entity_id.
    await expect(api.executor.write({ text: "CREATE (:Entity:Event {id: 'schema-test-retired'})" })).rejects.toThrow(/already exists/);
    await api.executor.write({ text: "MATCH (n {id: 'schema-test-retired'}) DETACH DELETE n" });
  });
});
