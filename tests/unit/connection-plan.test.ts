import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as actLists from '../../src/acts/lists.js';
import * as caseLists from '../../src/cases/lists.js';
import * as claimLists from '../../src/claims/lists.js';
import * as entityLists from '../../src/entities/lists.js';
import * as eventLists from '../../src/events/lists.js';
import * as roleLists from '../../src/roles/lists.js';
import * as traversalLists from '../../src/traversal/lists.js';
import { listPageQuery, planList, type ListDefinition } from '../../src/graphql/connection-plan.js';

const ALL: [string, ListDefinition<any>][] = [actLists, caseLists, claimLists, entityLists, eventLists, roleLists, traversalLists]
  .flatMap((module) => Object.entries(module))
  .filter((entry): entry is [string, ListDefinition<any>] => typeof entry[1] === 'object' && entry[1] !== null && 'field' in entry[1]);

function thrown(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('planList', () => {
  it('pages with the default size, and applies only the filters given', () => {
    const plain = planList(roleLists.ROLES_WITHIN, {});
    expect(plain).toMatchObject({ parentLabel: 'Entity', page: { offset: 0, limit: 20 }, where: [], params: {}, distinct: 'r, m' });
    const judges = planList(roleLists.ROLES_WITHIN, { role: 'judge', first: 5 });
    expect(judges).toMatchObject({ page: { offset: 0, limit: 5 }, where: [expect.stringMatching(/^replace\(.*toLower\(trim\(r\.role\)\).* = \$role$/)], params: { role: 'judge' } });
  });

  it('gives equal plans (one batch) for equal arguments, and different ones otherwise', () => {
    const key = (args: object) => JSON.stringify(planList(claimLists.CASE_CLAIMS, args));
    expect(key({ stance: 'denies', first: 5 })).toBe(key({ first: 5, stance: 'denies' }));
    expect(key({ stance: 'denies' })).not.toBe(key({ stance: 'asserts' }));
    expect(key({ first: 5 })).not.toBe(key({ first: 6 }));
    const kinds = (k: string[]) => JSON.stringify(planList(claimLists.ABOUT, { kinds: k as never }));
    expect(kinds(['Person', 'Act'])).toBe(kinds(['Act', 'Person', 'Act']));
  });

  it('refuses a page over the cap with BAD_USER_INPUT naming the argument and the cap', () => {
    const error = thrown(() => planList(eventLists.CASE_EVENTS, { first: 101 }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(error.message).toBe('first must be between 0 and 100; got 101.');
    expect(thrown(() => planList(eventLists.CASE_EVENTS, { after: 'nope' })).extensions).toMatchObject({ argument: 'after' });
  });

  it('follows the argument that changes the pattern: direction, or the part played in an act', () => {
    expect(planList(entityLists.RELATIONSHIPS, { direction: 'INCOMING' }).match).toBe('MATCH (n)<-[r]-(m:Entity)');
    expect(planList(entityLists.RELATIONSHIPS, {}).match).toBe('MATCH (n)-[r]-(m:Entity)');
    expect(planList(actLists.ACTS_OF, { as: 'TARGET' }).match).toBe('MATCH (n)<-[:TARGETED]-(m:Act)');
    expect(planList(actLists.ACTS_OF, {}).match).toBe('MATCH (n)-[:PERFORMED]->(m:Act)');
  });
});

describe('listPageQuery', () => {
  it('is one statement for all parents: each page in the stable sort and its total, values as parameters', () => {
    const plan = planList(roleLists.ROLES_HELD, { role: "judge' OR 1=1", first: 3, after: Buffer.from('offset:2').toString('base64url') });
    const query = listPageQuery(plan, ['a', 'b']);
    // Role names are compared as keys (lower case, underscores), still only as a parameter.
    expect(query.params).toEqual({ ids: ['a', 'b'], role: "judge'_or_1=1", offset: 3, limit: 3 });
    expect(query.text).not.toContain('judge');
    expect(query.text).toContain('UNWIND range(0, size($ids) - 1) AS i');
    expect(query.text).toMatch(/WHERE \(replace\(.*r\.role.* = \$role\)/);
    expect(query.text).toContain('ORDER BY r.role, m.name, r.id\nSKIP $offset LIMIT $limit');
    expect(query.text).toContain('RETURN count(*) AS total');
    expect(query.text.trimEnd().endsWith('RETURN i, items, total')).toBe(true);
  });

  it('refuses a parent label that is not a plain name', () => {
    const plan = { ...planList(caseLists.CHARGES, {}), parentLabel: 'Case) DETACH DELETE (x' };
    expect(() => listPageQuery(plan, ['a'])).toThrow(/not a label/);
  });

  it('covers every list, each sorted to a unique key last', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(20);
    for (const [name, list] of ALL) {
      expect(list.order, name).toMatch(/\b[mr]\.id$/);
      expect(listPageQuery(planList(list, {}), ['x']).text, name).toContain(`MATCH (n:${list.parentLabel ?? 'Entity'} {id: $ids[i]})`);
    }
  });
});
