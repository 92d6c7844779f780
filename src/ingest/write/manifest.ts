import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CypherQuery } from '../../neo4j/executor.js';
import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import { storedStatement } from './merge.js';
import { plannedOnce } from './planned-once.js';

/**
 * The CaseManifest: one node per contribution (a loaded file or record; its id is the case id
 * or `<case id>#<key>`, kept in the property `caseId`), saying what its last load wrote, so the
 * next load of it removes what it no longer states, and its own statement of every node and
 * relationship it defines, so removing another contribution can recompute fields from those
 * that remain. `sourceHash` lets an unchanged file be skipped unread. This module owns its one
 * shape and every statement that reads or writes it; the offline import writes the same rows.
 *
 * Stored shape: `caseId`, `case`, `sourceHash`, `elements` as properties (what statements look
 * up), and everything else in one property, `contents`: the JSON of `ManifestContents`,
 * raw-deflated and base64 (about a tenth of the lists' size: their statements repeat every
 * field of every element). A store written before kept those lists as list properties
 * (`nodeIds`, `statements`, ...): they are still read (`unpackManifest`), and the next save of
 * that contribution writes the packed shape in their place.
 */
export interface Manifest extends ManifestContents {
  /** The contribution's id (the property keeps its first name, `caseId`). */
  caseId: string;
  case: string;
  sourceHash: string | null;
  /** Nodes, relationships and passages it states (what a skipped reload counts). */
  elements: number;
}

/** What a manifest lists, packed into its `contents`. */
export interface ManifestContents {
  nodeIds: string[];
  passageIds: string[];
  relKeys: string[];
  externalIds: string[];
  /** Ids of the nodes it defines, parallel to `statements` (JSON of its fields, without a text). */
  definedIds: string[];
  statements: string[];
  /** JSON of its fields of each relationship, parallel to `relKeys`. */
  relStatements: string[];
}

/** The manifest as it is stored (what a write saves, and the offline import writes). */
export interface ManifestRow {
  caseId: string;
  case: string;
  sourceHash: string | null;
  elements: number;
  /** base64 of the raw-deflated JSON of its ManifestContents. */
  contents: string;
}

/** A manifest's stored fields as statements return them: the packed `contents`, or a store's older lists. */
export type StoredManifest = { contents?: string | null } & { [K in keyof ManifestContents]?: string[] | null };

/** Cypher that returns a manifest `m`'s stored fields (both shapes) under the names of StoredManifest. */
export const MANIFEST_FIELDS = (m = 'm') =>
  `${m}.contents AS contents, ${m}.nodeIds AS nodeIds, ${m}.passageIds AS passageIds, ${m}.relKeys AS relKeys, ${m}.externalIds AS externalIds, ` +
  `${m}.definedIds AS definedIds, ${m}.statements AS statements, ${m}.relStatements AS relStatements`;

/** Whether a manifest `m` was saved by a load (lockCases creates empty ones to lock them), in either shape. */
const SAVED = (m = 'm') => `(${m}.contents IS NOT NULL OR ${m}.nodeIds IS NOT NULL)`;

/** A manifest's lists, packed for storing. Pure. */
export function packManifest(contents: ManifestContents): string {
  const { nodeIds, passageIds, relKeys, externalIds, definedIds, statements, relStatements } = contents;
  return deflateRawSync(JSON.stringify({ nodeIds, passageIds, relKeys, externalIds, definedIds, statements, relStatements })).toString('base64');
}

/** A manifest's lists from its stored fields, packed or (a store written before) as list properties. Pure. */
export function unpackManifest(stored: StoredManifest): ManifestContents {
  if (typeof stored.contents === 'string') return JSON.parse(inflateRawSync(Buffer.from(stored.contents, 'base64')).toString('utf8')) as ManifestContents;
  return {
    nodeIds: stored.nodeIds ?? [], passageIds: stored.passageIds ?? [], relKeys: stored.relKeys ?? [], externalIds: stored.externalIds ?? [],
    definedIds: stored.definedIds ?? [], statements: stored.statements ?? [], relStatements: stored.relStatements ?? [],
  };
}

/** What a contribution's last load wrote, as its manifest says (empty when it was never loaded). */
export type PreviousLoad = Pick<Manifest, 'nodeIds' | 'passageIds' | 'relKeys'> & { existed: boolean };

/** A relationship's identity: type, both ends and id (an id kept while its target changes is another edge). */
export interface RelKey {
  type: string;
  from: string;
  to: string;
  id: string;
}

export function relKey(r: RelKey): string {
  return JSON.stringify([r.type, r.from, r.id, r.to]);
}

export function parseRelKey(key: string): RelKey {
  const [type, from, id, to] = JSON.parse(key) as [string, string, string, string];
  return { type, from, id, to };
}

/** What a contribution's load wrote, and its statements: its manifest, unpacked. Pure. */
export function manifestContentsOf(plan: GraphPlan, sourceHash: string | null): Manifest {
  return {
    caseId: contributionOf(plan),
    case: plan.caseId,
    sourceHash,
    nodeIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds],
    passageIds: plan.passages.map((p) => p.id),
    externalIds: plan.externalIds,
    relKeys: plan.relationships.map(relKey),
    definedIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id)],
    statements: [...plan.nodes.map((n) => JSON.stringify(storedStatement(n.props))), ...plan.aliases.map((a) => JSON.stringify({ aliases: a.aliases }))],
    relStatements: plan.relationships.map((r) => JSON.stringify(r.props)),
    elements: plan.nodes.length + plan.relationships.length + plan.passages.length,
  };
}

