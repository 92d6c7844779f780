import { describe, expect, it } from 'vitest';
import { extractOffline } from '../../src/draft/offline/extract.js';
import { findDates, articleDate } from '../../src/draft/offline/dates.js';
import { nameRuns } from '../../src/draft/offline/names.js';
import { splitSentences } from '../../src/draft/offline/sentences.js';

/**
 * The offline rules on fictional sentences written for these tests: roles from titles and verbs,
 * charges and penalties, outcomes (and what is only hypothetical), dates as precise as the text
 * and resolved against the article's date, relations, and what is left out.
 */
const people = (text: string) => extractOffline({ text }).entities.filter((e) => e.kind === 'Person').map((e) => e.name);
const roleOf = (text: string, name: string) => {
  const f = extractOffline({ text });
  const key = f.entities.find((e) => e.name === name)?.key;
  return f.roles.filter((r) => r.who === key).map((r) => r.role);
};

describe('names', () => {
  it('splits titles off and keeps the name', () => {
    const runs = nameRuns('Acting Kettle County Prosecutor Wren Ashdown said so. Judge Tamsin Orley agreed.');
    expect(runs.map((r) => [r.quote, r.title])).toContainEqual(['Wren Ashdown', 'Acting Kettle County Prosecutor']);
    expect(runs.map((r) => [r.quote, r.title])).toContainEqual(['Tamsin Orley', 'Judge']);
  });

  it('does not run a name over the end of a sentence', () => {
    expect(nameRuns('evidence held by the Marsh Valley Police Department. Corin Vale said').map((r) => r.quote)).toEqual(['Marsh Valley Police Department', 'Corin Vale']);
  });

  it('links a surname to the person named in full, and leaves photo credits out', () => {
    const text = 'Prosecutors charged Oswin Farrow with arson in Dunmere. (Photo: Pell Gantry / Getty Images)\n\nFarrow denied it, his lawyer said. The case went to trial.';
    const f = extractOffline({ text });
    const farrow = f.entities.find((e) => e.name === 'Oswin Farrow')!;
    expect(farrow.aliases).toContain('Farrow');
    expect(farrow.mentions.length).toBe(2);
    expect(people(text)).not.toContain('Pell Gantry');
    expect(f.notes.join('\n')).toContain('Pell Gantry');
  });
});

describe('roles', () => {
  const text = 'Brannock Hale was convicted of fraud on Tuesday. Judge Ilse Marrow presided over the trial. District Attorney Teodor Quill said the verdict was just. Defense attorney Nell Arkwright said Hale would appeal. Ravel Dunstan testified at the trial about the fraud. Hale was found guilty of defrauding Sorrel Lint.';
  it.each([
    ['Brannock Hale', 'defendant'],
    ['Ilse Marrow', 'judge'],
    ['Teodor Quill', 'district_attorney'],
    ['Nell Arkwright', 'defence_counsel'],
    ['Ravel Dunstan', 'witness'],
    ['Sorrel Lint', 'victim'],
  ])('%s is %s', (name, role) => {
    expect(roleOf(text, name)).toEqual([role]);
  });

  it('does not give the verb after an appositive to the name inside it', () => {
    const t = 'Corwin Pike, a longtime friend of former Mayor Alder Voss, was convicted of bribery on Friday.';
    expect(roleOf(t, 'Corwin Pike')).toEqual(['defendant']);
    expect(roleOf(t, 'Alder Voss')).toEqual([]);
  });

  it('marks a role inferred, with its reason, when the sentence does not tie it to the case', () => {
    const f = extractOffline({ text: 'The fire spread, injuring caretaker Ebba Stroud. Later, Lorne Fitch was charged with arson and was convicted.' });
    const injured = f.roles.find((r) => r.role === 'injured_party')!;
    expect(injured.inferred).toBe(true);
    expect(injured.reason).toMatch(/implied/);
    expect(f.roles.find((r) => r.role === 'defendant')?.inferred).toBeUndefined();
  });

  it('reads a plaintiff and a juror', () => {
    const t = 'Mirela Santo sued the company in county court over the lawsuit claims. Juror Pim Okafor said the trial was long.';
    expect(roleOf(t, 'Mirela Santo')).toEqual(['plaintiff']);
    expect(roleOf(t, 'Pim Okafor')).toEqual(['juror']);
  });
});

