import type { CaseBuild } from '../build.js';
import { FEDERAL_SYSTEM, judgeId } from '../identity.js';
import { cleanName, isJudgeName, looksLikePersonName } from '../people.js';
import { isObject, readDate, slug, text, type RecordPath } from '../record.js';
import { courtEntity } from './court.js';
import { docketIdentity } from './docket-id.js';
import type { CourtListenerJoins } from './joins.js';

/** The relationship from an appeal to the case or agency decision it reviews. */
export const APPEAL_FROM = 'APPEAL_FROM';

/**
 * Where an appeal comes from. With the lower court's id and docket number
 * (`originating_court_information`), the lower court's docket is a Case of its own, with the
 * same id a report of that docket gives it, its court and its judges (`assigned_to`,
 * `ordering_judge`), and `(appeal)-[:APPEAL_FROM]->(lower case)`. Without them (an agency's
 * order under review, ACMS's `{identifier, name}`), the body appealed from (`appeal_from`, or the
 * originating court's name) is an Organization and APPEAL_FROM points to it.
 */
export function importAppealFrom(build: CaseBuild, record: Record<string, unknown>, joins?: CourtListenerJoins): void {
  const origin = isObject(record.originating_court_information) ? record.originating_court_information : {};
  const at = (...path: RecordPath): RecordPath => ['originating_court_information', ...path];
  const lowerCourt = text(origin.court_id);
  const lowerNumber = text(origin.docket_number);
  const appealFrom = text(record.appeal_from);
  if (lowerCourt && lowerNumber) {
    const identity = docketIdentity(lowerCourt, lowerNumber, undefined)!;
    const court = courtEntity(build, lowerCourt, at('court_id'), joins);
    const sources = [build.cite.whole(at('docket_number')), build.cite.whole(at('court_id')), ...(appealFrom ? [build.cite.whole(['appeal_from'])] : [])];
    const filed = readDate(origin.date_filed, [], []);
    const lower = build.entity({
      id: identity.caseId,
      kind: 'Case',
      shared: true,
      name: `Docket ${identity.number} (${lowerCourt})`,
      docketNumber: identity.number,
      status: text(origin.disposition) ? 'decided' : 'open',
      court: court.id,
      ...(filed ? { dateFiled: filed } : {}),
      ...(appealFrom ? { description: `The lower court's docket (${appealFrom}).` } : {}),
      sources,
    });
    build.relation({
      id: slug(build.caseId, 'appeal-from', lower.id),
      type: APPEAL_FROM,
      from: build.caseId,
      to: lower.id,
      ...(text(origin.disposition) ? { description: `disposition below: ${text(origin.disposition)!.trim()}` } : {}),
      sources: [...sources, ...(text(origin.disposition) ? [build.cite.whole(at('disposition'))] : [])],
    });
    for (const [field, role] of [['assigned_to', 'assigned_judge'], ['ordering_judge', 'ordering_judge']] as const) {
      const name = text(origin[field]);
      if (!name) continue;
      if (!isJudgeName(name)) {
        build.dropped(at(field), `"${name}" does not name a judge (an assignment label or not a name): no judge made`);
        continue;
      }
      const clean = cleanName(name);
      const source = build.cite.part(at(field), name, clean.from, clean.to);
      const judge = build.entity({ id: judgeId(FEDERAL_SYSTEM, clean.text), kind: 'Person', shared: true, name: clean.text, occupation: 'judge', sources: [source] });
      build.role({ id: slug(lower.id, role.replace('_', '-'), judge.id), who: judge.id, role, in: lower.id, sources: [source] });
    }
    const reporter = text(origin.court_reporter);
    if (reporter) build.dropped(at('court_reporter'), 'the lower court\'s court reporter is not mapped');
    return;
  }
  const bodyField = appealFrom ? ['appeal_from'] : text(origin.name) ? at('name') : undefined;
  if (!bodyField) return;
  const body = appealFrom ?? text(origin.name)!;
  const organisation = build.entity({ id: slug('body', body), kind: 'Organization', shared: true, name: body.trim(), orgType: 'court or agency appealed from', sources: [build.cite.whole(bodyField)] });
  build.relation({ id: slug(build.caseId, 'appeal-from', organisation.id), type: APPEAL_FROM, from: build.caseId, to: organisation.id, sources: [build.cite.whole(bodyField)] });
}

/**
 * The panel of an appeal: `panel` lists the judges, by name or (as CM/ECF gives it) by initials.
 * A name is a judge of the federal courts; initials are a judge of this court known by them only.
 */
export function importPanel(build: CaseBuild, record: Record<string, unknown>, court: string): void {
  const panel = Array.isArray(record.panel) ? record.panel : [];
  panel.forEach((member, i) => {
    const name = text(member);
    if (!name) return;
    const source = build.cite.whole(['panel', i]);
    const byName = looksLikePersonName(name);
    const judge = build.entity({
      id: byName ? judgeId(FEDERAL_SYSTEM, cleanName(name).text) : slug('judge', court, 'initials', name),
      kind: 'Person',
      shared: true,
      name: byName ? cleanName(name).text : name.trim(),
      occupation: 'judge',
      ...(byName ? {} : { description: `A judge of ${court} the panel names by initials only.` }),
      sources: [source],
    });
    if (!byName) build.guessed(['panel', i], `"${name}" taken for a judge's initials`);
    build.role({ id: slug(build.caseId, 'panel', judge.id), who: judge.id, role: 'panel_judge', in: build.caseId, sources: [source] });
  });
}