/**
 * The hash a definer's STATES keeps of its statement of a node (the JSON its manifest keeps):
 * equal statements have equal hashes, so a merge or a CONFLICT check unpacks one manifest per
 * distinct statement, not one per contribution. Pure.
 */
export function statementHash(statementJson: string): string {
  return createHash('sha1').update(statementJson).digest('base64').slice(0, 16);
}

/** The hash of a node's statement as its plan gives it (statementHash of what the manifest keeps). Pure. */
export const nodeStatementHash = (props: Record<string, unknown>) => statementHash(JSON.stringify(storedStatement(props)));

/** A contribution's manifest as a load stores it (the offline import writes the same). Pure. */
export function manifestOf(plan: GraphPlan, sourceHash: string | null): ManifestRow {
  const manifest = manifestContentsOf(plan, sourceHash);
  return { caseId: manifest.caseId, case: manifest.case, sourceHash, elements: manifest.elements, contents: packManifest(manifest) };
}

/**
 * Each contribution's statements of the nodes and relationships it defines, indexed from its
 * unpacked manifest (for merges after a removal, and the CONFLICT check).
 */
export class StatementIndex {
  private readonly nodes = new Map<string, string>();
  private readonly rels = new Map<string, string>();

  constructor(contents: Pick<ManifestContents, 'definedIds' | 'statements' | 'relKeys' | 'relStatements'>) {
    contents.definedIds.forEach((id, i) => {
      const statement = contents.statements[i];
      if (statement !== undefined && !this.nodes.has(id)) this.nodes.set(id, statement);
    });
    contents.relKeys.forEach((key, i) => {
      const statement = contents.relStatements[i];
      if (statement !== undefined && !this.rels.has(key)) this.rels.set(key, statement);
    });
  }

  node(id: string): string | undefined {
    return this.nodes.get(id);
  }

  relationship(key: string): string | undefined {
    return this.rels.get(key);
  }
}

/** Deletes the manifests of contributions whose facts were all released. */
export function deleteManifests(owners: string[]): CypherQuery {
  return { text: 'UNWIND $owners AS owner MATCH (m:CaseManifest {caseId: owner}) DETACH DELETE m', params: { owners } };
}

/** A manifest as lockCases returns it: stored fields, whether it was saved before, and whether its case has other contributions. */
export type LockedManifest = StoredManifest & { owner: string; existed: boolean; siblings: boolean };

/**
 * Each loaded contribution has a manifest node listing what its last load wrote, and its
 * statement of every node and relationship it defines (so that removing another contribution
 * can recompute fields from those that remain). Merging it first takes a lock on it, so
 * concurrent loads of one contribution run one after another. Ids in sorted order, so loads of
 * several take these locks in one order. `siblings`: whether other contributions of the same
 * case are in the graph (then its relationships may already exist). Returns the stored fields
 * (LockedManifest; `unpackManifest` reads them).
 */
export function lockCases(owners: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $owners AS owner
           WITH owner, CASE WHEN owner CONTAINS '#' THEN split(owner, '#')[0] ELSE owner END AS caseId
           MERGE (m:CaseManifest {caseId: owner})
           ON CREATE SET m.case = caseId
           WITH owner, caseId, m
           CALL (caseId, owner) {
             MATCH (o:CaseManifest) WHERE o.caseId STARTS WITH caseId + '#' AND o.caseId <> owner AND ${SAVED('o')}
             RETURN count(o) AS keyed
           }
           CALL (caseId, owner) {
             MATCH (o:CaseManifest {caseId: caseId}) WHERE owner <> caseId AND ${SAVED('o')}
             RETURN count(o) AS plain
           }
           RETURN owner, ${SAVED()} AS existed, keyed + plain > 0 AS siblings, ${MANIFEST_FIELDS()}`,
    { owners: [...owners].sort() },
  );
}

/** The manifests of every contribution of a case (for deleting the case). */
export function contributionsOf(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest) WHERE (m.caseId = $caseId OR m.caseId STARTS WITH $caseId + '#') AND ${SAVED()}
           RETURN m.caseId AS owner ORDER BY owner`,
    params: { caseId },
  };
}

/**
 * Saves manifests (locked by lockCases in the same transaction) in the packed shape: `SET m =`
 * replaces every property, so the lists of a manifest stored in the older shape go.
 */
export function saveManifests(rows: ManifestRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (m:CaseManifest {caseId: row.caseId})
           SET m = row
           RETURN count(m) AS written`,
    { rows },
  );
}

/** The stored fields of some contributions' manifests (those loaded; others give no row), and their source hashes. */
export function readManifests(owners: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $owners AS owner
           MATCH (m:CaseManifest {caseId: owner}) WHERE ${SAVED()}
           RETURN owner, m.sourceHash AS sourceHash, ${MANIFEST_FIELDS()}`,
    { owners },
  );
}

/** The contributions whose last load came from files with these hashes, and what they wrote. */
export function loadedHashes(hashes: string[]): CypherQuery {
  return {
    text: `UNWIND $hashes AS hash
           MATCH (m:CaseManifest {sourceHash: hash})
           RETURN hash, m.caseId AS caseId, coalesce(m.elements, 0) AS elements`,
    params: { hashes },
  };
}

/** The case whose last load came from files with this hash, if any. */
export function caseLoadedFrom(sourceHash: string): CypherQuery {
  return { text: 'MATCH (m:CaseManifest {sourceHash: $sourceHash}) RETURN m.caseId AS caseId', params: { sourceHash } };
}
