import type { CypherQuery, Executor } from '../../neo4j/executor.js';
import { EMPTY_LISTS_PROPERTY } from './csv-layout.js';

/** Rows per statement when setting the empty lists. */
const FIX_CHUNK = 50_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const property = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`property name "${name}" cannot be spliced into a statement`);
  return name;
};

/** Sets each listed property of `v` to [] when the element lists it in its mark (relationships). */
function setEmptyLists(v: string, names: string[]): string {
  return names.map((n) => `${v}.${property(n)} = CASE WHEN '${n}' IN ${v}.${EMPTY_LISTS_PROPERTY} THEN [] ELSE ${v}.${property(n)} END`).join(', ');
}

/** Nodes of one marking label: their empty lists set, the label removed; returns how many it fixed. */
export function fixNodeLists(label: string, names: string[]): CypherQuery {
  return {
    text: `MATCH (n:${property(label)}) WITH n LIMIT ${FIX_CHUNK}
           SET ${names.map((n) => `n.${property(n)} = []`).join(', ')}
           REMOVE n:${property(label)}
           RETURN count(n) AS fixed`,
  };
}

/** The same for relationships of one type. */
export function fixRelationshipLists(type: string, names: string[]): CypherQuery {
  return {
    text: `MATCH ()-[r:${property(type)}]->() WHERE r.${EMPTY_LISTS_PROPERTY} IS NOT NULL WITH r LIMIT ${FIX_CHUNK}
           SET ${setEmptyLists('r', names)}
           REMOVE r.${EMPTY_LISTS_PROPERTY}
           RETURN count(r) AS fixed`,
  };
}

/** Which properties hold empty lists: per marking label of nodes, and per relationship type. */
export interface EmptyLists {
  nodes: Map<string, string[]>;
  relationships: Map<string, string[]>;
}

/** Runs the fixes until no marked element is left; `fixed` gets the running count. */
export async function applyEmptyLists(executor: Executor, lists: EmptyLists, fixed: (count: number) => void): Promise<number> {
  let total = 0;
  const drain = async (query: CypherQuery) => {
    for (;;) {
      const [row] = await executor.write<{ fixed: number }>({ ...query, timeoutMs: 600_000 });
      if (!row || row.fixed === 0) return;
      total += row.fixed;
      fixed(total);
    }
  };
  for (const [label, names] of lists.nodes) await drain(fixNodeLists(label, names));
  for (const [type, names] of lists.relationships) await drain(fixRelationshipLists(type, names));
  return total;
}

/**
 * The same fixes and the schema as a cypher-shell script, for a Neo4j server that imported the
 * CSV files itself (`--csv-only`): auto-commit statements, a transaction per 10,000 rows.
 */
export function afterImportScript(lists: EmptyLists, schema: string[]): string {
  const statements: string[] = [];
  for (const [label, names] of lists.nodes) {
    statements.push(`MATCH (n:${property(label)}) CALL (n) { SET ${names.map((n) => `n.${property(n)} = []`).join(', ')} REMOVE n:${property(label)} } IN TRANSACTIONS OF 10000 ROWS;`);
  }
  for (const [type, names] of lists.relationships) {
    statements.push(`MATCH ()-[r:${property(type)}]->() WHERE r.${EMPTY_LISTS_PROPERTY} IS NOT NULL CALL (r) { SET ${setEmptyLists('r', names)} REMOVE r.${EMPTY_LISTS_PROPERTY} } IN TRANSACTIONS OF 10000 ROWS;`);
  }
  return [...statements, ...schema.map((s) => `${s.replace(/\s+/g, ' ').trim()};`)].join('\n') + '\n';
}
