import { describe, expect, it } from 'vitest';
import { inReadingOrder } from '../../src/provenance/sources.js';

describe('inReadingOrder', () => {
  it('orders passage ids by document, then start and end as numbers, once each', () => {
    const ids = ['b-doc:5-9', 'a-doc:100-120', 'a-doc:20-30', 'a-doc:20-25', 'a-doc:100-120', 'a-doc:3-4'];
    expect(inReadingOrder(ids)).toEqual(['a-doc:3-4', 'a-doc:20-25', 'a-doc:20-30', 'a-doc:100-120', 'b-doc:5-9']);
  });
});
