import { CASE_LINK_TYPES, FACT_KINDS, REFERENCE_FIELDS } from '../model/kinds.js';
import { Cypher, cypher, expr } from './cypher.js';

/**
 * Which cases a node takes part in. Not every case whose file mentions it: an article about a
 * criminal case that names the plaintiffs of a civil suit does not make them part of the
 * criminal case. A node belongs to a case when
 * - it holds a role in the case, or in a fact of the case (a witness of one of its events);
 * - it is a fact of the case (a charge, an act… tied to it by `case`);
 * - a fact of the case involves it through one of the fact's fields (the actor of an act, the
 *   judge of a ruling, what a claim is about, whom evidence came from…);
 * - it is the court the case is heard in.
 * Relations between entities (SPOUSE_OF, FRIEND_OF…) make no one part of a case.
 */
const CASE_LINKS = CASE_LINK_TYPES.join('|');
const factFields = FACT_KINDS.flatMap((kind) => REFERENCE_FIELDS[kind]).filter((ref) => ref.field !== 'case');
/** Fields written from the thing to the fact (actor PERFORMED act). */
const INBOUND = [...new Set(factFields.filter((ref) => ref.inbound).map((ref) => ref.type))].sort().join('|');
/** Fields written from the fact to the thing (act TARGETED target). */
const OUTBOUND = [...new Set(factFields.filter((ref) => !ref.inbound).map((ref) => ref.type))].sort().join('|');

/** The ids of the cases node `v` takes part in, each once, never its own id. */
export function casesOf(v: Cypher.Variable): Cypher.Expr {
  const acc = new Cypher.Variable();
  const c = new Cypher.Variable();
  const x = new Cypher.Node();
  return expr(cypher`reduce(${acc} = [], ${c} IN
    [(${v})-[:HAS_ROLE]->(${x}:Case) | ${x}.id]
  + [(${v})-[:HAS_ROLE]->()-[:${CASE_LINKS}]->(${x}:Case) | ${x}.id]
  + [(${v})-[:${CASE_LINKS}]->(${x}:Case) | ${x}.id]
  + [(${v})-[:${INBOUND}]->()-[:${CASE_LINKS}]->(${x}:Case) | ${x}.id]
  + [(${v})<-[:${OUTBOUND}]-()-[:${CASE_LINKS}]->(${x}:Case) | ${x}.id]
  + [(${v})<-[:HEARD_IN]-(${x}:Case) | ${x}.id]
  | CASE WHEN ${c} IN ${acc} OR ${c} = ${v}.id THEN ${acc} ELSE ${acc} + ${c} END)`);
}
