import { describe, expect, it } from 'vitest';
import { firmOf } from '../../src/ingest/importers/courtlistener/contact.js';
import { filedBy } from '../../src/ingest/importers/courtlistener/filed-by.js';
import { docketIdentity, entryKey } from '../../src/ingest/importers/courtlistener/docket-id.js';
import { firmId } from '../../src/ingest/importers/identity.js';
import { cleanName, isJudgeName, looksLikePersonName, partyKind } from '../../src/ingest/importers/people.js';

/** Rules over words, tried on names written for these tests (none from any record). */
const kept = (raw: string) => {
  const name = cleanName(raw);
  return { name: name.text, span: raw.slice(name.from, name.to), capacity: name.capacity?.text, aliases: name.aliases.map((a) => a.text) };
};

describe('names: titles and capacities set apart', () => {
  it.each([
    ['PENELOPE Q. ARBUTHNOT, Attorney General', 'PENELOPE Q. ARBUTHNOT', 'Attorney General'],
    ['Orson Vale, Assistant U.S. Attorney', 'Orson Vale', 'Assistant U.S. Attorney'],
    ['Ms. Wren Talbot, Senior Litigation Counsel', 'Wren Talbot', 'Senior Litigation Counsel'],
    ['Dr. Ilse Marchetti, Trial Attorney', 'Ilse Marchetti', 'Trial Attorney'],
    ['Caspian Reyes, -', 'Caspian Reyes', undefined],
    ['Hollis P. Grange AUSA', 'Hollis P. Grange', 'AUSA'],
    ['Marlowe Tisdale, CHAPTER 11 TRUSTEE', 'Marlowe Tisdale', 'CHAPTER 11 TRUSTEE'],
    ['Edwin Frost , Jr.', 'Edwin Frost , Jr.', undefined],
    ['Quentin Ames, III', 'Quentin Ames, III', undefined],
    ['Tamsin Oduya ,', 'Tamsin Oduya', undefined],
  ])('%s', (raw, name, capacity) => {
    const result = kept(raw);
    expect(result).toMatchObject({ name, span: name, capacity });
  });

  it('keeps a company name whole, commas and all', () => {
    expect(kept('Brindle Works, Inc., a Nevada corporation').name).toBe('Brindle Works, Inc., a Nevada corporation');
    expect(kept('QUARRY TRUST COMPANY, as Trustee of the Pellucid Series 2001').name).toBe('QUARRY TRUST COMPANY, as Trustee of the Pellucid Series 2001');
  });

  it('splits "also known as", a/k/a, f/k/a, d/b/a into aliases, each at its place', () => {
    expect(kept('Rosalind Keane, also known as Roz Keane')).toMatchObject({ name: 'Rosalind Keane', aliases: ['Roz Keane'] });
    expect(kept('Tobias Wren a/k/a "Toby" Wren a/k/a T. Wren')).toMatchObject({ name: 'Tobias Wren', aliases: ['"Toby" Wren', 'T. Wren'] });
    expect(kept('Cobalt Widgets LLC f/k/a Cobalt Gadgets LLC')).toMatchObject({ name: 'Cobalt Widgets LLC', aliases: ['Cobalt Gadgets LLC'] });
    expect(kept('Imogen Slate d/b/a Slate Bakery')).toMatchObject({ name: 'Imogen Slate', aliases: ['Slate Bakery'] });
    const raw = 'Ansel Rook (aka Ansel Rookwood)';
    const alias = cleanName(raw).aliases[0]!;
    expect(raw.slice(alias.from, alias.to)).toBe('Ansel Rookwood');
  });

  it('gives one attorney node to a name written with and without its capacity', () => {
    expect(cleanName('Orson Vale, Assistant U.S. Attorney').text).toBe(cleanName('Mr. Orson Vale').text);
  });
});

