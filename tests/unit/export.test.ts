import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCaseFile, ExportError, formatCaseFile, type ExportRelationshipRow, type ExportRows } from '../../src/ingest/export/export.js';
import { timeToInput } from '../../src/ingest/casefile/mapping.js';
import { planCaseFile, type GraphPlan } from '../../src/ingest/casefile/plan.js';
import { validateCaseFile, type ValidationEnv } from '../../src/ingest/casefile/validate.js';
import { relKey } from '../../src/ingest/write/write-queries.js';
import { flattenTime, normalizeTime, type TimeInput } from '../../src/model/time.js';
import { CASE_YAML, memoryEnv, REPORT_TEXT } from './support/case-file.js';

/** What the graph holds after writing a plan, as the export queries return it (in scrambled order). */
function rowsFromPlan(plan: GraphPlan): ExportRows {
  // A node's passages come back as this case's STATES of it holds them: the plan's.
  const stored = (props: Record<string, unknown>) => ({ ...props });
  return {
    caseId: plan.caseId,
    manifest: {
      nodeIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds],
      externalIds: plan.externalIds,
      relKeys: plan.relationships.map(relKey),
      passageIds: plan.passages.map((p) => p.id),
    },
    nodes: plan.nodes.filter((n) => n.kind !== 'SourceDocument').map((n) => ({ id: n.id, kind: n.kind, props: stored(n.props) })).reverse(),
    documents: plan.nodes.filter((n) => n.kind === 'SourceDocument').map((n) => ({ id: n.id, props: n.props })),
    relationships: plan.relationships.map(({ type, id, from, to, props }) => ({ type, id, from, to, props })).reverse(),
    passages: [...plan.passages].reverse(),
  };
}

async function planOf(text: string, env: ValidationEnv): Promise<GraphPlan> {
  const { problems, valid } = await validateCaseFile('exported.case.yaml', text, env);
  expect(problems).toEqual([]);
  return planCaseFile(valid!);
}

describe('buildCaseFile on a planned case (export is the inverse of plan)', () => {
  it('gives a file that validates and plans to exactly the same rows', async () => {
    const plan = await planOf(CASE_YAML, memoryEnv());
    const file = buildCaseFile(rowsFromPlan(plan));
    expect(await planOf(formatCaseFile(file), memoryEnv())).toEqual(plan);
    expect(await planOf(formatCaseFile(file, 'JSON'), memoryEnv())).toEqual(plan);
    // The document is inline; rust-film (in the graph, not defined by the file) stays a reference.
    expect(file.documents).toEqual([{ id: 'report', title: 'A report on the Rust case', text: REPORT_TEXT }]);
    expect(file.entities!.map((e) => e.id)).toEqual(['alec-baldwin', 'halyna-hutchins', 'first-district-court']);
    expect(file.relations!.find((r) => r.type === 'WORKED_ON')).toMatchObject({ from: 'halyna-hutchins', to: 'rust-film' });
    expect(file.case).toMatchObject({ id: 'state-v-baldwin', court: 'first-district-court' });
    expect(file.acts![0]).toEqual({
      id: 'baldwin-fired', actor: 'alec-baldwin', action: 'fired the gun',
      time: { text: 'on Oct. 21, 2021', date: '2021-10-21' },
      sources: [{ quote: 'Alec Baldwin fired the gun', start: 0, end: 26 }],
    });
  });

  it('does the same for the Baldwin seed, every section and time of it', async () => {
    const article = readFileSync('seeds/baldwin-case-dismissed.txt', 'utf8');
    const env = memoryEnv({}, { 'baldwin-case-dismissed.txt': article });
    const plan = await planOf(readFileSync('seeds/baldwin-rust.case.yaml', 'utf8'), env);
    const text = formatCaseFile(buildCaseFile(rowsFromPlan(plan)));
    expect(await planOf(text, env)).toEqual(plan);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/case-file.schema.json');
    expect(parse(text).documents[0]).toEqual({ id: 'baldwin-case-dismissed-article', title: expect.any(String), kind: 'news article', text: article });
  });
});

