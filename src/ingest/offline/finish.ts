import type { CypherQuery, Executor } from '../../neo4j/executor.js';
import { EMPTY_LISTS_LABEL, EMPTY_LISTS_PROPERTY } from './csv-layout.js';

/** Rows per statement when setting the empty lists. */
const FIX_CHUNK = 20_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const property = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`property name "${name}" cannot be spliced into a statement`);
  return name;
};

/** Sets each listed property of `v` to [] (the importer cannot write an empty list), a chunk at a time. */
function setEmptyLists(v: string, names: string[]): string {
  return names.map((n) => `${v}.${property(n)} = CASE WHEN '${n}' IN ${v}.${EMPTY_LISTS_PROPERTY} THEN [] ELSE ${v}.${property(n)} END`).join(', ');
}

/** Nodes the importer wrote without their empty lists: sets them, removes the marks; returns how many it fixed. */
export function fixNodeLists(names: string[]): CypherQuery {
  return {
    text: `MATCH (n:${EMPTY_LISTS_LABEL}) WITH n LIMIT ${FIX_CHUNK}
           SET ${setEmptyLists('n', names)}
           REMOVE n:${EMPTY_LISTS_LABEL}, n.${EMPTY_LISTS_PROPERTY}
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

/** Which properties hold empty lists: on nodes, and per relationship type. */
export interface EmptyLists {
  nodes: string[];
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
  if (lists.nodes.length > 0) await drain(fixNodeLists(lists.nodes));
  for (const [type, names] of lists.relationships) await drain(fixRelationshipLists(type, names));
  return total;
}

/**
 * The same fixes and the schema as a cypher-shell script, for a Neo4j server that imported the
 * CSV files itself (`--csv-only`): auto-commit statements, a transaction per 10,000 rows.
 */
export function afterImportScript(lists: EmptyLists, schema: string[]): string {
  const statements: string[] = [];
  if (lists.nodes.length > 0) {
    statements.push(`MATCH (n:${EMPTY_LISTS_LABEL}) CALL (n) { SET ${setEmptyLists('n', lists.nodes)} REMOVE n:${EMPTY_LISTS_LABEL}, n.${EMPTY_LISTS_PROPERTY} } IN TRANSACTIONS OF 10000 ROWS;`);
  }
  for (const [type, names] of lists.relationships) {
    statements.push(`MATCH ()-[r:${property(type)}]->() WHERE r.${EMPTY_LISTS_PROPERTY} IS NOT NULL CALL (r) { SET ${setEmptyLists('r', names)} REMOVE r.${EMPTY_LISTS_PROPERTY} } IN TRANSACTIONS OF 10000 ROWS;`);
  }
  return [...statements, ...schema.map((s) => `${s.replace(/\s+/g, ' ').trim()};`)].join('\n') + '\n';
}