describe('parties: people, organisations and no party at all', () => {
  it.each([
    ['In re: Sealed Matter', 'Debtor', 'none'],
    ['In the Matter of the Application of Nobody', 'Petitioner', 'none'],
    ['SEALED DEFENDANT 1', 'Defendant', 'none'],
    ['Office of the Regional Trustee', 'Interested Party', 'Organization'],
    ['U.S. TRUSTEE', 'U.S. Trustee', 'Organization'],
    ['Bankruptcy Administrator', 'Interested Party', 'Organization'],
    ['FEDERAL WIDGET ADMINISTRATION', 'Respondent', 'Organization'],
    ['Riverside Tenants Coalition', 'Plaintiff', 'Organization'],
    ['Pell & Orme', 'Defendant', 'Organization'],
    ['Norah J. Quill, Chapter 7 Trustee', 'Plaintiff', 'Person'],
    ['GIDEON FAIRWEATHER, Attorney General', 'Respondent', 'Person'],
    ['Sable Okonkwo', 'Plaintiff', 'Person'],
    ['Hollis Q. Trust', 'Defendant', 'Person'],
    ['MIRA SOLDAN-STATES', 'Defendant', 'Person'],
    ['Perrin Church', 'Plaintiff', 'Person'],
    ['State of Examplia', 'Plaintiff', 'Organization'],
    ['Examplia Trust Company', 'Defendant', 'Organization'],
    ['First Church of Nowhere', 'Defendant', 'Organization'],
    ['Daria K. Voss', 'U.S. Trustee', 'Person'],
  ])('%s (%s) is %s', (name, type, kind) => {
    expect(partyKind(name, type)).toBe(kind);
  });

  it('takes a one-word or office name given as an attorney for no person', () => {
    expect(looksLikePersonName('Mailroom')).toBe(false);
    expect(looksLikePersonName('X Y Attorney CV')).toBe(false);
    expect(looksLikePersonName('U S Attorney Office')).toBe(false);
    expect(looksLikePersonName('Prisoner Mailbox 3 - Internal Use Only')).toBe(false);
    expect(looksLikePersonName('Ingrid Sol, Counsel')).toBe(true);
  });
});

describe('creditors: agencies, lenders and bodies known by initials are organisations', () => {
  it('by the words of the name, and dotted initials alone; a word in capitals alone stays a name', () => {
    for (const name of ['Ormond Revenue Service', 'Kestrel Wireless', 'Halvard Financial', 'Tamsin Equipment Finance', 'Bracken Portfolio Advisors', 'Vell Consulting Engineers', 'Quill & Dray, P.A.', 'Ostrander Dunne, APC', 'M.U.F.C.T.', 'Loy Credit Union']) {
      expect(partyKind(name, 'Creditor'), name).toBe('Organization');
    }
    for (const name of ['Ivo Marsh', 'IVO MARSH', 'Dara K. Penhallow', 'Marsh, Ivo', 'ROE']) expect(partyKind(name, 'Creditor'), name).toBe('Person');
  });
});

describe('judges: assignment labels name nobody', () => {
  it.each([
    ['Part Three', false],
    ['Not Assigned', false],
    ['Unassigned', false],
    ['Duty Magistrate', false],
    ['Xq', false],
    ['Calendar 12', false],
    ['Hon. Perpetua L. Vance', true],
    ['Orla B. Trust', true],
    ['Amadeo Cruz Jr.', true],
  ])('%s: %s', (name, judge) => {
    expect(isJudgeName(name)).toBe(judge);
  });
});