// ---------------------------------------------------------------- hand-made rows
const CASE = 'case-x';
const passage = (id: string, quote: string) => {
  const [documentId, range] = id.split(':') as [string, string];
  const [start, end] = range.split('-').map(Number) as [number, number];
  return { id, documentId, quote, start, end };
};
const node = (kind: string, id: string, props: Record<string, unknown> = {}, passages = ['doc-a:0-5']) => ({
  id,
  kind,
  props: { id, kind, name: id, aliases: [], description: null, unnamed: false, passageIds: passages, ...props },
});
const rel = (type: string, from: string, to: string, localId: string, props: Record<string, unknown> = {}): ExportRelationshipRow => ({
  type, id: `${CASE}:${localId}`, from, to, props: { caseId: CASE, passageIds: ['doc-a:0-5'], ...props },
});
const time = (field: string, input: TimeInput) => flattenTime(field, normalizeTime(input));

function handRows(): ExportRows {
  const relationships: ExportRelationshipRow[] = [
    rel('HEARD_IN', 'civil-suit', 'court-ext', 'civil-suit.court.court-ext'),
    rel('RULING_IN', 'ruling-1', CASE, `ruling-1.case.${CASE}`),
    rel('ISSUED', 'judge', 'ruling-1', 'ruling-1.judge.judge'),
    rel('IN_CASE', 'event-1', CASE, `event-1.case.${CASE}`),
    rel('PARTICIPATED_IN', 'bob', 'event-1', 'event-1.participants.bob'),
    rel('PARTICIPATED_IN', 'ann', 'event-1', 'event-1.participants.ann'),
    rel('IN_CASE', 'act-1', CASE, `act-1.case.${CASE}`),
    rel('PERFORMED', 'ann', 'act-1', 'act-1.actor.ann'),
    rel('TARGETED', 'act-1', 'bob', 'act-1.target.bob'),
    rel('PART_OF', 'act-1', 'event-1', 'act-1.event.event-1'),
    rel('IN_CASE', 'claim-1', 'civil-suit', 'claim-1.case.civil-suit'),
    rel('ASSERTED', 'bob', 'claim-1', 'claim-1.claimant.bob'),
    rel('ABOUT', 'claim-1', 'event-1', 'claim-1.about.event-1'),
    rel('ABOUT', 'claim-1', 'act-1', 'claim-1.about.act-1'),
    rel('DISPUTES', 'claim-1', 'claim-ext', 'claim-1.disputes.claim-ext'),
    rel('HAS_ROLE', 'ann', CASE, `role-ann-defendant-${CASE}`, { role: 'defendant', description: null, passageIds: ['doc-b:3-8'] }),
    rel('HAS_ROLE', 'judge', CASE, 'the-judge', { role: 'judge', description: 'Presided.' }),
    rel('KNOWS', 'ann', 'bob', 'knows-ann-bob', { description: null }),
    rel('KNOWS', 'bob', 'ann', 'bob-knows-ann-too', { description: 'Both ways.' }),
  ];
  const nodes = [
    node('Case', CASE, { caption: 'Ann v. Bob', name: 'Ann v. Bob', status: 'open', caseType: null, documentIds: ['doc-a', 'doc-b'] }),
    // Ann is also cited by another case, whose passages stay on its own STATES (the query reads this case's).
    node('Person', 'ann', { name: 'Ann', aliases: ['A.'], occupation: 'baker', age: 40 }, ['doc-a:0-5', 'doc-b:3-8']),
    node('Person', 'bob', { name: 'the neighbour', unnamed: true, occupation: null, age: null }),
    node('Person', 'judge', { name: 'Judge Jo' }),
    node('Case', 'civil-suit', { name: 'the civil suit', caption: null, caseType: 'civil', status: 'pending', outcome: null }),
    node('Ruling', 'ruling-1', { name: 'It was open.', finding: 'It was open.', disposition: null, words: null, ...time('time', { text: 'In May', month: 5 }) }),
    node('Event', 'event-1', { name: 'The meeting', description: 'They met.', eventType: 'meeting', ...time('time', { text: 'On Friday, March 3, 2023', date: '2023-03-03', weekday: 'Friday' }) }),
    node('Act', 'act-1', { name: 'Ann greeted the neighbour', action: 'greeted', ...time('time', { date: '2024', weekday: 'Friday', approximate: true }) }),
    node('Claim', 'claim-1', { name: 'Bob was there.', statement: 'Bob was there.', stance: 'asserts', status: 'alleged', ...time('time', { text: 'later' }) }),
  ];
  const order = [...nodes.map((n) => n.id), 'court-ext', 'claim-ext'];
  return {
    caseId: CASE,
    manifest: {
      nodeIds: ['doc-a', 'doc-b', ...order],
      externalIds: ['claim-ext', 'court-ext'],
      relKeys: relationships.map(relKey),
      passageIds: ['doc-a:0-5', 'doc-b:3-8'],
    },
    // Scrambled, and with an external node the queries would not return anyway.
    nodes: [...nodes.reverse(), node('Claim', 'claim-ext', { statement: 'Not ours.' }, [])],
    documents: [
      { id: 'doc-a', props: { id: 'doc-a', title: 'Doc A', name: 'Doc A', text: 'Alpha beta', documentType: 'court order', publisher: null, published: '2024-05', url: null, length: 10 } },
      { id: 'doc-b', props: { id: 'doc-b', title: 'Doc B', name: 'Doc B', text: 'xx Gamma', documentType: null, publisher: 'Paper', published: null, url: 'https://example.org/b', length: 8 } },
    ],
    relationships: [...relationships].reverse(),
    passages: [passage('doc-b:3-8', 'Gamma'), passage('doc-a:0-5', 'Alpha')],
  };
}

