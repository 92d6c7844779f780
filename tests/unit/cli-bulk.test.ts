import { describe, expect, it } from 'vitest';
import { coalesced } from '../../src/ingest/cli/bulk.js';
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
