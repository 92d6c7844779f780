/**
 * A small seeded pseudo-random generator for the corpus generator. Math.random cannot be
 * seeded, and the corpus must come out byte for byte the same from the same seed, on any
 * machine and Node version: the state is one 32-bit integer and every step is integer
 * arithmetic (Math.imul), so nothing depends on the platform.
 *
 * The step is mulberry32 (a Weyl sequence passed through an xorshift-multiply mixer): 2^32
 * period, good enough statistics for picking names and sizes, and a few lines to audit. It is
 * not meant for anything where unpredictability matters.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries.at(-1)![0];
  }
}

/** The murmur3 finalizer: every input bit flips about half the output bits. */
function avalanche(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * An independent seed for one part of the corpus (the pool, case n), so that case n is the same
 * whether 10 or 10,000 cases are generated. Each part is folded in through a full avalanche, so
 * nearby seeds and parts give unrelated streams, and (1, 6) is not (2, 5).
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = avalanche((seed >>> 0) ^ 0x5bd1e995);
  for (const part of parts) h = avalanche((Math.imul(h, 31) ^ avalanche((part >>> 0) ^ 0x9e3779b9)) >>> 0);
  return h;
}
