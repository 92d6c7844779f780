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
    // A case's STATES are found from its manifests (entitiesMentioned, Entity.mentionedIn).
    { name: 'case_manifest_case', text: 'CREATE INDEX case_manifest_case IF NOT EXISTS FOR (n:CaseManifest) ON (n.case)' },
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
export async function applySchema(executor: Executor, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<{ created: string[]; dropped: string[] }> {
  const existing = new Set((await executor.read<{ name: string }>({ text: 'SHOW INDEXES YIELD name' })).map((row) => row.name));
  const retired = RETIRED_CONSTRAINTS.filter((name) => existing.has(name));
  for (const name of retired) await executor.write({ text: `DROP CONSTRAINT ${name} IF EXISTS` });
  const missing = schemaStatements().filter((statement) => !existing.has(statement.name));
  for (const statement of missing) await executor.write(statement);
  // Waits up to 120 s by design, longer than requests may take (NEO4J_TX_TIMEOUT_MS).
  if (missing.length > 0) await executor.write({ text: 'CALL db.awaitIndexes(120)', timeoutMs: 130_000 });
  await migrateOwnership(executor, log);
  return { created: missing.map((s) => s.name), dropped: retired };
}

/** The lists a node kept of who states it before that was kept as STATES relationships. */
const OWNERSHIP_LISTS = ['owners', 'caseIds', 'definers', 'sourceKeys', 'passageIds', 'fieldsFrom'];
const HOLDS_LISTS = (n: string) => OWNERSHIP_LISTS.map((p) => `${n}.${p} IS NOT NULL`).join(' OR ');

/** Nodes migrated per transaction. */
export const MIGRATION_BATCH = 2000;

/**
 * One transaction of the ownership migration: the next `$limit` entities after `$after` in id
 * order (a seek on the `entity_id` index), of Case nodes or of the others (`$cases`). Each
 * contribution in a node's lists gets a STATES from its manifest: `defines` when it was among
 * `definers` (or was its `fieldsFrom`), `passageIds` its entries of `sourceKeys`; the lists are
 * then removed. MERGE makes a second run change nothing. A contribution without a manifest (a
 * store older than manifests) gets one, unsaved, so its facts keep an owner. Passages keep
 * their lists (see write-queries.ts).
 */
export function migrateOwnershipBatch(after: string, cases: boolean, limit = MIGRATION_BATCH): CypherQuery {
  return {
    text: `MATCH (n:Entity) WHERE n.id > $after AND ${cases ? 'n:Case' : 'NOT n:Case'}
           WITH n ORDER BY n.id LIMIT $limit
           WITH collect(n) AS batch
           CALL (batch) {
             UNWIND batch AS n
             WITH n WHERE ${HOLDS_LISTS('n')}
             WITH n, coalesce(n.owners, n.caseIds, []) AS owners,
                  coalesce(n.definers, CASE WHEN n.fieldsFrom IS NULL THEN [] ELSE [n.fieldsFrom] END) AS definers,
                  coalesce(n.sourceKeys, []) AS keys
             CALL (n, owners, definers, keys) {
               UNWIND owners AS owner
               MERGE (m:CaseManifest {caseId: owner})
               ON CREATE SET m.case = split(owner, '#')[0]
               MERGE (m)-[s:STATES]->(n)
               SET s.defines = owner IN definers,
                   s.passageIds = [k IN keys WHERE k STARTS WITH owner + '|' | substring(k, size(owner) + 1)]
               RETURN count(s) AS states
             }
             REMOVE ${OWNERSHIP_LISTS.map((p) => `n.${p}`).join(', ')}
             RETURN count(n) AS migrated, sum(states) AS states
           }
           RETURN size(batch) AS seen, batch[-1].id AS last, migrated, states`,
    params: { after, limit },
  };
}

/**
 * Moves a store written when nodes kept lists of who states them (owners, caseIds, definers,
 * sourceKeys, passageIds) to STATES relationships, so the code reads one shape: in
 * transactions of MIGRATION_BATCH nodes, with progress logged; other entities first and Case
 * nodes last, so a Case still holding lists means the migration has not finished (what the
 * check at each start looks for: a few nodes per case). Safe to stop and run again.
 */
export async function migrateOwnership(executor: Executor, log: (line: string) => void): Promise<{ migrated: number; states: number }> {
  const [pending] = await executor.read<{ pending: boolean }>({ text: `RETURN EXISTS { MATCH (n:Case) WHERE ${HOLDS_LISTS('n')} } AS pending` });
  if (!pending?.pending) return { migrated: 0, states: 0 };
  const [{ total } = { total: 0 }] = await executor.read<{ total: number }>({ text: 'MATCH (n:Entity) RETURN count(n) AS total' });
  log(`Moving who states each node to STATES relationships (a store written before them): ${total} nodes to look at`);
  const done = { seen: 0, migrated: 0, states: 0 };
  const started = Date.now();
  for (const cases of [false, true]) {
    let after = '';
    for (;;) {
      const [row] = await executor.write<{ seen: number; last: string | null; migrated: number; states: number }>({ ...migrateOwnershipBatch(after, cases), timeoutMs: 600_000 });
      if (!row || row.seen === 0 || row.last === null) break;
      after = row.last;
      done.seen += row.seen;
      done.migrated += row.migrated;
      done.states += row.states;
      const rate = done.seen / Math.max(0.001, (Date.now() - started) / 1000);
      log(`  ${done.seen}/${total} nodes looked at, ${done.migrated} migrated, ${done.states} STATES made; ${Math.round(rate)} nodes/s, about ${Math.ceil(Math.max(0, total - done.seen) / rate)} s left`);
    }
  }
  log(`Moved: ${done.migrated} nodes, ${done.states} STATES relationships`);
  return { migrated: done.migrated, states: done.states };
}
