import type { TimeInput } from '../model/time.js';

/** The case-file format, as published in schema/case-file.schema.json (formatVersion 1). */
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
  court?: string;
  docketNumber?: string;
  cause?: string;
  natureOfSuit?: string;
  juryDemand?: string;
  dateFiled?: string;
  dateTerminated?: string;
  decisionDate?: string;
  citations?: string[];
}

export interface EntityInput extends Sourced {
  kind: string;
  name: string;
  unnamed?: boolean;
  aliases?: string[];
  description?: string;
  [attribute: string]: unknown;
}

export interface FactInput extends Sourced {
  case?: string;
  [field: string]: unknown;
}

export interface RoleInput {
  id?: string;
  who: string;
  role: string;
  in: string;
  description?: string;
  /** When the role ended (YYYY-MM-DD), as the source says. */
  terminated?: string;
  sources: Citation[];
}

export interface RelationInput {
  id?: string;
  type: string;
  from: string;
  to: string;
  description?: string;
  sources: Citation[];
}

export interface CaseFile {
  formatVersion: 1;
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
export function roleId(role: RoleInput): string {
  return role.id ?? `role-${role.who}-${role.role}-${role.in}`;
}

/** The id of a relation written without one. */
export function relationId(relation: RelationInput): string {
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
