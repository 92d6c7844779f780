import { ROLE_TYPE, type NodeKind, type ReferenceField } from '../../model/kinds.js';
import { NODE_FIELDS, toProperties } from './mapping.js';
import {
  FACT_SECTIONS, refEdge, refId, relationId, roleId,
  type CaseFile, type Citation, type EntityInput, type FactInput, type FactSection, type Inference, type RelationInput, type RoleInput,
} from './case-file.js';
import { contributionId } from '../write/merge.js';
import type { LocatedCitation, ValidCaseFile } from './validate.js';

export interface PlannedNode {
  kind: NodeKind;
  id: string;
  props: Record<string, unknown>;
}

export interface PlannedRelationship {
  type: string;
  id: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** A passage: a located citation (its document, pointer, quote and offsets) with its id. */
export interface PlannedPassage extends LocatedCitation {
  id: string;
}

/** An entity of another case that this file declares its own entity to be (sameAs). */
export interface PlannedAlias {
  id: string;
  aliases: string[];
  passageIds: string[];
}

/** Everything one case file puts in the graph, as plain rows ready for UNWIND. */
export interface GraphPlan {
  caseId: string;
  /**
   * The contribution this plan is (the unit of ownership: what one file or record states): the
   * case id, or `<case id>#<key>` when the file sets `contribution`. Absent means the case id.
   */
  contribution?: string;
  nodes: PlannedNode[];
  /** Existing entities this file only adds aliases and sources to. */
  aliases: PlannedAlias[];
  relationships: PlannedRelationship[];
  passages: PlannedPassage[];
  /** Nodes of other cases this file refers to without defining them. */
  externalIds: string[];
}

/**
 * `<document id>:<start>-<end>`, or `<document id>:<pointer>:<start>-<end>` for a passage of a
 * string value of a JSON document: the same passage, whoever cites it, is one node.
 */
export function passageId(at: { documentId: string; pointer?: string; start: number; end: number }): string {
  return at.pointer === undefined ? `${at.documentId}:${at.start}-${at.end}` : `${at.documentId}:${at.pointer}:${at.start}-${at.end}`;
}

/** Builds the graph rows for a validated case file. Pure: same file, same rows, same ids. */
export function planCaseFile(valid: ValidCaseFile): GraphPlan {
  const { data } = valid;
  const build = new PlanBuilder(valid);
  for (const doc of data.documents) build.node('SourceDocument', doc.id, doc.title, { ...doc, text: valid.texts.get(doc.id)! }, null);
  build.node('Case', build.caseId, data.case.caption, { ...data.case }, data.case.sources).props.documentIds = data.documents.map((d) => d.id);
  for (const entity of data.entities ?? []) {
    if (typeof entity.sameAs === 'string') build.alias(entity, entity.sameAs);
    else build.node(entity.kind as NodeKind, entity.id, entity.name, entity, entity.sources);
  }
  const names = nodeNames(valid);
  for (const [section, kind] of Object.entries(FACT_SECTIONS) as [FactSection, NodeKind][]) {
    for (const fact of data[section] ?? []) build.node(kind, fact.id, factName(kind, fact, names), fact, fact.sources);
  }
  for (const role of data.roles ?? []) build.role(role);
  for (const relation of data.relations ?? []) build.relation(relation);
  return build.plan(data.contribution);
}

/** The names other nodes' names may use: the file's entities, its case, its named facts, and what it refers to in the graph. */
function nodeNames({ data, external }: ValidCaseFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, info] of external) names.set(id, info.name);
  for (const entity of data.entities ?? []) names.set(entity.id, entity.name);
  names.set(data.case.id, data.case.caption);
  // Named facts (evidence, events…) appear in other facts' names by their names, never their ids.
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) for (const fact of data[section] ?? []) if (typeof fact.name === 'string') names.set(fact.id, fact.name);
  return names;
}

/** The rows of one plan as the file's sections add them: nodes (with their reference fields' relationships), sameAs aliases, roles, relations, and the passages they cite. */
class PlanBuilder {
  readonly caseId: string;
  private readonly nodes: PlannedNode[] = [];
  private readonly relationships: PlannedRelationship[] = [];
  private readonly aliases: PlannedAlias[] = [];
  private readonly passages = new Map<string, PlannedPassage>();
  /** A file-local id declared sameAs an existing entity stands for that entity everywhere. */
  private readonly sameAs: Map<string, string>;
  private seq = 0;

  constructor(private readonly valid: ValidCaseFile) {
    this.caseId = valid.data.case.id;
    this.sameAs = new Map((valid.data.entities ?? []).filter((e) => typeof e.sameAs === 'string').map((e) => [e.id, e.sameAs as string]));
  }

  private canonical(id: string): string {
    return this.sameAs.get(id) ?? id;
  }

