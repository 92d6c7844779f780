import { ATTRIBUTE_FIELDS, REFERENCE_FIELDS, TIME_FIELDS, type NodeKind } from '../model/kinds.js';
import type { TimeInput } from '../model/time.js';
import { FACT_SECTIONS, type CaseFile, type Citation, type FactSection } from './case-file.js';
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
}

const COMMON_ENTITY_FIELDS = new Set(['id', 'kind', 'name', 'unnamed', 'aliases', 'description', 'sources', 'sameAs']);

/** Fields holding a plain date string, wherever they appear. */
const DATE_FIELDS = ['dateFiled', 'dateTerminated', 'decisionDate', 'dateEntered', 'terminated'] as const;

/** Marks a list item that failed the schema; only its id (and kind) are kept, see validate.ts. */
export const BROKEN = '__brokenItem';
const isBroken = (item: unknown) => typeof item === 'object' && item !== null && BROKEN in item;

/** Lists where a structurally valid case file defines nodes, refers to ids, cites and dates. */
export function indexCaseFile(file: CaseFile): FileIndex {
  const index: FileIndex = { nodes: [], sameAs: [], refs: [], citations: [], times: [], dates: [], misplaced: [] };
  const dated = (item: object, at: FieldPath) => {
    for (const field of DATE_FIELDS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === 'string') index.dates.push({ date: value, at: [...at, field] });
    }
  };
  const cite = (sources: Citation[] | undefined, at: FieldPath) =>
    (sources ?? []).forEach((citation, i) => index.citations.push({ citation, at: [...at, 'sources', i] }));

  file.documents.forEach((doc, i) => index.nodes.push({ id: doc.id, kind: 'SourceDocument', at: ['documents', i, 'id'] }));
  index.nodes.push({ id: file.case.id, kind: 'Case', at: ['case', 'id'] });
  if (file.case.court) index.refs.push({ id: file.case.court, at: ['case', 'court'], targetKind: 'Court' });
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
      if (typeof value === 'string') index.refs.push({ id: value, at: [...at, ref.field], ...(ref.targetKind ? { targetKind: ref.targetKind } : {}) });
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
      for (const ref of REFERENCE_FIELDS[kind]) {
        const value = fact[ref.field];
        const ids = Array.isArray(value) ? value : value === undefined ? [] : [value];
        ids.forEach((id, k) =>
          index.refs.push({ id: String(id), at: ref.many ? [...at, ref.field, k] : [...at, ref.field], ...(ref.targetKind ? { targetKind: ref.targetKind } : {}) }),
        );
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
    cite(role.sources, ['roles', i]);
  });
  (file.relations ?? []).forEach((relation, i) => {
    if (isBroken(relation)) return;
    index.refs.push({ id: relation.from, at: ['relations', i, 'from'] }, { id: relation.to, at: ['relations', i, 'to'] });
    cite(relation.sources, ['relations', i]);
  });
  return index;
}
