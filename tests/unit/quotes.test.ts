import { describe, expect, it } from 'vitest';
import { locateQuote, SourceText } from '../../src/ingest/casefile/quotes.js';

// "😀" and "𝄞" are outside the BMP: one code point each, two UTF-16 units each.
const ASTRAL = '😀 Alec said 𝄞 hi';

describe('SourceText', () => {
  it('counts and slices in code points when the text has astral characters', () => {
    const source = new SourceText(ASTRAL);
    expect(ASTRAL.length).toBe(18);
    expect(source.length).toBe(16);
    expect(source.toCodePoint(3)).toBe(2); // "A" is UTF-16 unit 3, code point 2
    expect(source.toUnit(2)).toBe(3);
    expect(source.slice(2, 6)).toBe('Alec');
    expect(source.slice(12, 13)).toBe('𝄞');
    expect(source.occurrences('hi')).toEqual([14]);
  });

  it('uses UTF-16 indices unchanged for BMP-only text (accents, curly quotes)', () => {
    const source = new SourceText('Café “Rust” set');
    expect(source.length).toBe(15);
    expect(source.slice(5, 11)).toBe('“Rust”');
    expect(source.occurrences('set')).toEqual([12]);
  });
});

describe('locateQuote', () => {
  const report = new SourceText('Baldwin said he didn’t pull the trigger. Baldwin was charged.');

  it('finds a quote that occurs once and returns code-point offsets', () => {
    expect(locateQuote(report, 'he didn’t pull')).toEqual({ ok: true, start: 13, end: 27 });
    expect(locateQuote(new SourceText(ASTRAL), 'said 𝄞 hi')).toEqual({ ok: true, start: 7, end: 16 });
  });

  it('explains a quote that differs only by a straight apostrophe', () => {
    const check = locateQuote(report, "he didn't pull");
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('is not in the document');
    expect(check.hint).toContain('apostrophes');
  });

  it('explains a quote that differs only by capitals', () => {
    const check = locateQuote(report, 'BALDWIN WAS CHARGED');
    expect(check).toMatchObject({ ok: false, hint: expect.stringContaining('different capitals') });
  });

  it('gives a generic hint when the words are not there at all', () => {
    const check = locateQuote(report, 'the armorer loaded it');
    expect(check).toMatchObject({ ok: false, hint: 'copy the passage character for character from the document' });
  });

  it('reports an ambiguous quote with the count and every start/end option', () => {
    const check = locateQuote(report, 'Baldwin');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('occurs 2 times');
    expect(check.hint).toContain('start: 0, end: 7 | start: 41, end: 48');
  });

  it('accepts correct offsets, including one occurrence of an ambiguous quote', () => {
    expect(locateQuote(report, 'Baldwin', 41, 48)).toEqual({ ok: true, start: 41, end: 48 });
    expect(locateQuote(new SourceText(ASTRAL), 'Alec', 2, 6)).toEqual({ ok: true, start: 2, end: 6 });
  });

  it('rejects wrong offsets and gives the right ones', () => {
    const check = locateQuote(report, 'Baldwin', 1, 8);
    expect(check).toMatchObject({ ok: false, message: 'the quote is not at offsets 1-8' });
    if (check.ok) return;
    expect(check.hint).toContain('it occurs at 0-7, 41-48');

    // UTF-16 indices instead of code points are wrong offsets too.
    const astral = locateQuote(new SourceText(ASTRAL), 'Alec', 3, 7);
    expect(astral).toMatchObject({ ok: false, hint: expect.stringContaining('it occurs at 2-6') });
  });

  it('shows the text at wrong offsets when the quote is nowhere', () => {
    const check = locateQuote(report, 'Baldwin sued', 0, 12);
    expect(check).toMatchObject({ ok: false, hint: expect.stringContaining('the text there is "Baldwin said"') });
  });

  it('requires start and end together', () => {
    for (const [start, end] of [[0, undefined], [undefined, 7]] as const) {
      expect(locateQuote(report, 'Baldwin', start, end)).toMatchObject({ ok: false, message: 'start and end must be given together' });
    }
  });
});
