import { describe, expect, it } from 'vitest';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { CASE_YAML, edit, lineOf, memoryEnv } from './support/case-file.js';

/** CASE_YAML with events whose `partOf` are given: [id, partOf id or undefined]. */
function withEvents(events: [string, string | undefined][]): string {
  const section = events
    .map(([id, parent]) => [
      `  - id: ${id}`,
      `    name: Event ${id}`,
      `    sources:`,
      `      - quote: "Alec Baldwin fired the gun"`,
      ...(parent ? [`    partOf:`, `      id: ${parent}`, `      sources:`, `        - quote: "Halyna Hutchins died."`] : []),
    ].join('\n'))
    .join('\n');
  return edit(CASE_YAML.replace("formatVersion: 1", "formatVersion: 2"), 'roles:\n', `events:\n${section}\nroles:\n`);
}

const validate = (text: string) => validateCaseFile('rust.case.yaml', text, memoryEnv());

describe('partOf loops', () => {
  it('a chain without a loop is valid', async () => {
    const { problems } = await validate(withEvents([['rehearsal', undefined], ['shooting', 'rehearsal']]));
    expect(problems).toEqual([]);
  });

  it('an event part of itself is refused at its partOf', async () => {
    const text = withEvents([['shooting', 'shooting']]);
    const { problems, valid } = await validate(text);
    expect(valid).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ path: 'events[0].partOf.id', line: lineOf(text, '      id: shooting'), message: 'event "shooting" is partOf itself' })]);
  });

  it('a loop through other events is refused once, naming the whole loop', async () => {
    const text = withEvents([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']]);
    const { problems } = await validate(text);
    expect(problems).toEqual([expect.objectContaining({ path: 'events[0].partOf.id', message: 'partOf makes a loop: "a" → "b" → "c" → "a"' })]);
    expect(problems[0]!.hint).toMatch(/cannot be part of itself/);
  });
});

describe('references to the element itself', () => {
  it('an event caused by itself is refused at its causedBy; another event is fine', async () => {
    const base = withEvents([['rehearsal', undefined], ['shooting', undefined]]);
    const selfCaused = base.replace('  - id: shooting\n', '  - id: shooting\n    causedBy: shooting\n');
    const { problems, valid } = await validate(selfCaused);
    expect(valid).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ path: 'events[1].causedBy', message: '"shooting" refers to itself' })]);
    expect(problems[0]!.hint).toMatch(/cannot refer to itself/);
    const caused = base.replace('  - id: shooting\n', '  - id: shooting\n    causedBy: rehearsal\n');
    expect((await validate(caused)).problems).toEqual([]);
  });
});
