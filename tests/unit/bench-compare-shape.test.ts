import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { neo4jGraphqlShape, serviceShape } from '../../bench/reads/compare-shape.js';

interface Role {
  id: string;
  role: string;
  within: string;
}

const ROLES: Role[] = [
  { id: 'r1', role: 'judge', within: 'c1' },
  { id: 'r2', role: 'judge', within: 'c2' },
];
const WITHIN_PARTIES = [{ id: 'p1', role: 'defendant' }, { id: 'p2', role: 'judge' }];

/** The service's answer: connections of edges of nodes. */
const service = (roles: Role[], parties = WITHIN_PARTIES) => ({
  case: {
    id: 'c1',
    name: 'Case c1',
    participants: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: 'r1',
            role: 'judge',
            holder: {
              id: 'judge',
              name: 'Judge',
              roles: {
                totalCount: 9,
                edges: roles.map((r) => ({
                  node: { id: r.id, role: r.role, within: { id: r.within, name: `Case ${r.within}`, participants: { totalCount: 2, edges: parties.map((node) => ({ node })) } } },
                })),
              },
            },
          },
        },
      ],
    },
  },
});

/** @neo4j/graphql's answer: relationship properties beside each node. */
const theirs = (roles: Role[], parties = WITHIN_PARTIES) => ({
  cases: [
    {
      id: 'c1',
      name: 'Case c1',
      participantsConnection: {
        totalCount: 1,
        edges: [
          {
            properties: { id: 'r1', role: 'judge' },
            node: {
              id: 'judge',
              name: 'Judge',
              rolesConnection: {
                totalCount: 9,
                edges: roles.map((r) => ({
                  properties: { id: r.id, role: r.role },
                  node: { id: r.within, name: `Case ${r.within}`, participantsConnection: { totalCount: 2, edges: parties.map((properties) => ({ properties })) } },
                })),
              },
            },
          },
        ],
      },
    },
  ],
});

describe('compared read shapes', () => {
  const expected = serviceShape(service(ROLES));

  it('are equal when both servers return the same pages in another order', () => {
    expect(neo4jGraphqlShape(theirs([...ROLES].reverse(), [...WITHIN_PARTIES].reverse()))).toEqual(expected);
  });

  it('differ when a role, a case, a page or a party differs', () => {
    const differs = (other: ReturnType<typeof theirs>) => !isDeepStrictEqual(neo4jGraphqlShape(other), expected);
    expect(differs(theirs([ROLES[0]!, { ...ROLES[1]!, role: 'witness' }]))).toBe(true);
    expect(differs(theirs([ROLES[0]!, { ...ROLES[1]!, within: 'c3' }]))).toBe(true);
    expect(differs(theirs([ROLES[0]!]))).toBe(true);
    expect(differs(theirs(ROLES, [WITHIN_PARTIES[0]!]))).toBe(true);
  });

  it('refuses an @neo4j/graphql answer that matched more than one case', () => {
    const two = theirs(ROLES);
    two.cases.push(two.cases[0]!);
    expect(() => neo4jGraphqlShape(two)).toThrow('found 2 cases');
  });
});
