import { PASSAGE_TYPE } from '../../model/kinds.js';
import type { CypherQuery } from '../../neo4j/executor.js';
import { MANIFEST_FIELDS } from '../write/manifest.js';

/**
 * Read queries for exporting a case back to a case file. Pure. The case's CaseManifest (what its
 * last load wrote) is read first; the others take the ids it lists and can run in parallel.
 */

/** The case's manifest: its stored fields, in either shape (`unpackManifest` reads them). */
export function exportManifest(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId}) WHERE m.contents IS NOT NULL OR m.nodeIds IS NOT NULL
           RETURN ${MANIFEST_FIELDS()}`,
    params: { caseId },
  };
}

/**
 * The nodes the case defines (its manifest's nodeIds minus those it only refers to), documents
 * excepted (exportDocuments reads them, so their text is read once): all their properties, or,
 * for a node the manifest keeps this case's own statement of (`stated`), only its text (where
 * other cases also state a node, its properties are the merge of all of them); and the
 * passages this case cites for it, from its STATES of it (others' stay apart).
 */
export function exportNodes(caseId: string, rows: { id: string; stated: boolean }[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           WHERE NOT n:SourceDocument
           WITH n, row, COLLECT { MATCH (:CaseManifest {caseId: $caseId})-[s:STATES]->(n) RETURN s.passageIds }[0] AS passageIds
           RETURN n.id AS id, n.kind AS kind,
                  CASE WHEN row.stated THEN n {.text, passageIds: passageIds} ELSE n {.*, passageIds: passageIds} END AS props`,
    params: { caseId, rows },
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
export function exportRelationships(caseId: string, nodeIds: string[]): CypherQuery {
  return {
    text: `UNWIND $nodeIds AS id
           MATCH (a:Entity {id: id})-[r]->(b:Entity)
           WHERE r.caseId = $caseId AND type(r) <> '${PASSAGE_TYPE}'
           RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, properties(r) AS props`,
    params: { caseId, nodeIds },
  };
}

/** The passages the case cites, with their document and offsets (code points). */
export function exportPassages(passageIds: string[]): CypherQuery {
  return {
    text: `UNWIND $passageIds AS id
           MATCH (p:Passage {id: id})
           RETURN p.id AS id, p.documentId AS documentId, p.pointer AS pointer, p.quote AS quote, p.start AS start, p.end AS end`,
    params: { passageIds },
  };
}
