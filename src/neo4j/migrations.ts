import { NODE_KINDS, SEARCHABLE_KINDS } from '../model/kinds.js';
import type { CypherQuery, Executor } from './executor.js';

export const SEARCH_INDEX = 'entity_search';

/** Text properties the full-text index covers; facts keep their words in these. */
export const SEARCH_PROPERTIES = ['name', 'aliases', 'description', 'caption', 'statement', 'finding', 'words', 'offence'];

/**
 * The graph schema, as statements that are safe to run on every start. Community edition has
 * property uniqueness constraints and full-text indexes (existence and key constraints are
 * Enterprise-only), so ids are unique per label and across all entities.
 */
export function schemaStatements(): CypherQuery[] {
  const unique = (name: string, label: string): CypherQuery => ({
    text: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  });
  return [
    unique('entity_id', 'Entity'),
    ...NODE_KINDS.map((kind) => unique(`${kind.toLowerCase()}_id`, kind)),
    unique('passage_id', 'Passage'),
    { text: 'CREATE CONSTRAINT case_manifest_id IF NOT EXISTS FOR (m:CaseManifest) REQUIRE m.caseId IS UNIQUE' },
    {
      text: `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
             FOR (n:${SEARCHABLE_KINDS.join('|')})
             ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}]`,
    },
  ];
}

/** Applies the schema and waits until every index is online, so the first search works. */
export async function applySchema(executor: Executor): Promise<void> {
  for (const statement of schemaStatements()) await executor.write(statement);
  await executor.write({ text: 'CALL db.awaitIndexes(120)' });
}
