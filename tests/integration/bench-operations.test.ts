import { graphql } from 'graphql';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { typeDefs } from '../../bench/neo4j-graphql/type-defs.js';
import { neo4jGraphqlShape, serviceShape } from '../../bench/reads/compare-shape.js';
import { Corpus } from '../../bench/reads/corpus.js';
import { syntheticSource } from '../../bench/reads/corpus-synthetic.js';
import { compared, OPERATIONS } from '../../bench/reads/operations.js';
import { DEBUG_HEADER } from '../../src/graphql/round-trips.js';
import { startTestApi, type TestApi } from '../support/api.js';

/**
 * The read bench's operations stay valid against the schema, and its @neo4j/graphql type
 * definitions read the same graph the same way. Twelve cases share a judge, so the judge's roles
 * run past the compared page of ten and both servers must choose the same ten.
 */
const source = syntheticSource('bench-ops-it');
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await new Corpus(api.executor, source, 2).growTo(12);
});

afterAll(async () => {
  await api?.close();
});

describe('read bench operations', () => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s runs on the current schema and has something to time', async (_, op) => {
    const response = await api.gql(op.query, op.variables(source.anchors), { [DEBUG_HEADER]: '1' });
    expect(response.errors).toBeUndefined();
    expect(op.answered(response.data)).toBe(true);
    expect(response.extensions?.roundTrips).toBeGreaterThan(0);
  });

  it('@neo4j/graphql answers the compared read as the service does, page and counts included', async () => {
    const ours = await api.gql(compared.service.query, compared.service.variables(source.anchors));
    expect(ours.errors).toBeUndefined();
    // Building @neo4j/graphql's schema takes tens of seconds on a busy 2-core machine.
    const schema = await new Neo4jGraphQL({ typeDefs, driver: api.driver }).getSchema();
    const theirs = await graphql({
      schema,
      source: compared.neo4jGraphql.query,
      variableValues: compared.neo4jGraphql.variables(source.anchors),
      contextValue: { sessionConfig: { database: inject('neo4j').database } },
    });
    expect(theirs.errors).toBeUndefined();
    const expected = serviceShape(ours.data);
    const judge = expected.participants.items.find((p) => p.role === 'judge')!;
    expect(judge.holder.roles.totalCount).toBe(12);
    expect(judge.holder.roles.items).toHaveLength(10);
    expect(judge.holder.roles.items.every((r) => r.within.participants.totalCount === 3)).toBe(true);
    expect(neo4jGraphqlShape(theirs.data)).toEqual(expected);
  }, 240_000);
});
