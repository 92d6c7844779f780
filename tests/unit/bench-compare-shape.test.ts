import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { neo4jGraphqlShape, serviceShape } from '../../src/bench/reads/compare-shape.js';

const role = (id: string, name: string, within: string) => ({ id, role: name, within: { id: within, name: `Case ${within}` } });

const service = (judgeRoles: ReturnType<typeof role>[]) => ({
  case: {
    id: 'c1',
    name: 'Case c1',
    participants: {
      totalCount: 2,
      edges: [
        { node: { id: 'r-judge', role: 'judge', holder: { id: 'judge', name: 'Judge', roles: { totalCount: 9, edges: judgeRoles.map((node) => ({ node })) } } } },
        { node: { id: 'r-def', role: 'defendant', holder: { id: 'def', name: 'Def', roles: { totalCount: 1, edges: [{ node: role('r-def', 'defendant', 'c1') }] } } } },
      ],
    },
  },
});

const theirs = (judgeRoles: ReturnType<typeof role>[]) => ({
  cases: [
    {
      id: 'c1',
      name: 'Case c1',
      participantsConnection: {
        totalCount: 2,
        edges: [
          { properties: { id: 'r-def', role: 'defendant' }, node: { id: 'def', name: 'Def', rolesConnection: { totalCount: 1, edges: [{ properties: { id: 'r-def', role: 'defendant' }, node: { id: 'c1', name: 'Case c1' } }] } } },
          {
            properties: { id: 'r-judge', role: 'judge' },
            node: { id: 'judge', name: 'Judge', rolesConnection: { totalCount: 9, edges: judgeRoles.map((r) => ({ properties: { id: r.id, role: r.role }, node: r.within })) } },
          },
        ],
      },
    },
  ],
});

describe('compared read shapes', () => {
  const roles = [role('r1', 'judge', 'c1'), role('r2', 'judge', 'c2')];

  it('are equal when both servers return the same page in another order', () => {
    expect(neo4jGraphqlShape(theirs([...roles].reverse()))).toEqual(serviceShape(service(roles)));
  });

  it('differ when a role, a case or a count differs', () => {
    const expected = serviceShape(service(roles));
    expect(isDeepStrictEqual(neo4jGraphqlShape(theirs([roles[0]!, role('r2', 'witness', 'c2')])), expected)).toBe(false);
    expect(isDeepStrictEqual(neo4jGraphqlShape(theirs([roles[0]!, role('r2', 'judge', 'c3')])), expected)).toBe(false);
    expect(isDeepStrictEqual(neo4jGraphqlShape(theirs([roles[0]!])), expected)).toBe(false);
  });

  it('refuses an @neo4j/graphql answer that matched more than one case', () => {
    const two = theirs(roles);
    two.cases.push(two.cases[0]!);
    expect(() => neo4jGraphqlShape(two)).toThrow('found 2 cases');
  });
});
