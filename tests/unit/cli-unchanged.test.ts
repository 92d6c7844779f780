import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { documentPaths } from '../../src/ingest/cli/unchanged.js';

/** What a full parse finds: the documents' `path` values. */
const parsedPaths = (text: string) => [...new Set(((parse(text) as { documents?: { path?: string }[] }).documents ?? []).flatMap((d) => (d.path ? [d.path] : [])))];

describe('documentPaths (the documents a source hash covers, read without parsing)', () => {
  const files: Record<string, string> = {
    block: 'formatVersion: 2\ndocuments:\n  - id: a\n    path: texts/a.txt\n  - id: b\n    title: "b"\n    path: "texts/b c.txt"   # a note\ncase: {id: c}\n',
    flow: "documents:\n  - {id: a, path: 'it''s.txt', title: t}\n  - { \"id\": \"b\", \"path\": \"b.txt\" }\n",
    quotedKey: 'documents:\n  - id: a\n    "path": a.txt\n',
    nextLine: 'documents:\n  - id: a\n    path:\n      texts/a.txt\n',
    blockScalar: 'documents:\n  - id: a\n    path: >-\n      texts/a.txt\n',
    anchor: 'documents:\n  - id: a\n    path: &p texts/a.txt\n  - id: b\n    path: *p\n',
    none: 'documents:\n  - id: a\n    text: the path of the bullet\ncase: {id: c}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    it(`finds what a full parse finds: ${name}`, () => {
      expect(documentPaths('x.case.yaml', text)).toEqual(parsedPaths(text));
    });
  }

  it('reads a JSON record without "path" keys as having none', () => {
    expect(documentPaths('r.json', '{"docket_number": "1:20-cv-1", "text": "a path"}')).toEqual([]);
  });
});
