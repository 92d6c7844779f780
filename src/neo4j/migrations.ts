import { NODE_KINDS, SEARCHABLE_KINDS, type NodeKind } from '../model/kinds.js';
import type { CypherQuery, Executor } from './executor.js';

export const SEARCH_INDEX = 'entity_search';

/** Text properties the full-text index covers; facts keep their words in these. */
export const SEARCH_PROPERTIES = ['name', 'aliases', 'description', 'caption', 'statement', 'finding', 'words', 'offence'];

export interface SchemaStatement extends CypherQuery {
  /** Name of the constraint or index the statement creates. */
  name: string;
}

/**
 * Kinds whose nodes reads find by id under their own label (`(:Case {id})`, `(:SourceDocument
 * {id})`, also what @neo4j/graphql's `where: {id}` runs): they keep a constraint of their own.
 * They are a few nodes per case; every other kind is found as `(:Entity {id})`.
 */
export const KINDS_FOUND_BY_OWN_LABEL: readonly NodeKind[] = ['Case', 'SourceDocument'];

const kindConstraint = (kind: NodeKind) => `${kind.toLowerCase()}_id`;

/**
 * Constraints a store made before may hold and the schema no longer has: one per other kind.
 * Each duplicated `entity_id` (every node is an Entity, ids are unique across kinds) and cost a
 * second index entry per node written. `applySchema` drops them; the data stays as it is.
 */
export const RETIRED_CONSTRAINTS: readonly string[] = NODE_KINDS.filter((kind) => !KINDS_FOUND_BY_OWN_LABEL.includes(kind)).map(kindConstraint);

/**
 * The graph schema. Community edition has property uniqueness constraints and full-text
 * indexes (existence and key constraints are Enterprise-only): ids are unique across all
 * entities (`entity_id`; every node of a kind is an Entity). Every statement is safe to run twice.
 */
export function schemaStatements(): SchemaStatement[] {
  const unique = (name: string, label: string, property = 'id'): SchemaStatement => ({
    name,
    text: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
  });
  return [
    unique('entity_id', 'Entity'),
    ...KINDS_FOUND_BY_OWN_LABEL.map((kind) => unique(kindConstraint(kind), kind)),
    unique('passage_id', 'Passage'),
    unique('case_manifest_id', 'CaseManifest', 'caseId'),
    // The loader skips a file whose hash a manifest holds (src/ingest/cli/unchanged.ts).
    { name: 'case_manifest_source_hash', text: 'CREATE INDEX case_manifest_source_hash IF NOT EXISTS FOR (n:CaseManifest) ON (n.sourceHash)' },
    {
      name: SEARCH_INDEX,
      text: `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
             FOR (n:${SEARCHABLE_KINDS.join('|')})
             ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}]`,
    },
  ];
}

/**
 * Applies what is missing of the schema and drops the retired constraints a store made before
 * holds (RETIRED_CONSTRAINTS), then waits until every index is online, so the first search
 * after start-up works. On a database that has it all, this is one read: every uniqueness
 * constraint is backed by an index of the same name.
 */
export async function applySchema(executor: Executor): Promise<{ created: string[]; dropped: string[] }> {
  const existing = new Set((await executor.read<{ name: string }>({ text: 'SHOW INDEXES YIELD name' })).map((row) => row.name));
  const retired = RETIRED_CONSTRAINTS.filter((name) => existing.has(name));
  for (const name of retired) await executor.write({ text: `DROP CONSTRAINT ${name} IF EXISTS` });
  const missing = schemaStatements().filter((statement) => !existing.has(statement.name));
  for (const statement of missing) await executor.write(statement);
  // Waits up to 120 s by design, longer than requests may take (NEO4J_TX_TIMEOUT_MS).
  if (missing.length > 0) await executor.write({ text: 'CALL db.awaitIndexes(120)', timeoutMs: 130_000 });
  return { created: missing.map((s) => s.name), dropped: retired };
}
