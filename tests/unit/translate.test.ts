import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, compared } from '../../bench/reads/operations.js';
import { createContext } from '../../src/graphql/context.js';
import { buildSchema } from '../../src/graphql/schema.js';
import type { CypherQuery, Executor } from '../../src/neo4j/executor.js';

/**
 * The translate step, as neo4j/graphql's tck tests it: a GraphQL document in, the Cypher and
 * parameters out, no database. A recording executor keeps each statement and answers no rows.
 * The statements are kept as files beside this test (translate/*.cypher): a change to the
 * translation shows there, to be read in review.
 */
const schema = buildSchema();

async function statements(document: string, variables: Record<string, unknown> = {}): Promise<CypherQuery[]> {
  const queries: CypherQuery[] = [];
  const recording = {
    withStats: () => recording,
    read: async (query: CypherQuery) => (queries.push(query), []),
  } as unknown as Executor;
  await execute({ schema, document: parse(document), variableValues: variables, contextValue: createContext(recording, new Request('http://test.invalid/graphql')) });
  return queries;
}

const asText = (q: CypherQuery) => `${q.text}\n\n// params: ${JSON.stringify(q.params)}\n`;
const anchors = { caseId: 'case-1', actorId: 'person-1', targetId: 'person-2', searchText: 'Baldwin' } as never;

describe('translate: one statement per root field', () => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s (the bench operation) is one statement', async (name, op) => {
    const queries = await statements(op.query, op.variables(anchors));
    expect(queries).toHaveLength(1);
    await expect(asText(queries[0]!)).toMatchFileSnapshot(`translate/${name}.cypher`);
  });

  it('the read compared with @neo4j/graphql is one statement', async () => {
    const queries = await statements(compared.service.query, compared.service.variables(anchors));
    expect(queries).toHaveLength(1);
    await expect(asText(queries[0]!)).toMatchFileSnapshot('translate/crossCase-compared.cypher');
  });

  it('a document with three root fields takes three statements, and none for ok', async () => {
    const queries = await statements('{ ok a: case(id: "x") { id } b: case(id: "y") { caption } cases(first: 2) { totalCount } }');
    expect(queries).toHaveLength(3);
  });

  it('fragments, aliases and type conditions become one map per kind that asks for its own fields', async () => {
    const [query] = await statements(`
      query Q($id: ID!, $withRoles: Boolean!) {
        entity(id: $id) {
          ...Named
          who: name
          ... on Person { age occupation roles(first: 2) @include(if: $withRoles) { edges { node { role within { id } } } } }
          ... on Case { caption events(from: "2024") { totalCount } }
        }
      }
      fragment Named on Entity { id kind }`, { id: 'alec-baldwin', withRoles: true });
    await expect(asText(query!)).toMatchFileSnapshot('translate/entity-fragments.cypher');
    expect(query!.text).toMatch(/CASE this0\.kind WHEN/);
  });

  it('@skip leaves a field out of the statement', async () => {
    const [query] = await statements('query Q($no: Boolean!) { case(id: "c") { id participants @skip(if: $no) { totalCount } } }', { no: true });
    expect(query!.text).not.toContain('HAS_ROLE');
  });
});

describe('translate: traversals around hubs', () => {
  const ends = 'fromId: "person-1", toId: "person-2", excludeTypes: ["IN_CASE"]';

  it('paths does not expand a node above maxDegree (the end excepted); null is the unbounded search', async () => {
    const [bounded] = await statements(`{ paths(${ends}, maxDegree: 50) { length } }`);
    // The degree leaves out who states the node (its STATES), and no hop crosses one.
    expect(bounded!.text).toMatch(/WHERE (\w+)\.id = \$\w+ OR COUNT \{ \(\1\)--\(\) \} - COUNT \{ \(\1\)<-\[:STATES\]-\(\) \} <= \$\w+\)\)\{1,6\}/);
    expect(bounded!.text).toMatch(/type\(\w+\) <> 'STATES'/);
    expect(Object.values(bounded!.params!)).toContain(50);
    const [unbounded] = await statements(`{ paths(${ends}, maxDegree: null) { length } }`);
    expect(unbounded!.text).not.toContain('COUNT {');
    expect(unbounded!.text).toMatch(/\]-\{1,6\}\(/);
  });

  it('pathSearch reads the paths and the hubs within maxHops/2 of either end in one statement', async () => {
    const queries = await statements(`{ pathSearch(${ends}, maxHops: 5, maxDegree: 50) { maxDegree paths { length hops { from { id } to { id } } } hubsNotCrossed { relationships entity { id name } } } }`);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.text).toContain('){0,1}(');
    await expect(asText(queries[0]!)).toMatchFileSnapshot('translate/pathSearch.cypher');
  });

  it('pathSearch without a bound lists no hubs and reads none', async () => {
    const [query] = await statements(`{ pathSearch(${ends}, maxDegree: null) { maxDegree hubsNotCrossed { relationships } } }`);
    expect(query!.text).not.toContain('ANY SHORTEST');
  });

  it('maxDegree below 1 is refused before any statement', async () => {
    expect(await statements(`{ paths(${ends}, maxDegree: 0) { length } neighborhood(id: "x", maxDegree: -1) { truncated } }`)).toHaveLength(0);
  });
});

