import { slug } from './record.js';

/**
 * Who is the same across records. Ids are made from what the records say, so the same court,
 * judge, attorney, firm or cited authority gets the same id from every record that names it,
 * whichever is loaded first: the graph then holds one node for it. docs/importing.md lists
 * the rules; a case file's `sameAs` overrides them.
 */

/** Titles and honorifics that are not part of a name. */
const TITLES = new Set(['hon', 'honorable', 'the', 'judge', 'chief', 'magistrate', 'district', 'senior', 'associate', 'justice', 'mr', 'mrs', 'ms', 'dr', 'esq', 'esquire']);

/**
 * A name reduced to what identifies it: accents, case, punctuation and titles dropped, so that
 * "Timothy M. Burgess", "TIMOTHY M BURGESS" and "Hon. Timothy M. Burgess" are one name.
 */
export function normaliseName(name: string): string {
  const words = wordsOf(name);
  const kept = words.filter((word) => !TITLES.has(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** A name's words alone (accents, case and punctuation dropped), titles kept: an office's name is all it has. */
export function plainWords(name: string): string {
  return wordsOf(name).join(' ');
}

/** The words of a name: accents, case, apostrophes and other punctuation dropped. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’'`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The court system of federal courts: every PACER court, and CAP's "U.S." jurisdiction. */
export const FEDERAL_SYSTEM = 'us';

/** A court by the id its source gives it. */
export const courtId = (source: 'courtlistener' | 'cap', id: string) => (source === 'courtlistener' ? slug('court', id) : slug('cap-court', id));

/** A judge: the same normalised name in the same court system. */
export const judgeId = (system: string, name: string) => slug('judge', system, normaliseName(name));

/** An attorney: the same normalised name in the same court system. */
export const attorneyId = (system: string, name: string) => slug('attorney', system, normaliseName(name));

/** Words of a firm's legal form, which spellings of one firm add or leave out ("Gibbons P.C.", "GIBBONS PC"). */
const LEGAL_FORM = /\b(l\s?l\s?p|l\s?l\s?c|p\s?l\s?l\s?c|p\s?c|p\s?a|l\s?p|a\s?p\s?c|chtd|chartered|inc|ltd)\b/g;

/**
 * A firm or office, by its normalised name without its legal form and with "&" read as "and":
 * "Hill Wallack, LLP", "HILL WALLACK LLP" and "Hill Wallack" are one firm.
 */
export function firmId(name: string): string {
  const words = plainWords(name.replace(/&/g, ' and ').replace(/\./g, ''));
  const core = words.replace(LEGAL_FORM, ' ').replace(/\s+/g, ' ').trim();
  return slug('firm', core === '' ? words : core);
}

/**
 * A citation reduced to volume, reporter and page, the reporter without spaces and periods:
 * "96 F.Supp. 449" and "96 F. Supp. 449" are one authority.
 */
export function normaliseCitation(citation: string): string {
  const flat = citation.replace(/\s+/g, ' ').trim();
  const match = /^(\d+)\s*(.*?)\s*(\d+)$/.exec(flat);
  if (!match || match[2] === '') return flat.toLowerCase().replace(/[.\s]/g, '');
  return `${match[1]} ${match[2]!.toLowerCase().replace(/[.\s]/g, '')} ${match[3]}`;
}

export const authorityId = (citation: string) => slug('authority', normaliseCitation(citation));
