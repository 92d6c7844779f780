import { describe, expect, it } from 'vitest';
import { samePerson, scoreDraft, summarise, type Gold } from '../../bench/draft/score.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/** How bench:draft scores a draft: on a draft and a gold written here, with known misses. */
const text = 'Ada Brisk was convicted of theft. Judge Cal Dorn presided. Eli Frost said so.';
const at = (quote: string) => ({ quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
const draft: CaseFile = {
  formatVersion: 2,
  documents: [{ id: 'd', title: 't', text }],
  case: { id: 'c', caption: 'c', status: 'convicted', sources: [at('Ada Brisk was convicted of theft.')] },
  entities: [
    { id: 'ada', kind: 'Person', name: 'Ada Brisk', sources: [at('Ada Brisk')] },
    { id: 'cal', kind: 'Person', name: 'Cal Dorn', aliases: ['Judge Cal Dorn'], sources: [at('Cal Dorn')] },
    { id: 'eli', kind: 'Person', name: 'Eli Frost', sources: [{ quote: 'Eli Frost', start: 0, end: 9 }] },
  ],
  charges: [{ id: 'ch', offence: 'theft', defendant: 'ada', sources: [at('convicted of theft')] }],
  roles: [{ who: 'ada', role: 'defendant', in: 'c', sources: [at('Ada Brisk was convicted')] }, { who: 'cal', role: 'witness', in: 'c', sources: [at('Judge Cal Dorn')] }],
  events: [{ id: 'e', name: 'verdict', eventType: 'verdict', time: { date: '2020-01-02' }, sources: [at('convicted')] }],
};
const gold: Gold = { name: 'g', article: 'a', heldOut: true, people: ['Ada Brisk', 'Cal Dorn', 'Dee Gale'], roles: [{ person: 'Ada Brisk', role: 'defendant' }, { person: 'Cal Dorn', role: 'judge' }], charges: ['theft'], outcome: 'convicted', events: ['2020-01-02', '2020-03'] };

describe('bench:draft scoring', () => {
  it('counts people both ways, roles, charges, outcome, events and quotes at their offsets', () => {
    const s = scoreDraft(gold, draft, true, 12);
    expect(s.people).toEqual({ found: 3, gold: 3, right: 2, goldFound: 2 });
    expect(s.roles).toEqual({ gold: 2, right: 1 });
    expect(s.chargesFound).toBe(true);
    expect(s.outcomeFound).toBe(true);
    expect(s.events).toEqual({ gold: 2, found: 1 });
    // Eli Frost's quote is not at 0-9.
    expect(s.quotes).toEqual({ total: 8, verified: 7 });
    const sum = summarise([s]);
    expect(sum.peoplePrecision).toBeCloseTo(2 / 3);
    expect(sum.quotesVerified).toBeCloseTo(7 / 8);
  });

  it('matches a name by its first and last words, not by a surname alone', () => {
    expect(samePerson('Ellen Segal Huvelle', ['Ellen Huvelle'])).toBe(true);
    expect(samePerson('Ellen Huvelle', ['Huvelle'])).toBe(false);
    expect(samePerson('T.S. Ellis III', ['T.S. Ellis III'])).toBe(true);
  });

  it('no draft scores nothing found', () => {
    const s = scoreDraft(gold, undefined, false, 0);
    expect(s).toMatchObject({ people: { found: 0, right: 0, goldFound: 0 }, chargesFound: false, outcomeFound: false, loads: false });
  });
});
