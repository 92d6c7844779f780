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
 * The deepest cross-case read, shaped as the deepest example of docs/examples.graphql
 * (CasePartiesAndWhereElseTheyAppear) but from one case: who takes part in it, with a
 * supporting passage, every role each of them holds anywhere (a judge's other cases), and who
 * takes part there. `sources` is left out of the variant compared with @neo4j/graphql, which
 * cannot follow the passage ids a relationship keeps (see `compared`).
 */
const crossCaseText = (sources: boolean) => /* GraphQL */ `
    query CrossCase($id: ID!) {
      case(id: $id) {
        id name
        participants(first: 5) {
          totalCount
          edges {
            node {
              id role
              ${sources ? 'sources(first: 1) { edges { node { quote document { title } } } }' : ''}
              holder {
                id name
                roles(first: 10) {
                  totalCount
                  edges { node { id role within { id name participants(first: 5) { totalCount edges { node { id role } } } } } }
                }
              }
            }
          }
        }
      }
    }`;

const crossCase: Operation = {
  name: 'crossCase',
  idBased: true,
  query: crossCaseText(true),
  variables: (a) => ({ id: a.caseId }),
  answered: (data) => data?.case?.participants?.edges?.length > 0,
};

export const OPERATIONS: readonly Operation[] = [caseDetail, whoDidWhat, search, neighborhood, paths, crossCase];

/**
 * The read compared with @neo4j/graphql: `crossCase` without the passages, and the same read in
 * @neo4j/graphql's API over the same data (type definitions in bench/neo4j-graphql/). What
 * differs is only its API: relationship properties are read through connection fields
 * (`participantsConnection { edges { properties node } }`), and the sorts spell out the
 * service's order (by role, then the name at the other end, then the role's id) so both return
 * the same pages.
 * The passages (`sources`) are left out because the graph keeps them as a list of passage ids
 * on each relationship, which @neo4j/graphql can only traverse as relationships.
 */
const ORDER = '[{ edge: { role: ASC } }, { node: { name: ASC } }, { edge: { id: ASC } }]';
const ROLE = 'id role';

export const compared = {
  service: { ...crossCase, query: crossCaseText(false) } satisfies Operation,
  neo4jGraphql: {
    query: /* GraphQL */ `
      query CrossCase($id: ID!) {
        cases(where: { id: { eq: $id } }) {
          id name
          participantsConnection(first: 5, sort: ${ORDER}) {
            totalCount
            edges {
              properties { ${ROLE} }
              node {
                id name
                rolesConnection(first: 10, sort: ${ORDER}) {
                  totalCount
                  edges {
                    properties { ${ROLE} }
                    node { id name participantsConnection(first: 5, sort: ${ORDER}) { totalCount edges { properties { ${ROLE} } } } }
                  }
                }
              }
            }
          }
        }
      }`,
    variables: (a: Anchors) => ({ id: a.caseId }),
  },
};
