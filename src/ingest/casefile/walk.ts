import { ATTRIBUTE_FIELDS, REFERENCE_FIELDS, TIME_FIELDS, type NodeKind, type ReferenceField } from '../../model/kinds.js';
import type { TimeInput } from '../../model/time.js';
import {
  FACT_SECTIONS, refEdge, refId,
  type CaseFile, type Citation, type EntityInput, type FactInput, type FactSection, type Inference, type RelationInput, type RoleInput,
} from './case-file.js';
import type { FieldPath } from './parse.js';

/** A node the file defines. */
export interface NodeSite {
  id: string;
  kind: NodeKind;
  at: FieldPath;
}

/** A field whose value is another node's id. */
export interface RefSite {
  id: string;
  at: FieldPath;
  targetKind?: NodeKind;
}

/** An entity field that its kind does not use. */
export interface MisplacedField {
  field: string;
  kind: string;
  at: FieldPath;
}

export interface FileIndex {
  nodes: NodeSite[];
  /** Entities declared to be an entity already in the graph. */
  sameAs: RefSite[];
  refs: RefSite[];
  citations: { citation: Citation; at: FieldPath }[];
  times: { time: TimeInput; at: FieldPath }[];
  /** Plain date fields (YYYY, YYYY-MM or YYYY-MM-DD): a case's dates, a docket entry's, a role's end. */
  dates: { date: string; at: FieldPath }[];
  misplaced: MisplacedField[];
  /** Fields that formatVersion 1 does not have (long-form references, inferred, …), where used. */
  newerFields: { field: string; at: FieldPath }[];
  /** Many-valued reference fields naming one id twice (in different forms, which the schema cannot see). */
  repeated: { id: string; at: FieldPath }[];
  /** Roles, relations and long-form references, which may say they are only inferred. */
  inferences: { of: Inference; at: FieldPath }[];
}

/** Fields that only formatVersion 2 has, by section; long-form references are found apart. */
const NEWER_FIELDS: Record<string, readonly string[]> = {
  rulings: ['dispositionKind', 'event'],
  events: ['causedBy'],
  roles: ['inferred', 'reason'],
  relations: ['inferred', 'reason'],
};

const COMMON_ENTITY_FIELDS = new Set(['id', 'kind', 'name', 'unnamed', 'aliases', 'description', 'sources', 'sameAs', 'shared']);

/** Fields holding a plain date string, wherever they appear. */
const DATE_FIELDS = ['dateFiled', 'dateTerminated', 'decisionDate', 'dateEntered', 'terminated'] as const;

/** Marks a list item that failed the schema; only its id (and kind) are kept, see validate.ts. */
export const BROKEN = '__brokenItem';
const isBroken = (item: unknown) => typeof item === 'object' && item !== null && BROKEN in item;

/** Lists where a structurally valid case file defines nodes, refers to ids, cites and dates. */
export function indexCaseFile(file: CaseFile): FileIndex {
  const indexer = new FileIndexer();
  indexer.caseSection(file);
  (file.entities ?? []).forEach((entity, i) => indexer.entity(entity, ['entities', i]));
  for (const [section, kind] of Object.entries(FACT_SECTIONS) as [FactSection, NodeKind][]) {
    (file[section] ?? []).forEach((fact, i) => indexer.fact(section, kind, fact, [section, i]));
  }
  (file.roles ?? []).forEach((role, i) => indexer.role(role, ['roles', i]));
  (file.relations ?? []).forEach((relation, i) => indexer.relation(relation, ['relations', i]));
  return indexer.index;
}

/** The index, filled section by section in the file's order. */
class FileIndexer {
  readonly index: FileIndex = { nodes: [], sameAs: [], refs: [], citations: [], times: [], dates: [], misplaced: [], newerFields: [], repeated: [], inferences: [] };

  /** The documents, the case, its court, dates and sources. */
  caseSection(file: CaseFile): void {
    file.documents.forEach((doc, i) => this.index.nodes.push({ id: doc.id, kind: 'SourceDocument', at: ['documents', i, 'id'] }));
    this.index.nodes.push({ id: file.case.id, kind: 'Case', at: ['case', 'id'] });
    if (file.case.court) this.refer(file.case.court, ['case', 'court'], 'Court');
    this.dated(file.case, ['case']);
    this.cite(file.case.sources, ['case']);
  }

