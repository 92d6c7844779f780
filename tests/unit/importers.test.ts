import { describe, expect, it } from 'vitest';
import type { CaseFile, Citation } from '../../src/ingest/casefile/case-file.js';
import { parseAttorneys } from '../../src/ingest/importers/cap/attorneys.js';
import { importCapCase } from '../../src/ingest/importers/cap/case.js';
import { parseAuthor, parsePanel } from '../../src/ingest/importers/cap/panel.js';
import { firmOf } from '../../src/ingest/importers/courtlistener/contact.js';
import { importDocket } from '../../src/ingest/importers/courtlistener/docket.js';
import { filedBy } from '../../src/ingest/importers/courtlistener/filed-by.js';
import { detectShape } from '../../src/ingest/importers/detect.js';
import { authorityId, judgeId, normaliseCitation, normaliseName } from '../../src/ingest/importers/identity.js';
import { slug } from '../../src/ingest/importers/record.js';
import { resolvePointer, toPointer } from '../../src/ingest/casefile/json-pointer.js';
import { capCase, docket } from '../support/records.js';

const run = (record: unknown, importer = importDocket, base: (string | number)[] = []) => {
  const text = JSON.stringify(base.length ? [record] : record);
  return { ...importer({ record, text, base }), record };
};
const imported = (record: unknown, importer = importDocket): CaseFile => {
  const result = run(record, importer);
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};
/** The text a citation stands for, read from the record as the loader would. */
const quoted = (record: unknown, citation: Citation) => {
  const value = resolvePointer(record, citation.pointer!);
  const string = typeof value === 'number' ? String(value) : (value as string);
  return citation.quote === undefined ? string : Array.from(string).slice(citation.start, citation.end).join('');
};
const spans = (line: string, found: { from: number; to: number }[]) => found.map((f) => line.slice(f.from, f.to));

describe('panel lines', () => {
  it.each([
    ['Before CAYTON, Chief Judge, and HOOD and QUINN, Associate Judges.', [['CAYTON', 'Chief Judge'], ['HOOD', 'Associate Judge'], ['QUINN', 'Associate Judge']]],
    ['Before CLAGETT, Acting Chief Judge, and ROVER and KERN, Associate Judges.', [['CLAGETT', 'Acting Chief Judge'], ['ROVER', 'Associate Judge'], ['KERN', 'Associate Judge']]],
    ['Before SMITH, C. J., and JONES and BROWN, JJ.', [['SMITH', 'C. J.'], ['JONES', 'JJ.'], ['BROWN', 'JJ.']]],
    ['Before Edgerton, Bazelon and Washington, Circuit Judges.', [['Edgerton', 'Circuit Judge'], ['Bazelon', 'Circuit Judge'], ['Washington', 'Circuit Judge']]],
    ['Present: ALPHA, BETA & GAMMA, JJ.', [['ALPHA', 'JJ.'], ['BETA', 'JJ.'], ['GAMMA', 'JJ.']]],
    ['Before HOOD, Associate Judge, and RICHARDSON, Judge, sitting by designation.', [['HOOD', 'Associate Judge'], ['RICHARDSON', 'Judge']]],
    ['Before HOOD and QUINN.', [['HOOD', undefined], ['QUINN', undefined]]],
  ])('%s', (line, expected) => {
    const judges = parsePanel(line);
    expect(judges.map((j) => [j.name, j.title])).toEqual(expected);
    for (const judge of judges) {
      expect(line.slice(judge.from, judge.to)).toBe(judge.name);
      if (judge.titleFrom !== undefined) expect(line.slice(judge.titleFrom, judge.titleTo)).toMatch(/Judge|J\.|Justice/);
    }
  });

  it('reads an opinion author, and none for per curiam', () => {
    expect(parseAuthor('HOOD, Associate Judge.')).toEqual({ name: 'HOOD', from: 0, to: 4 });
    expect(parseAuthor('Mr. Justice BLACK delivered the opinion of the Court.')?.name).toBe('BLACK delivered the opinion of the Court');
    expect(parseAuthor('PER CURIAM.')).toBeUndefined();
    expect(parseAuthor('Per Curiam')).toBeUndefined();
  });
});

