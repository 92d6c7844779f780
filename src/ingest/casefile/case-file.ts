import type { TimeInput } from '../../model/time.js';

/**
 * The case-file format, as published in schema/case-file.schema.json (formatVersion 2; a
 * version 1 file is a version 2 file that uses none of the fields added since).
 */
export interface Citation {
  /** Required unless `pointer` is given; a pointer without a quote cites its whole string. */
  quote?: string;
  document?: string;
  /** JSON Pointer (RFC 6901) to a string value of a JSON document; offsets then count inside it. */
  pointer?: string;
  start?: number;
  end?: number;
}

interface Sourced {
  id: string;
  sources: Citation[];
}

export interface DocumentInput {
  id: string;
  title: string;
  path?: string;
  text?: string;
  kind?: string;
  publisher?: string;
  published?: string;
  url?: string;
}

export interface CaseInput extends Sourced {
  caption: string;
  aliases?: string[];
  description?: string;
  caseType?: string;
  jurisdiction?: string;
  status: string;
  outcome?: string;
  court?: RefValue;
  docketNumber?: string;
  cause?: string;
  natureOfSuit?: string;
  juryDemand?: string;
  dateFiled?: string;
  dateTerminated?: string;
  decisionDate?: string;
  citations?: string[];
  /** Other cases may state this case as a shared Case entity (an appeal its lower docket). */
  shared?: boolean;
}

export interface EntityInput extends Sourced {
  kind: string;
  name: string;
  /** An identity several cases state (a judge, a court): their fields are merged, none refused. */
  shared?: boolean;
  unnamed?: boolean;
  aliases?: string[];
  description?: string;
  [attribute: string]: unknown;
}

export interface FactInput extends Sourced {
  case?: string;
  [field: string]: unknown;
}

/** Whether the sources state a fact or only imply it (formatVersion 2). */
export interface Inference {
  /** True when the sources only imply it; `reason` then says why it is taken to be so. */
  inferred?: boolean;
  reason?: string;
}

/**
 * A reference field's long form (formatVersion 2): the id with the passages that state this
 * one relationship, so an edge does not borrow every quote of the node it starts from.
 */
export interface EdgeInput extends Inference {
  id: string;
  sources?: Citation[];
}

/** What a reference field holds: an id, or the long form. */
export type RefValue = string | EdgeInput;

/** The id a reference field names, in either form. */
export function refId(value: unknown): string {
  return typeof value === 'object' && value !== null ? String((value as EdgeInput).id) : String(value);
}

/** The long form of a reference, or null for a plain id. */
export function refEdge(value: unknown): EdgeInput | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as EdgeInput) : null;
}

export interface RoleInput extends Inference {
  id?: string;
  who: string;
  role: string;
  in: string;
  description?: string;
  /** When the role ended (YYYY-MM-DD), as the source says. */
  terminated?: string;
  sources: Citation[];
}

export interface RelationInput extends Inference {
  id?: string;
  type: string;
  from: string;
  to: string;
  description?: string;
  sources: Citation[];
}

/** The current version of the format; export writes it. */
export const FORMAT_VERSION = 2 as const;

export interface CaseFile {
  formatVersion: 1 | 2;
  /**
   * What this file contributes to its case, when several files (reports of one docket) state the
   * same case: a key of its own, so loading it again replaces only what it stated. Absent: the
   * file is its case's one contribution.
   */
  contribution?: string;
  documents: DocumentInput[];
  case: CaseInput;
  entities?: EntityInput[];
  charges?: FactInput[];
  evidence?: FactInput[];
  rulings?: FactInput[];
  events?: (FactInput & { time?: TimeInput })[];
  acts?: FactInput[];
  claims?: FactInput[];
  roles?: RoleInput[];
  relations?: RelationInput[];
}

/** The id of a role written without one; two roles with the same id are one relationship. */
export function roleId(role: Pick<RoleInput, 'id' | 'who' | 'role' | 'in'>): string {
  return role.id ?? `role-${role.who}-${role.role}-${role.in}`;
}

/** The id of a relation written without one. */
export function relationId(relation: Pick<RelationInput, 'id' | 'type' | 'from' | 'to'>): string {
  return relation.id ?? `${relation.type.toLowerCase()}-${relation.from}-${relation.to}`;
}

/** Sections holding facts, and the node kind each one creates. */
export const FACT_SECTIONS = {
  charges: 'Charge',
  evidence: 'Evidence',
  rulings: 'Ruling',
  events: 'Event',
  acts: 'Act',
  claims: 'Claim',
} as const;

export type FactSection = keyof typeof FACT_SECTIONS;