  entity(entity: EntityInput, at: FieldPath): void {
    const kind = entity.kind as NodeKind;
    if (isBroken(entity)) {
      if (entity.id && entity.kind) this.index.nodes.push({ id: entity.id, kind, at: [...at, 'id'] });
      return;
    }
    this.index.nodes.push({ id: entity.id, kind, at: [...at, 'id'] });
    const allowed = new Set([...ATTRIBUTE_FIELDS[kind], ...REFERENCE_FIELDS[kind].map((r) => r.field)]);
    for (const field of Object.keys(entity)) {
      if (!COMMON_ENTITY_FIELDS.has(field) && !allowed.has(field)) this.index.misplaced.push({ field, kind, at: [...at, field] });
    }
    if (typeof entity.sameAs === 'string') this.index.sameAs.push({ id: entity.sameAs, at: [...at, 'sameAs'], targetKind: kind });
    for (const ref of REFERENCE_FIELDS[kind] ?? []) {
      const value = entity[ref.field];
      if (value !== undefined && value !== null) this.refer(value, [...at, ref.field], ref.targetKind);
    }
    this.dated(entity, at);
    this.cite(entity.sources, at);
  }

  fact(section: FactSection, kind: NodeKind, fact: FactInput, at: FieldPath): void {
    if (isBroken(fact)) {
      if (fact.id) this.index.nodes.push({ id: fact.id, kind, at: [...at, 'id'] });
      return;
    }
    this.index.nodes.push({ id: fact.id, kind, at: [...at, 'id'] });
    this.newer(section, fact, at);
    for (const ref of REFERENCE_FIELDS[kind]) this.factReferences(fact, ref, at);
    for (const field of TIME_FIELDS[kind] ?? []) {
      if (fact[field] !== undefined) this.index.times.push({ time: fact[field] as TimeInput, at: [...at, field] });
    }
    this.dated(fact, at);
    this.cite(fact.sources, at);
  }

  /** A fact's reference field, one id or many; an id named twice is noted. */
  private factReferences(fact: FactInput, ref: ReferenceField, at: FieldPath): void {
    const value = fact[ref.field];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const seen = new Set<string>();
    values.forEach((item, k) => {
      const where = ref.many ? [...at, ref.field, k] : [...at, ref.field];
      this.refer(item, where, ref.targetKind);
      if (seen.has(refId(item))) this.index.repeated.push({ id: refId(item), at: where });
      seen.add(refId(item));
    });
  }

  role(role: RoleInput, at: FieldPath): void {
    if (isBroken(role)) return;
    this.index.refs.push({ id: role.who, at: [...at, 'who'] }, { id: role.in, at: [...at, 'in'] });
    this.dated(role, at);
    this.newer('roles', role as unknown as Record<string, unknown>, at);
    this.index.inferences.push({ of: role, at });
    this.cite(role.sources, at);
  }

  relation(relation: RelationInput, at: FieldPath): void {
    if (isBroken(relation)) return;
    this.index.refs.push({ id: relation.from, at: [...at, 'from'] }, { id: relation.to, at: [...at, 'to'] });
    this.newer('relations', relation as unknown as Record<string, unknown>, at);
    this.index.inferences.push({ of: relation, at });
    this.cite(relation.sources, at);
  }

  private dated(item: object, at: FieldPath): void {
    for (const field of DATE_FIELDS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === 'string') this.index.dates.push({ date: value, at: [...at, field] });
    }
  }

  private cite(sources: Citation[] | undefined, at: FieldPath): void {
    (sources ?? []).forEach((citation, i) => this.index.citations.push({ citation, at: [...at, 'sources', i] }));
  }

  /** One reference (plain id or long form) at `at`; the long form's own citations are cited too. */
  private refer(value: unknown, at: FieldPath, targetKind?: NodeKind): void {
    const edge = refEdge(value);
    this.index.refs.push({ id: refId(value), at: edge ? [...at, 'id'] : at, ...(targetKind ? { targetKind } : {}) });
    if (edge) {
      this.index.newerFields.push({ field: `the long form of ${String([...at].reverse().find((part) => typeof part === 'string'))}`, at });
      this.cite(edge.sources, at);
      this.index.inferences.push({ of: edge, at });
    }
  }

  private newer(section: string, item: Record<string, unknown>, at: FieldPath): void {
    for (const field of NEWER_FIELDS[section] ?? []) if (item[field] !== undefined) this.index.newerFields.push({ field, at: [...at, field] });
  }
}