describe('translations are kept per operation and variables', () => {
  it('the same parsed operation with the same variables reuses its statement; other variables build another', async () => {
    const document = parse('query Q($id: ID!) { case(id: $id) { caption } }');
    const queries: CypherQuery[] = [];
    const recording = { withStats: () => recording, read: async (query: CypherQuery) => (queries.push(query), []) } as unknown as Executor;
    const run = (id: string) => execute({ schema, document, variableValues: { id }, contextValue: createContext(recording, new Request('http://test.invalid/')) });
    await run('a');
    await run('a');
    await run('b');
    expect(queries).toHaveLength(3);
    expect(queries[1]).toBe(queries[0]);
    expect(queries[2]).not.toBe(queries[0]);
    expect(Object.values(queries[2]!.params!)).toContain('b');
  });
});

describe('translate: values only as parameters', () => {
  const hostile = `x'}) DETACH DELETE n //`;

  it('ids, filters and search words never enter the text', async () => {
    const queries = await statements(`query Q($v: String!) {
      case(id: $v) { participants(role: $v) { totalCount } caseActs(from: "2020", to: "2024") { totalCount } }
      whoDidWhat(caseId: $v, actorId: $v) { totalCount }
      search(query: $v) { totalCount }
      sharedBetween(caseId: $v, otherCaseId: $v) { totalCount }
    }`, { v: hostile });
    expect(queries).toHaveLength(4);
    for (const q of queries) {
      expect(q.text).not.toContain('DETACH');
      expect(JSON.stringify(q.params)).toContain('DETACH');
    }
  });

  it('every filter gets a parameter of its own: one named like the page size does not overwrite it', async () => {
    const [query] = await statements('{ case(id: "limit") { participants(role: "limit", inferred: false, first: 3) { totalCount edges { node { id } } } } }');
    const values = Object.values(query!.params!);
    expect(values).toContain('limit');
    expect(values).toContain(3);
    expect(values).toContain(false);
    expect(new Set(Object.keys(query!.params!)).size).toBe(Object.keys(query!.params!).length);
  });
});

describe('translate: connections read what is asked', () => {
  it('counts only when totalCount is asked, and reads one item more than the page for hasNextPage', async () => {
    const [paged] = await statements('{ case(id: "c") { charges(first: 5) { pageInfo { hasNextPage } edges { node { offence } } } } }');
    expect(paged!.text).not.toContain('COUNT {');
    expect(Object.values(paged!.params!)).toContain(6);
    const [counted] = await statements('{ case(id: "c") { charges { totalCount } } }');
    expect(counted!.text).toContain('COUNT {');
    expect(counted!.text).not.toContain('COLLECT {');
  });

  it('a bad page size three levels down is an error of that field, not of the statement', async () => {
    const result = await execute({
      schema,
      document: parse('{ cases { edges { node { id participants(first: 500) { totalCount } } } } }'),
      contextValue: createContext({ withStats() { return this; }, read: async () => [{ value: { items: [{ id: 'c', participants: { __error: 0 } }], offset: 0, limit: 20 } }] } as unknown as Executor, new Request('http://test.invalid/')),
    });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toEqual([['cases.edges.0.node.participants', 'BAD_USER_INPUT']]);
  });
});
