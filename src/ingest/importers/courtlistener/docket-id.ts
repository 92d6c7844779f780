import { createHash } from 'node:crypto';
import { slug } from '../record.js';

/**
 * What identifies a docket, whatever report it comes from: its court and its docket number,
 * reduced to the case's own part. A district or bankruptcy number "3:08-cv-00284-TMB-2" is
 * office 3, year 08, type cv, sequence 00284; the judges' initials (TMB) and a criminal
 * defendant's number (-2) that some reports append are not part of the docket, so every
 * per-defendant report of a criminal case is the one case of its docket (the defendant number
 * is kept on the defendant's role). Appellate numbers ("16-1033", "23-7246") are kept as they
 * are. Without a number, the PACER case id (`pacer_case_id`) identifies the docket in its court.
 */
export interface DocketIdentity {
  caseId: string;
  /** The docket number as the case keeps it (the report's own, without judges' initials or defendant number). */
  number: string;
  /** A defendant's number the report appended to the docket number, or gave in federal_defendant_number. */
  defendant?: string;
}

const FEDERAL = /^(?:(\d{1,2}):)?(\d{2,4})-([a-z]{2,3})-(\d{1,6})((?:-[A-Z]{1,4})*)(?:-(\d{1,3}))?((?:-[A-Z]{1,4})*)$/i;

export function docketIdentity(court: string, docketNumber: string | undefined, pacerCaseId: string | undefined, defendantNumber?: string): DocketIdentity | undefined {
  if (docketNumber) {
    const flat = docketNumber.trim().replace(/\s+/g, '');
    const match = FEDERAL.exec(flat);
    if (match) {
      const [, office, year, type, sequence, , defendant] = match;
      const number = `${office ? `${office}:` : ''}${year}-${type!.toLowerCase()}-${sequence}`;
      const defendantOf = defendant ?? defendantNumber;
      return { caseId: slug(court, number), number, ...(defendantOf ? { defendant: defendantOf } : {}) };
    }
    return { caseId: slug(court, flat), number: docketNumber.trim(), ...(defendantNumber ? { defendant: defendantNumber } : {}) };
  }
  if (pacerCaseId) return { caseId: slug(court, 'pacer', pacerCaseId), number: `PACER case ${pacerCaseId}` };
  return undefined;
}

/**
 * The id of a docket entry, the same from every report that lists it: its number (a document
 * number, or an appellate entry's long number), else its PACER document id, else its filing
 * date and the first words of its text. Two reports of one entry (a docket report's long
 * description, a history report's short one) are then one event.
 */
export function entryKey(entry: { number?: string; pacerDocId?: string; filed?: string; words?: string }): string | undefined {
  if (entry.number) return `entry-${entry.number.replace(/^0+(?=\d)/, '')}`;
  if (entry.pacerDocId) return `document-${entry.pacerDocId}`;
  if (entry.words) {
    const words = entry.words.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    return `unnumbered-${entry.filed ?? 'undated'}-${createHash('sha256').update(words).digest('hex').slice(0, 10)}`;
  }
  return undefined;
}
