import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../src/ingest/export/export.js';
import { planCaseFile } from '../../src/ingest/casefile/plan.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { CASE_YAML, edit, lineOf, memoryEnv } from './support/case-file.js';

const V2 = edit(CASE_YAML, 'formatVersion: 1', 'formatVersion: 2');
/** The charge's defendant with a passage of its own, the act's actor inferred. */
const LONG = edit(
  edit(V2, '    defendant: alec-baldwin\n', '    defendant:\n      id: alec-baldwin\n      sources:\n        - quote: "Baldwin was charged"\n'),
  '    actor: alec-baldwin\n',
  '    actor: { id: alec-baldwin, inferred: true, reason: "Taken from the report\'s first sentence." }\n',
);

async function problemsOf(text: string) {
  const { problems } = await validateCaseFile('rust.case.yaml', text, memoryEnv());
  return problems;
}

async function planOf(text: string) {
  const { problems, valid } = await validateCaseFile('rust.case.yaml', text, memoryEnv());
  expect(problems).toEqual([]);
  return planCaseFile(valid!);
}

describe('formatVersion 2: references in the long form', () => {
  it('gives an edge its own passages, and marks the others as inherited from their node', async () => {
    const plan = await planOf(LONG);
    const rel = (id: string) => plan.relationships.find((r) => r.id === `state-v-baldwin:${id}`)!;
    const charge = plan.nodes.find((n) => n.id === 'baldwin-manslaughter')!;
    const own = plan.passages.find((p) => p.quote === 'Baldwin was charged')!;
    expect(rel('baldwin-manslaughter.defendant.alec-baldwin').props).toMatchObject({ passageIds: [own.id], inherited: false, inferred: false, reason: null });
    expect(rel('baldwin-manslaughter.case.state-v-baldwin').props).toMatchObject({ passageIds: charge.props.passageIds, inherited: true });
    expect(rel('baldwin-fired.actor.alec-baldwin').props).toMatchObject({ inherited: true, inferred: true, reason: "Taken from the report's first sentence." });
    expect(rel('role-alec-baldwin-defendant-state-v-baldwin').props).toMatchObject({ inherited: false, inferred: false });
  });

  it('gives the same plan for a version 1 file as for the same file marked version 2', async () => {
    expect(await planOf(CASE_YAML)).toEqual(await planOf(V2));
  });

  it('checks an edge’s quotes like any other', async () => {
    const problems = await problemsOf(edit(LONG, '        - quote: "Baldwin was charged"', '        - quote: "Baldwin was chargd"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'charges[0].defendant.sources[0].quote', message: 'the quote "Baldwin was chargd" is not in the document' });
  });

  it('refuses version 2 fields in a version 1 file, each where it is, with the fix', async () => {
    const problems = await problemsOf(edit(LONG, 'formatVersion: 2', 'formatVersion: 1'));
    expect(problems.map((p) => [p.path, p.message, p.line])).toEqual([
      ['charges[0].defendant', 'the long form of defendant needs formatVersion: 2', lineOf(LONG, '      id: alec-baldwin')],
      ['acts[0].actor', 'the long form of actor needs formatVersion: 2', lineOf(LONG, '    actor: {')],
    ]);
    expect(problems[0]!.hint).toMatch(/^write formatVersion: 2 at the top of the file/);
  });

  it('wants a reason with inferred: true, and inferred: true with a reason', async () => {
    const noReason = await problemsOf(edit(LONG, ', reason: "Taken from the report\'s first sentence."', ''));
    expect(noReason.map((p) => [p.path, p.message])).toEqual([['acts[0].actor.inferred', 'inferred: true needs a reason']]);
    const noInferred = await problemsOf(edit(LONG, 'inferred: true, ', ''));
    expect(noInferred.map((p) => [p.path, p.message])).toEqual([['acts[0].actor.reason', 'a reason is given, but inferred is not true']]);
  });

  it('refuses an id named twice in one list, in whichever forms', async () => {
    const text = edit(V2, 'relations:\n', `events:
  - id: shooting
    name: The shooting
    participants: [alec-baldwin, { id: alec-baldwin, sources: [{ quote: "Alec Baldwin fired the gun", start: 0, end: 26 }] }]
    sources:
      - quote: "Halyna Hutchins died."
relations:
`);
    expect((await problemsOf(text)).map((p) => [p.path, p.message])).toEqual([['events[0].participants[1]', '"alec-baldwin" is named twice in this list']]);
  });

  it('takes a ruling’s dispositionKind from the allowed kinds only', async () => {
    const text = edit(V2, 'relations:\n', `rulings:
  - id: dismissal
    judge: alec-baldwin
    finding: Dismissed.
    dispositionKind: dismissed_forever
    sources:
      - quote: "Judge Mary Marlowe Sommer dismissed the case."
relations:
`);
    const [problem] = await problemsOf(text);
    expect(problem).toMatchObject({ path: 'rulings[0].dispositionKind', message: '"dismissed_forever" is not allowed here' });
    expect(problem!.hint).toContain('dismissed_with_prejudice');
  });
});

describe('export of the long form', () => {
  it('writes back own sources and inferred edges in the long form, inherited ones as plain ids', async () => {
    const plan = await planOf(LONG);
    const passages = plan.passages;
    const file = buildCaseFile({
      caseId: plan.caseId,
      manifest: { nodeIds: plan.nodes.map((n) => n.id), externalIds: plan.externalIds, relKeys: [], passageIds: passages.map((p) => p.id) },
      nodes: plan.nodes.filter((n) => n.kind !== 'SourceDocument').map((n) => ({ id: n.id, kind: n.kind, props: n.props })),
      documents: plan.nodes.filter((n) => n.kind === 'SourceDocument').map((n) => ({ id: n.id, props: n.props })),
      relationships: plan.relationships.map((r) => ({ ...r })),
      passages,
    });
    expect(file.formatVersion).toBe(2);
    const at = passages.find((p) => p.quote === 'Baldwin was charged')!;
    expect(file.charges![0]!.defendant).toEqual({ id: 'alec-baldwin', sources: [{ quote: 'Baldwin was charged', start: at.start, end: at.end }] });
    expect(file.acts![0]!.actor).toEqual({ id: 'alec-baldwin', inferred: true, reason: "Taken from the report's first sentence." });
    expect(file.acts![0]!.case).toBeUndefined();
  });
});
