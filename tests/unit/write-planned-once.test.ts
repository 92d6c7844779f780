import { describe, expect, it } from 'vitest';
import { plannedOnce } from '../../src/ingest/write/planned-once.js';

describe('plannedOnce', () => {
  it('keeps the plan and sends the parameters as one map, whatever the lists hold', () => {
    const small = plannedOnce('UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += $props[row.c]', { rows: [{ id: 'a', c: 0 }], props: [{}] });
    const large = plannedOnce('UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += $props[row.c]', { rows: Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, c: 0 })), props: [{}] });
    expect(small.text).toBe('CYPHER replan=skip\nUNWIND $batch.rows AS row MATCH (n:Entity {id: row.id}) SET n += $batch.props[row.c]');
    // The same text and one map parameter: one entry in Neo4j's plan cache for both.
    expect(large.text).toBe(small.text);
    expect(Object.keys(small.params!)).toEqual(['batch']);
    expect(small.params!.batch).toEqual({ rows: [{ id: 'a', c: 0 }], props: [{}] });
  });

  it('leaves what is not one of its parameters alone (dynamic labels, other names)', () => {
    expect(plannedOnce('UNWIND $rows AS row CREATE (n:$(row.kind)) SET n.x = $rowsCount', { rows: [] }).text)
      .toBe('CYPHER replan=skip\nUNWIND $batch.rows AS row CREATE (n:$(row.kind)) SET n.x = $rowsCount');
  });
});