describe('firms from contact blocks', () => {
  const firm = (contact: string, attorney = 'Ada Quill') => firmOf(contact, attorney)?.name;
  it('passes over phones, e-mails, notes and termination lines to the first line that is a firm', () => {
    expect(firm('Direct: 555-010-0199\nFax: 555-010-0100\nMoss Harrow LLP\n9 Pine Street\nGotham, NY 10001')).toBe('Moss Harrow LLP');
    expect(firm('Email: aq@example.test\nQUILL LEGAL GROUP\n')).toBe('QUILL LEGAL GROUP');
    expect(firm('Terminated:  01/02/2022\nDirect: 555-010-0101\nDepartment of Examples\n')).toBe('Department of Examples');
    expect(firm('[COR LD NTC Retained]\nPenn & Ink LLC')).toBe('Penn & Ink LLC');
  });

  it('gives no firm for "(See above…)", an e-mail alone, an address, a phone alone or a solo practice', () => {
    expect(firm('(See above for address)')).toBeUndefined();
    expect(firm('Email: solo@example.test\n')).toBeUndefined();
    expect(firm('Suite 400 Example Bldg.\n12 Elm St.\nGotham, NY 10001')).toBeUndefined();
    expect(firm('77 Harbor Road\nGotham, NY 10001\n')).toBeUndefined();
    expect(firm('Direct: 555-010-0102')).toBeUndefined();
    expect(firm('A. Quill, Attorney at Law\n5 Main Street')).toBeUndefined();
    expect(firm('PRO SE')).toBeUndefined();
    expect(firm('X1234567\nSome County Jail\nPRO SE')).toBeUndefined();
    expect(firm('Firm: 555-010-0104\nPOB 1234\nGotham, NY 10001')).toBeUndefined();
    expect(firm('Nell Imber, Chapter 13 Trustee\nPOB 1234')).toBeUndefined();
  });

  it('drops a dated note after the firm\'s name, and cites the name at its offsets', () => {
    const contact = 'Direct: 555-010-0103\nOrme Pell LLP (account closed 1/2/09)\n1 Way';
    const found = firmOf(contact, 'Ada Quill')!;
    expect(found.name).toBe('Orme Pell LLP');
    expect(contact.slice(found.from, found.to)).toBe('Orme Pell LLP');
  });

  it('gives one firm to spellings of its legal form', () => {
    expect(firmId('Marsh Ivey, L.L.P.')).toBe(firmId('MARSH IVEY LLP'));
    expect(firmId('Marsh Ivey P.C.')).toBe(firmId('Marsh Ivey'));
    expect(firmId('Wick & Tallow')).toBe(firmId('Wick and Tallow'));
    expect(firmId('Office of the District Justice Example')).not.toBe(firmId('Office of the Example'));
  });
});

describe('filed by', () => {
  it('finds the party after "filed by" or "on behalf of", past a party role, by any of its names', () => {
    const names = ['ZORA K. PELL, Attorney General', 'Zora K. Pell', 'Brindle Works, Inc.', 'Brindle'];
    for (const [text, name, span] of [
      ['NOTICE of appearance on behalf of Respondent Zora K. Pell filed by Attorney Ames Ray.', 'Zora K. Pell', 'on behalf of Respondent Zora K. Pell'],
      ['Petition for review filed by Petitioner BRINDLE WORKS, INC.. Fee paid.', 'Brindle Works, Inc.', 'filed by Petitioner BRINDLE WORKS, INC.'],
      ['MOTION filed by Brindle.', 'Brindle', 'filed by Brindle'],
    ] as const) {
      const found = filedBy(text, names)!;
      expect([found.name, text.slice(found.from, found.to)]).toEqual([name, span]);
    }
    expect(filedBy('ORDER filed by the Court.', names)).toBeUndefined();
  });
});

describe('docket identity', () => {
  it('reduces a federal docket number to the case: judges\' initials and a defendant\'s number are not part of it', () => {
    expect(docketIdentity('zzd', '2:19-cr-00042-ABC-3', undefined)).toEqual({ caseId: 'zzd-2-19-cr-00042', number: '2:19-cr-00042', defendant: '3' });
    expect(docketIdentity('zzd', '2:19-cr-00042', undefined, '3')).toEqual({ caseId: 'zzd-2-19-cr-00042', number: '2:19-cr-00042', defendant: '3' });
    expect(docketIdentity('zzd', '2:19-CV-00042-XY', undefined)!.caseId).toBe(docketIdentity('zzd', '2:19-cv-00042', undefined)!.caseId);
    expect(docketIdentity('ca99', '21-1234', 'x')!.caseId).toBe('ca99-21-1234');
    expect(docketIdentity('ca99', undefined, '4242')!.caseId).toBe('ca99-pacer-4242');
    expect(docketIdentity('ca99', undefined, undefined)).toBeUndefined();
  });

  it('gives an entry the same key from every report: by number, else document id, else date and words', () => {
    expect(entryKey({ number: '007', words: 'long words' })).toBe(entryKey({ number: '7', words: 'Short' }));
    expect(entryKey({ pacerDocId: '0123', filed: '2020-01-01' })).toBe('document-0123');
    expect(entryKey({ words: 'Minute entry' })).toMatch(/^unnumbered-undated-/);
    expect(entryKey({ filed: '2020-01-01', words: 'Minute Entry.' })).toBe(entryKey({ filed: '2020-01-01', words: 'minute entry' }));
    expect(entryKey({ filed: '2020-01-01', words: 'Minute entry' })).not.toBe(entryKey({ filed: '2020-01-02', words: 'Minute entry' }));
    expect(entryKey({})).toBeUndefined();
  });
});
