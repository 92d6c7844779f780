import type { GraphNodeInfo, ValidationEnv } from '../../../src/ingest/casefile/validate.js';

/** The text of the one inline document of CASE_YAML (a YAML literal block keeps the final newline). */
export const REPORT_TEXT = [
  'Alec Baldwin fired the gun on the set of Rust on Oct. 21, 2021. Halyna Hutchins died.',
  'The case was heard in the First Judicial District Court. Baldwin was charged with involuntary manslaughter.',
  'Judge Mary Marlowe Sommer dismissed the case.',
  '',
].join('\n');

/** A small valid case file; `rust-film` is not defined here but is in GRAPH. */
export const CASE_YAML = `formatVersion: 1
documents:
  - id: report
    title: A report on the Rust case
    text: |
${REPORT_TEXT.trimEnd().split('\n').map((line) => `      ${line}`).join('\n')}
case:
  id: state-v-baldwin
  caption: State v. Baldwin
  status: dismissed
  court: first-district-court
  sources:
    - quote: "Judge Mary Marlowe Sommer dismissed the case."
entities:
  - id: alec-baldwin
    kind: Person
    name: Alec Baldwin
    occupation: actor
    sources:
      - quote: "Alec Baldwin"
  - id: halyna-hutchins
    kind: Person
    name: Halyna Hutchins
    sources:
      - quote: "Halyna Hutchins died."
  - id: first-district-court
    kind: Court
    name: First Judicial District Court
    sources:
      - quote: "First Judicial District Court"
charges:
  - id: baldwin-manslaughter
    offence: involuntary manslaughter
    defendant: alec-baldwin
    sources:
      - quote: "Baldwin was charged with involuntary manslaughter."
acts:
  - id: baldwin-fired
    actor: alec-baldwin
    action: fired the gun
    time: { text: "on Oct. 21, 2021", date: "2021-10-21" }
    sources:
      - quote: "Alec Baldwin fired the gun"
        start: 0
        end: 26
roles:
  - who: alec-baldwin
    role: defendant
    in: state-v-baldwin
    sources:
      - quote: "Baldwin was charged"
relations:
  - type: SHOT
    from: alec-baldwin
    to: halyna-hutchins
    sources:
      - quote: "Alec Baldwin fired the gun"
  - type: WORKED_ON
    from: halyna-hutchins
    to: rust-film
    sources:
      - quote: "the set of Rust"
`;

/** What the graph already holds for these tests. */
export const GRAPH: Record<string, GraphNodeInfo> = { 'rust-film': { kind: 'Work', name: 'Rust' } };

/** Documents by path and ids in the graph, as plain in-memory lookups. */
export function memoryEnv(graph: Record<string, GraphNodeInfo> = GRAPH, files: Record<string, string> = {}): ValidationEnv {
  return {
    async readDocument(relativePath) {
      const text = files[relativePath];
      if (text === undefined) throw new Error('no such file');
      return text;
    },
    async lookupIds(ids) {
      return new Map(ids.flatMap((id): [string, GraphNodeInfo][] => (graph[id] ? [[id, graph[id]]] : [])));
    },
  };
}

/** Replaces a piece of text that must occur exactly once. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the one line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`"${needle}" is on ${found.length} lines`);
  return found[0]!;
}
