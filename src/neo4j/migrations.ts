import { NODE_KINDS, SEARCHABLE_KINDS } from '../model/kinds.js';
import type { CypherQuery, Executor } from './executor.js';

export const SEARCH_INDEX = 'entity_search';

/** Text properties the full-text index covers; facts keep their words in these. */
export const SEARCH_PROPERTIES = ['name', 'aliases', 'description', 'caption', 'statement', 'finding', 'words', 'offence'];

export interface SchemaStatement extends CypherQuery {
  /** Name of the constraint or index the statement creates. */
  name: string;
}

/**
 * The graph schema. Community edition has property uniqueness constraints and full-text
 * indexes (existence and key constraints are Enterprise-only), so ids are unique per label
 * and across all entities. Every statement is safe to run twice.
 */
export function schemaStatements(): SchemaStatement[] {
  const unique = (name: string, label: string, property = 'id'): SchemaStatement => ({
    name,
    text: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
  });
  return [
    unique('entity_id', 'Entity'),
    ...NODE_KINDS.map((kind) => unique(`${kind.toLowerCase()}_id`, kind)),
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
 * Applies what is missing of the schema, then waits until every index is online, so the first
 * search after start-up works. On a database that has it all, this is one read: every
 * uniqueness constraint is backed by an index of the same name.
 */
export async function applySchema(executor: Executor): Promise<{ created: string[] }> {
  const existing = new Set((await executor.read<{ name: string }>({ text: 'SHOW INDEXES YIELD name' })).map((row) => row.name));
  const missing = schemaStatements().filter((statement) => !existing.has(statement.name));
  for (const statement of missing) await executor.write(statement);
  // Waits up to 120 s by design, longer than requests may take (NEO4J_TX_TIMEOUT_MS).
  if (missing.length > 0) await executor.write({ text: 'CALL db.awaitIndexes(120)', timeoutMs: 130_000 });
  return { created: missing.map((s) => s.name) };
}
