import { describe, expect, it } from 'vitest';
import { schemaStatements } from '../../src/neo4j/migrations.js';
import { AWAIT_INDEXES_SECONDS, finishFileText, finishStatements } from '../../src/ingest/offline/finish.js';
import { importerJvmArgs, QUICK_JIT_ROWS } from '../../src/ingest/offline/importer.js';

const lists = {
  nodes: new Map([['OfflineEmptyLists__aliases', ['aliases']], ['OfflineEmptyLists__aliases__sourceKeys', ['aliases', 'sourceKeys']]]),
  relationships: new Map([['HAS_ROLE', ['passageIds']]]),
};

describe('finishing an imported store in the importer\'s JVM', () => {
  it('sets the empty lists first, each statement repeated until it fixes nothing', () => {
    const statements = finishStatements(lists, schemaStatements());
    const empty = statements.filter((s) => s.phase === 'emptyLists');
    expect(empty).toHaveLength(3);
    expect(statements.slice(0, 3)).toEqual(empty);
    expect(empty.every((s) => s.repeat && /RETURN count\(\w\) AS fixed/.test(s.text))).toBe(true);
    expect(empty[0]!.text).toMatch(/MATCH \(n:OfflineEmptyLists__aliases\) WITH n LIMIT \d+\s+SET n\.aliases = \[\]\s+REMOVE n:OfflineEmptyLists__aliases/);
    expect(empty[2]!.text).toMatch(/MATCH \(\)-\[r:HAS_ROLE\]->\(\) WHERE r\.offlineEmptyLists IS NOT NULL/);
  });

  it('applies every statement of the schema once, the background indexes before the constraints, then waits for all', () => {
    const schema = schemaStatements();
    const applied = finishStatements(lists, schema).filter((s) => s.phase === 'schema');
    expect(applied.every((s) => !s.repeat)).toBe(true);
    expect(applied.slice(0, -1).map((s) => s.text).sort()).toEqual(schema.map((s) => s.text).sort());
    const kinds = applied.slice(0, -1).map((s) => (/^\s*CREATE CONSTRAINT/.test(s.text) ? 'constraint' : 'index'));
    expect(kinds.indexOf('constraint')).toBe(kinds.lastIndexOf('index') + 1);
    expect(kinds.filter((k) => k === 'index')).toHaveLength(schema.filter((s) => /^\s*CREATE (FULLTEXT )?INDEX/.test(s.text)).length);
    expect(applied.at(-1)!.text).toBe(`CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`);
  });

  it('writes one line per statement: phase, once or repeat, and the statement on one line', () => {
    const text = finishFileText([
      { phase: 'emptyLists', repeat: true, text: 'MATCH (n:X)\n  WITH n LIMIT 5\n  SET n.a = []' },
      { phase: 'schema', repeat: false, text: 'CREATE INDEX i IF NOT EXISTS\n FOR (n:Y) ON (n.z)' },
    ]);
    expect(text).toBe('emptyLists\trepeat\tMATCH (n:X) WITH n LIMIT 5 SET n.a = []\nschema\tonce\tCREATE INDEX i IF NOT EXISTS FOR (n:Y) ON (n.z)\n');
  });

  it('compiles with C1 only below the row threshold, and keeps Neo4j\'s flags and the heap', () => {
    const small = importerJvmArgs('1g', QUICK_JIT_ROWS - 1);
    const large = importerJvmArgs('2g', QUICK_JIT_ROWS);
    expect(small).toContain('-XX:TieredStopAtLevel=1');
    expect(large).not.toContain('-XX:TieredStopAtLevel=1');
    expect(small).toContain('-Xmx1g');
    expect(large).toContain('-Xmx2g');
    expect(large).toContain('--add-opens=java.base/java.nio=ALL-UNNAMED');
  });
});