  /** The ids of the passages some citations name, each passage planned once. */
  private passageIds(sources: Citation[]): string[] {
    return [...new Set(sources.map((citation) => {
      const at = this.valid.located.get(citation)!;
      const id = passageId(at);
      this.passages.set(id, { id, ...at });
      return id;
    }))];
  }

  /** A node, its fields through the mapping table, and a relationship per target of its reference fields. */
  node(kind: NodeKind, id: string, name: string, fields: Record<string, unknown>, sources: Citation[] | null): PlannedNode {
    const props: Record<string, unknown> = { id, kind, name, ...toProperties(kind, fields), passageIds: sources ? this.passageIds(sources) : [], seq: this.seq++ };
    const node = { kind, id, props };
    this.nodes.push(node);
    for (const rule of NODE_FIELDS[kind]) if (rule.store === 'reference') this.references(kind, id, rule.ref, fields, props.passageIds as string[]);
    return node;
  }

  private references(kind: NodeKind, id: string, ref: ReferenceField, fields: Record<string, unknown>, nodePassages: string[]): void {
    const value = fields[ref.field] ?? (ref.field === 'case' && kind !== 'Case' ? this.caseId : undefined);
    const values: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const item of values) {
      const target = this.canonical(refId(item));
      const edge = refEdge(item);
      // An edge cites its own passages; only when the file gives none does it borrow the node's, and says so.
      const own = edge?.sources?.length ? this.passageIds(edge.sources) : null;
      this.relationships.push({
        type: ref.type,
        id: `${this.caseId}:${id}.${ref.field}.${target}`,
        from: ref.inbound ? target : id,
        to: ref.inbound ? id : target,
        props: { caseId: this.caseId, passageIds: own ?? nodePassages, inherited: own === null, ...inference(edge ?? {}) },
      });
    }
  }

  /** An entity declared to be another case's: its names (but the one the graph has) and passages go to that entity. */
  alias(entity: EntityInput, target: string): void {
    const targetName = this.valid.external.get(target)?.name;
    const names = [...new Set([entity.name, ...(entity.aliases ?? [])])].filter((name) => name !== targetName);
    this.aliases.push({ id: target, aliases: names, passageIds: this.passageIds(entity.sources) });
  }

  role(role: RoleInput): void {
    this.relationships.push({
      type: ROLE_TYPE, id: `${this.caseId}:${roleId(role)}`, from: this.canonical(role.who), to: this.canonical(role.in),
      props: { caseId: this.caseId, passageIds: this.passageIds(role.sources), inherited: false, ...inference(role), role: role.role, description: role.description ?? null, terminated: role.terminated ?? null },
    });
  }

  relation(relation: RelationInput): void {
    this.relationships.push({
      type: relation.type, id: `${this.caseId}:${relationId(relation)}`, from: this.canonical(relation.from), to: this.canonical(relation.to),
      props: { caseId: this.caseId, passageIds: this.passageIds(relation.sources), inherited: false, ...inference(relation), description: relation.description ?? null },
    });
  }

  /** The plan; `externalIds` are the ends of its relationships it does not define. */
  plan(contribution: string | undefined): GraphPlan {
    const { caseId, nodes, aliases, relationships } = this;
    const defined = new Set([...nodes.map((n) => n.id), ...aliases.map((a) => a.id)]);
    const externalIds = [...new Set(relationships.flatMap((r) => [r.from, r.to]).filter((id) => !defined.has(id)))].sort();
    return { caseId, ...(contribution ? { contribution: contributionId(caseId, contribution) } : {}), nodes, aliases, relationships, passages: [...this.passages.values()], externalIds };
  }
}

/** Relationship properties saying whether the sources state it or only imply it, and why. */
function inference(of: Inference): { inferred: boolean; reason: string | null } {
  return { inferred: of.inferred === true, reason: of.inferred === true ? of.reason ?? null : null };
}

/** Facts have no name of their own in the file; this gives them a readable one. */
function factName(kind: NodeKind, fact: FactInput, names: Map<string, string>): string {
  const nameOf = (value: unknown) => (value === undefined || value === null ? '' : names.get(refId(value)) ?? refId(value));
  switch (kind) {
    case 'Charge':
      return `${String(fact.offence)} (${nameOf(fact.defendant)})`;
    case 'Act':
      return [nameOf(fact.actor), fact.action, nameOf(fact.target ?? fact.object)].filter(Boolean).join(' ');
    case 'Claim':
      return String(fact.statement);
    case 'Ruling':
      return String(fact.name ?? fact.finding);
    default:
      return String(fact.name);
  }
}

/** The contribution a plan is: its own, or its case's when it sets none. */
export const contributionOf = (plan: GraphPlan): string => plan.contribution ?? plan.caseId;

export type { CaseFile };