describe('buildCaseFile on hand-made rows', () => {
  const file = buildCaseFile(handRows());
  const A = { quote: 'Alpha', start: 0, end: 5 };
  const B = { quote: 'Gamma', document: 'doc-b', start: 3, end: 8 };

  it('writes documents inline, and the case from its node', () => {
    expect(file.formatVersion).toBe(2);
    expect(file.documents).toEqual([
      { id: 'doc-a', title: 'Doc A', kind: 'court order', published: '2024-05', text: 'Alpha beta' },
      { id: 'doc-b', title: 'Doc B', publisher: 'Paper', url: 'https://example.org/b', text: 'xx Gamma' },
    ]);
    expect(file.case).toEqual({ id: CASE, caption: 'Ann v. Bob', status: 'open', sources: [A] });
  });

  it('exports the entities the case defines in file order, with kind fields and refs, not the ones it only refers to', () => {
    expect(file.entities).toEqual([
      { id: 'ann', kind: 'Person', name: 'Ann', aliases: ['A.'], age: 40, occupation: 'baker', sources: [A, B] },
      { id: 'bob', kind: 'Person', name: 'the neighbour', unnamed: true, sources: [A] },
      { id: 'judge', kind: 'Person', name: 'Judge Jo', sources: [A] },
      { id: 'civil-suit', kind: 'Case', name: 'the civil suit', caseType: 'civil', status: 'pending', court: 'court-ext', sources: [A] },
    ]);
    expect(JSON.stringify(file)).not.toContain('Not ours');
    expect(JSON.stringify(file)).not.toContain('doc-z');
  });

  it('maps inbound and many references back to their fields, in the order of the file', () => {
    expect(file.events).toEqual([{
      id: 'event-1', name: 'The meeting', description: 'They met.', eventType: 'meeting',
      time: { text: 'On Friday, March 3, 2023', date: '2023-03-03' },
      participants: ['bob', 'ann'], sources: [A],
    }]);
    expect(file.acts).toEqual([{
      id: 'act-1', actor: 'ann', action: 'greeted', target: 'bob',
      time: { date: '2024', weekday: 'Friday', approximate: true }, event: 'event-1', sources: [A],
    }]);
    expect(file.claims).toEqual([{
      id: 'claim-1', claimant: 'bob', statement: 'Bob was there.', stance: 'asserts', status: 'alleged',
      about: ['event-1', 'act-1'], disputes: ['claim-ext'], time: { text: 'later' }, case: 'civil-suit', sources: [A],
    }]);
  });

  it("omits the file's own case and a ruling name that is only its finding", () => {
    expect(file.rulings).toEqual([{ id: 'ruling-1', judge: 'judge', finding: 'It was open.', time: { text: 'In May', month: 5 }, sources: [A] }]);
    expect(file.charges).toBeUndefined();
    expect(file.evidence).toBeUndefined();
  });

  it('gives role and relation ids only when they are not the generated ones', () => {
    expect(file.roles).toEqual([
      { who: 'ann', role: 'defendant', in: CASE, sources: [B] },
      { id: 'the-judge', who: 'judge', role: 'judge', in: CASE, description: 'Presided.', sources: [A] },
    ]);
    expect(file.relations).toEqual([
      { type: 'KNOWS', from: 'ann', to: 'bob', sources: [A] },
      { id: 'bob-knows-ann-too', type: 'KNOWS', from: 'bob', to: 'ann', description: 'Both ways.', sources: [A] },
    ]);
  });

  it('keeps order stable: scrambled rows give the same file and the same text', () => {
    const rows = handRows();
    const shuffled = { ...rows, nodes: [...rows.nodes].sort((a, b) => a.id.localeCompare(b.id)), relationships: [...rows.relationships].sort((a, b) => a.id.localeCompare(b.id)) };
    expect(formatCaseFile(buildCaseFile(shuffled))).toBe(formatCaseFile(file));
  });

  it('refuses rows that cannot make a valid file instead of dropping citations', () => {
    const rows = handRows();
    expect(() => buildCaseFile({ ...rows, passages: rows.passages.slice(1) })).toThrow(ExportError);
    expect(() => buildCaseFile({ ...rows, nodes: rows.nodes.filter((n) => n.id !== CASE) })).toThrow(/Case node/);
  });
});

