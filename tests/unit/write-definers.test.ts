import { describe, expect, it } from 'vitest';
import { caseOf } from '../../src/ingest/write/merge.js';
import { definerCount, ofOtherCase, parseDefiners, storeDefiners, withDefiner, withoutDefiner, type Definers } from '../../src/ingest/write/definers.js';

/** What a node keeps of its definers, computed at once from who states what (the rule, written out). */
function reference(nodeId: string, stated: [string, string][]): string {
  const byHash = new Map<string, string[]>();
  for (const [owner, hash] of stated) byHash.set(hash, [...(byHash.get(hash) ?? []), owner]);
  const rows = [...byHash.keys()].sort().map((hash) => {
    const owners = [...byHash.get(hash)!].sort();
    const first = owners.find((o) => caseOf(o) === nodeId) ?? owners[0]!;
    const low2 = owners.find((o) => caseOf(o) !== caseOf(owners[0]!)) ?? null;
    return [hash, owners.length, first, owners[0], low2];
  });
  return JSON.stringify(rows);
}

/** A small deterministic shuffle (xorshift), so every order is tried the same way each run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const stated: [string, string][] = [
  ['case-b', 'h1'],
  ['case-a#2', 'h1'],
  ['case-a#1', 'h1'],
  ['case-c', 'h2'],
  ['judge-1', 'h2'],
  ['case-a', 'h2'],
  ['case-d#x', 'h1'],
  ['case-e', 'h3'],
];

describe('definers kept on a node', () => {
  it('are the same whatever order the contributions came in', () => {
    const expected = reference('judge-1', stated);
    for (let seed = 1; seed <= 40; seed++) {
      let d: Definers = new Map();
      for (const [owner, hash] of shuffled(stated, seed)) d = withDefiner(d, 'judge-1', owner, hash);
      expect(storeDefiners(d)).toBe(expected);
    }
  });

  it('name the node’s own case first, then the smallest id, and one of another case than the smallest', () => {
    let d: Definers = new Map();
    for (const [owner, hash] of stated) d = withDefiner(d, 'judge-1', owner, hash);
    const h2 = parseDefiners(storeDefiners(d)).get('h2')!;
    expect(h2).toEqual({ hash: 'h2', count: 3, first: 'judge-1', low: 'case-a', low2: 'case-c' });
    const h1 = d.get('h1')!;
    expect(h1.low).toBe('case-a#1');
    expect(ofOtherCase(h1, 'case-a')).toBe('case-b');
    expect(ofOtherCase(h1, 'case-b')).toBe('case-a#1');
    expect(ofOtherCase(d.get('h3')!, 'case-e')).toBeNull();
    expect(definerCount(d)).toBe(stated.length);
  });

  it('lose a definer no entry names by counting down, and ask for the STATES when one is named', () => {
    let d: Definers = new Map();
    for (const [owner, hash] of stated) d = withDefiner(d, 'judge-1', owner, hash);
    const rest = stated.filter(([o]) => o !== 'case-a#2');
    expect(storeDefiners(withoutDefiner(d, 'case-a#2', 'h1')!)).toBe(reference('judge-1', rest));
    expect(withoutDefiner(d, 'case-a#1', 'h1')).toBeNull();
    expect(withoutDefiner(d, 'case-b', 'h1')).toBeNull();
    expect(storeDefiners(withoutDefiner(d, 'case-e', 'h3')!)).toBe(reference('judge-1', stated.filter(([o]) => o !== 'case-e')));
  });
});
