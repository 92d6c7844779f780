import { GraphQLError } from 'graphql';
import { badInput } from '../../shared/errors.js';
import { contributionsOf } from '../write/write-queries.js';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import {
  ENTITY_KINDS,
  FACT_KINDS,
  isNodeKind,
  PASSAGE_TYPE,
  REFERENCE_FIELDS,
  RESERVED_TYPES,
  ROLE_TYPE,
  type EntityKind,
  type FactKind,
  type NodeKind,
  type ReferenceField,
} from '../../model/kinds.js';
import type { Executor } from '../../neo4j/executor.js';
import {
  FACT_SECTIONS,
  FORMAT_VERSION,
  refId,
  type CaseFile,
  type CaseInput,
  type Citation,
  type DocumentInput,
  type EntityInput,
  type FactInput,
  type FactSection,
  type Inference,
  type RefValue,
  type RelationInput,
  type RoleInput,
} from '../casefile/case-file.js';
import * as q from './export-queries.js';
import { resolvePointer } from '../casefile/json-pointer.js';
import { NAMED_FACTS, toFields } from '../casefile/mapping.js';
import { CaseNotFoundError } from '../write/import.js';
import { relKey } from '../write/write-queries.js';
import { StatementIndex, unpackManifest, type StoredManifest } from '../write/manifest.js';

/**
 * Export: a case loaded from a case file, written back as a case file. The inverse of plan.ts:
 * the file is rebuilt from what the case's last load wrote (its CaseManifest), so importing the
 * exported file changes nothing. Documents are inline (`text:`) so the file stands alone; every
 * citation gives its offsets. Ids the case only refers to (other cases' nodes) stay references.
 */

export type CaseFileFormat = 'YAML' | 'JSON';

export interface ExportManifestRow {
  nodeIds: string[];
  externalIds: string[];
  relKeys: string[];
  passageIds: string[];
}

export interface ExportNodeRow {
  id: string;
  kind: string;
  props: Record<string, unknown>;
}

export interface ExportDocumentRow {
  id: string;
  props: Record<string, unknown>;
}

