import { describe, expect, it } from 'vitest';
import { coalesced } from '../../src/ingest/cli/bulk.js';
import { formatSummary, totalsOf } from '../../src/ingest/cli/report.js';
import type { GraphNodeInfo } from '../../src/ingest/casefile/validate.js';

const info = (name: string): GraphNodeInfo => ({ kind: 'Person', name });

describe('the bulk loader\'s coalesced lookups', () => {
  it('answers the questions of one turn with one lookup of all their ids, each question its own ids', async () => {
    const asked: string[][] = [];
    const lookup = coalesced(async (ids) => {
      asked.push([...ids].sort());
      return new Map(ids.filter((id) => id !== 'absent').map((id) => [id, info(id)]));
    });
    const [a, b, c] = await Promise.all([lookup(['court', 'judge']), lookup(['court', 'absent']), lookup(['opinion-1'])]);
    expect(asked).toEqual([['absent', 'court', 'judge', 'opinion-1']]);
    expect([...a.keys()]).toEqual(['court', 'judge']);
    expect([...b.keys()]).toEqual(['court']);
    expect(c.get('opinion-1')).toEqual(info('opinion-1'));
    // A later turn asks again.
    await lookup(['judge']);
    expect(asked).toHaveLength(2);
  });

  it('gives every question of the turn the lookup\'s failure', async () => {
    const lookup = coalesced(async () => {
      throw new Error('Neo4j went away');
    });
    const results = await Promise.allSettled([lookup(['a']), lookup(['b'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('Neo4j went away');
  });
});

describe('the summary of a bulk load', () => {
  it('counts the graph elements of every row of a bulk file, written or found in', () => {
    const results = [
      { file: 'dockets.csv', status: 'loaded' as const, dryRun: false, ms: 1000, changes: { created: 300, updated: 2, unchanged: 40, removed: 0 }, written: 302 },
      { file: 'opinions.csv', status: 'unchanged' as const, dryRun: false, ms: 10, changes: { created: 0, updated: 0, unchanged: 90, removed: 0 }, written: 0 },
      { file: 'people.csv', status: 'skipped' as const, dryRun: false, ms: 1, empty: true },
    ];
    expect(totalsOf(results)).toMatchObject({ changes: { created: 300, updated: 2, unchanged: 130, removed: 0 }, written: 302 });
    expect(formatSummary(results, false, { workMs: 2000, neo4jMs: 0 })).toContain('300 created, 2 updated, 130 unchanged, 0 removed. 2.0 s, 151 graph elements/s (302 written)');
  });
});
