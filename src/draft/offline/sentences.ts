import type { Span } from '../findings.js';

/** A sentence of the article with its offsets (UTF-16 units). */
export interface Sentence extends Span {
  index: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Mt|Gov|Sen|Rep|Gen|Lt|Sgt|Det|Capt|Col|Atty|Asst|No|Inc|Co|Corp|Ltd|vs?|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|D\.C)|\b[A-Z])\.$/;

/** Splits a text into sentences: at . ! ? followed by space and a capital or a quote, and at blank lines. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (end > start) sentences.push({ quote: text.slice(start, end), start, end, index: sentences.length });
  };
  let start = 0;
  const boundary = /([.!?]["”’)]?)(\s+)(?=["“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z(])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + (m[1]?.length ?? 0);
    if (m[1] && ABBREVIATION.test(text.slice(Math.max(start, end - 8), end))) continue;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return sentences;
}

export const spanOf = (text: string, start: number, end: number): Span => ({ quote: text.slice(start, end), start, end });

/** The sentence holding an offset. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset < s.end);
}
