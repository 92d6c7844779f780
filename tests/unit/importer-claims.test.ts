import { describe, expect, it } from 'vitest';
import { claimNumber, creditorName } from '../../src/ingest/importers/courtlistener/claims.js';
import { importDocket } from '../../src/ingest/importers/courtlistener/docket.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/** Bankruptcy claims registers and claims activity items, written here in juriscraper's shapes (invented court tclb). */
const head = { court_id: 'tclb', docket_number: '21-40007', case_name: 'Quarrystone Mills, Inc.', chapter: '11', assigned_to_str: 'Hestia R. Marlowe', trustee_str: '', date_filed: '2021-01-11' };
const register = {
  ...head, date_last_to_file_claims: '2021-05-01', total_number_of_claims: '2',
  claims: [
    { claim_number: 1, creditor_details: 'Fenmoor Supply Co.\nAttn: Ledger Dept.\n40 Kiln Road\nAshby, ST 01230', amount_claimed: '$1200.00', description: '(1-1) Goods Sold', remarks: '', status: '', date_original_filed: '2021-02-02', filed_by: 'CR', entered_by: 'EPOC Filer', history: [{ document_number: 1, description: 'Claim #1 filed by Fenmoor Supply Co.' }] },
    { claim_number: 2, creditor_details: 'Orrin Vale\n9 Birch Way\nAshby, ST 01230', amount_claimed: '$50.00', description: '(2-1) Wages', remarks: '', status: 'Disallowed', date_original_filed: '2021-03-03', filed_by: 'CR', entered_by: 'OV' },
  ],
};
const activity = { ...head, last_date_to_file_claims: '2021-05-01', claim: { claim_number: '1-1', creditor_name_address: 'Fenmoor Supply Co., 40 Kiln Road, Ashby, ST 01230', amount_claimed: '$1200.00', secured_claimed: '$200.00', amount_allowed: '', description: 'Goods Sold', date_filed: '2021-02-02', status: '', attachments: [] } };

const ok = (record: Record<string, unknown>): CaseFile => {
  const result = importDocket({ record, text: JSON.stringify(record), base: [] });
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};

describe('claims registers and claims activity', () => {
  it('make each proof of claim a Claim of its creditor, a party with the role creditor, every word cited', () => {
    const file = ok(register);
    expect(file.contribution).toMatch(/^claims-register-/);
    expect(file.claims).toHaveLength(2);
    expect(file.claims![0]).toMatchObject({ id: 'tclb-21-40007-claim-1-1', claimant: 'tclb-21-40007-party-fenmoor-supply-co', statement: 'Fenmoor Supply Co. claims $1200.00 (claim 1-1): Goods Sold', stance: 'asserts', status: 'alleged', time: { date: '2021-02-02' } });
    expect(file.claims![1]).toMatchObject({ claimant: 'tclb-21-40007-party-orrin-vale', status: 'adjudicated' });
    expect(file.entities!.find((e) => e.id === 'tclb-21-40007-party-orrin-vale')!.kind).toBe('Person');
    expect(file.roles!.filter((r) => r.role === 'creditor').map((r) => r.who).sort()).toEqual(['tclb-21-40007-party-fenmoor-supply-co', 'tclb-21-40007-party-orrin-vale']);
    const record = JSON.parse(JSON.stringify(register));
    for (const source of file.claims!.flatMap((c) => c.sources)) {
      const value = String(resolvePointer(record, source.pointer!));
      if (source.quote !== undefined) expect(value).toContain(source.quote);
    }
    expect(file.events!.map((e) => e.id)).toContain('tclb-21-40007-last-to-file-claims');
  });

  it('read an activity item\'s one-line creditor and amounts; the same claim and deadline as the register\'s', () => {
    const file = ok(activity);
    expect(file.contribution).toMatch(/^claims-activity-/);
    expect(file.claims).toEqual([expect.objectContaining({ id: 'tclb-21-40007-claim-1-1', claimant: 'tclb-21-40007-party-fenmoor-supply-co', statement: 'Fenmoor Supply Co. claims $1200.00 (claim 1-1) (secured $200.00): Goods Sold' })]);
    expect(file.events!.map((e) => e.id)).toContain('tclb-21-40007-last-to-file-claims');
  });

  it('report what they do not load: a claim\'s history, a claim with no creditor', () => {
    const notes = importDocket({ record: register, text: '{}', base: [] }).notes!;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'dropped', path: ['claims', 0, 'history'] }));
    const empty = importDocket({ record: { ...head, claims: [{ claim_number: 3, creditor_details: '  ', amount_claimed: '$1' }] }, text: '{}', base: [] });
    expect(empty.caseFile!.claims).toBeUndefined();
    expect(empty.notes).toContainEqual(expect.objectContaining({ kind: 'dropped', path: ['claims', 0], message: expect.stringContaining('names no creditor') }));
  });
});

describe('creditorName and claimNumber', () => {
  it('take the name before the address in a one-line form, the first line otherwise', () => {
    expect(creditorName('Lark, Penn & Oyelaran, 265 West Main Street, Dothan, ST 36301')?.text).toBe('Lark, Penn & Oyelaran');
    expect(creditorName('Tessaly Bank, P.O. Box 90, Ruston, ST 71270')?.text).toBe('Tessaly Bank');
    expect(creditorName('Imre Castellan, Ruston, ST 71270')?.text).toBe('Imre Castellan');
    expect(creditorName('Coldwater Credit, c/o Bram & Sons')?.text).toBe('Coldwater Credit');
    expect(creditorName('\nWynne Finance LLC\nSuite 4\n')).toEqual({ text: 'Wynne Finance LLC', start: 1 });
    expect(claimNumber({ claim_number: 7, description: '(7-2) Taxes' })).toBe('7-2');
    expect(claimNumber({ claim_number: '12-1' })).toBe('12-1');
    expect(claimNumber({ claim_number: 3, description: 'Taxes' })).toBe('3');
  });
});

describe('case queries', () => {
  it('are a sparse report of their docket, of their own kind', () => {
    const query = { court_id: 'tclb', docket_number: '21-40007', case_name: 'Quarrystone Mills, Inc.', case_name_raw: 'Quarrystone Mills, Inc', date_filed: '2021-01-11', date_last_filing: '2021-06-01', federal_dn_case_type: 'bk' };
    const file = ok(query);
    expect(file.contribution).toMatch(/^case-query-/);
    expect(file.case.id).toBe(ok(register).case.id);
    expect(file.documents[0]!.kind).toMatch(/^case query/);
  });
});
