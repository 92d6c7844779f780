import { ATTRIBUTE_FIELDS, REFERENCE_FIELDS, TIME_FIELDS, type NodeKind } from '../../model/kinds.js';
import type { TimeInput } from '../../model/time.js';
import { FACT_SECTIONS, refEdge, refId, type CaseFile, type Citation, type FactSection, type Inference } from './case-file.js';
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
  const index: FileIndex = { nodes: [], sameAs: [], refs: [], citations: [], times: [], dates: [], misplaced: [], newerFields: [], repeated: [], inferences: [] };
  const dated = (item: object, at: FieldPath) => {
    for (const field of DATE_FIELDS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === 'string') index.dates.push({ date: value, at: [...at, field] });
    }
  };
  const cite = (sources: Citation[] | undefined, at: FieldPath) =>
    (sources ?? []).forEach((citation, i) => index.citations.push({ citation, at: [...at, 'sources', i] }));
  /** One reference (plain id or long form) at `at`; the long form's own citations are cited too. */
  const refer = (value: unknown, at: FieldPath, targetKind?: NodeKind) => {
    const edge = refEdge(value);
    index.refs.push({ id: refId(value), at: edge ? [...at, 'id'] : at, ...(targetKind ? { targetKind } : {}) });
    if (edge) {
      index.newerFields.push({ field: `the long form of ${String([...at].reverse().find((part) => typeof part === 'string'))}`, at });
      cite(edge.sources, at);
      index.inferences.push({ of: edge, at });
    }
  };
  const newer = (section: string, item: Record<string, unknown>, at: FieldPath) => {
    for (const field of NEWER_FIELDS[section] ?? []) if (item[field] !== undefined) index.newerFields.push({ field, at: [...at, field] });
  };

  file.documents.forEach((doc, i) => index.nodes.push({ id: doc.id, kind: 'SourceDocument', at: ['documents', i, 'id'] }));
  index.nodes.push({ id: file.case.id, kind: 'Case', at: ['case', 'id'] });
  if (file.case.court) refer(file.case.court, ['case', 'court'], 'Court');
  dated(file.case, ['case']);
  cite(file.case.sources, ['case']);

  (file.entities ?? []).forEach((entity, i) => {
    const at = ['entities', i];
    const kind = entity.kind as NodeKind;
    if (isBroken(entity)) {
      if (entity.id && entity.kind) index.nodes.push({ id: entity.id, kind, at: [...at, 'id'] });
      return;
    }
    index.nodes.push({ id: entity.id, kind, at: [...at, 'id'] });
    const allowed = new Set([...ATTRIBUTE_FIELDS[kind], ...REFERENCE_FIELDS[kind].map((r) => r.field)]);
    for (const field of Object.keys(entity)) {
      if (!COMMON_ENTITY_FIELDS.has(field) && !allowed.has(field)) index.misplaced.push({ field, kind, at: [...at, field] });
    }
    if (typeof entity.sameAs === 'string') index.sameAs.push({ id: entity.sameAs, at: [...at, 'sameAs'], targetKind: kind });
    for (const ref of REFERENCE_FIELDS[kind] ?? []) {
      const value = entity[ref.field];
      if (value !== undefined && value !== null) refer(value, [...at, ref.field], ref.targetKind);
    }
    dated(entity, at);
    cite(entity.sources, at);
  });

  for (const [section, kind] of Object.entries(FACT_SECTIONS) as [FactSection, NodeKind][]) {
    (file[section] ?? []).forEach((fact, i) => {
      const at = [section, i];
      if (isBroken(fact)) {
        if (fact.id) index.nodes.push({ id: fact.id, kind, at: [...at, 'id'] });
        return;
      }
      index.nodes.push({ id: fact.id, kind, at: [...at, 'id'] });
      newer(section, fact, at);
      for (const ref of REFERENCE_FIELDS[kind]) {
        const value = fact[ref.field];
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        const seen = new Set<string>();
        values.forEach((item, k) => {
          const where = ref.many ? [...at, ref.field, k] : [...at, ref.field];
          refer(item, where, ref.targetKind);
          if (seen.has(refId(item))) index.repeated.push({ id: refId(item), at: where });
          seen.add(refId(item));
        });
      }
      for (const field of TIME_FIELDS[kind] ?? []) {
        if (fact[field] !== undefined) index.times.push({ time: fact[field] as TimeInput, at: [...at, field] });
      }
      dated(fact, at);
      cite(fact.sources, at);
    });
  }

  (file.roles ?? []).forEach((role, i) => {
    if (isBroken(role)) return;
    index.refs.push({ id: role.who, at: ['roles', i, 'who'] }, { id: role.in, at: ['roles', i, 'in'] });
    dated(role, ['roles', i]);
    newer('roles', role as unknown as Record<string, unknown>, ['roles', i]);
    index.inferences.push({ of: role, at: ['roles', i] });
    cite(role.sources, ['roles', i]);
  });
  (file.relations ?? []).forEach((relation, i) => {
    if (isBroken(relation)) return;
    index.refs.push({ id: relation.from, at: ['relations', i, 'from'] }, { id: relation.to, at: ['relations', i, 'to'] });
    newer('relations', relation as unknown as Record<string, unknown>, ['relations', i]);
    index.inferences.push({ of: relation, at: ['relations', i] });
    cite(relation.sources, ['relations', i]);
  });
  return index;
}
