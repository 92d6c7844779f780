import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addStatement, caseOf, contributionId, differingFields, mergeStatements, type Statement } from '../../src/ingest/write/merge.js';

const statement = fc.record({
  id: fc.constant('n'),
  name: fc.option(fc.constantFrom('Ann', 'ANN', 'Hon. Ann'), { nil: null }),
  age: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  aliases: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  shared: fc.boolean(),
});
const owners = fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 'c2#r1', 'c2#r2'), { minLength: 1, maxLength: 5 });

/** Adds statements one by one, as loads in this order would. */
function loadInOrder(order: [string, Statement][]) {
  let current = { props: {} as Record<string, unknown>, fieldOwners: null as Record<string, string> | null, soleOwner: null as string | null };
  for (const [owner, s] of order) {
    const merged = addStatement(current, owner, s);
    current = { props: merged.props, fieldOwners: merged.fieldOwners, soleOwner: merged.fieldOwners === null ? owner : null };
  }
  return current;
}

const clean = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));

describe('mergeStatements / addStatement', () => {
  it('take a Case node\'s fields from its own case first, in any order: another case (an appeal) fills only the gaps', () => {
    const own: Statement = { id: 'zlow-1', name: 'A v. B', caption: 'A v. B', status: 'terminated', shared: true };
    const appeal: Statement = { id: 'zlow-1', name: 'Docket 1 (zlow)', status: 'open', description: 'The lower court\'s docket.', shared: true };
    const expected = { id: 'zlow-1', name: 'A v. B', caption: 'A v. B', status: 'terminated', description: 'The lower court\'s docket.', shared: true };
    // 'aapp-9#appellate-x' sorts before 'zlow-1#docket-y': by id alone the appeal would win.
    const pairs: [string, Statement][] = [['aapp-9#appellate-x', appeal], ['zlow-1#docket-y', own]];
    expect(clean(mergeStatements(new Map(pairs)).props)).toEqual(expected);
    expect(clean(loadInOrder(pairs).props)).toEqual(expected);
    expect(clean(loadInOrder([...pairs].reverse()).props)).toEqual(expected);
  });

  it('give the same fields whatever the order the contributions come in', () => {
    fc.assert(fc.property(owners, fc.array(statement, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), (ids, statements, seed) => {
      const pairs = ids.map((id, i) => [id, statements[i]!] as [string, Statement]);
      const shuffled = [...pairs].sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? a[0].localeCompare(b[0]) : b[0].localeCompare(a[0])));
      const all = mergeStatements(new Map(pairs));
      expect(clean(loadInOrder(shuffled).props)).toEqual(clean(all.props));
      expect(clean(loadInOrder(pairs).props)).toEqual(clean(all.props));
    }));
  });

  it('take each scalar from the smallest contribution that gives one, and never blank it', () => {
    const merged = mergeStatements(new Map<string, Statement>([
      ['c2', { name: 'ANN', age: null, aliases: ['b'], shared: true }],
      ['c1', { name: null, age: 3, aliases: ['a'], shared: true }],
    ]));
    expect(merged.props).toEqual({ name: 'ANN', age: 3, aliases: ['a', 'b'], shared: true });
    expect(merged.fieldOwners).toEqual({ name: 'c2', age: 'c1' });
  });

  it('keep `shared` only while every definition says so; one statement is taken as it is', () => {
    expect(mergeStatements(new Map<string, Statement>([['a', { shared: true }], ['b', { shared: false }]])).props.shared).toBe(false);
    expect(mergeStatements(new Map<string, Statement>([['a', { name: 'x', aliases: ['z', 'y'] }]]), ['age'])).toEqual({ props: { age: null, name: 'x', aliases: ['z', 'y'] }, fieldOwners: null });
  });
});

describe('differingFields', () => {
  it('ignores position, passages and bookkeeping, and names what another definition would change', () => {
    expect(differingFields({ name: 'Alec Baldwin', age: 66, seq: 2, caseIds: ['x'] }, { name: 'Rel Alpha', age: 66, seq: 9, passageIds: ['p'] })).toEqual(['name']);
    expect(differingFields({ name: 'A', age: 1 }, { name: 'A', age: null })).toEqual(['age']);
  });
});

describe('contribution ids', () => {
  it('are the case id, or case id # key', () => {
    expect(contributionId('c')).toBe('c');
    expect(contributionId('c', 'r1')).toBe('c#r1');
    expect(caseOf('c#r1')).toBe('c');
    expect(caseOf('c')).toBe('c');
  });
});
