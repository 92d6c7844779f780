import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import { importDocket } from '../../src/ingest/importers/courtlistener/docket.js';

/**
 * Several reports of one docket, written for this test in the shapes juriscraper gives them: a
 * docket report of defendant 2, the docket's history report, an RSS item, a later sparser
 * download and an appeal naming it as its lower court. Each names the same case, its entries the
 * same events, and each report is a document of its own.
 */
const COURT = 'zzd';
const docketReport = {
  court_id: COURT, docket_number: '2:19-cr-00042-ABC-2', case_name: 'United States v. Roe', federal_defendant_number: '2', assigned_to_str: 'Perpetua L. Vance',
  parties: [{ name: 'Quill Roe', type: 'Defendant', attorneys: [{ name: 'Ames Ray', contact: 'Ray & Lark LLP\n1 Way', roles: ['LEAD ATTORNEY'] }] }],
  docket_entries: [
    { document_number: '1', date_filed: '2019-03-01', description: 'INDICTMENT as to Quill Roe (1) count(s) 1.' },
    { document_number: '7', date_filed: '2019-04-02', description: 'MOTION to Continue by Quill Roe.' },
    { document_number: null, date_filed: '2019-04-03', description: 'Minute Entry for proceedings held before Judge Vance.' },
  ],
};
const historyReport = {
  court_id: COURT, docket_number: '2:19-cr-00042', case_name: 'USA v. Roe', date_last_filing: '2019-05-01', assigned_to_str: '',
  docket_entries: [
    { document_number: '1', date_filed: '2019-03-01', description: '', short_description: 'Indictment' },
    { document_number: '9', date_filed: '2019-05-01', description: '', short_description: 'Order on Motion to Continue' },
  ],
};
const rssItem = [{ court_id: COURT, docket_number: '2:19-cr-00042', case_name: 'USA v. Roe', parties: null, docket_entries: [{ document_number: '9', pacer_doc_id: '0999', date_filed: '2019-05-01T10:00:00-07:00', description: '', short_description: 'Order' }] }];
const appeal = { court_id: 'ca99', docket_number: '20-1234', case_name: 'United States v. Roe', appeal_from: 'District of Nowhere', originating_court_information: { court_id: COURT, docket_number: '2:19-cr-00042', assigned_to: 'Perpetua L. Vance' } };

const imported = (record: unknown, base: (string | number)[] = []): CaseFile => {
  const text = JSON.stringify(record);
  const result = importDocket({ record: base.length ? (record as unknown[])[base[0] as number] : record, text, base });
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};

describe('reports of one docket', () => {
  const docket = imported(docketReport);
  const history = imported(historyReport);
  const rss = imported(rssItem, [0]);

  it('name one case: a per-defendant docket report, the history report, an RSS item and the appeal\'s lower court', () => {
    expect(docket.case.id).toBe('zzd-2-19-cr-00042');
    expect(history.case.id).toBe(docket.case.id);
    expect(rss.case.id).toBe(docket.case.id);
    expect(imported(appeal).entities!.find((e) => e.kind === 'Case')!.id).toBe(docket.case.id);
    // the defendant's number stays with the defendant
    expect(docket.roles!.find((r) => r.role === 'defendant')!.description).toContain('defendant 2');
  });

  it('give the same entry the same event, each report citing its own words at its own pointer', () => {
    const entry = (file: CaseFile, n: string) => file.events!.find((e) => e.entryNumber === n)!;
    expect(entry(history, '1').id).toBe(entry(docket, '1').id);
    expect(entry(docket, '1').sources.map((s) => s.pointer)).toContain('/docket_entries/0/description');
    expect(entry(history, '1').sources.map((s) => s.pointer)).toContain('/docket_entries/0/short_description');
    expect(entry(history, '1').description).toBe('Indictment');
    expect(entry(rss, '9').id).toBe(entry(history, '9').id);
    expect(entry(rss, '9').sources.map((s) => s.pointer)).toContain('/0/docket_entries/0/short_description');
    // an unnumbered minute entry has an id of its date and words, the same from any report that gives them
    const minute = docket.events!.find((e) => !e.entryNumber)!;
    expect(minute.id).toBe(imported({ ...docketReport, docket_entries: [docketReport.docket_entries[2]] }).events![0]!.id);
  });

  it('are documents of their own, and what a later sparser report lacks it does not state', () => {
    const ids = [docket, history, rss].map((f) => f.documents[0]!.id);
    expect(new Set(ids).size).toBe(3);
    const sparser = imported({ ...docketReport, parties: [], docket_entries: docketReport.docket_entries.slice(0, 1) });
    expect(sparser.case.id).toBe(docket.case.id);
    expect(sparser.events!.map((e) => e.id)).toEqual([docket.events![0]!.id]);
    expect(sparser.documents[0]!.id).not.toBe(docket.documents[0]!.id);
    // the history report's empty judge field says nothing, rather than that there is no judge
    expect(history.roles!.filter((r) => r.role === 'assigned_judge')).toEqual([]);
  });
});
