import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toDriverParams, toNative } from '../../src/neo4j/convert.js';

describe('toNative', () => {
  it('turns driver integers into numbers, and unsafe ones into exact strings', () => {
    expect(toNative(neo4j.int(42))).toBe(42);
    expect(toNative(neo4j.int(-7))).toBe(-7);
    expect(toNative(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toNative(neo4j.int('-9223372036854775808'))).toBe('-9223372036854775808');
  });

  it('converts nested lists and maps, and makes undefined null', () => {
    const record = { id: 'a', n: neo4j.int(3), score: 0.5, ok: true, none: null, gone: undefined, rows: [neo4j.int(1), { seq: neo4j.int(2), tags: ['x'] }] };
    expect(toNative(record)).toEqual({ id: 'a', n: 3, score: 0.5, ok: true, none: null, gone: null, rows: [1, { seq: 2, tags: ['x'] }] });
    expect(toNative(undefined)).toBeNull();
  });
});

describe('toDriverParams', () => {
  it('sends whole numbers as integers and keeps floats as numbers, at any depth', () => {
    const params = toDriverParams({ limit: 21, ratio: 0.25, big: 2 ** 60, name: 'x', rows: [{ seq: 0, at: [1, 2.5] }] }) as Record<string, any>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.limit.toNumber()).toBe(21);
    expect(params.ratio).toBe(0.25);
    expect(params.big).toBe(2 ** 60); // not a safe integer: left as it is
    expect(params.name).toBe('x');
    expect(neo4j.isInt(params.rows[0].seq)).toBe(true);
    expect(params.rows[0].seq.toNumber()).toBe(0);
    expect(neo4j.isInt(params.rows[0].at[0])).toBe(true);
    expect(params.rows[0].at[1]).toBe(2.5);
  });

  it('copies only what holds a whole number, and never changes its input', () => {
    const strings = { id: 'a', names: ['x', 'y'] };
    const input = { rows: [strings, { id: 'b', seq: 3 }], flag: true };
    const sent = toDriverParams(input) as { rows: [unknown, { seq: unknown }] };
    expect(sent.rows[0]).toBe(strings);
    expect(neo4j.isInt(sent.rows[1].seq)).toBe(true);
    expect(input).toEqual({ rows: [{ id: 'a', names: ['x', 'y'] }, { id: 'b', seq: 3 }], flag: true });
    const plain = { rows: [{ id: 'c', ratio: 0.5 }] };
    expect(toDriverParams(plain)).toBe(plain);
  });

  it('leaves driver values and other objects untouched', () => {
    const int = neo4j.int(5);
    const date = new Date(0);
    expect(toDriverParams(int)).toBe(int);
    expect(toDriverParams(date)).toBe(date);
    expect(toDriverParams(null)).toBeNull();
    expect(toDriverParams([true, 'a'])).toEqual([true, 'a']);
  });
});