describe('attorney lines', () => {
  it('finds every attorney and the side they argued for, leaving out places and titles', () => {
    const line = 'Jane Q. Roe, Asst. Corporation Counsel, Richmond, with whom John Doe, Jr., Corporation Counsel, and Mary Major were on the brief, for appellee. Rick Minor, Springfield, also entered an appearance for appellee.';
    const found = parseAttorneys(line);
    expect(found.map((a) => [a.name, a.side?.words])).toEqual([
      ['Jane Q. Roe', 'appellee'], ['John Doe, Jr.', 'appellee'], ['Mary Major', 'appellee'], ['Rick Minor', 'appellee'],
    ]);
    expect(spans(line, found)).toEqual(['Jane Q. Roe', 'John Doe, Jr.', 'Mary Major', 'Rick Minor']);
    expect(line.slice(found[0]!.side!.from, found[0]!.side!.to)).toBe('for appellee');
  });

  it('takes "Name (of Firm)" as the attorney and the firm, both for the side', () => {
    const line = 'Odile R. Fairweather-Quant (of Brisk Law Office PS), for respondent.';
    const found = parseAttorneys(line);
    expect(found.map((a) => [a.name, a.firm ?? false, a.side?.words])).toEqual([['Odile R. Fairweather-Quant', false, 'respondent'], ['Brisk Law Office PS', true, 'respondent']]);
    expect(spans(line, found)).toEqual(['Odile R. Fairweather-Quant', 'Brisk Law Office PS']);
  });

  it('takes the counsel a parenthesis or bracket adds ("with him on the brief", "of counsel")', () => {
    const line = 'Tobias R. Quell (Ansel Brook with him on the brief), for appellant. Ora P. Winn, District Attorney (Cato Fenn, of counsel), for respondent. Ivy Ross [Lem Toft and Ada Crane with her on the brief], for intervenor.';
    expect(parseAttorneys(line).map((a) => [a.name, a.side?.words])).toEqual([
      ['Tobias R. Quell', 'appellant'], ['Ansel Brook', 'appellant'], ['Ora P. Winn', 'respondent'], ['Cato Fenn', 'respondent'],
      ['Ivy Ross', 'intervenor'], ['Lem Toft', 'intervenor'], ['Ada Crane', 'intervenor'],
    ]);
  });

  it('keeps a side of several words', () => {
    expect(parseAttorneys('Ann Example, Baltimore, Md., for the United States.').map((a) => [a.name, a.side?.words])).toEqual([['Ann Example', 'the United States']]);
  });
});

describe('identity', () => {
  it('gives the same judge id to spellings of one name, in one court system only', () => {
    expect(normaliseName('Hon. Timothy M. Burgess')).toBe('timothy m burgess');
    expect(judgeId('us', 'TIMOTHY M BURGESS')).toBe(judgeId('us', 'Timothy M. Burgess'));
    expect(judgeId('us', 'José Ñúñez')).toBe('judge-us-jose-nunez');
    expect(judgeId('dc', 'CAYTON')).not.toBe(judgeId('us', 'CAYTON'));
  });

  it('gives one authority to one citation however its reporter is spaced', () => {
    expect(normaliseCitation('96 F.Supp. 449')).toBe(normaliseCitation('96 F. Supp.  449'));
    expect(authorityId('99 A.2d 754')).toBe('authority-99-a2d-754');
    expect(authorityId('28 U.S.C.A. § 451')).toBe('authority-28-usca-451');
    expect(authorityId('99 A.2d 754')).not.toBe(authorityId('99 A.2d 755'));
  });

  it('keeps ids within the format, distinct even when cut', () => {
    const long = 'x'.repeat(200);
    expect(slug(long, 'a').length).toBeLessThanOrEqual(120);
    expect(slug(long, 'a')).not.toBe(slug(long, 'b'));
    expect(slug('Ünïcode: 3:08-cv-00284')).toBe('unicode-3-08-cv-00284');
  });
});

describe('format detection', () => {
  it('tells the formats apart by shape', () => {
    expect(detectShape(docket('d'))).toEqual({ format: 'courtlistener-docket', base: [] });
    expect(detectShape([capCase(1)])).toEqual({ format: 'cap-case', base: [0] });
    expect(detectShape({ formatVersion: 1 })).toEqual({ format: 'case-file', base: [] });
    expect(detectShape([])).toEqual({ empty: true });
    expect(detectShape({})).toEqual({ empty: true });
    expect(detectShape([docket('a'), docket('b')])).toEqual({ several: 2 });
    expect(detectShape({ results: [] })).toEqual({ unknown: true });
  });
});

