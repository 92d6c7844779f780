import { ENTITY_KINDS, ROLE_TYPE } from '../../model/kinds.js';

/**
 * @neo4j/graphql type definitions over the graph the loader writes, for the comparison only:
 * every entity kind is a node type with the labels the loader gives it (`Entity` plus its kind),
 * and roles are the loader's HAS_ROLE relationships with their `id` and `role` properties, read
 * both ways (`participants` into a node, `roles` out of it). Only what the compared read needs
 * is mapped; the rest of the graph (facts, passages) is left out.
 */
const entityType = (kind: string) => `
  type ${kind} implements Entity @node(labels: ["${kind}", "Entity"]) {
    id: ID!
    name: String!
    participants: [Entity!]! @relationship(type: "${ROLE_TYPE}", direction: IN, properties: "Role")
    roles: [Entity!]! @relationship(type: "${ROLE_TYPE}", direction: OUT, properties: "Role")
  }`;

export const typeDefs = /* GraphQL */ `
  interface Entity {
    id: ID!
    name: String!
    participants: [Entity!]! @declareRelationship
    roles: [Entity!]! @declareRelationship
  }

  type Role @relationshipProperties {
    id: ID!
    role: String!
  }
  ${ENTITY_KINDS.map(entityType).join('\n')}
`;
