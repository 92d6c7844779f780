import { importCapCase } from './cap/case.js';
import { importDocket } from './courtlistener/docket.js';
import { isObject, type ImportResult, type RecordInput } from './record.js';

/** The formats the loader reads besides case files. */
export const RECORD_FORMATS = ['courtlistener-docket', 'cap-case'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export type InputFormat = 'case-file' | RecordFormat;
export const INPUT_FORMATS: readonly InputFormat[] = ['case-file', ...RECORD_FORMATS];

export const IMPORTERS: Record<RecordFormat, (input: RecordInput) => ImportResult> = {
  'courtlistener-docket': importDocket,
  'cap-case': importCapCase,
};

/** What a parsed JSON file holds, told by its shape. */
export type Shape = { format: InputFormat; base: (string | number)[] } | { empty: true } | { several: number } | { unknown: true } | { unsupported: string };

/**
 * CourtListener REST API objects that are not a docket: known by their fields, refused with what
 * to do, since they name their docket only by CourtListener's own id.
 */
const API_OBJECTS: [(data: Record<string, unknown>) => boolean, string][] = [
  [(d) => 'party_types' in d && 'docket_id' in d, 'a CourtListener API party (it names its docket only by CourtListener\'s docket_id)'],
  [(d) => 'parties_represented' in d, 'a CourtListener API attorney (it names its docket only by CourtListener\'s docket_id)'],
  [(d) => 'sub_opinions' in d, 'a CourtListener API opinion cluster'],
  [(d) => 'cluster' in d && ('plain_text' in d || 'html_with_citations' in d || 'author_str' in d), 'a CourtListener API opinion'],
  [(d) => 'name_last' in d && ('positions' in d || 'date_dob' in d), 'a CourtListener API person'],
];

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
  const api = API_OBJECTS.find(([test]) => test(data));
  if (api) return { unsupported: api[1] };
  if ('formatVersion' in data || ('documents' in data && 'case' in data)) return { format: 'case-file', base: [] };
  if ('casebody' in data && ('name' in data || 'name_abbreviation' in data || 'citations' in data)) return { format: 'cap-case', base: [] };
  // A volume's CasesMetadata.json lists cases without their casebody.
  if (('name' in data || 'name_abbreviation' in data) && 'decision_date' in data && 'citations' in data) return { format: 'cap-case', base: [] };
  if ('docket_number' in data && ('court_id' in data || 'court' in data || 'parties' in data || 'docket_entries' in data || 'case_name' in data)) {
    return { format: 'courtlistener-docket', base: [] };
  }
  return { unknown: true };
}
