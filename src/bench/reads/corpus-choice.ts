import { syntheticSource, type CorpusSource } from './corpus-source.js';

/** The corpus the read bench grows: the synthetic cases until the generator is wired in here. */
export async function corpusSource(): Promise<CorpusSource> {
  return syntheticSource();
}
