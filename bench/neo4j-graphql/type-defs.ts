import { ROLE_TYPE } from '../../src/model/kinds.js';

/**
 * @neo4j/graphql type definitions over the graph the loader writes, for the comparison only.
 * Every node the loader writes has the label `Entity` (plus its kind), and the service itself
 * reads roles as Entity-to-Entity HAS_ROLE relationships, so one `Entity` node type maps them
 * all; `Case` (labels Case and Entity) is the root the compared read starts from. Roles are the
 * loader's HAS_ROLE relationships with their `id` and `role` properties, both ways
 * (`participants` into a node, `roles` out of it). An `Entity` interface implemented by one type
 * per kind would be closer to the service's schema, but @neo4j/graphql then plans a branch per
 * kind at every level: its Cypher for the compared read took about 100 s to plan and ran
 * several times slower, which would compare against a mapping nobody would choose.
 */
const roleFields = (directions: ('IN' | 'OUT')[]) =>
  directions
    .map((direction) => `${direction === 'IN' ? 'participants' : 'roles'}: [Entity!]! @relationship(type: "${ROLE_TYPE}", direction: ${direction}, properties: "Role")`)
    .join('\n    ');

export const typeDefs = /* GraphQL */ `
  type Role @relationshipProperties {
    id: ID!
    role: String!
  }

  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    ${roleFields(['IN', 'OUT'])}
  }

  type Case @node(labels: ["Case", "Entity"]) {
    id: ID!
    name: String!
    ${roleFields(['IN'])}
  }
`;
