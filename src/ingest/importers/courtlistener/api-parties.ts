import { CaseBuild } from '../build.js';
import { normaliseName } from '../identity.js';
import { cleanName, partyKind } from '../people.js';
import { isObject, readDate, roleName, slug, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { apiCaseFile } from './api-case.js';
import { clId, docketCase } from './joins.js';
import { attorneyFirm, attorneyNode, chargesOf, partyNode, partyRole } from './parties.js';

/** CourtListener's codes of an attorney's role for a party (people_db Role). */
export const ATTORNEY_ROLES: Record<number, string> = {
  1: 'Attorney to be noticed',
  2: 'Lead attorney',
  3: 'Attorney in sealed group',
  4: 'Pro hac vice',
  5: 'Self-terminated',
  6: 'Terminated',
  7: 'Suspended',
  8: 'Inactive',
  9: 'Disbarred',
  10: 'Unknown',
};

/** The docket a party or attorney belongs to: its `docket_id` (or `docket` URL), else its first party type's or representation's. */
function docketOf(record: Record<string, unknown>, list: string): number | undefined {
  const own = clId(record.docket_id, record.docket, 'dockets');
  if (own !== undefined) return own;
  const first = Array.isArray(record[list]) ? (record[list] as unknown[]).find(isObject) : undefined;
  return first ? clId(first.docket_id, first.docket, 'dockets') : undefined;
}

function noDocket(base: RecordPath): ImportResult {
  return { problems: [{ path: [...base, 'docket_id'], message: 'the record names no docket (docket_id, or the docket URL of its party types)', hint: 'a CourtListener party or attorney belongs to one docket: save it with its docket_id' }] };
}

/**
 * A party of the CourtListener API (`/api/rest/v4/parties/`): the same party a docket report
 * lists, in the case of its docket (found by `docket_id` among the run's dockets; see joins.ts).
 * Its `party_types` give its roles (the type's name, termination date, extra info) and the
 * criminal counts and complaints against it. Its attorneys are stated by the attorney objects
 * (`parties_represented`), which name them.
 */
export function importApiParty({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a party must be a JSON object', hint: 'give the API party object' }] };
  const docket = docketOf(record, 'party_types');
  if (docket === undefined) return noDocket(base);
  const raw = text(record.name);
  if (!raw) return { problems: [{ path: [...base, 'name'], message: 'the party has no name', hint: 'a party needs its name' }] };
  const problems: RecordProblem[] = [];
  const types = Array.isArray(record.party_types) ? record.party_types : [];
  types.forEach((t, k) => isObject(t) && readDate(t.date_terminated, [...base, 'party_types', k, 'date_terminated'], problems));
  if (problems.length > 0) return { problems };

  const target = docketCase(joins, docket);
  const build = new CaseBuild(target.caseId, base);
  if (!target.known) build.guessed(['docket_id'], `docket ${docket} is not among this run's records: the party is loaded into the case ${target.caseId}; load it with its docket (the API docket object) to join it to the docket's case`);
  const firstType = types.find(isObject);
  const kind = partyKind(raw, firstType ? text(firstType.name) : undefined);
  if (kind === 'none') {
    build.dropped(['name'], `"${raw.trim()}" is a caption or a sealed name, not a party: no node made`);
  } else {
    const { node, name } = partyNode(build, raw, kind, ['name']);
    types.forEach((t, k) => isObject(t) && partyType(build, t, k, node.id, name.capacity?.text));
  }
  if (Array.isArray(record.attorneys) && record.attorneys.length > 0) build.dropped(['attorneys'], 'the attorneys are listed here by CourtListener id only: their names and roles come from the attorney objects (parties_represented)');
  return apiCaseFile(build, target, docket, record, published, 'api-party', `Party ${raw.trim()}`, {}, 'docket_id', joins);
}

/** One of the party's types: its role in the case, and the charges against it. */
function partyType(build: CaseBuild, t: Record<string, unknown>, k: number, who: string, capacity: string | undefined): void {
  const at: RecordPath = ['party_types', k];
  const type = text(t.name);
  const role = roleName(type, 'party');
  const extra = text(t.extra_info);
  const terminated = readDate(t.date_terminated, [], []);
  const description = [capacity, extra?.trim()].filter(Boolean).join('; ');
  partyRole(build, who, role, description, terminated,
    [build.cite.whole(['name']), ...(type ? [build.cite.whole([...at, 'name'])] : []), ...(extra ? [build.cite.whole([...at, 'extra_info'])] : []), ...(terminated ? [build.cite.whole([...at, 'date_terminated'])] : [])]);
  chargesOf(build, t.criminal_counts, 'counts', who, 'party', [...at, 'criminal_counts']);
  chargesOf(build, t.criminal_complaints, 'complaints', who, 'party', [...at, 'criminal_complaints']);
}

/**
 * An attorney of the CourtListener API (`/api/rest/v4/attorneys/`): a person (or an office, by
 * the words of the name) with the role of attorney in the case of its docket; the firm from
 * `contact_raw` (contact.ts); and for each party represented on that docket whose name the run
 * gives (its party object), REPRESENTS with the role's words ("Lead attorney").
 */
export function importApiAttorney({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'an attorney must be a JSON object', hint: 'give the API attorney object' }] };
  const docket = docketOf(record, 'parties_represented');
  if (docket === undefined) return noDocket(base);
  const raw = text(record.name);
  if (!raw) return { problems: [{ path: [...base, 'name'], message: 'the attorney has no name', hint: 'an attorney needs its name' }] };
  const target = docketCase(joins, docket);
  const build = new CaseBuild(target.caseId, base);
  if (!target.known) build.guessed(['docket_id'], `docket ${docket} is not among this run's records: the attorney is loaded into the case ${target.caseId}; load it with its docket to join it to the docket's case`);
  const { node, name, person, nameSource } = attorneyNode(build, raw, ['name']);
  build.role({ id: slug(build.caseId, 'attorney', node.id), who: node.id, role: 'attorney', in: build.caseId, sources: [nameSource] });
  const represented = representations(build, record, docket, node.id, nameSource, joins?.parties);
  const proSe = represented.some((party) => normaliseName(party).startsWith(normaliseName(name.text)));
  attorneyFirm(build, { id: node.id, name: name.text, person }, text(record.contact_raw), ['contact_raw'], proSe);
  for (const field of ['phone', 'fax', 'email']) if (text(record[field])) build.dropped([field], `field "${field}" is not mapped`);
  return apiCaseFile(build, target, docket, record, published, 'api-attorney', `Attorney ${raw.trim()}`, {}, 'docket_id', joins);
}

