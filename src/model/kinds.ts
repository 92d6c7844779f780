/**
 * The vocabulary of the graph. Every node carries the label `Entity` plus one kind label; the
 * tables below say which case-file fields become relationships, so the loader, the resolvers
 * and the exporter all follow the same mapping.
 */
export const ENTITY_KINDS = ['Person', 'Group', 'Organization', 'Court', 'Work', 'Place', 'Item', 'Case', 'Opinion', 'Authority'] as const;
export const FACT_KINDS = ['Charge', 'Evidence', 'Ruling', 'Event', 'Act', 'Claim'] as const;
export const NODE_KINDS = [...ENTITY_KINDS, ...FACT_KINDS, 'SourceDocument'] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type FactKind = (typeof FACT_KINDS)[number];
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds covered by the full-text index (documents are searched through their passages' facts). */
export const SEARCHABLE_KINDS: readonly NodeKind[] = [...ENTITY_KINDS, ...FACT_KINDS];

/** A case-file field whose value is the id of another node, stored as a relationship. */
export interface ReferenceField {
  field: string;
  /** Relationship type. */
  type: string;
  /** When true the relationship points from the referenced node to this one (actor PERFORMED act). */
  inbound?: boolean;
  many?: boolean;
  /** The kind the referenced node must have, when only one makes sense. */
  targetKind?: NodeKind;
}

export const REFERENCE_FIELDS: Readonly<Record<NodeKind, readonly ReferenceField[]>> = {
  Person: [],
  Group: [],
  Organization: [],
  Court: [],
  Work: [],
  Place: [],
  Item: [],
  SourceDocument: [],
  Case: [{ field: 'court', type: 'HEARD_IN', targetKind: 'Court' }],
  Opinion: [
    { field: 'case', type: 'OPINION_IN', targetKind: 'Case' },
    { field: 'author', type: 'AUTHORED', inbound: true, targetKind: 'Person' },
  ],
  Authority: [],
  Charge: [
    { field: 'case', type: 'CHARGED_IN', targetKind: 'Case' },
    { field: 'defendant', type: 'CHARGED_WITH', inbound: true },
  ],
  Evidence: [
    { field: 'case', type: 'EVIDENCE_IN', targetKind: 'Case' },
    { field: 'receivedBy', type: 'RECEIVED_BY' },
    { field: 'receivedFrom', type: 'RECEIVED_FROM' },
    { field: 'withheldFrom', type: 'WITHHELD_FROM', many: true },
  ],
  Ruling: [
    { field: 'case', type: 'RULING_IN', targetKind: 'Case' },
    { field: 'judge', type: 'ISSUED', inbound: true, targetKind: 'Person' },
    { field: 'event', type: 'PART_OF', targetKind: 'Event' },
  ],
  Event: [
    { field: 'case', type: 'IN_CASE', targetKind: 'Case' },
    { field: 'place', type: 'OCCURRED_AT' },
    { field: 'partOf', type: 'PART_OF', targetKind: 'Event' },
    { field: 'causedBy', type: 'CAUSED_BY', targetKind: 'Event' },
    { field: 'participants', type: 'PARTICIPATED_IN', inbound: true, many: true },
  ],
  Act: [
    { field: 'case', type: 'IN_CASE', targetKind: 'Case' },
    { field: 'actor', type: 'PERFORMED', inbound: true },
    { field: 'target', type: 'TARGETED' },
    { field: 'object', type: 'ACTED_ON' },
    { field: 'instrument', type: 'USED' },
    { field: 'place', type: 'OCCURRED_AT' },
    { field: 'event', type: 'PART_OF', targetKind: 'Event' },
  ],
  Claim: [
    { field: 'case', type: 'IN_CASE', targetKind: 'Case' },
    { field: 'claimant', type: 'ASSERTED', inbound: true },
    { field: 'about', type: 'ABOUT', many: true },
    { field: 'disputes', type: 'DISPUTES', many: true, targetKind: 'Claim' },
  ],
};

/** Plain (non-reference) fields each kind keeps as node properties, besides the common ones. */
export const ATTRIBUTE_FIELDS: Readonly<Record<NodeKind, readonly string[]>> = {
  Person: ['age', 'occupation'],
  Group: [],
  Organization: ['orgType'],
  Court: ['jurisdiction'],
  Work: ['workType'],
  Place: [],
  Item: ['itemType'],
  Case: ['caption', 'caseType', 'jurisdiction', 'status', 'outcome', 'docketNumber', 'cause', 'natureOfSuit', 'juryDemand', 'dateFiled', 'dateTerminated', 'decisionDate', 'citations'],
  Opinion: ['opinionType', 'text'],
  Authority: ['citation'],
  Charge: ['offence', 'maximumPenalty'],
  Evidence: ['disclosed'],
  Ruling: ['finding', 'disposition', 'dispositionKind', 'words'],
  Event: ['eventType', 'entryNumber', 'dateEntered'],
  Act: ['action'],
  Claim: ['statement', 'stance', 'status'],
  SourceDocument: ['title', 'text', 'documentType', 'publisher', 'published', 'url', 'length'],
};

/**
 * What a ruling ordered, as data beside its words (`disposition`): the case file writes these in
 * lower case, the API as the DispositionKind enum.
 */
export const DISPOSITION_KINDS = [
  'dismissed_with_prejudice',
  'dismissed_without_prejudice',
  'convicted',
  'acquitted',
  'sentenced',
  'mistrial',
  'granted',
  'denied',
  'affirmed',
  'reversed',
  'remanded',
  'settled',
  'other',
] as const;

/** The relationship types that tie a fact to its case. */
export const CASE_LINK_TYPES = ['CHARGED_IN', 'EVIDENCE_IN', 'RULING_IN', 'IN_CASE'] as const;

/** Fields holding a time (see model/time.ts); stored flattened as `<field>_<part>`. */
export const TIME_FIELDS: Readonly<Partial<Record<NodeKind, readonly string[]>>> = {
  Evidence: ['received'],
  Ruling: ['time'],
  Event: ['time'],
  Act: ['time'],
  Claim: ['time'],
};

/** Relationship types the loader writes itself; a case file's `relations` may not use them. */
export const ROLE_TYPE = 'HAS_ROLE';
export const PASSAGE_TYPE = 'QUOTED_FROM';
/** Who states what: from a contribution's CaseManifest to each node it states (src/ingest/write/write-queries.ts). */
export const STATES_TYPE = 'STATES';
/** What an opinion (or a case) cites, and the citation a case is reported under: written as relations. */
export const CITES_TYPE = 'CITES';
export const REPORTED_AS_TYPE = 'REPORTED_AS';
export const RESERVED_TYPES: ReadonlySet<string> = new Set([
  ROLE_TYPE,
  PASSAGE_TYPE,
  STATES_TYPE,
  ...Object.values(REFERENCE_FIELDS).flatMap((fields) => fields.map((f) => f.type)),
]);

/** GraphQL enum value for a kind: SourceDocument -> SOURCE_DOCUMENT. */
export function kindToEnum(kind: NodeKind): string {
  return kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** A kind as a label for Cypher text; anything else is refused before it reaches a statement. */
export function label(kind: string): string {
  if (!(NODE_KINDS as readonly string[]).includes(kind)) throw new Error(`not a node kind: ${kind}`);
  return kind;
}

/** A relationship type for Cypher text: UPPER_SNAKE_CASE only. */
export function relationshipType(type: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}