describe('the docket importer', () => {
  it('cites, for every source, a string of the record at its offsets', () => {
    const record = docket('cites');
    const file = imported(record);
    const citations = [
      ...file.case.sources,
      ...(file.entities ?? []).flatMap((e) => e.sources),
      ...(file.events ?? []).flatMap((e) => e.sources),
      ...(file.roles ?? []).flatMap((r) => r.sources),
      ...(file.relations ?? []).flatMap((r) => r.sources),
    ];
    expect(citations.length).toBeGreaterThan(20);
    for (const citation of citations) {
      const text = quoted(record, citation);
      expect(text, citation.pointer).toBeTruthy();
      if (citation.quote !== undefined) expect(text).toBe(citation.quote);
    }
    expect(file.documents[0]!.text).toBe(JSON.stringify(record));
  });

  it('reads a party of any type, a terminated party, an attorney with several roles and his firm', () => {
    const file = imported(docket('kinds'));
    expect(file.roles!.map((r) => [r.role, r.terminated ?? null])).toEqual(expect.arrayContaining([
      ['counter_defendant', null], ['third_party_plaintiff', '2020-05-06'], ['attorney', null], ['assigned_judge', null],
    ]));
    const represents = file.relations!.find((r) => r.type === 'REPRESENTS')!;
    expect(represents).toMatchObject({ from: 'attorney-us-grace-kinds-hopper', to: 'tkinds-1-20-cv-kinds-party-fixture-kinds-holdings-inc', description: 'LEAD ATTORNEY; PRO HAC VICE; ATTORNEY TO BE NOTICED' });
    expect(file.entities!.find((e) => e.id === 'firm-hopper-kinds')).toMatchObject({ kind: 'Organization', name: 'Hopper kinds LLP' });
    expect(file.entities!.find((e) => e.name === 'Robin Placeholder')?.kind).toBe('Person');
    expect(file.entities!.find((e) => e.name === 'Fixture kinds Holdings, Inc.')?.kind).toBe('Organization');
  });

  it('leaves out what the record leaves out: null dates, no judge, no parties, no entries', () => {
    const file = imported({ docket_number: '2:21-mc-00007', court_id: 'ohsd', case_name: null, assigned_to_str: 'Not Assigned', date_filed: null, parties: null, docket_entries: null });
    expect(file.case).toMatchObject({ id: 'ohsd-2-21-mc-00007', caption: 'Docket 2:21-mc-00007', status: 'open', caseType: 'miscellaneous' });
    expect(file.case.dateFiled).toBeUndefined();
    expect(file.roles).toEqual([]);
    expect(file.events).toEqual([]);
  });

  it('takes the CourtListener API variants: a court URL, entry_number, jurisdiction_type, the long description on the first document', () => {
    const file = imported({
      docket_number: '1:19-cv-01234', court: 'https://www.courtlistener.com/api/rest/v4/courts/dcd/', case_name: 'A v. B', jurisdiction_type: 'Federal question',
      docket_entries: [{ entry_number: 12, date_filed: '2019-05-01', description: '', recap_documents: [{ description: 'MOTION to Dismiss filed by B.' }] }],
      parties: [{ name: 'B', type: 'Defendant' }],
    });
    expect(file.case).toMatchObject({ court: 'court-dcd', jurisdiction: 'Federal question' });
    expect(file.events![0]).toMatchObject({ entryNumber: '12', participants: ['dcd-1-19-cv-01234-party-b'] });
  });

  it('names the JSON path of what is wrong, inside a one-record list too', () => {
    const result = run({ ...docket('bad'), date_terminated: '06/04/2009', parties: [{ name: 'X', date_terminated: 'soon' }] }, importDocket, [0]);
    expect(result.problems!.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['0.date_terminated', '"06/04/2009" is not a date'],
      ['0.parties.0.date_terminated', '"soon" is not a date'],
    ]);
    expect(run({ court_id: 'akd' }).problems![0]).toMatchObject({ path: ['docket_number'] });
  });
});

describe('filed by and firms', () => {
  it('finds the filer among the parties, the longest name first, whatever the capitals', () => {
    const parties = ['Acme', 'Acme Corp.', 'Beta LLC'];
    const text = 'MOTION for Summary Judgment FILED BY ACME CORP. (Attachments: # 1 Exhibit)';
    const found = filedBy(text, parties)!;
    expect(found.name).toBe('Acme Corp.');
    expect(text.slice(found.from, found.to)).toBe('FILED BY ACME CORP.');
    expect(filedBy('ORDER granting motion filed by somebody else.', parties)).toBeUndefined();
  });

  it('takes the contact block\'s first line as the firm unless it is an address, a phone or the attorney', () => {
    expect(firmOf('Lane Powell LLC\n301 W. Northern Lights Blvd.\n', 'B. Jamieson')).toEqual({ name: 'Lane Powell LLC', from: 0, to: 15 });
    expect(firmOf('1234 Main Street\nSpringfield\n', 'A. Lawyer')).toBeUndefined();
    expect(firmOf('PRO SE\n', 'A. Lawyer')).toBeUndefined();
    expect(firmOf('A. Lawyer\n1 Main St\n', 'A. Lawyer')).toBeUndefined();
  });
});

