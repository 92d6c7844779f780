import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../config/env.js';
import { ensurePassword, passwordFile } from '../../neo4j/embedded/credentials.js';
import { toBytes } from '../../neo4j/embedded/process.js';
import type { CypherQuery } from '../../neo4j/executor.js';
import { schemaStatements } from '../../neo4j/migrations.js';
import { EMPTY_LISTS_PROPERTY } from './csv-layout.js';
import { importerOwnSeconds, runImporter } from './importer.js';
import type { OfflineProgress } from './progress.js';

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

/** A statement of the finish file: its phase, and whether it runs again until it fixes nothing. */
export interface FinishStatement {
  phase: 'emptyLists' | 'schema';
  repeat: boolean;
  text: string;
}

/** The longest the finishing JVM waits for the schema's indexes to come online, in seconds. */
export const AWAIT_INDEXES_SECONDS = 3_600;

/**
 * What finishes an imported store, in order: the empty lists (one repeated statement per
 * marking label and relationship type), then the schema: the indexes that populate in the
 * background first (the full-text index, the plain index), so that they fill while each
 * uniqueness constraint, which waits for its own index, is created; then a wait until all are
 * online. The same statements as the normal path's schema, in another order. Pure.
 */
export function finishStatements(lists: EmptyLists, schema: CypherQuery[]): FinishStatement[] {
  const emptyLists = [
    ...[...lists.nodes].map(([label, names]) => fixNodeLists(label, names)),
    ...[...lists.relationships].map(([type, names]) => fixRelationshipLists(type, names)),
  ].map((q): FinishStatement => ({ phase: 'emptyLists', repeat: true, text: q.text }));
  const background = (q: CypherQuery) => /^\s*CREATE\s+(FULLTEXT\s+)?INDEX\b/i.test(q.text);
  const ordered = [...schema.filter(background), ...schema.filter((q) => !background(q))];
  return [
    ...emptyLists,
    ...ordered.map((q): FinishStatement => ({ phase: 'schema', repeat: false, text: q.text })),
    { phase: 'schema', repeat: false, text: `CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})` },
  ];
}

/** The finish file the launcher's OfflineImport reads: `<phase> TAB <once|repeat> TAB <cypher>` per line. Pure. */
export function finishFileText(statements: FinishStatement[]): string {
  return statements.map((s) => `${s.phase}\t${s.repeat ? 'repeat' : 'once'}\t${s.text.replace(/\s+/g, ' ').trim()}\n`).join('');
}

/** Seconds of the import's steps, as the summary keeps them (`OfflineSummary['seconds']`). */
type StepSeconds = Record<'importer' | 'importerOwn' | 'start' | 'emptyLists' | 'schema' | 'finish', number>;

export interface ImportAndFinishOptions {
  homeDir: string;
  /** The importer's arguments (`importArguments`). */
  args: string[];
  /** A folder of the import's own for the finish file. */
  dir: string;
  lists: EmptyLists;
  /** Rows in the files (nodes and relationships). */
  rows: number;
  config: Config;
  progress: OfflineProgress;
  /** Filled in as the steps end. */
  seconds: StepSeconds;
  signal: AbortSignal;
}

/**
 * Neo4j's importer, then in the same JVM the new store started once (no connector): the empty
 * lists set, the schema applied and online, the store shut down. The JVM's heap is the larger of
 * OFFLINE_IMPORT_HEAP (default 1g) and the service's NEO4J_HEAP; its page cache for the finishing
 * start is NEO4J_PAGECACHE. Rejects with ImporterError (or FinishError) naming the reason.
 */
export async function importAndFinish(options: ImportAndFinishOptions): Promise<void> {
  const { seconds, progress } = options;
  const statementsFile = path.join(options.dir, 'finish.tsv');
  writeFileSync(statementsFile, finishFileText(finishStatements(options.lists, schemaStatements())));
  ensurePassword(options.homeDir);
  const heaps = [process.env.OFFLINE_IMPORT_HEAP || '1g', options.config.neo4j.heap];
  const heap = heaps.reduce((a, b) => (toBytes(b) > toBytes(a) ? b : a));
  const started = performance.now();
  progress.begin('importing', 'steps', null);
  await runImporter(
    options.homeDir,
    options.args,
    heap,
    {
      line: (text) => {
        seconds.importerOwn = importerOwnSeconds(text) ?? seconds.importerOwn;
        progress.update(0);
      },
      imported: () => {
        seconds.importer = Number(((performance.now() - started) / 1000).toFixed(2));
        progress.begin('starting Neo4j, setting empty lists, applying the schema', 'elements', null);
      },
      phase: (name, value) => {
        if (name === 'start' || name === 'emptyLists' || name === 'schema') seconds[name] = value;
      },
      fixed: (count) => progress.update(count),
    },
    { statementsFile, passwordFile: passwordFile(options.homeDir), pageCacheBytes: toBytes(options.config.neo4j.pageCache) },
    options.signal,
    options.rows,
  );
  progress.end();
  seconds.finish = Number(((performance.now() - started) / 1000 - seconds.importer).toFixed(2));
}
