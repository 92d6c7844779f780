import { describe, expect, it } from 'vitest';
import { copiedDocketNumber } from '../../bench/load/offline-dockets.js';
import { docketIdentity } from '../../src/ingest/importers/courtlistener/docket-id.js';

describe('distinct docket copies for the offline bench rows', () => {
  it('gives each copy a docket number that makes a case id of its own', () => {
    // Copy k of the samples taken in turn, as writeDistinctDockets takes them (two samples of one court among them).
    const samples = ['3:08-cv-00284', '3:08-cv-00284-TMB-2', '17-80033', 'MDL No. 2168'];
    const ids = new Set<string>();
    for (let k = 0; k < 200; k += 1) ids.add(docketIdentity('akd', copiedDocketNumber(samples[k % samples.length], 'pf', k), undefined)!.caseId);
    expect(ids.size).toBe(200);
    // A federal number keeps office, year and type: the copy stays a well-formed docket of that kind.
    expect(copiedDocketNumber('3:08-cv-00284-TMB-2', 'pf', 7)).toBe('3:08-cv-100007');
    expect(copiedDocketNumber('17-80033', 'pf', 7)).toBe('17-80033-pf-7');
    expect(copiedDocketNumber(undefined, 'pf', 7)).toBeUndefined();
  });
});
