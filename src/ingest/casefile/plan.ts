import { ROLE_TYPE, type NodeKind } from '../../model/kinds.js';
import { NODE_FIELDS, toProperties } from './mapping.js';
import { FACT_SECTIONS, refEdge, refId, relationId, roleId, type CaseFile, type Citation, type FactInput, type FactSection, type Inference } from './case-file.js';
import { contributionId } from '../write/merge.js';
import type { ValidCaseFile } from './validate.js';

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

export interface PlannedPassage {
  id: string;
  documentId: string;
  /** JSON Pointer of the string value the offsets count in (imported records); absent for the whole text. */
  pointer?: string;
  quote: string;
  start: number;
  end: number;
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
  const caseId = data.case.id;
  const passages = new Map<string, PlannedPassage>();
  const passageIds = (sources: Citation[]) =>
    [...new Set(sources.map((citation) => {
      const at = valid.located.get(citation)!;
      const id = passageId(at);
      passages.set(id, { id, ...at });
      return id;
    }))];

  const names = new Map<string, string>();
  for (const [id, info] of valid.external) names.set(id, info.name);
  for (const entity of data.entities ?? []) names.set(entity.id, entity.name);
  names.set(caseId, data.case.caption);
  // Named facts (evidence, events…) appear in other facts' names by their names, never their ids.
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) for (const fact of data[section] ?? []) if (typeof fact.name === 'string') names.set(fact.id, fact.name);
  /** A file-local id declared sameAs an existing entity stands for that entity everywhere. */
  const sameAs = new Map((data.entities ?? []).filter((e) => typeof e.sameAs === 'string').map((e) => [e.id, e.sameAs as string]));
  const canonical = (id: string) => sameAs.get(id) ?? id;
  const aliases: PlannedAlias[] = [];

  const nodes: PlannedNode[] = [];
  const relationships: PlannedRelationship[] = [];
  let seq = 0;
  const addNode = (kind: NodeKind, id: string, name: string, fields: Record<string, unknown>, sources: Citation[] | null) => {
    const props: Record<string, unknown> = { id, kind, name, ...toProperties(kind, fields), passageIds: sources ? passageIds(sources) : [], seq: seq++ };
    nodes.push({ kind, id, props });
    for (const rule of NODE_FIELDS[kind]) {
      if (rule.store !== 'reference') continue;
      const ref = rule.ref;
      const value = fields[ref.field] ?? (ref.field === 'case' && kind !== 'Case' ? caseId : undefined);
      const values: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
      for (const item of values) {
        const target = canonical(refId(item));
        const edge = refEdge(item);
        // An edge cites its own passages; only when the file gives none does it borrow the node's, and says so.
        const own = edge?.sources?.length ? passageIds(edge.sources) : null;
        relationships.push({
          type: ref.type,
          id: `${caseId}:${id}.${ref.field}.${target}`,
          from: ref.inbound ? target : id,
          to: ref.inbound ? id : target,
          props: { caseId, passageIds: own ?? props.passageIds, inherited: own === null, ...inference(edge ?? {}) },
        });
      }
    }
  };

  for (const doc of data.documents) {
    const text = valid.texts.get(doc.id)!;
    addNode('SourceDocument', doc.id, doc.title, { ...doc, text }, null);
  }
  addNode('Case', caseId, data.case.caption, { ...data.case }, data.case.sources);
  nodes.at(-1)!.props.documentIds = data.documents.map((d) => d.id);
  for (const entity of data.entities ?? []) {
    if (typeof entity.sameAs === 'string') {
      const targetName = valid.external.get(entity.sameAs)?.name;
      const names = [...new Set([entity.name, ...(entity.aliases ?? [])])].filter((name) => name !== targetName);
      aliases.push({ id: entity.sameAs, aliases: names, passageIds: passageIds(entity.sources) });
    } else {
      addNode(entity.kind as NodeKind, entity.id, entity.name, entity, entity.sources);
    }
  }
  for (const [section, kind] of Object.entries(FACT_SECTIONS) as [FactSection, NodeKind][]) {
    for (const fact of data[section] ?? []) addNode(kind, fact.id, factName(kind, fact, names), fact, fact.sources);
  }

  for (const role of data.roles ?? []) {
    const id = roleId(role);
    relationships.push({
      type: ROLE_TYPE, id: `${caseId}:${id}`, from: canonical(role.who), to: canonical(role.in),
      props: { caseId, passageIds: passageIds(role.sources), inherited: false, ...inference(role), role: role.role, description: role.description ?? null, terminated: role.terminated ?? null },
    });
  }
  for (const relation of data.relations ?? []) {
    const id = relationId(relation);
    relationships.push({
      type: relation.type, id: `${caseId}:${id}`, from: canonical(relation.from), to: canonical(relation.to),
      props: { caseId, passageIds: passageIds(relation.sources), inherited: false, ...inference(relation), description: relation.description ?? null },
    });
  }

  const defined = new Set([...nodes.map((n) => n.id), ...aliases.map((a) => a.id)]);
  const externalIds = [...new Set(relationships.flatMap((r) => [r.from, r.to]).filter((id) => !defined.has(id)))].sort();
  return { caseId, ...(data.contribution ? { contribution: contributionId(caseId, data.contribution) } : {}), nodes, aliases, relationships, passages: [...passages.values()], externalIds };
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
