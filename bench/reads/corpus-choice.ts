import { generatedSource } from './corpus-generated.js';
import type { CorpusSource } from './corpus-source.js';
import { syntheticSource } from './corpus-synthetic.js';

export const CORPORA = ['generated', 'synthetic'] as const;
export type CorpusName = (typeof CORPORA)[number];

/** The corpus the read bench grows, large enough for its largest size. */
export function corpusSource(name: CorpusName, largest: number): Promise<CorpusSource> {
  return name === 'generated' ? generatedSource(largest) : Promise.resolve(syntheticSource());
}