export interface ExportRelationshipRow {
  type: string;
  id: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface ExportPassageRow {
  id: string;
  documentId: string;
  pointer?: string | null;
  quote: string;
  start: number;
  end: number;
}

/** Everything the graph holds for one case, as the export queries return it. */
export interface ExportRows {
  caseId: string;
  manifest: ExportManifestRow;
  /** Nodes the case defines, documents excepted (any order). */
  nodes: ExportNodeRow[];
  /** The case's documents, in the order of its file. */
  documents: ExportDocumentRow[];
  /** Relationships with this case's caseId (any order). */
  relationships: ExportRelationshipRow[];
  passages: ExportPassageRow[];
}

/** The graph does not hold what a case file needs (a bug or a hand-edited graph, never a user error). */
export class ExportError extends Error {
  constructor(caseId: string, message: string) {
    super(`cannot export case "${caseId}": ${message}`);
    this.name = 'ExportError';
  }
}

export const SCHEMA_PATH = '../schema/case-file.schema.json';

/** A value worth writing: optional fields that are null, empty strings or empty lists are left out. */
function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

const SECTION_OF_KIND = Object.fromEntries(Object.entries(FACT_SECTIONS).map(([section, kind]) => [kind, section])) as Record<FactKind, FactSection>;

/** The case file the graph holds for a case. Pure: the same rows give the same file. */
export function buildCaseFile(rows: ExportRows): CaseFile {
  const { caseId, manifest } = rows;
  const relPrefix = `${caseId}:`;
  const fail = (message: string): never => {
    throw new ExportError(caseId, message);
  };

  // Order of the original file: the manifest lists nodes and relationships as the load planned them.
  const nodeOrder = new Map(manifest.nodeIds.map((id, i) => [id, i]));
  const relOrder = new Map(manifest.relKeys.map((key, i) => [key, i]));
  const external = new Set(manifest.externalIds);
  const seqOf = (props: Record<string, unknown>) => (typeof props.seq === 'number' ? props.seq : Number.MAX_SAFE_INTEGER);
  const nodes = rows.nodes
    .filter((n) => !external.has(n.id))
    .sort((a, b) =>
      (nodeOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (nodeOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
      seqOf(a.props) - seqOf(b.props) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const relationships = rows.relationships
    .filter((r) => r.type !== PASSAGE_TYPE && (r.props.caseId ?? caseId) === caseId)
    .map((r) => ({ ...r, order: relOrder.get(relKey(r)) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));

  const kindOf = new Map<string, NodeKind>();
  for (const node of nodes) {
    if (!isNodeKind(node.kind)) fail(`node "${node.id}" has no known kind (${String(node.kind)})`);
    kindOf.set(node.id, node.kind as NodeKind);
  }

  const documents = rows.documents;
  const firstDocument = documents[0]?.id ?? fail('it has no documents');
  const passages = new Map(rows.passages.map((p) => [p.id, p]));
  const parsedDocuments = new Map<string, unknown>();
  const wholeString = (documentId: string, pointer: string, quote: string) => {
    if (!parsedDocuments.has(documentId)) {
      const text = documents.find((d) => d.id === documentId)?.props.text;
      try {
        parsedDocuments.set(documentId, typeof text === 'string' ? JSON.parse(text) : undefined);
      } catch {
        parsedDocuments.set(documentId, undefined);
      }
    }
    const value = resolvePointer(parsedDocuments.get(documentId), pointer);
    return (typeof value === 'number' ? String(value) : value) === quote;
  };
  const cite = (passageIds: unknown, owner: string): Citation[] => {
    const ids = Array.isArray(passageIds) ? (passageIds as string[]) : [];
    if (ids.length === 0) fail(`${owner} cites no passage of this case`);
    return [...new Set(ids)].map((id) => {
      const p = passages.get(id) ?? fail(`${owner} cites passage "${id}", which is not in the graph`);
      const citation: Citation = { quote: p.quote };
      if (p.documentId !== firstDocument) citation.document = p.documentId;
      if (typeof p.pointer === 'string') {
        citation.pointer = p.pointer;
        // A whole string of a record is cited as the importer cited it: by its pointer alone.
        if (wholeString(p.documentId, p.pointer, p.quote)) return { ...(citation.document ? { document: citation.document } : {}), pointer: p.pointer };
      }
      citation.start = p.start;
      citation.end = p.end;
      return citation;
    });
  };
  /** This case's passages of a node (its STATES'); other cases citing the same node keep theirs apart. */
  const nodeSources = (node: ExportNodeRow) => cite(node.props.passageIds, `"${node.id}"`);

  /** inferred and reason as the file wrote them: only for what is inferred. */
  const inference = (props: Record<string, unknown>): Inference =>
    props.inferred === true ? { inferred: true, ...(present(props.reason) ? { reason: String(props.reason) } : {}) } : {};
  // Relationships: reference fields of the case's own nodes, roles, and relations.
  const references = new Map<string, Map<string, RefValue[]>>();
  const roles: RoleInput[] = [];
  const relations: RelationInput[] = [];
  for (const rel of relationships) {
    const localId = rel.id.startsWith(relPrefix) ? rel.id.slice(relPrefix.length) : rel.id;
    const description = rel.props.description;
    const id = (defaultId: string) => (localId !== defaultId ? { id: localId } : {});
    const described = present(description) ? { description: String(description) } : {};
    if (rel.type === ROLE_TYPE) {
      const role = String(rel.props.role);
      roles.push({
        ...id(`role-${rel.from}-${role}-${rel.to}`),
        who: rel.from, role, in: rel.to, ...described, ...inference(rel.props),
        ...(present(rel.props.terminated) ? { terminated: String(rel.props.terminated) } : {}),
        sources: cite(rel.props.passageIds, `role "${localId}"`),
      });
    } else if (RESERVED_TYPES.has(rel.type)) {
      const found = referenceOf(rel, kindOf) ?? fail(`relationship ${rel.type} "${rel.id}" matches no reference field of its ends`);
      const fields = references.get(found.owner) ?? new Map<string, RefValue[]>();
      references.set(found.owner, fields);
      const targets = fields.get(found.ref.field) ?? [];
      fields.set(found.ref.field, targets);
      // The long form when the edge cites passages of its own or is inferred; else the plain id.
      const own = rel.props.inherited === false;
      const value: RefValue = own || rel.props.inferred === true
        ? { id: found.target, ...inference(rel.props), ...(own ? { sources: cite(rel.props.passageIds, `${rel.type} "${localId}"`) } : {}) }
        : found.target;
      if (!targets.some((t) => refId(t) === found.target)) targets.push(value);
    } else {
      relations.push({
        ...id(`${rel.type.toLowerCase()}-${rel.from}-${rel.to}`),
        type: rel.type, from: rel.from, to: rel.to, ...described, ...inference(rel.props),
        sources: cite(rel.props.passageIds, `relation "${localId}"`),
      });
    }
  }

  /** A reference field's targets as the file wrote them (the case's own `case` field is implied). */
  const referenceValue = (node: ExportNodeRow) => (rule: { field: string; ref: ReferenceField }): unknown => {
    const targets = references.get(node.id)?.get(rule.field) ?? [];
    if (rule.ref.many) return targets;
    const target = targets[0];
    return rule.field === 'case' && target === caseId ? undefined : target;
  };
  const fieldsOf = (node: ExportNodeRow, kind: NodeKind, skip: readonly string[] = []) => toFields(kind, node.props, referenceValue(node), { skip });

  const caseNode = nodes.find((n) => n.id === caseId) ?? fail('its Case node is not in the graph');
  const caseSection = { id: caseId, ...fieldsOf(caseNode, 'Case'), sources: nodeSources(caseNode) } as CaseInput;

  const entities: EntityInput[] = [];
  for (const node of nodes) {
    const kind = kindOf.get(node.id)!;
    if (node.id === caseId || !(ENTITY_KINDS as readonly string[]).includes(kind)) continue;
    // `caption` belongs to the file's own case; a Case entity has only a name.
    entities.push({ id: node.id, kind, name: node.props.name, ...fieldsOf(node, kind, ['caption']), sources: nodeSources(node) } as EntityInput);
  }

  const facts = new Map<FactSection, FactInput[]>();
  for (const node of nodes) {
    const kind = kindOf.get(node.id)!;
    if (!(FACT_KINDS as readonly string[]).includes(kind)) continue;
    const factKind = kind as FactKind;
    // A ruling without a name of its own is named after its finding.
    const named = NAMED_FACTS.has(factKind) && !(factKind === 'Ruling' && node.props.name === node.props.finding);
    const fact = { id: node.id, ...(named && present(node.props.name) ? { name: node.props.name } : {}), ...fieldsOf(node, factKind), sources: nodeSources(node) } as FactInput;
    const section = SECTION_OF_KIND[factKind];
    facts.set(section, [...(facts.get(section) ?? []), fact]);
  }

  const file: CaseFile = {
    formatVersion: FORMAT_VERSION,
    documents: documents.map((doc) => ({ id: doc.id, title: doc.props.title ?? doc.props.name, ...toFields('SourceDocument', doc.props, () => undefined, { skip: ['title'] }) }) as DocumentInput),
    case: caseSection,
  };
  if (entities.length > 0) file.entities = entities;
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) {
    const list = facts.get(section);
    if (list) file[section] = list;
  }
  if (roles.length > 0) file.roles = roles;
  if (relations.length > 0) file.relations = relations;
  return file;
}

/**
 * Which reference field of which node a relationship comes from: the node that owns the field
 * is the relationship's start, or its end for inbound fields (actor PERFORMED act).
 */
function referenceOf(
  rel: ExportRelationshipRow,
  kindOf: Map<string, NodeKind>,
): { owner: string; ref: ReferenceField; target: string } | null {
  for (const inbound of [false, true]) {
    const owner = inbound ? rel.to : rel.from;
    const target = inbound ? rel.from : rel.to;
    const kind = kindOf.get(owner);
    if (!kind) continue;
    const ref = REFERENCE_FIELDS[kind].find((r) => r.type === rel.type && (r.inbound === true) === inbound);
    if (ref) return { owner, ref, target };
  }
  return null;
}

/** Lists of ids and times read best on one line, as the format's examples write them, when they are short. */
const FLOW_KEYS = new Set(['aliases', 'time', 'received', 'withheldFrom', 'participants', 'about', 'disputes']);
const FLOW_MAX_LENGTH = 80;
/** Quoted so that no YAML reader takes them for numbers or timestamps (the format asks for it). */
const QUOTED_KEYS = new Set(['date', 'published']);

/**
 * The case file as text: YAML (with the editor's schema comment) or pretty-printed JSON. YAML
 * lines are never folded, so every quote stays on one line exactly as the document has it;
 * texts of several lines (documents) are literal blocks (`|`), which keep their line breaks.
 */
export function formatCaseFile(file: CaseFile, format: CaseFileFormat = 'YAML'): string {
  if (format === 'JSON') return `${JSON.stringify({ $schema: SCHEMA_PATH, ...file }, null, 2)}\n`;
  const doc = new Document(file);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const value = pair.value;
      if (FLOW_KEYS.has(key) && (isMap(value) || isSeq(value)) && JSON.stringify(value.toJSON()).length <= FLOW_MAX_LENGTH) value.flow = true;
      if (!isScalar(value) || typeof value.value !== 'string') return;
      if (QUOTED_KEYS.has(key)) value.type = 'QUOTE_DOUBLE';
      else if (value.value.includes('\n')) value.type = 'BLOCK_LITERAL';
    },
  });
  return `# yaml-language-server: $schema=${SCHEMA_PATH}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

/** Reads everything a case's last load wrote; null when no case file loaded a case with this id. */
export async function readExportRows(executor: Executor, caseId: string): Promise<ExportRows | null> {
  const [stored] = await executor.read<StoredManifest>(q.exportManifest(caseId));
  if (!stored) return null;
  const contents = unpackManifest(stored);
  const statements = new StatementIndex(contents);
  const defined = contents.nodeIds.filter((id) => !contents.externalIds.includes(id));
  const [nodes, documents, relationships, passages] = await Promise.all([
    executor.read<ExportNodeRow>(q.exportNodes(caseId, defined.map((id) => ({ id, stated: statements.node(id) !== undefined })))).then((rows) => rows.map((row) => ownStatement(row, statements.node(row.id)))),
    executor.read<ExportDocumentRow>(q.exportDocuments(caseId)),
    executor.read<ExportRelationshipRow>(q.exportRelationships(caseId, contents.nodeIds)),
    executor.read<ExportPassageRow>(q.exportPassages(contents.passageIds)),
  ]);
  const manifest = { nodeIds: contents.nodeIds, externalIds: contents.externalIds, relKeys: contents.relKeys, passageIds: contents.passageIds };
  return { caseId, manifest, nodes, documents, relationships, passages };
}

/** A node's fields as this case stated them (its manifest's statement), where the manifest keeps one. */
function ownStatement(row: ExportNodeRow, statement: string | undefined): ExportNodeRow {
  if (statement === undefined) return row;
  const stated = JSON.parse(statement) as Record<string, unknown>;
  return { ...row, props: { ...stated, ...Object.fromEntries(Object.entries(row.props).filter(([, v]) => v !== null && v !== undefined)) } };
}

/** The case file of a case loaded from one; throws CaseNotFoundError for any other id. */
export async function exportCase(executor: Executor, caseId: string, format: CaseFileFormat = 'YAML'): Promise<string> {
  if (caseId.includes('#')) throw notExportable(caseId, [caseId]);
  const rows = await readExportRows(executor, caseId);
  if (!rows) {
    const owners = (await executor.read<{ owner: string }>(contributionsOf(caseId))).map((r) => r.owner);
    if (owners.length > 0) throw notExportable(caseId, owners);
    throw new CaseNotFoundError(caseId);
  }
  return formatCaseFile(buildCaseFile(rows), format);
}

/**
 * A case made of records' contributions (`case#key`) has no case file of its own to give back:
 * export reads a case file's own manifest. The case file a record becomes is kept by the loader.
 */
function notExportable(caseId: string, owners: string[]): GraphQLError {
  return badInput(
    `Case "${caseId}" was loaded from ${owners.length} record contribution(s) (${owners.slice(0, 5).join(', ')}${owners.length > 5 ? ', …' : ''}), ` +
      'and export gives back only cases loaded from a case file of their own. Keep the case file a record becomes with `npm run load -- RECORD --emit DIR`.',
    'id',
    { contributions: owners },
  );
}
