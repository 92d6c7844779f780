import type { Anchors } from './corpus-source.js';

/**
 * The canonical read operations of the bench, all in this one module so they follow the API:
 * each mirrors an operation of docs/examples.graphql, with the ids of the corpus's first case
 * as variables. When the schema changes, update the text here (and `compared` below) and run
 * `npm run bench:reads -- --sizes 1 --duration 1`: every operation is checked for errors and
 * for a non-empty answer before it is timed.
 */
export interface Operation {
  name: string;
  /** Addressed by ids, so its latency should not grow with the corpus (the 1.5x target). */
  idBased: boolean;
  query: string;
  variables(anchors: Anchors): Record<string, unknown>;
  /** True when `data` is a real answer (not null, not an empty list). */
  answered(data: any): boolean;
}

const caseDetail: Operation = {
  name: 'caseDetail',
  idBased: true,
  query: /* GraphQL */ `
    query CaseDetail($id: ID!) {
      case(id: $id) {
        id caption caseType status outcome
        court { name }
        sources(first: 5) { edges { node { quote start end document { id title } } } }
        charges(first: 10) { totalCount edges { node { offence maximumPenalty defendant { name } } } }
        participants(first: 20) {
          totalCount
          edges { node { role holder { id name kind } sources(first: 3) { edges { node { quote start end } } } } }
        }
        rulings(first: 5) { edges { node { judge { name } finding disposition words time { text weekday precision } } } }
        evidence(first: 10) {
          edges {
            node {
              name disclosed receivedFrom { name } receivedBy { name } received { text precision }
              withheldFrom(first: 5) { edges { node { name } } }
            }
          }
        }
        documents(first: 5) { edges { node { id title } } }
      }
    }`,
  variables: (a) => ({ id: a.caseId }),
  answered: (data) => data?.case?.participants?.edges?.length > 0,
};

const whoDidWhat: Operation = {
  name: 'whoDidWhat',
  idBased: true,
  query: /* GraphQL */ `
    query WhoDidWhat($caseId: ID!) {
      whoDidWhat(caseId: $caseId, first: 5) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            actor { name } action target { name } object { name }
            time { text precision iso }
            sources(first: 5) { edges { node { quote start end document { id title } } } }
          }
        }
      }
    }`,
  variables: (a) => ({ caseId: a.caseId }),
  answered: (data) => data?.whoDidWhat?.edges?.length > 0,
};

const search: Operation = {
  name: 'search',
  idBased: false,
  query: /* GraphQL */ `
    query Search($text: String!) {
      search(query: $text, kinds: [PERSON], first: 5) {
        totalCount
        edges { node { kind score entity { id name } highlights { field snippet } } }
      }
    }`,
  variables: (a) => ({ text: a.searchText }),
  answered: (data) => data?.search?.edges?.length > 0,
};

const neighborhood: Operation = {
  name: 'neighborhood',
  idBased: true,
  query: /* GraphQL */ `
    query Neighborhood($id: ID!) {
      neighborhood(id: $id, depth: 2, limit: 50) {
        truncated
        nodes { id kind label }
        edges { id type from to label }
      }
    }`,
  variables: (a) => ({ id: a.actorId }),
  answered: (data) => data?.neighborhood?.edges?.length > 0,
};

const paths: Operation = {
  name: 'paths',
  idBased: true,
  query: /* GraphQL */ `
    query Paths($from: ID!, $to: ID!) {
      paths(fromId: $from, toId: $to, first: 5, excludeTypes: ["IN_CASE", "PART_OF", "PARTICIPATED_IN", "ABOUT"]) {
        length
        hops { from { name } relationship direction to { name } sources(first: 3) { edges { node { quote } } } }
      }
    }`,
  variables: (a) => ({ from: a.actorId, to: a.targetId }),
  answered: (data) => data?.paths?.length > 0,
};

/**
 * The deepest cross-case read: a case, who takes part in it, and the roles those people hold
 * in other cases (a judge's other cases: a page of them and how many there are).
 */
const crossCase: Operation = {
  name: 'crossCase',
  idBased: true,
  query: /* GraphQL */ `
    query CrossCase($id: ID!) {
      case(id: $id) {
        id name
        participants(first: 10) {
          totalCount
          edges {
            node {
              id role
              holder { id name roles(first: 5) { totalCount edges { node { id role within { id name } } } } }
            }
          }
        }
      }
    }`,
  variables: (a) => ({ id: a.caseId }),
  answered: (data) => data?.case?.participants?.edges?.length > 0,
};

export const OPERATIONS: readonly Operation[] = [caseDetail, whoDidWhat, search, neighborhood, paths, crossCase];

/**
 * The same read as `crossCase`, for @neo4j/graphql over the same data (type definitions in
 * src/bench/neo4j-graphql/type-defs.ts). Relationship properties are only readable through its
 * connection fields, hence `participantsConnection { edges { properties node } }`, and as the
 * fields are declared on an interface, its properties come as a union (`... on Role`). The sorts
 * give the service's order (participants by role, holder name, id; roles by role, name of what
 * the role is in, id), so both take the same pages (10 participants, 5 roles each).
 */
export const compared = {
  operation: crossCase,
  neo4jGraphql: {
    query: /* GraphQL */ `
      query CrossCase($id: ID!) {
        cases(where: { id: { eq: $id } }) {
          id name
          participantsConnection(first: 10, sort: [{ edge: { Role: { role: ASC } } }, { node: { name: ASC } }, { edge: { Role: { id: ASC } } }]) {
            totalCount
            edges {
              properties { ... on Role { id role } }
              node {
                id name
                rolesConnection(first: 5, sort: [{ edge: { Role: { role: ASC } } }, { node: { name: ASC } }, { edge: { Role: { id: ASC } } }]) {
                  totalCount
                  edges { properties { ... on Role { id role } } node { id name } }
                }
              }
            }
          }
        }
      }`,
    variables: (a: Anchors) => ({ id: a.caseId }),
  },
};
