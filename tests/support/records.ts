/**
 * Hand-written CourtListener dockets and CAP cases for tests: fictional, under ids of the test's
 * own (`tag`), so each test owns its data. They differ from the real samples on purpose.
 */
export function docket(tag: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    case_name: `Fixture ${tag} Holdings, Inc. v. Placeholder`,
    docket_number: `1:20-cv-${tag}`,
    court_id: `t${tag.replace(/[^a-z0-9]/g, '')}`,
    assigned_to_str: `Ada ${tag} Lovelace`,
    referred_to_str: null,
    cause: '28:1332 Diversity-Breach of Contract',
    nature_of_suit: '190 Contract: Other',
    jurisdiction: 'Diversity',
    jury_demand: 'Both',
    date_filed: '2020-02-03',
    date_terminated: null,
    parties: [
      {
        name: `Fixture ${tag} Holdings, Inc.`,
        type: 'Counter Defendant',
        extra_info: '',
        date_terminated: null,
        attorneys: [
          { name: `Grace ${tag} Hopper`, contact: `Hopper ${tag} LLP\n1 Example Way\nSpringfield, ST 00000\nEmail: ghopper@example.test\n`, roles: ['LEAD ATTORNEY', 'PRO HAC VICE', 'ATTORNEY TO BE NOTICED'] },
        ],
      },
      { name: 'Robin Placeholder', type: 'Third Party Plaintiff', extra_info: 'TERMINATED: 05/06/2020', date_terminated: null, attorneys: [] },
    ],
    docket_entries: [
      { date_filed: '2020-02-03', date_entered: '2020-02-04', document_number: 1, description: `COMPLAINT filed by Fixture ${tag} Holdings, Inc.. (Hopper, Grace)` },
      { date_filed: null, date_entered: null, document_number: null, description: 'Minute entry: status conference held.' },
    ],
    ...overrides,
  };
}

export function capCase(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `ALPHA${id} v. OMEGA`,
    name_abbreviation: `Alpha${id} v. Omega`,
    decision_date: '1953-12-01',
    docket_number: `No. ${id}`,
    citations: [{ type: 'official', cite: `9${id % 100} A.2d 1` }],
    court: { name_abbreviation: 'Fix.', id: 990000 + (id % 7), name: 'Fixture Court of Appeals' },
    jurisdiction: { id: 990, name_long: 'Fixtureland', name: 'Fix.' },
    cites_to: [],
    casebody: {
      judges: ['Before ZETA, C. J., and ETA and THETA, JJ.'],
      parties: [`ALPHA${id} v. OMEGA.`],
      attorneys: ['Iota K. Kappa, Springfield, for appellant.'],
      head_matter: `ALPHA${id} v. OMEGA.\nNo. ${id}.\nBefore ZETA, C. J., and ETA and THETA, JJ.`,
      opinions: [{ type: 'majority', author: 'ETA, J.', text: `ETA, J.\nThe judgment in case ${id} is affirmed.` }],
    },
    ...overrides,
  };
}
