import type { Citation } from '../../src/ingest/casefile/case-file.js';

/**
 * A generated source document, written sentence by sentence. Each sentence comes back as
 * citations of the phrases that support a fact, with their offsets (Unicode code points, as
 * the format counts them), so every quote is by construction an exact passage of the text.
 */
export class DocumentWriter {
  private readonly parts: string[] = [];
  /** Length so far in code points. */
  private length = 0;
  private sentencesInParagraph = 0;

  /** `isDefault`: the first document of its file, which citations need not name. */
  constructor(
    readonly id: string,
    private readonly isDefault: boolean,
    private readonly sentencesPerParagraph = 4,
  ) {}

  /** Adds a sentence and cites the given phrases of it (the whole sentence when none). */
  say(sentence: string, ...phrases: string[]): Citation[] {
    if (this.sentencesInParagraph === this.sentencesPerParagraph) {
      this.append('\n\n');
      this.sentencesInParagraph = 0;
    } else if (this.length > 0) {
      this.append(' ');
    }
    const at = this.length;
    this.append(sentence);
    this.sentencesInParagraph += 1;
    return (phrases.length > 0 ? phrases : [sentence]).map((phrase) => {
      const index = sentence.indexOf(phrase);
      if (index < 0) throw new Error(`"${phrase}" is not part of the sentence "${sentence}"`);
      const start = at + codePoints(sentence.slice(0, index));
      return {
        quote: phrase,
        ...(this.isDefault ? {} : { document: this.id }),
        start,
        end: start + codePoints(phrase),
      };
    });
  }

  text(): string {
    return `${this.parts.join('')}\n`;
  }

  private append(part: string): void {
    this.parts.push(part);
    this.length += codePoints(part);
  }
}

const codePoints = (text: string) => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};
