import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishFileText, finishStatements } from '../../src/ingest/offline/finish.js';
import { databaseDirs, FinishError, removeDatabase, runImporter } from '../../src/ingest/offline/importer.js';
import { ensurePassword, passwordFile } from '../../src/neo4j/embedded/credentials.js';

/**
 * The importer and the finishing start in one JVM (the launcher's OfflineImport), on a store of
 * its own: a finish that goes through reports each phase; a finishing statement that fails is
 * reported with Neo4j's reason, and the caller removes the database. The whole-graph comparison
 * with the normal path is in offline-import.test.ts.
 */
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'offline-finish-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Two people, one of them without aliases (marked to get `aliases: []`). */
function csvFiles(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const marked = `--nodes=Entity:Person:OfflineEmptyLists__aliases=${file('a.h.tsv', 'id:ID(Entity)\tname:string\n')},${file('a.tsv', '"finish-p1"\t"Ann"\n')}`;
  const plain = `--nodes=Entity:Person=${file('b.h.tsv', 'id:ID(Entity)\tname:string\taliases:string[]\n')},${file('b.tsv', '"finish-p2"\t"Bo"\t"B"\n')}`;
  return ['neo4j', marked, plain, '--delimiter=TAB', '--bad-tolerance=0', `--report-file=${path.join(dir, 'report')}`, '--max-off-heap-memory=256M'];
}

const lists = { nodes: new Map([['OfflineEmptyLists__aliases', ['aliases']]]), relationships: new Map<string, string[]>() };

async function importWith(name: string, schema: { text: string }[]) {
  const home = path.join(scratch, name, 'neo4j');
  const dir = path.join(scratch, `${name}-csv`);
  const args = csvFiles(dir);
  const statementsFile = path.join(dir, 'finish.tsv');
  writeFileSync(statementsFile, finishFileText(finishStatements(lists, schema)));
  ensurePassword(home);
  const phases: string[] = [];
  const fixed: number[] = [];
  const lines: string[] = [];
  const events = { line: (l: string) => lines.push(l), phase: (p: string) => phases.push(p), fixed: (n: number) => fixed.push(n) };
  const failure = await runImporter(home, args, '512m', events, { statementsFile, passwordFile: passwordFile(home), pageCacheBytes: 64 * 1024 ** 2 }, undefined, 2).then(
    () => null,
    (error: unknown) => error,
  );
  return { home, phases, fixed, lines, failure };
}

describe('the offline import finished in the importer\'s JVM', () => {
  it('imports, sets the empty lists and applies the schema, reporting each phase', async () => {
    const run = await importWith('good', [{ text: 'CREATE CONSTRAINT finish_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE' }]);
    expect(run.failure).toBeNull();
    expect(run.lines.some((l) => /IMPORT DONE/.test(l))).toBe(true);
    expect(run.phases).toEqual(['start', 'emptyLists', 'schema']);
    expect(run.fixed).toEqual([1]);
  });

  it('reports a finishing statement that fails with Neo4j\'s reason, and the database can be removed', async () => {
    const run = await importWith('bad', [{ text: 'CREATE CONSTRAINT finish_bad FOR (n:Entity) REQUIRE n.nope IS UNIQUE AND NONSENSE' }]);
    expect(run.failure).toBeInstanceOf(FinishError);
    expect((run.failure as Error).message).toMatch(/Finishing the imported store .* failed: .*(Invalid input|NONSENSE)/s);
    expect(run.phases).toEqual(['start', 'emptyLists']);
    await removeDatabase(run.home);
    for (const dir of databaseDirs(run.home)) expect(existsSync(dir)).toBe(false);
  });
});
