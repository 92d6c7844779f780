import { importCapCase } from './cap/case.js';
import { importApiAttorney, importApiParty } from './courtlistener/api-parties.js';
import { importApiCluster, importApiOpinion } from './courtlistener/api-opinions.js';
import { importDocket } from './courtlistener/docket.js';
import { apiKind } from './courtlistener/joins.js';
import { importPosition } from './courtlistener/positions.js';
import { isObject, type ImportResult, type RecordInput } from './record.js';

/** The formats the loader reads besides case files. */
export const RECORD_FORMATS = ['courtlistener-docket', 'cap-case', 'courtlistener-party', 'courtlistener-attorney', 'courtlistener-cluster', 'courtlistener-opinion', 'courtlistener-position'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export type InputFormat = 'case-file' | RecordFormat;
export const INPUT_FORMATS: readonly InputFormat[] = ['case-file', ...RECORD_FORMATS];

export const IMPORTERS: Record<RecordFormat, (input: RecordInput) => ImportResult> = {
  'courtlistener-docket': importDocket,
  'cap-case': importCapCase,
  'courtlistener-party': importApiParty,
  'courtlistener-attorney': importApiAttorney,
  'courtlistener-cluster': importApiCluster,
  'courtlistener-opinion': importApiOpinion,
  'courtlistener-position': importPosition,
};

/** What a parsed JSON file holds, told by its shape. */
export type Shape = { format: InputFormat; base: (string | number)[] } | { empty: true } | { several: number } | { unknown: true } | { reference: string };

/**
 * CourtListener objects that are no case of their own: a person (a judge), a court.
 * They name the judges and courts of the run's other records (see courtlistener/joins.ts).
 */
const REFERENCE_OBJECTS: Record<string, string> = {
  person: 'a CourtListener person: its name is used for the opinions and dockets of this run that name it by id (author_id, assigned_to); a person is no case, so nothing else of it is loaded',
  court: 'a CourtListener court: its name is used for the run\'s dockets of that court; a court is no case, nothing else of it is loaded',
};
const API_FORMATS: Record<string, RecordFormat> = { party: 'courtlistener-party', attorney: 'courtlistener-attorney', cluster: 'courtlistener-cluster', opinion: 'courtlistener-opinion', position: 'courtlistener-position' };

/**
 * Tells a case file, a CourtListener docket and a CAP case apart by the fields they have: a
 * case file has formatVersion (or documents and case), a CAP case its casebody, a docket its
 * docket_number with a court, parties or entries. A list holding one record is that record;
 * `[]` and `{}` are empty exports.
 */
export function detectShape(data: unknown): Shape {
  if (Array.isArray(data)) {
    if (data.length === 0) return { empty: true };
    if (data.length > 1) return { several: data.length };
    const inner = detectShape(data[0]);
    return 'format' in inner ? { ...inner, base: [0, ...inner.base] } : inner;
  }
  if (!isObject(data)) return { unknown: true };
  if (Object.keys(data).length === 0) return { empty: true };
  const api = apiKind(data);
  if (api && API_FORMATS[api]) return { format: API_FORMATS[api]!, base: [] };
  if (api && REFERENCE_OBJECTS[api]) return { reference: REFERENCE_OBJECTS[api]! };
  if ('formatVersion' in data || ('documents' in data && 'case' in data)) return { format: 'case-file', base: [] };
  if ('casebody' in data && ('name' in data || 'name_abbreviation' in data || 'citations' in data)) return { format: 'cap-case', base: [] };
  // A volume's CasesMetadata.json lists cases without their casebody.
  if (('name' in data || 'name_abbreviation' in data) && 'decision_date' in data && 'citations' in data) return { format: 'cap-case', base: [] };
  if ('docket_number' in data && ('court_id' in data || 'court' in data || 'parties' in data || 'docket_entries' in data || 'case_name' in data)) {
    return { format: 'courtlistener-docket', base: [] };
  }
  return { unknown: true };
}
