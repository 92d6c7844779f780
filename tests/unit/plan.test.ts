import { describe, expect, it } from 'vitest';
import { planCaseFile } from '../../src/ingest/casefile/plan.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { CASE_YAML, memoryEnv, REPORT_TEXT } from './support/case-file.js';

async function plan(text = CASE_YAML) {
  const { problems, valid } = await validateCaseFile('rust.case.yaml', text, memoryEnv());
  expect(problems).toEqual([]);
  return planCaseFile(valid!);
}

describe('planCaseFile', () => {
  it('is deterministic: the same file gives the same rows and ids', async () => {
    const [a, b] = await Promise.all([plan(), plan()]);
    expect(a).toEqual(b);
    expect(a.caseId).toBe('state-v-baldwin');
    expect(a.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual([
      'SourceDocument:report', 'Case:state-v-baldwin', 'Person:alec-baldwin', 'Person:halyna-hutchins',
      'Court:first-district-court', 'Charge:baldwin-manslaughter', 'Act:baldwin-fired',
    ]);
    expect(a.relationships.map((r) => r.id)).toEqual([
      'state-v-baldwin:state-v-baldwin.court.first-district-court',
      'state-v-baldwin:baldwin-manslaughter.defendant.alec-baldwin',
      'state-v-baldwin:baldwin-manslaughter.case.state-v-baldwin',
      'state-v-baldwin:baldwin-fired.actor.alec-baldwin',
      'state-v-baldwin:baldwin-fired.case.state-v-baldwin',
      'state-v-baldwin:role-alec-baldwin-defendant-state-v-baldwin',
      'state-v-baldwin:shot-alec-baldwin-halyna-hutchins',
      'state-v-baldwin:worked_on-halyna-hutchins-rust-film',
    ]);
  });

  it('links facts without a case to the file case, and points inbound fields at the fact', async () => {
    const { relationships } = await plan();
    const edges = relationships.map((r) => `${r.from} -${r.type}-> ${r.to}`);
    expect(edges).toEqual(expect.arrayContaining([
      'state-v-baldwin -HEARD_IN-> first-district-court',
      'baldwin-manslaughter -CHARGED_IN-> state-v-baldwin',
      'alec-baldwin -CHARGED_WITH-> baldwin-manslaughter',
      'baldwin-fired -IN_CASE-> state-v-baldwin',
      'alec-baldwin -PERFORMED-> baldwin-fired',
      'alec-baldwin -HAS_ROLE-> state-v-baldwin',
      'alec-baldwin -SHOT-> halyna-hutchins',
    ]));
    const role = relationships.find((r) => r.type === 'HAS_ROLE')!;
    expect(role.props).toMatchObject({ caseId: 'state-v-baldwin', role: 'defendant', description: null });
  });

  it('deduplicates passages, with ids <documentId>:<start>-<end>', async () => {
    const { passages, nodes, relationships } = await plan();
    expect(passages).toHaveLength(8); // 9 citations, two of them the same passage
    expect(new Set(passages.map((p) => p.id)).size).toBe(8);
    expect(passages).toContainEqual({ id: 'report:0-26', documentId: 'report', quote: 'Alec Baldwin fired the gun', start: 0, end: 26 });
    for (const p of passages) {
      expect(p.id).toBe(`${p.documentId}:${p.start}-${p.end}`);
      expect(REPORT_TEXT.slice(p.start, p.end)).toBe(p.quote);
    }
    expect(nodes.find((n) => n.id === 'baldwin-fired')!.props.passageIds).toEqual(['report:0-26']);
    expect(relationships.find((r) => r.type === 'SHOT')!.props.passageIds).toEqual(['report:0-26']);
    // A document carries no passages itself.
    expect(nodes[0]!.props).toMatchObject({ passageIds: [], text: REPORT_TEXT, length: REPORT_TEXT.length, title: 'A report on the Rust case' });
  });

  it('lists ids referred to but not defined as externalIds', async () => {
    const { externalIds, nodes } = await plan();
    expect(externalIds).toEqual(['rust-film']);
    expect(nodes.map((n) => n.id)).not.toContain('rust-film');
  });

  it('flattens time fields and names facts readably', async () => {
    const { nodes } = await plan();
    const act = nodes.find((n) => n.id === 'baldwin-fired')!;
    expect(act.props).toMatchObject({
      name: 'Alec Baldwin fired the gun', action: 'fired the gun',
      time_text: 'on Oct. 21, 2021', time_year: 2021, time_month: 10, time_day: 21, time_weekday: 'Thursday',
      time_approximate: false, time_precision: 'DAY', time_sortKey: '2021-10-21',
    });
    expect(nodes.find((n) => n.id === 'baldwin-manslaughter')!.props.name).toBe('involuntary manslaughter (Alec Baldwin)');
    const caseNode = nodes.find((n) => n.kind === 'Case')!;
    expect(caseNode.props).toMatchObject({ name: 'State v. Baldwin', caption: 'State v. Baldwin', status: 'dismissed', documentIds: ['report'] });
  });
});
