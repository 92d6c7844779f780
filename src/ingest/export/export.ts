import { GraphQLError } from 'graphql';
import { badInput } from '../../shared/errors.js';
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
  relationId,
  roleId,
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
import type { PlannedRelationship } from '../casefile/plan.js';
import { NAMED_FACTS, toFields } from '../casefile/mapping.js';
import { CaseNotFoundError } from '../write/import.js';
import { contributionsOf, relKey, StatementIndex, unpackManifest, type StoredManifest } from '../write/manifest.js';

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

/** A relationship as the graph holds it: the row plan.ts wrote. */
export type ExportRelationshipRow = PlannedRelationship;

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
  const { caseId } = rows;
  const fail = (message: string): never => {
    throw new ExportError(caseId, message);
  };
  const nodes = orderedNodes(rows);
  const kindOf = nodeKinds(nodes, fail);
  const cite = citer(rows, fail);
  const sections = relationshipSections(rows, kindOf, cite, fail);
  const built: Built = { caseId, nodes, kindOf, cite, fieldsOf: fieldsReader(caseId, sections.references) };
  const file: CaseFile = { formatVersion: FORMAT_VERSION, documents: [], case: caseSection(built, fail) };
  const entities = entitiesOf(built);
  const facts = factsOf(built);
  file.documents = rows.documents.map(documentOf);
  if (entities.length > 0) file.entities = entities;
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) {
    const list = facts.get(section);
    if (list) file[section] = list;
  }
  if (sections.roles.length > 0) file.roles = sections.roles;
  if (sections.relations.length > 0) file.relations = sections.relations;
  return file;
}

type Fail = (message: string) => never;
/** A node's or relationship's passages (`passageIds`) as the citations of a case file; `owner` names it in errors. */
type Cite = (passageIds: unknown, owner: string) => Citation[];
/** A node's fields as the file wrote them (`casefile/mapping.ts`), leaving out `skip`. */
type FieldsOf = (node: ExportNodeRow, kind: NodeKind, skip?: readonly string[]) => Record<string, unknown>;

/** What the builders of the file's sections share. */
interface Built {
  caseId: string;
  /** The nodes the case defines, in the order of its file. */
  nodes: ExportNodeRow[];
  kindOf: Map<string, NodeKind>;
  cite: Cite;
  fieldsOf: FieldsOf;
}

