/**
 * The compared cross-case read in one shape, whichever server answered, with every page sorted
 * by id: equal results then compare equal as values.
 */
export interface CrossCaseShape {
  id: string;
  name: string;
  participants: Page<{
    id: string;
    role: string;
    holder: { id: string; name: string; roles: Page<{ id: string; role: string; within: { id: string; name: string; participants: Page<RoleOnly> } }> };
  }>;
}

interface RoleOnly {
  id: string;
  role: string;
}

interface Page<T> {
  totalCount: number;
  items: T[];
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A service connection (`totalCount edges { node }`) as a page. */
const servicePage = <T extends { id: string }>(connection: any, item: (node: any) => T): Page<T> => ({
  totalCount: connection.totalCount,
  items: byId((connection.edges as any[]).map((edge) => item(edge.node))),
});

/** An @neo4j/graphql relationship connection (`totalCount edges { properties node }`) as a page. */
const theirPage = <T extends { id: string }>(connection: any, item: (properties: any, node: any) => T): Page<T> => ({
  totalCount: connection.totalCount,
  items: byId((connection.edges as any[]).map((edge) => item(edge.properties, edge.node))),
});

/** From the service's `case { id name participants { … holder { … roles { … within { … participants } } } } }`. */
export function serviceShape(data: any): CrossCaseShape {
  const c = data.case;
  return {
    id: c.id,
    name: c.name,
    participants: servicePage(c.participants, (p) => ({
      id: p.id,
      role: p.role,
      holder: {
        id: p.holder.id,
        name: p.holder.name,
        roles: servicePage(p.holder.roles, (r) => ({
          id: r.id,
          role: r.role,
          within: { id: r.within.id, name: r.within.name, participants: servicePage(r.within.participants, (q) => ({ id: q.id, role: q.role })) },
        })),
      },
    })),
  };
}

/** From @neo4j/graphql's `cases { id name participantsConnection { … rolesConnection { … participantsConnection } } }`. */
export function neo4jGraphqlShape(data: any): CrossCaseShape {
  const cases = data.cases as any[];
  if (cases.length !== 1) throw new Error(`@neo4j/graphql found ${cases.length} cases for one id`);
  const c = cases[0];
  return {
    id: c.id,
    name: c.name,
    participants: theirPage(c.participantsConnection, (p, holder) => ({
      id: p.id,
      role: p.role,
      holder: {
        id: holder.id,
        name: holder.name,
        roles: theirPage(holder.rolesConnection, (r, within) => ({
          id: r.id,
          role: r.role,
          within: { id: within.id, name: within.name, participants: theirPage(within.participantsConnection, (q) => ({ id: q.id, role: q.role })) },
        })),
      },
    })),
  };
}
