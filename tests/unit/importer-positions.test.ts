import { describe, expect, it } from 'vitest';
import { codeWords, importPosition, reasonWords, selectionWords } from '../../src/ingest/importers/courtlistener/positions.js';
import { importDocket } from '../../src/ingest/importers/courtlistener/docket.js';
import { CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';
import { detectShape } from '../../src/ingest/importers/detect.js';
import { resolvePointer } from '../../src/ingest/casefile/json-pointer.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/** CourtListener people and positions written here in the API's and the bulk file's shapes (invented people, courts tposa/tposb). */
const API = 'https://www.courtlistener.com/api/rest/v4';
const person = { resource_uri: `${API}/people/301/`, id: 301, name_first: 'Marisol', name_middle: 'T.', name_last: 'Okonkwo-Reyes', name_suffix: '', date_dob: null, positions: [] };
const president = { id: 302, name_first: 'Garrick', name_middle: '', name_last: 'Holloway', name_suffix: '', date_dob: null };
const presidency = { id: 7002, position_type: 'pres', job_title: '', person_id: 302, court_id: null, organization_name: 'United States', date_start: '2001-01-20' };
const apiPosition = {
  resource_uri: `${API}/positions/7001/`, id: 7001, person: `${API}/people/301/`, court: `${API}/courts/tposa/`, appointer: `${API}/positions/7002/`,
  position_type: 'c-jud', job_title: '', date_nominated: '2003-02-01', date_confirmation: '2003-05-14', date_start: '2003-06-01', date_termination: '2019-12-31',
  termination_reason: 'retire_vol', how_selected: 'a_pres', school: null, sector: 2,
};
const bulkRow = { id: '7003', position_type: 'jud', job_title: '', person_id: '301', court_id: 'tposb', organization_name: null, date_start: '1998-03-02', date_termination: null, termination_reason: '', how_selected: 'e_non_part', appointer_id: null };

function joinsOf(...records: unknown[]): CourtListenerJoins {
  const joins = new CourtListenerJoins();
  records.forEach((r) => joins.learn(r));
  return joins;
}
const ok = (result: { caseFile?: CaseFile; problems?: unknown }): CaseFile => {
  if (!result.caseFile) throw new Error(JSON.stringify(result.problems));
  return result.caseFile;
};
const load = (record: Record<string, unknown>, joins: CourtListenerJoins) => importPosition({ record, text: JSON.stringify(record), base: [], joins });

describe('CourtListener positions', () => {
  it('are positions by their fields, in the API shape and as bulk rows', () => {
    expect(detectShape(apiPosition)).toEqual({ format: 'courtlistener-position', base: [] });
    expect(detectShape(bulkRow)).toEqual({ format: 'courtlistener-position', base: [] });
  });

  it('become the judge\'s role in the court, with the same judge id a docket gives that name, each word cited in the record', () => {
    const joins = joinsOf(person, president, presidency, apiPosition);
    const file = ok(load(apiPosition, joins));
    expect(file.case).toMatchObject({ id: 'courtlistener-roster-tposa', caseType: 'roster', shared: true, court: 'court-tposa' });
    expect(file.contribution).toMatch(/^position-[0-9a-f]{12}$/);
    const docket = ok(importDocket({ record: { court_id: 'tposa', docket_number: '1:20-cv-00001', case_name: 'A v. B', assigned_to_str: 'Marisol T. Okonkwo-Reyes' }, text: '{}', base: [] }));
    const docketJudge = docket.entities!.find((e) => e.kind === 'Person' && e.occupation === 'judge')!;
    const judge = file.entities!.find((e) => e.kind === 'Person')!;
    expect(judge).toMatchObject({ id: docketJudge.id, name: 'Marisol T. Okonkwo-Reyes', shared: true, occupation: 'judge' });
    expect(file.roles).toHaveLength(1);
    const role = file.roles![0]!;
    expect(role).toMatchObject({ who: judge.id, in: 'court-tposa', role: 'chief_judge', terminated: '2019-12-31' });
    expect(role.description).toBe('chief judge; nominated 2003-02-01; confirmed 2003-05-14; from 2003-06-01; until 2019-12-31; left: voluntary retirement; selected by appointment by the president; appointed by Garrick Holloway');
    const record = JSON.parse(JSON.stringify(apiPosition)) as Record<string, unknown>;
    const pointers = role.sources.map((s) => s.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/person', '/court', '/position_type', '/date_start', '/date_termination', '/termination_reason', '/how_selected', '/appointer']));
    for (const source of role.sources) expect(resolvePointer(record, source.pointer!)).toBeDefined();
  });

  it('read a bulk row (ids as strings, NULLs) the same way, and a job title before the code', () => {
    const joins = joinsOf({ ...person, id: '301' });
    const file = ok(load(bulkRow, joins));
    expect(file.case.id).toBe('courtlistener-roster-tposb');
    expect(file.roles![0]).toMatchObject({ role: 'judge', description: 'judge; from 1998-03-02; selected by election, non-partisan' });
    expect(file.roles![0]!.terminated).toBeUndefined();
    const titled = ok(load({ ...bulkRow, job_title: 'Bankruptcy Referee' }, joins));
    expect(titled.roles![0]).toMatchObject({ role: 'bankruptcy_referee' });
    const organisation = ok(load({ ...bulkRow, court_id: null, organization_name: 'Fenwick & Dunmore LLP', position_type: 'prac' }, joins));
    expect(organisation.case.id).toBe('courtlistener-roster-organization-fenwick-dunmore-llp');
    expect(organisation.roles![0]).toMatchObject({ in: 'organization-fenwick-dunmore-llp', role: 'practitioner' });
    expect(organisation.entities!.find((e) => e.kind === 'Person')!.occupation).toBeUndefined();
  });

  it('are refused, naming the column, when the run does not hold the person, the post has no place, or a date is bad', () => {
    const noPerson = load(bulkRow, new CourtListenerJoins());
    expect(noPerson.problems?.[0]).toMatchObject({ path: ['person_id'], message: expect.stringContaining('person 301 is not among this run\'s records') });
    const joins = joinsOf(person);
    expect(load({ ...bulkRow, court_id: null }, joins).problems?.[0]).toMatchObject({ path: ['court_id'], message: expect.stringContaining('no court and no organisation') });
    expect(load({ ...bulkRow, date_start: '1998-02-30' }, joins).problems?.[0]).toMatchObject({ path: ['date_start'], message: expect.stringContaining('is not a date') });
  });

  it('report the fields they do not map', () => {
    const file = load({ ...bulkRow, school_id: '12', votes_yes: '51' }, joinsOf(person));
    expect(file.notes?.filter((n) => n.kind === 'dropped').map((n) => n.path)).toEqual([['school_id'], ['votes_yes']]);
  });
});

describe('position codes in words', () => {
  it('spell each part; a code with an unknown part stays as written', () => {
    expect(codeWords('ass-c-jud')).toBe('associate chief judge');
    expect(codeWords('ret-senior-jud')).toBe('retired senior judge');
    expect(codeWords('mag-pt')).toBe('magistrate pro tem');
    expect(codeWords('zz-jud')).toBe('zz-jud');
    expect(selectionWords('a_gov')).toBe('appointment by the governor');
    expect(selectionWords('e_part')).toBe('election, partisan');
    expect(reasonWords('ded')).toBe('death');
    expect(reasonWords('moved_away')).toBe('moved_away');
  });
});