describe('timeToInput', () => {
  it.each<[TimeInput, TimeInput]>([
    [{ text: 'On Friday, March 3, 2023', date: '2023-03-03', weekday: 'Friday' }, { text: 'On Friday, March 3, 2023', date: '2023-03-03' }],
    [{ date: '2023-03-03' }, { date: '2023-03-03' }],
    // A weekday the date does not imply is kept (the loader does not check it against the date).
    [{ date: '2023-03-03', weekday: 'Monday' }, { date: '2023-03-03', weekday: 'Monday' }],
    [{ text: 'In May', month: 5 }, { text: 'In May', month: 5 }],
    [{ date: '2021-10' }, { date: '2021-10' }],
    [{ date: '0999', approximate: true }, { date: '0999', approximate: true }],
    [{ weekday: 'Friday', approximate: false }, { weekday: 'Friday' }],
    [{ text: 'nearly three years after' }, { text: 'nearly three years after' }],
  ])('%j comes back as %j', (input, expected) => {
    const out = timeToInput(normalizeTime(input));
    expect(out).toEqual(expected);
    expect(normalizeTime(out!)).toEqual(normalizeTime(input));
  });
});

describe('formatCaseFile', () => {
  const file = buildCaseFile(handRows());

  it('writes YAML with the schema comment first, quoted dates, and parses back to the same file', () => {
    const text = formatCaseFile(file);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/case-file.schema.json');
    expect(text).toContain('published: "2024-05"');
    expect(text).toContain('time: {date: "2024", weekday: Friday, approximate: true}');
    expect(parse(text)).toEqual(file);
  });

  it('writes pretty-printed JSON with $schema', () => {
    const text = formatCaseFile(file, 'JSON');
    expect(text).toContain('\n  "documents": [\n');
    expect(JSON.parse(text)).toEqual({ $schema: '../schema/case-file.schema.json', ...file });
  });
});
