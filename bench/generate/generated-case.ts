import type { CaseFile, DocumentInput } from '../../src/ingest/casefile/case-file.js';
import type { DocumentWriter } from './text.js';

/** One generated case file and the source texts it points to, before serialisation. */
export interface GeneratedCase {
  /** File name of the case file, e.g. gen-c000042.case.yaml. */
  name: string;
  data: CaseFile;
  /** Source texts, by path relative to the case file. */
  texts: { path: string; text: string }[];
}

/** Folder of the source texts, beside the case files. */
export const TEXTS_DIR = 'texts';

/** The documents section for some writers: each text lives in its own file, as long texts should. */
export function documentsOf(writers: { writer: DocumentWriter; fields: Omit<DocumentInput, 'id' | 'path' | 'text'> }[]): {
  documents: DocumentInput[];
  texts: GeneratedCase['texts'];
} {
  const documents = writers.map(({ writer, fields }) => ({ id: writer.id, ...fields, path: `${TEXTS_DIR}/${writer.id}.txt` }));
  const texts = writers.map(({ writer }) => ({ path: `${TEXTS_DIR}/${writer.id}.txt`, text: writer.text() }));
  return { documents, texts };
}
