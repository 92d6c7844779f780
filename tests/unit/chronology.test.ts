import { describe, expect, it } from 'vitest';
import { chronology, datedBefore, type OrderItem } from '../../src/graph/chronology.js';

const item = (id: string, seq: number, key: string | null = null, links: [string, string][] = []): OrderItem => ({ id, seq, key, links: links.map(([type, other]) => ({ type, other })) });

describe('chronology: the order of events as the sources tell it', () => {
  it('puts dated events by their dates, a year before the months and days within it', () => {
    expect(chronology([item('day', 0, '2023-05-10'), item('next', 1, '2024-01-02'), item('year', 2, '2023'), item('month', 3, '2023-05')])).toEqual(['year', 'month', 'day', 'next']);
  });

  it('places an undated event by what the source says of its order, not after every dated one', () => {
    const order = chronology([
      item('shooting', 0, '2021-10-21'),
      item('death', 1, null, [['CAUSED_BY', 'shooting']]),
      item('delivery', 2, null, [['BEFORE', 'discovery']]),
      item('trial', 3),
      item('discovery', 4, null, [['PART_OF', 'trial'], ['BEFORE', 'dismissal']]),
      item('dismissal', 5, '2024', [['PART_OF', 'trial'], ['AFTER', 'death']]),
      item('embrace', 6, null, [['SAME_DAY_AS', 'dismissal']]),
      item('aftermath', 7, null, [['AFTER', 'trial']]),
    ]);
    expect(order).toEqual(['shooting', 'death', 'delivery', 'trial', 'discovery', 'dismissal', 'embrace', 'aftermath']);
  });

  it('reads AFTER as after every part of the event, and BEFORE against the order of telling', () => {
    const order = chronology([item('aftermath', 0, null, [['AFTER', 'trial']]), item('trial', 1), item('ruling', 2, null, [['PART_OF', 'trial']]), item('early', 3, null, [['BEFORE', 'aftermath']])]);
    expect(order).toEqual(['trial', 'ruling', 'early', 'aftermath']);
  });

  it('keeps the file order where nothing orders two undated events, and dated ones first', () => {
    expect(chronology([item('b', 0), item('a', 1), item('dated', 2, '2020')])).toEqual(['dated', 'b', 'a']);
  });

  it('lets a stated relation override the preference for dated events', () => {
    expect(chronology([item('dated', 0, '2020', [['AFTER', 'undated']]), item('undated', 1)])).toEqual(['undated', 'dated']);
  });

  it('breaks a contradiction at the event told first and keeps every event', () => {
    const order = chronology([item('a', 0, null, [['BEFORE', 'b']]), item('b', 1, null, [['BEFORE', 'a']]), item('c', 2)]);
    expect(order.sort()).toEqual(['a', 'b', 'c']);
    expect(chronology([item('x', 0, '2024', [['BEFORE', 'y']]), item('y', 1, '2020')])).toHaveLength(2);
  });

  it('ignores relations to events outside the list', () => {
    expect(chronology([item('a', 0, null, [['AFTER', 'elsewhere']]), item('b', 1)])).toEqual(['a', 'b']);
  });

  it('compares periods: neither holds the other', () => {
    expect(datedBefore('2021-10-21', '2024')).toBe(true);
    expect(datedBefore('2024', '2024-07-15')).toBe(false);
    expect(datedBefore('2024-07', '2024-07-15')).toBe(false);
    expect(datedBefore('2024-06-30', '2024-07')).toBe(true);
  });
});
