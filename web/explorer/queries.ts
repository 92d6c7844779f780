/** The GraphQL documents the explorer sends, and the shapes of their answers. */

export interface Passage {
  quote: string;
  start: number;
  end: number;
  document: { id: string; title: string };
}
export interface Ref {
  id: string;
  name: string;
  kind: string;
}
interface Connection<T> {
  totalCount?: number;
  edges: { node: T }[];
}
export interface Time {
  text: string | null;
  iso: string | null;
  precision: string;
  weekday: string | null;
  approximate: boolean;
}

const PASSAGE = `fragment Passage on Source { quote start end document { id title } }`;

export const SEARCH = `query ExplorerSearch($query: String!) {
  search(query: $query, first: 12) { totalCount edges { node { kind entity { id name } highlights { field snippet } } } }
}`;
export interface SearchAnswer {
  search: Connection<{ kind: string; entity: { id: string; name: string }; highlights: { field: string; snippet: string }[] }>;
}

export const NEIGHBOURHOOD = `query ExplorerNeighbourhood($id: ID!, $depth: Int!) {
  neighborhood(id: $id, depth: $depth, limit: 150) { truncated nodes { id kind label } edges { id type from to label } }
}`;
export interface GraphNode {
  id: string;
  kind: string;
  label: string;
}
export interface GraphEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  label: string;
}
export interface NeighbourhoodAnswer {
  neighborhood: { truncated: boolean; nodes: GraphNode[]; edges: GraphEdge[] };
}

export const ENTITY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    id kind name description aliases
    sources(first: 10) { edges { node { ...Passage } } }
    roles(first: 50) { edges { node { id role sentence within { id name kind } sources(first: 5) { edges { node { ...Passage } } } } } }
    participants(first: 50) { edges { node { id role sentence holder { id name kind } sources(first: 5) { edges { node { ...Passage } } } } } }
    relationships(first: 100) {
      totalCount
      edges { node { id type direction role sentence description other { id name kind } sources(first: 5) { edges { node { ...Passage } } } } }
    }
  }
}
${PASSAGE}`;
export interface Role {
  id: string;
  role: string;
  /** The role as the API writes it in English, from names. */
  sentence: string;
  within?: Ref;
  holder?: Ref;
  sources: Connection<Passage>;
}
export interface Fact {
  id: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  role: string | null;
  /** The relationship as the API writes it in English, from names. */
  sentence: string;
  description: string | null;
  other: Ref;
  sources: Connection<Passage>;
}
export interface EntityDetail extends Ref {
  description: string | null;
  aliases: string[];
  sources: Connection<Passage>;
  roles: Connection<Role>;
  participants: Connection<Role>;
  relationships: Connection<Fact>;
}
export interface EntityAnswer {
  entity: EntityDetail | null;
}

export const TIMELINE = `query ExplorerTimeline($id: ID!) {
  timeline(caseId: $id, first: 100) { edges { node { id name kind eventType time { text iso precision weekday approximate } placedBy { order inferred other { id name } sources(first: 1) { edges { node { ...Passage } } } } sources(first: 1) { edges { node { ...Passage } } } } } }
  case(id: $id) { caseActs(first: 100) { edges { node { id name kind event { id } time { text iso precision weekday approximate } sources(first: 1) { edges { node { ...Passage } } } } } } }
}
${PASSAGE}`;
/** How the sources place an event relative to another. */
export interface Placement {
  order: string;
  inferred: boolean;
  other: { id: string; name: string };
  sources: Connection<Passage>;
}
export interface Dated extends Ref {
  eventType?: string | null;
  /** For an event: what the sources say of its order. */
  placedBy?: Placement[];
  /** For an act: the event it is part of. */
  event?: { id: string } | null;
  time: Time | null;
  sources: Connection<Passage>;
}
export interface TimelineAnswer {
  timeline: Connection<Dated>;
  case: { caseActs: Connection<Dated> } | null;
}

export const DOCUMENT = `query ExplorerDocument($id: ID!) { document(id: $id) { id title text publisher published } }`;
export interface DocumentAnswer {
  document: { id: string; title: string; text: string; publisher: string | null; published: string | null } | null;
}

export const nodesOf = <T>(connection: Connection<T>): T[] => connection.edges.map((edge) => edge.node);
