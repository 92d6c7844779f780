import { describe, expect, it } from 'vitest';
import { figures } from '../../bench/reads/cannon.js';
import { topSelfTime } from '../../bench/reads/cpu-profile.js';

describe('figures', () => {
  it('takes percentiles by nearest rank over every run and requests/s over their total time', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    const result = figures([
      { seconds: 2, latencies: latencies.slice(0, 50), failures: 0 },
      { seconds: 3, latencies: latencies.slice(50), failures: 2 },
    ]);
    expect(result).toEqual({ requests: 100, rps: 20, p50: 50, p99: 99, failures: 2 });
  });

  it('does not depend on the order responses came in', () => {
    const a = figures([{ seconds: 1, latencies: [5, 1, 9, 3, 7], failures: 0 }]);
    expect(a.p50).toBe(5);
    expect(a.p99).toBe(9);
  });

  it('gives no percentile rather than a made-up one when nothing answered', () => {
    const result = figures([{ seconds: 1, latencies: [], failures: 4 }]);
    expect(result.requests).toBe(0);
    expect(Number.isNaN(result.p50)).toBe(true);
  });
});

describe('topSelfTime', () => {
  const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber });
  const profile = {
    nodes: [
      { id: 1, hitCount: 0, callFrame: frame('(root)', '', -1) },
      { id: 2, hitCount: 60, callFrame: frame('(idle)', '', -1) },
      { id: 3, hitCount: 25, callFrame: frame('parse', `file://${process.cwd()}/node_modules/graphql/language/parser.js`, 9) },
      { id: 4, hitCount: 10, callFrame: frame('parse', `file://${process.cwd()}/node_modules/graphql/language/parser.js`, 9) },
      { id: 5, hitCount: 5, callFrame: frame('', `file://${process.cwd()}/src/graphql/server.ts`, 0) },
    ],
  };

  it('merges the same function seen in several stacks and ranks by share of all samples', () => {
    expect(topSelfTime(profile)).toEqual([
      { function: '(idle)', location: '', selfPercent: 60 },
      { function: 'parse', location: 'graphql/language/parser.js:10', selfPercent: 35 },
      { function: '(anonymous)', location: 'src/graphql/server.ts:1', selfPercent: 5 },
    ]);
  });

  it('keeps only the top entries', () => {
    expect(topSelfTime(profile, 1)).toHaveLength(1);
  });
});