describe('charges and outcomes', () => {
  it('reads offences before and after "charges", split at "and", with the maximum penalty', () => {
    const f = extractOffline({ text: 'Jory Callan was convicted of burglary and arson charges. He faces up to 12 years in prison.' });
    expect(f.charges.map((c) => c.offence)).toEqual(['burglary', 'arson']);
    expect(f.charges[0]!.maximumPenalty).toBe('up to 12 years in prison');
    expect(f.charges[0]!.penaltySpan?.quote).toBe('up to 12 years in prison');
  });

  it('takes no charge that names no offence', () => {
    expect(extractOffline({ text: 'Pela Rusk was charged with something unclear by the court. The trial starts soon.' }).charges).toEqual([]);
  });

  it('reads outcomes and the sentence imposed, not what might have happened', () => {
    const f = extractOffline({ text: 'Had he been found guilty, Orrin Vell could have faced prison. Judge Mae Tolliver dismissed the case on Monday. Tamsin Rook was sentenced to five years in prison for theft.' });
    expect(f.outcomes.map((o) => o.kind).sort()).toEqual(['dismissed', 'sentenced']);
    expect(f.outcomes.find((o) => o.kind === 'sentenced')?.sentence).toBe('five years in prison');
    expect(f.outcomes.find((o) => o.kind === 'dismissed')?.judge).toBeDefined();
  });

  it('an acquittal is not a conviction', () => {
    const f = extractOffline({ text: 'A jury found Selwyn Marr not guilty of assault on Thursday.' });
    expect(f.outcomes.map((o) => o.kind)).toEqual(['acquitted']);
  });
});

describe('dates', () => {
  it('keeps what the text gives and resolves the rest against the article date, marked approximate', () => {
    const text = 'On Friday the jury convicted him. The shooting happened on March 6, 2024. He was arrested in March. The hearing is set for Dec. 5. It came nearly three years after the crash.';
    const byText = new Map(findDates(text, '2024-07-12').map((d) => [d.span.quote, d.time]));
    expect(byText.get('March 6, 2024')).toMatchObject({ date: '2024-03-06' });
    expect(byText.get('March 6, 2024')?.approximate).toBeUndefined();
    expect(byText.get('On Friday')).toMatchObject({ date: '2024-07-12', weekday: 'Friday', approximate: true });
    expect(byText.get('March')).toMatchObject({ date: '2024-03', approximate: true });
    expect(byText.get('Dec. 5')).toMatchObject({ date: '2024-12-05', approximate: true });
    expect(byText.get('nearly three years after')).toEqual({ text: 'nearly three years after', approximate: true, note: expect.stringContaining('relative') });
  });

  it('without an article date, keeps only the weekday or the month', () => {
    const byText = new Map(findDates('On Friday the jury convicted him. He was arrested in March.').map((d) => [d.span.quote, d.time]));
    expect(byText.get('On Friday')).toEqual({ text: 'On Friday', weekday: 'Friday' });
    expect(byText.get('March')).toEqual({ text: 'March', month: 3 });
  });

  it('a month inside a title is no date', () => {
    expect(findDates('He starred in “The Hunt for Red October” years ago.', '2024-01-01')).toEqual([]);
  });

  it('finds the article date only on a line of its own or after "Published"', () => {
    expect(articleDate('Jury convicts clerk\nPublished March 3, 2023\n\nA clerk was convicted.')).toBe('2023-03-03');
    expect(articleDate('In this Jan. 3, 2006, photo, a man leaves court.')).toBeUndefined();
  });
});

describe('relations and sentences', () => {
  it('reads spouse, family and represents from the words between two names', () => {
    const f = extractOffline({ text: 'Dorian Pell was convicted of fraud, and he hugged his wife Lise Pell in court. Marta Quinn, one of Pell’s lawyers, said he would appeal. His son, Abel, was there.' });
    const names = new Map(f.entities.map((e) => [e.key, e.name]));
    const rel = f.relations.map((r) => `${names.get(r.from)} ${r.type} ${names.get(r.to)}`);
    expect(rel).toContain('Lise Pell SPOUSE_OF Dorian Pell');
    expect(rel).toContain('Marta Quinn REPRESENTS Dorian Pell');
  });

  it('splits sentences at full stops but not after abbreviations or initials', () => {
    expect(splitSentences('U.S. District Judge T.S. Vane ruled on Dec. 5. Then he left.').map((s) => s.quote)).toEqual(['U.S. District Judge T.S. Vane ruled on Dec. 5.', 'Then he left.']);
  });
});
