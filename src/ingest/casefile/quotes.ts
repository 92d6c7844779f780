/**
 * Finds and checks quoted passages in a source text. Offsets are Unicode code points from 0, so
 * they mean the same in any language; JavaScript's UTF-16 indices are converted here only.
 */
export class SourceText {
  private readonly cpAtUnit: Int32Array | null;
  private readonly unitAtCp: Int32Array | null;

  constructor(readonly text: string) {
    // Only texts with characters outside the Basic Multilingual Plane need a mapping.
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.cpAtUnit = null;
      this.unitAtCp = null;
      return;
    }
    const cpAtUnit = new Int32Array(text.length + 1);
    const units: number[] = [];
    let cp = 0;
    for (let unit = 0; unit < text.length; cp += 1) {
      units.push(unit);
      const width = (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k += 1) cpAtUnit[unit + k] = cp;
      unit += width;
    }
    cpAtUnit[text.length] = cp;
    units.push(text.length);
    this.cpAtUnit = cpAtUnit;
    this.unitAtCp = Int32Array.from(units);
  }

  /** Length in code points. */
  get length(): number {
    return this.toCodePoint(this.text.length);
  }

  toCodePoint(unit: number): number {
    return this.cpAtUnit ? (this.cpAtUnit[unit] ?? unit) : unit;
  }

  toUnit(cp: number): number {
    return this.unitAtCp ? (this.unitAtCp[cp] ?? this.text.length + 1) : cp;
  }

  /** Code-point offsets of every occurrence of `quote`. */
  occurrences(quote: string): number[] {
    const found: number[] = [];
    if (quote.length === 0) return found;
    for (let at = this.text.indexOf(quote); at !== -1; at = this.text.indexOf(quote, at + 1)) {
      found.push(this.toCodePoint(at));
    }
    return found;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}

export type QuoteCheck =
  | { ok: true; start: number; end: number }
  | { ok: false; message: string; hint: string };

const quoteLength = (quote: string) => Array.from(quote).length;

/** Checks a quote at the given offsets, or finds it when no offsets are given. */
export function locateQuote(source: SourceText, quote: string, start?: number, end?: number): QuoteCheck {
  const length = quoteLength(quote);
  if (start !== undefined || end !== undefined) {
    if (start === undefined || end === undefined) {
      return { ok: false, message: 'start and end must be given together', hint: 'give both offsets, or neither and let the loader find the quote' };
    }
    if (source.slice(start, end) === quote && end - start === length) return { ok: true, start, end };
    const found = source.occurrences(quote);
    return {
      ok: false,
      message: `the quote is not at offsets ${start}-${end}`,
      hint: found.length > 0
        ? `it occurs at ${found.map((at) => `${at}-${at + length}`).join(', ')}; use one of those offsets or leave them out`
        : `the text there is "${truncate(source.slice(start, end))}"; ${notFoundHint(source.text, quote)}`,
    };
  }
  const found = source.occurrences(quote);
  if (found.length === 1) return { ok: true, start: found[0]!, end: found[0]! + length };
  if (found.length === 0) {
    return { ok: false, message: `the quote "${truncate(quote)}" is not in the document`, hint: notFoundHint(source.text, quote) };
  }
  return {
    ok: false,
    message: `the quote "${truncate(quote)}" occurs ${found.length} times in the document`,
    hint: `quote a longer passage, or add start/end to pick one: ${found.map((at) => `start: ${at}, end: ${at + length}`).join(' | ')}`,
  };
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Explains the usual reasons a quote copied by hand is not found. */
function notFoundHint(text: string, quote: string): string {
  const fold = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
  if (fold(text).includes(fold(quote))) {
    return 'the words are there, but apostrophes, quotation marks or spaces differ: copy the passage exactly as the document writes it';
  }
  if (text.toLowerCase().includes(quote.toLowerCase())) return 'the words are there with different capitals: copy them exactly';
  return 'copy the passage character for character from the document';
}
