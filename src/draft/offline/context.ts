import type { NamedThings, NameRun } from './names.js';
import { sentenceAt, type Sentence } from './sentences.js';

/** A mention of an entity with the sentence it is in and the words around it. */
export interface Mention {
  key: string;
  kind: string;
  run: NameRun;
  sentence: Sentence;
  /** The sentence's words before the name, title included. */
  pre: string;
  /** The sentence's words after the name. */
  post: string;
}

export function mentionsInContext(text: string, names: NamedThings, sentences: Sentence[]): Mention[] {
  const kinds = new Map(names.entities.map((e) => [e.key, e.kind]));
  const out: Mention[] = [];
  for (const { key, run } of names.mentions) {
    const sentence = sentenceAt(sentences, run.start);
    if (!sentence) continue;
    out.push({ key, kind: kinds.get(key) ?? 'Person', run, sentence, pre: text.slice(sentence.start, run.start), post: text.slice(run.end, sentence.end) });
  }
  return out;
}

/** People mentioned in a sentence, in order. */
export const peopleIn = (mentions: Mention[], sentence: Sentence) => mentions.filter((m) => m.sentence === sentence && m.kind === 'Person');