/** REPRESENTS for each party of this docket the attorney represents, grouped per party with every role's words; the parties' names. */
function representations(build: CaseBuild, record: Record<string, unknown>, docket: number, attorney: string, nameSource: ReturnType<CaseBuild['cite']['whole']>, parties: Map<number, string> | undefined): string[] {
  const list = Array.isArray(record.parties_represented) ? record.parties_represented : [];
  const byParty = new Map<number, number[]>();
  list.forEach((item, k) => {
    if (!isObject(item)) return;
    const own = clId(item.docket_id, item.docket, 'dockets');
    if (own !== undefined && own !== docket) {
      build.dropped(['parties_represented', k], `a representation on another docket (${own}): load it with that docket's attorneys`);
      return;
    }
    const party = clId(item.party_id, item.party, 'parties');
    if (party === undefined) return;
    byParty.set(party, [...(byParty.get(party) ?? []), k]);
  });
  const names: string[] = [];
  for (const [party, indices] of byParty) {
    const partyName = parties?.get(party);
    if (!partyName) {
      build.dropped(['parties_represented', indices[0]!, 'party'], `party ${party} is not among this run's records: no REPRESENTS made; load the docket's parties with its attorneys`);
      continue;
    }
    const kind = partyKind(partyName);
    if (kind === 'none') continue;
    names.push(partyName);
    const partyId = slug(build.caseId, 'party', cleanName(partyName).text);
    const roles = indices.map((k) => ({ k, code: (list[k] as Record<string, unknown>).role })).filter((r) => typeof r.code === 'number');
    const words = [...new Set(roles.map((r) => ATTORNEY_ROLES[r.code as number] ?? `role ${r.code}`))];
    build.relation({
      id: slug(build.caseId, 'represents', attorney, partyId),
      type: 'REPRESENTS',
      from: attorney,
      to: partyId,
      ...(words.length > 0 ? { description: words.join('; ') } : {}),
      sources: [nameSource, ...indices.map((k) => build.cite.whole(['parties_represented', k, 'party'])), ...roles.map((r) => build.cite.whole(['parties_represented', r.k, 'role']))],
    });
    build.guessed(['parties_represented', indices[0]!, 'party'], `party ${party} is "${partyName}" (its party object in this run)`);
  }
  return names;
}