/** The nodes the case defines, in the order of the original file (the manifest lists them as the load planned them). */
function orderedNodes({ manifest, nodes }: ExportRows): ExportNodeRow[] {
  const nodeOrder = new Map(manifest.nodeIds.map((id, i) => [id, i]));
  const external = new Set(manifest.externalIds);
  const seqOf = (props: Record<string, unknown>) => (typeof props.seq === 'number' ? props.seq : Number.MAX_SAFE_INTEGER);
  return nodes
    .filter((n) => !external.has(n.id))
    .sort((a, b) =>
      (nodeOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (nodeOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
      seqOf(a.props) - seqOf(b.props) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The case's own relationships (passages' excepted), in the order of the original file. */
function orderedRelationships({ caseId, manifest, relationships }: ExportRows): ExportRelationshipRow[] {
  const relOrder = new Map(manifest.relKeys.map((key, i) => [key, i]));
  return relationships
    .filter((r) => r.type !== PASSAGE_TYPE && (r.props.caseId ?? caseId) === caseId)
    .map((r) => ({ ...r, order: relOrder.get(relKey(r)) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

function nodeKinds(nodes: ExportNodeRow[], fail: Fail): Map<string, NodeKind> {
  const kindOf = new Map<string, NodeKind>();
  for (const node of nodes) {
    if (!isNodeKind(node.kind)) fail(`node "${node.id}" has no known kind (${String(node.kind)})`);
    kindOf.set(node.id, node.kind as NodeKind);
  }
  return kindOf;
}

/**
 * Citations from passage ids: the document named unless it is the first, offsets given; a whole
 * string of a record cited as the importer cited it, by its pointer alone.
 */
function citer(rows: ExportRows, fail: Fail): Cite {
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
  return (passageIds, owner) => {
    const ids = Array.isArray(passageIds) ? (passageIds as string[]) : [];
    if (ids.length === 0) fail(`${owner} cites no passage of this case`);
    return [...new Set(ids)].map((id) => {
      const p = passages.get(id) ?? fail(`${owner} cites passage "${id}", which is not in the graph`);
      const citation: Citation = { quote: p.quote };
      if (p.documentId !== firstDocument) citation.document = p.documentId;
      if (typeof p.pointer === 'string') {
        citation.pointer = p.pointer;
        if (wholeString(p.documentId, p.pointer, p.quote)) return { ...(citation.document ? { document: citation.document } : {}), pointer: p.pointer };
      }
      citation.start = p.start;
      citation.end = p.end;
      return citation;
    });
  };
}

/** inferred and reason as the file wrote them: only for what is inferred. */
function inference(props: Record<string, unknown>): Inference {
  return props.inferred === true ? { inferred: true, ...(present(props.reason) ? { reason: String(props.reason) } : {}) } : {};
}

/** A reference field's targets per node and field, as the file wrote them. */
type References = Map<string, Map<string, RefValue[]>>;

/** The case's relationships sorted back into the file's sections: reference fields of its own nodes, roles, and relations. */
function relationshipSections(rows: ExportRows, kindOf: Map<string, NodeKind>, cite: Cite, fail: Fail): { references: References; roles: RoleInput[]; relations: RelationInput[] } {
  const relPrefix = `${rows.caseId}:`;
  const references: References = new Map();
  const roles: RoleInput[] = [];
  const relations: RelationInput[] = [];
  for (const rel of orderedRelationships(rows)) {
    const localId = rel.id.startsWith(relPrefix) ? rel.id.slice(relPrefix.length) : rel.id;
    if (rel.type === ROLE_TYPE) roles.push(roleOf(rel, localId, cite));
    else if (RESERVED_TYPES.has(rel.type)) addReference(references, rel, localId, kindOf, cite, fail);
    else relations.push(relationOf(rel, localId, cite));
  }
  return { references, roles, relations };
}

/** A relationship's id as the file gave it: left out when it is the one the format makes (case-file.ts). */
const givenId = (localId: string, madeId: string) => (localId !== madeId ? { id: localId } : {});
const describedBy = (props: Record<string, unknown>) => (present(props.description) ? { description: String(props.description) } : {});

function roleOf(rel: ExportRelationshipRow, localId: string, cite: Cite): RoleInput {
  const role = String(rel.props.role);
  return {
    ...givenId(localId, roleId({ who: rel.from, role, in: rel.to })),
    who: rel.from, role, in: rel.to, ...describedBy(rel.props), ...inference(rel.props),
    ...(present(rel.props.terminated) ? { terminated: String(rel.props.terminated) } : {}),
    sources: cite(rel.props.passageIds, `role "${localId}"`),
  };
}

function relationOf(rel: ExportRelationshipRow, localId: string, cite: Cite): RelationInput {
  return {
    ...givenId(localId, relationId({ type: rel.type, from: rel.from, to: rel.to })),
    type: rel.type, from: rel.from, to: rel.to, ...describedBy(rel.props), ...inference(rel.props),
    sources: cite(rel.props.passageIds, `relation "${localId}"`),
  };
}

/** A relationship of a reference field: the long form when the edge cites passages of its own or is inferred, else the plain id. */
function addReference(references: References, rel: ExportRelationshipRow, localId: string, kindOf: Map<string, NodeKind>, cite: Cite, fail: Fail): void {
  const found = referenceOf(rel, kindOf) ?? fail(`relationship ${rel.type} "${rel.id}" matches no reference field of its ends`);
  const fields = references.get(found.owner) ?? new Map<string, RefValue[]>();
  references.set(found.owner, fields);
  const targets = fields.get(found.ref.field) ?? [];
  fields.set(found.ref.field, targets);
  const own = rel.props.inherited === false;
  const value: RefValue = own || rel.props.inferred === true
    ? { id: found.target, ...inference(rel.props), ...(own ? { sources: cite(rel.props.passageIds, `${rel.type} "${localId}"`) } : {}) }
    : found.target;
  if (!targets.some((t) => refId(t) === found.target)) targets.push(value);
}

/** A node's fields through the mapping table, its reference fields from `references` (the case's own `case` field is implied). */
function fieldsReader(caseId: string, references: References): FieldsOf {
  const referenceValue = (node: ExportNodeRow) => (rule: { field: string; ref: ReferenceField }): unknown => {
    const targets = references.get(node.id)?.get(rule.field) ?? [];
    if (rule.ref.many) return targets;
    const target = targets[0];
    return rule.field === 'case' && target === caseId ? undefined : target;
  };
  return (node, kind, skip = []) => toFields(kind, node.props, referenceValue(node), { skip });
}

/** This case's passages of a node (its STATES'); other cases citing the same node keep theirs apart. */
const nodeSources = (built: Built, node: ExportNodeRow) => built.cite(node.props.passageIds, `"${node.id}"`);

function caseSection(built: Built, fail: Fail): CaseInput {
  const caseNode = built.nodes.find((n) => n.id === built.caseId) ?? fail('its Case node is not in the graph');
  return { id: built.caseId, ...built.fieldsOf(caseNode, 'Case'), sources: nodeSources(built, caseNode) } as CaseInput;
}

function entitiesOf(built: Built): EntityInput[] {
  const entities: EntityInput[] = [];
  for (const node of built.nodes) {
    const kind = built.kindOf.get(node.id)!;
    if (node.id === built.caseId || !(ENTITY_KINDS as readonly string[]).includes(kind)) continue;
    // `caption` belongs to the file's own case; a Case entity has only a name.
    entities.push({ id: node.id, kind, name: node.props.name, ...built.fieldsOf(node, kind, ['caption']), sources: nodeSources(built, node) } as EntityInput);
  }
  return entities;
}

function factsOf(built: Built): Map<FactSection, FactInput[]> {
  const facts = new Map<FactSection, FactInput[]>();
  for (const node of built.nodes) {
    const kind = built.kindOf.get(node.id)!;
    if (!(FACT_KINDS as readonly string[]).includes(kind)) continue;
    const factKind = kind as FactKind;
    // A ruling without a name of its own is named after its finding.
    const named = NAMED_FACTS.has(factKind) && !(factKind === 'Ruling' && node.props.name === node.props.finding);
    const fact = { id: node.id, ...(named && present(node.props.name) ? { name: node.props.name } : {}), ...built.fieldsOf(node, factKind), sources: nodeSources(built, node) } as FactInput;
    const section = SECTION_OF_KIND[factKind];
    facts.set(section, [...(facts.get(section) ?? []), fact]);
  }
  return facts;
}

const documentOf = (doc: ExportDocumentRow): DocumentInput =>
  ({ id: doc.id, title: doc.props.title ?? doc.props.name, ...toFields('SourceDocument', doc.props, () => undefined, { skip: ['title'] }) }) as DocumentInput;

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
