import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import { rowSourceHash } from '../../src/ingest/cli/bulk.js';
import { importRow, rowContribution, type Row } from '../../src/ingest/importers/courtlistener/bulk/rows.js';
import { CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';

/** What names a bulk row's contribution (the same row of a later dump is the same contribution) and when a row counts as already in (its source hash). */
const joinsOf = (...rows: Row[]) => {
  const joins = new CourtListenerJoins();
  rows.forEach((r) => joins.learn(r));
  return joins;
};
const caseFileOf = (table: Parameters<typeof importRow>[0], row: Row, joins = joinsOf(row)): CaseFile => {
  const result = importRow(table, row, JSON.stringify(row), joins);
  if (!('caseFile' in result) || !result.caseFile) throw new Error(JSON.stringify(result));
  return result.caseFile;
};
const docket = (over: Row = {}): Row => ({ id: '990101', date_created: '2099-01-01', case_name: 'Ash v. Birch', docket_number: '1:24-cv-00011', court_id: 'tunitd', date_filed: '2024-01-02', referred_to_str: 'Nell Ardent', ...over });

describe('a bulk row as a contribution', () => {
  it('is named by its table and CourtListener id, whatever its text: a later dump\'s row is the same contribution', () => {
    expect(caseFileOf('dockets', docket()).contribution).toBe('bulk-dockets-990101');
    expect(caseFileOf('dockets', docket({ referred_to_str: '', date_terminated: '2024-09-09' })).contribution).toBe('bulk-dockets-990101');
    const joins = joinsOf(docket(), { id: '880101', docket_id: '990101', judges: '', case_name: 'Ash v. Birch' });
    expect(caseFileOf('clusters', { id: '880101', docket_id: '990101', judges: '', case_name: 'Ash v. Birch' }, joins).contribution).toBe('bulk-clusters-880101');
    expect(caseFileOf('opinions', { id: '770101', cluster_id: '880101', type: '010combined', plain_text: 'So ordered.' }, joins).contribution).toBe('bulk-opinions-770101');
  });

  it('a citation-map row by its two opinions (its id aside); a row without an id by a digest of the row', () => {
    const joins = joinsOf(docket(), { id: '880101', docket_id: '990101', judges: '', case_name: 'Ash v. Birch' }, { id: '770101', cluster_id: '880101', type: '010combined', plain_text: 'x' });
    const cites = (id: string | null, depth: string) => caseFileOf('citation-map', { id, depth, cited_opinion_id: '770999', citing_opinion_id: '770101' }, joins).contribution;
    expect(cites('5', '1')).toBe('bulk-citation-map-770101-770999');
    expect(cites(null, '3')).toBe('bulk-citation-map-770101-770999');
    expect(rowContribution('citations', { volume: '5', reporter: 'F.4th', page: '9', cluster_id: '880101' })).toBeUndefined();
    const noId = caseFileOf('citations', { volume: '5', reporter: 'F.4th', page: '9', cluster_id: '880101' }, joins).contribution;
    expect(noId).toMatch(/^bulk-citation-[0-9a-f]{12}$/);
  });

  it('counts as already in only when it would state the same again: the same row joined to a changed docket hashes otherwise', () => {
    const cluster: Row = { id: '880101', docket_id: '990101', judges: '', case_name: 'Ash v. Birch' };
    const open = caseFileOf('clusters', cluster, joinsOf(docket(), cluster));
    const terminated = caseFileOf('clusters', cluster, joinsOf(docket({ date_terminated: '2024-09-09' }), cluster));
    expect(open.case.status).toBe('open');
    expect(terminated.case.status).toBe('terminated');
    expect(rowSourceHash('clusters', open)).not.toBe(rowSourceHash('clusters', terminated));
    expect(rowSourceHash('clusters', open)).toBe(rowSourceHash('clusters', caseFileOf('clusters', cluster, joinsOf(docket(), cluster))));
    expect(rowSourceHash('clusters', open)).not.toBe(rowSourceHash('opinions', open));
  });
});
