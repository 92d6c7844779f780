/**
 * The compared cross-case read in one shape, whichever server answered, with every page sorted
 * by id: equal results then compare equal as values.
 */
export interface CrossCaseShape {
  id: string;
  name: string;
  participantCount: number;
  participants: {
    id: string;
    role: string;
    holder: { id: string; name: string; roleCount: number; roles: { id: string; role: string; within: Named }[] };
  }[];
}

interface Named {
  id: string;
  name: string;
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const named = (n: Named): Named => ({ id: n.id, name: n.name });

/** From the service: `case { id name participants { totalCount edges { node { id role holder { … roles } } } } }`. */
export function serviceShape(data: any): CrossCaseShape {
  const c = data.case;
  return {
    id: c.id,
    name: c.name,
    participantCount: c.participants.totalCount,
    participants: byId(
      (c.participants.edges as any[]).map(({ node: p }) => ({
        id: p.id,
        role: p.role,
        holder: {
          id: p.holder.id,
          name: p.holder.name,
          roleCount: p.holder.roles.totalCount,
          roles: byId((p.holder.roles.edges as any[]).map(({ node: r }) => ({ id: r.id, role: r.role, within: named(r.within) }))),
        },
      })),
    ),
  };
}

/** From @neo4j/graphql: `cases { id name participantsConnection { totalCount edges { properties node { … rolesConnection } } } }`. */
export function neo4jGraphqlShape(data: any): CrossCaseShape {
  const cases = data.cases as any[];
  if (cases.length !== 1) throw new Error(`@neo4j/graphql found ${cases.length} cases for one id`);
  const c = cases[0];
  return {
    id: c.id,
    name: c.name,
    participantCount: c.participantsConnection.totalCount,
    participants: byId(
      (c.participantsConnection.edges as any[]).map((e) => ({
        id: e.properties.id,
        role: e.properties.role,
        holder: {
          id: e.node.id,
          name: e.node.name,
          roleCount: e.node.rolesConnection.totalCount,
          roles: byId((e.node.rolesConnection.edges as any[]).map((r) => ({ id: r.properties.id, role: r.properties.role, within: named(r.node) }))),
        },
      })),
    ),
  };
}
