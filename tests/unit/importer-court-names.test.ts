import { describe, expect, it } from 'vitest';
import { importDocket } from '../../src/ingest/importers/courtlistener/docket.js';
import { CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/** Court names: from the run's court records, else the record's own words, else the id (records written here; courts tcna, tcnb). */
const court = { id: 'tcna', full_name: 'District Court for the District of Tecna', citation_string: 'D. Tecna', jurisdiction: 'FD', short_name: 'Tecna' };
const docket = { court_id: 'tcna', docket_number: '1:21-cv-00100', case_name: 'Ash v. Birch' };
const appeal = { court_id: 'tcnb', docket_number: '21-900', case_name: 'Ash v. Birch', appeal_from: 'District of Tecna', originating_court_information: { court_id: 'tcna', docket_number: '1:21-cv-00100' } };

const courts = (file: CaseFile) => Object.fromEntries(file.entities!.filter((e) => e.kind === 'Court').map((e) => [e.id, e.name]));
const ok = (result: { caseFile?: CaseFile; problems?: unknown }): CaseFile => {
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};
const load = (record: Record<string, unknown>, joins?: CourtListenerJoins) => ok(importDocket({ record, text: JSON.stringify(record), base: [], ...(joins ? { joins } : {}) }));

describe('court names', () => {
  it('come from the run\'s court records, for the docket\'s court and an appeal\'s lower court', () => {
    const joins = new CourtListenerJoins();
    joins.learn(court);
    expect(courts(load(docket, joins))).toEqual({ 'court-tcna': 'District Court for the District of Tecna' });
    expect(courts(load(appeal, joins))).toEqual({ 'court-tcnb': 'tcnb', 'court-tcna': 'District Court for the District of Tecna' });
  });

  it('else from the record\'s own words (court_citation_string, or court written as a name), cited there', () => {
    const file = load({ ...docket, court_citation_string: 'D. Tecna' });
    expect(courts(file)).toEqual({ 'court-tcna': 'D. Tecna' });
    expect(file.entities!.find((e) => e.id === 'court-tcna')!.sources.map((s) => s.pointer)).toEqual(['/court_id', '/court_citation_string']);
    expect(courts(load({ ...docket, court: 'District Court, D. Tecna' }))).toEqual({ 'court-tcna': 'District Court, D. Tecna' });
  });

  it('else stay the id: an API URL or the id itself is no name', () => {
    expect(courts(load({ ...docket, court: 'https://www.courtlistener.com/api/rest/v4/courts/tcna/' }))).toEqual({ 'court-tcna': 'tcna' });
    expect(courts(load(docket))).toEqual({ 'court-tcna': 'tcna' });
  });
});
