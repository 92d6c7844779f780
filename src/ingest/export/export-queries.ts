import { PASSAGE_TYPE } from '../../model/kinds.js';
import type { CypherQuery } from '../../neo4j/executor.js';

/**
 * Read queries for exporting a case back to a case file. Pure. Each one starts from the case's
 * CaseManifest (what its last load wrote), so they can run in parallel and a case that was
 * never loaded from a case file gives no rows at all.
 */

/** The manifest: every node (defined or only referenced), relationship key and passage of the case. */
export function exportManifest(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           RETURN coalesce(m.nodeIds, []) AS nodeIds, coalesce(m.externalIds, []) AS externalIds,
                  coalesce(m.relKeys, []) AS relKeys, coalesce(m.passageIds, []) AS passageIds`,
    params: { caseId },
  };
}

/**
 * The nodes the case defines (the manifest's nodeIds minus those it only refers to), with all
 * their properties, and this case's own statement of their fields as its manifest keeps it
 * (where other cases also state a node, its properties are the merge of all of them).
 * Documents come from exportDocuments, so their text is read once.
 */
export function exportNodes(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           UNWIND [id IN coalesce(m.nodeIds, []) WHERE NOT id IN coalesce(m.externalIds, [])] AS id
           MATCH (n:Entity {id: id})
           WHERE NOT n:SourceDocument
           WITH m, n, [i IN range(0, size(coalesce(m.definedIds, [])) - 1) WHERE m.definedIds[i] = id] AS at
           RETURN n.id AS id, n.kind AS kind,
                  CASE WHEN size(at) = 0 THEN properties(n)
                       ELSE n {.sourceKeys, .passageIds, .text, .caseIds, .owners, statement: m.statements[at[0]]} END AS props`,
    params: { caseId },
  };
}

/** The case's documents, in the order of its file (the case node's documentIds). */
export function exportDocuments(caseId: string): CypherQuery {
  return {
    text: `MATCH (:CaseManifest {caseId: $caseId})
           MATCH (c:Case {id: $caseId})
           UNWIND range(0, size(coalesce(c.documentIds, [])) - 1) AS i
           MATCH (d:SourceDocument {id: c.documentIds[i]})
           RETURN d.id AS id, properties(d) AS props
           ORDER BY i`,
    params: { caseId },
  };
}

/**
 * The relationships this case wrote (they carry its caseId), with type, ends and properties.
 * Both ends of every such relationship are in the manifest's nodeIds, defined or referenced.
 */
export function exportRelationships(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           UNWIND coalesce(m.nodeIds, []) AS id
           MATCH (a:Entity {id: id})-[r]->(b:Entity)
           WHERE r.caseId = $caseId AND type(r) <> '${PASSAGE_TYPE}'
           RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, properties(r) AS props`,
    params: { caseId },
  };
}

/** The passages the case cites, with their document and offsets (code points). */
export function exportPassages(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           UNWIND coalesce(m.passageIds, []) AS id
           MATCH (p:Passage {id: id})
           RETURN p.id AS id, p.documentId AS documentId, p.pointer AS pointer, p.quote AS quote, p.start AS start, p.end AS end`,
    params: { caseId },
  };
}