describe('the CAP importer', () => {
  it('makes the panel, the attorneys, each opinion with its author and the citation graph', () => {
    const record = capCase(7, {
      cites_to: [{ cite: '99 A.2d 754', opinion_index: 1 }, { cite: '99 A. 2d 754', opinion_index: 0 }, { cite: '5 U.S. 137' }],
      casebody: {
        judges: [],
        head_matter: 'ALPHA7 v. OMEGA.\nBefore ZETA, Chief Judge, and ETA and THETA, Associate Judges.',
        attorneys: ['Iota K. Kappa, Springfield, with whom Lambda Mu was on the brief, for appellant.'],
        opinions: [
          { type: 'majority', author: 'ETA, Associate Judge.', text: 'ETA, Associate Judge.\nAffirmed.' },
          { type: 'dissent', author: 'ZETA, Chief Judge', text: 'ZETA, Chief Judge\n(dissenting).' },
          { type: 'concurrence', author: null, text: null },
        ],
      },
    });
    const file = imported(record, importCapCase);
    expect(file.case).toMatchObject({ id: 'cap-7', caption: 'ALPHA7 v. OMEGA', aliases: ['Alpha7 v. Omega'], decisionDate: '1953-12-01', citations: ['97 A.2d 1'], jurisdiction: 'Fixtureland', status: 'decided' });
    expect(file.roles!.filter((r) => r.role === 'judge').map((r) => [r.who, r.description])).toEqual([
      ['judge-fix-zeta', 'Chief Judge'], ['judge-fix-eta', 'Associate Judge'], ['judge-fix-theta', 'Associate Judge'],
    ]);
    expect(file.roles!.filter((r) => r.role === 'attorney').map((r) => [r.who, r.description])).toEqual([
      ['attorney-fix-iota-k-kappa', 'for appellant'], ['attorney-fix-lambda-mu', 'for appellant'],
    ]);
    const opinions = file.entities!.filter((e) => e.kind === 'Opinion');
    expect(opinions.map((o) => [o.opinionType, o.author ?? null])).toEqual([['majority', 'judge-fix-eta'], ['dissent', 'judge-fix-zeta']]);
    // Two spellings of one citation: one authority, one CITES from the case, one from each opinion.
    expect(file.entities!.filter((e) => e.kind === 'Authority').map((e) => e.id)).toEqual(['authority-97-a2d-1', 'authority-99-a2d-754', 'authority-5-us-137']);
    expect(file.relations!.filter((r) => r.type === 'CITES').map((r) => `${r.from} -> ${r.to}`)).toEqual([
      'cap-7 -> authority-99-a2d-754', 'cap-7-opinion-2 -> authority-99-a2d-754', 'cap-7-opinion-1 -> authority-99-a2d-754', 'cap-7 -> authority-5-us-137',
    ]);
    for (const citation of [...file.roles!.flatMap((r) => r.sources), ...file.relations!.flatMap((r) => r.sources)]) {
      if (citation.quote !== undefined) expect(quoted(record, citation)).toBe(citation.quote);
    }
  });

  it('reads the older export with casebody.data, and a decision date of a year and month', () => {
    const record = capCase(8, { decision_date: '1953-11' });
    record.casebody = { status: 'ok', data: record.casebody };
    const file = imported(record, importCapCase);
    expect(file.case.decisionDate).toBe('1953-11');
    expect(file.roles!.find((r) => r.role === 'judge')!.sources[0]!.pointer).toBe('/casebody/data/judges/0');
  });

  it('refuses a cites_to entry without a citation and a decision date that is not one, naming their paths', () => {
    const result = run(capCase(9, { decision_date: '1953-02-30', cites_to: [{ cite: '' }, 'not an entry'] }), importCapCase);
    expect(result.problems!.map((p) => p.path.join('.'))).toEqual(['decision_date', 'cites_to.0.cite', 'cites_to.1.cite']);
  });
});

describe('JSON Pointers', () => {
  it('escape ~ and / and resolve back', () => {
    const data = { 'a/b': { 'c~d': ['x', 'y'] } };
    const pointer = toPointer(['a/b', 'c~d', 1]);
    expect(pointer).toBe('/a~1b/c~0d/1');
    expect(resolvePointer(data, pointer)).toBe('y');
    expect(resolvePointer(data, '/a~1b/missing')).toBeUndefined();
    expect(resolvePointer(data, '/a~1b/c~0d/01')).toBeUndefined();
  });
});
