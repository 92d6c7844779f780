import { normaliseName } from '../identity.js';
import { cleanName, isPersonShaped } from '../people.js';

/**
 * The firm or office in a PACER attorney's contact block: the first line that is a firm's
 * name. Lines that are not are passed over: phone, fax and e-mail lines ("Direct: 617-…",
 * "Email: …"), "Terminated: <date>", notes ("(See above for address)", "PRO SE", "[COR NTC
 * Retained]"), identifiers (an inmate number), and the attorney's own name; the block's address
 * (a street, a P.O. box, a suite, a "City, ST 12345" line) ends the search, since a firm comes
 * before its address. A line naming the attorney as a solo practice ("J. Smith, Attorney at
 * Law") is no firm. A pro se party's contact is the party's own address: no firm.
 */
const CONTACT_LINE = /^(direct|fax|phone|tel|telephone|cell|mobile|email|e-mail|terminated|designation|bar\s+status|pro\s+se|website|web|url)\b\s*:?/i;
const NOTE = /^(\(|\[)|^see\s+above|^pro\s+se$|undeliverable|^\S*\d\S*$/i;
const PHONE = /^[+(]?\d[\d\s().\-/]{6,}(\s*(x|ext\.?)\s*\d+)?$/i;
const ADDRESS = /^(\d|pob\b|p\.?\s*o\.?\s+box|post\s+office\s+box|box\s+\d|suite|ste\.?\s|room|floor|fl\.?\s|\d+(st|nd|rd|th)\s+floor)|,\s*[A-Z]{2}\.?\s+\d{5}(-\d{4})?$|\b\d{5}(-\d{4})?$|\b(street|st|avenue|ave|boulevard|blvd|road|rd|drive|dr|plaza|lane|ln|highway|hwy|parkway|pkwy|building|bldg|square|place|way|center|centre)\.?$/i;
const SOLO = /,\s*(attorney|counsel(l)?or)s?\s+at\s+law\.?$|,\s*esq(uire)?\.?$/i;
const EMAIL = /\S+@\S+\.\S+/;

/** "David Roe, Chapter 13 Trustee": a person in an office, not a firm. */
function isPersonWithCapacity(line: string): boolean {
  const name = cleanName(line);
  return name.capacity !== undefined && isPersonShaped(name.text);
}

export interface FirmSpan {
  name: string;
  from: number;
  to: number;
}

export function firmOf(contact: string, attorney: string): FirmSpan | undefined {
  if (/^\s*pro\s+se\b/im.test(contact)) return undefined;
  let from = 0;
  for (const raw of contact.split('\n')) {
    const start = from + (raw.length - raw.trimStart().length);
    from += raw.length + 1;
    const line = raw.trim();
    const value = line.replace(/^[A-Za-z ]{2,20}:\s*/, '');
    if (line === '' || CONTACT_LINE.test(line) || NOTE.test(line) || PHONE.test(value) || EMAIL.test(line)) continue;
    if (ADDRESS.test(line)) return undefined;
    if (SOLO.test(line) || normaliseName(line) === normaliseName(attorney) || isPersonWithCapacity(line)) continue;
    if (line.length < 3 || !/\p{L}{2,}/u.test(line)) continue;
    // A trailing note on the firm's line ("Blank Rome LLP (account disabled 8/1/07)") is not its name.
    const note = /\s*\([^)]*\d[^)]*\)\s*$/.exec(line);
    const name = note ? line.slice(0, note.index) : line;
    return { name, from: start, to: start + name.length };
  }
  return undefined;
}
