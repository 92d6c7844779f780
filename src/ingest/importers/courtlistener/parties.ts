import type { Citation, EntityInput } from '../../casefile/case-file.js';
import type { CaseBuild } from '../build.js';
import { attorneyId, FEDERAL_SYSTEM, firmId, normaliseName } from '../identity.js';
import { cleanName, looksLikePersonName, partyKind, type CleanName } from '../people.js';
import { isObject, readDate, roleName, slug, text, type RecordPath } from '../record.js';
import { firmOf } from './contact.js';

/** A party as the entries' "filed by" finds it. */
export interface PartyRef {
  id: string;
  names: string[];
}

/**
 * The parties of a docket and their attorneys. A party's name is cleaned (its capacity, such as
 * "Attorney General", goes to the role's description; "a/k/a" names become aliases); a sealed or
 * "In re" caption is no party; offices, agencies and companies are organisations. An attorney
 * whose name is not a person's ("Oil", "U S Attorney CR": a mailbox or an office) is an
 * organisation; the firm is the contact block's first line that is a firm.
 */
export function importParties(build: CaseBuild, parties: unknown[], defendant: string | undefined): PartyRef[] {
  const refs: PartyRef[] = [];
  parties.forEach((party, i) => {
    if (!isObject(party)) return;
    const raw = text(party.name);
    if (!raw) return;
    const namePath: RecordPath = ['parties', i, 'name'];
    const type = text(party.type) ?? (Array.isArray(party.party_types) && isObject(party.party_types[0]) ? text(party.party_types[0].name) : undefined);
    const kind = partyKind(raw, type);
    if (kind === 'none') {
      build.dropped(namePath, `"${raw.trim()}" is a caption or a sealed name, not a party: no node made`);
      return;
    }
    const { node, name } = partyNode(build, raw, kind, namePath);
    refs.push({ id: node.id, names: [raw.trim(), name.text, ...name.aliases.map((a) => a.text)] });
    importRole(build, party, i, node.id, type, name.capacity, defendant);
    importCounts(build, party, i, node.id);
    const attorneys = Array.isArray(party.attorneys) ? party.attorneys : [];
    attorneys.forEach((attorney, j) => isObject(attorney) && importAttorney(build, attorney, ['parties', i, 'attorneys', j], { id: node.id, name: name.text, path: namePath }));
  });
  return refs;
}

function importRole(build: CaseBuild, party: Record<string, unknown>, i: number, who: string, type: string | undefined, capacity: { text: string; from: number; to: number } | undefined, defendant: string | undefined) {
  const typePath = text(party.type) ? ['parties', i, 'type'] : ['parties', i, 'party_types', 0, 'name'];
  const sources: Citation[] = [build.cite.whole(['parties', i, 'name']), ...(type ? [build.cite.whole(typePath)] : [])];
  const extra = text(party.extra_info);
  let terminated = usDate(party.date_terminated);
  if (terminated) sources.push(build.cite.whole(['parties', i, 'date_terminated']));
  if (extra) {
    sources.push(build.cite.whole(['parties', i, 'extra_info']));
    const ended = /TERMINATED:\s*(\d{2}\/\d{2}\/\d{4})/.exec(extra);
    if (!terminated && ended) terminated = usDate(ended[1]);
  }
  const role = roleName(type, 'party');
  const description = [capacity?.text, role === 'defendant' && defendant ? `defendant ${defendant}` : undefined, extra?.trim()].filter(Boolean).join('; ');
  partyRole(build, who, role, description, terminated, sources);
}

/** A party's node from its name: cleaned (its capacity apart, "a/k/a" names as aliases), cited where the record gives it; the guess is said. */
export function partyNode(build: CaseBuild, raw: string, kind: 'Person' | 'Organization', namePath: RecordPath): { node: EntityInput; name: CleanName } {
  const name = cleanName(raw);
  const node = build.entity({
    id: slug(build.caseId, 'party', name.text),
    kind,
    name: name.text,
    ...(name.aliases.length > 0 ? { aliases: name.aliases.map((a) => a.text) } : {}),
    sources: [build.cite.part(namePath, raw, name.from, name.to), ...name.aliases.map((a) => build.cite.part(namePath, raw, a.from, a.to))],
  });
  build.guessed(namePath, `"${name.text}" taken for ${kind === 'Person' ? 'a person' : 'an organisation'} by the words of its name${name.capacity ? `; "${name.capacity.text}" is its capacity, not its name` : ''}`);
  return { node, name };
}

/** A party's role in the case (one per party and role name), its description at most 4,000 characters. */
export function partyRole(build: CaseBuild, who: string, role: string, description: string, terminated: string | undefined, sources: Citation[]): void {
  build.role({
    id: slug(build.caseId, 'party', who, role),
    who,
    role,
    in: build.caseId,
    ...(description ? { description: description.slice(0, 4000) } : {}),
    ...(terminated ? { terminated } : {}),
    sources,
  });
}

/** An attorney of a party: a person (or an office), the role of attorney, REPRESENTS, and the firm. */
export function importAttorney(build: CaseBuild, attorney: Record<string, unknown>, path: RecordPath, party: { id: string; name: string; path: RecordPath }): void {
  const partyId = party.id;
  const partyPath = party.path;
  const raw = text(attorney.name);
  if (!raw) return;
  const namePath = [...path, 'name'];
  const { node, name, person, nameSource } = attorneyNode(build, raw, namePath);
  if (name.capacity) build.guessed(namePath, `"${name.capacity.text}" is the attorney's capacity, not part of the name`);
  const capacities = (Array.isArray(attorney.roles) ? attorney.roles : []).map((r, k) => [text(r), k] as const).filter((r): r is readonly [string, number] => r[0] !== undefined);
  build.relation({
    id: slug(build.caseId, 'represents', node.id, partyId),
    type: 'REPRESENTS',
    from: node.id,
    to: partyId,
    ...(capacities.length > 0 ? { description: capacities.map(([r]) => r.trim()).join('; ').slice(0, 4000) } : {}),
    sources: [nameSource, build.cite.whole(partyPath), ...capacities.map(([, k]) => build.cite.whole([...path, 'roles', k]))],
  });
  build.role({ id: slug(build.caseId, 'attorney', node.id), who: node.id, role: 'attorney', in: build.caseId, sources: [nameSource] });
  const contactField = text(attorney.contact) ? 'contact' : 'contact_raw';
  const proSe = normaliseName(party.name).startsWith(normaliseName(name.text));
  attorneyFirm(build, { id: node.id, name: name.text, person }, text(attorney[contactField]), [...path, contactField], proSe);
}

/** An attorney's node: a person (one node across cases, by name), or an office when the name is not a person's. */
export function attorneyNode(build: CaseBuild, raw: string, namePath: RecordPath): { node: EntityInput; name: CleanName; person: boolean; nameSource: Citation } {
  const name = cleanName(raw);
  const person = looksLikePersonName(raw);
  const nameSource = build.cite.part(namePath, raw, name.from, name.to);
  const node = build.entity({
    id: person ? attorneyId(FEDERAL_SYSTEM, name.text) : firmId(name.text),
    kind: person ? 'Person' : 'Organization',
    shared: true,
    name: name.text,
    ...(person ? { occupation: 'attorney' } : { orgType: 'law office' }),
    sources: [nameSource],
  });
  if (!person) build.guessed(namePath, `attorney "${name.text}" is not a person's name (one word, or an office's words): taken for an office`);
  return { node, name, person, nameSource };
}

/** A person attorney's firm from the contact block (contact.ts), MEMBER_OF it; none for one who represents themself. */
export function attorneyFirm(build: CaseBuild, attorney: { id: string; name: string; person: boolean }, contact: string | undefined, contactPath: RecordPath, proSe: boolean): void {
  if (contact && proSe) build.guessed(contactPath, `${attorney.name} represents themself (pro se): the contact block is their own address, no firm`);
  const firm = contact && attorney.person && !proSe ? firmOf(contact, attorney.name) : undefined;
  if (!contact || !firm) return;
  const source = build.cite.part(contactPath, contact, firm.from, firm.to);
  const office = build.entity({ id: firmId(firm.name), kind: 'Organization', shared: true, name: firm.name, orgType: 'law firm or office', sources: [source] });
  build.guessed(contactPath, `"${firm.name}" taken for ${attorney.name}'s firm: the contact block's first line that is not a phone, an e-mail, a note or an address`);
  build.relation({ id: slug(build.caseId, 'member-of', attorney.id, office.id), type: 'MEMBER_OF', from: attorney.id, to: office.id, description: 'as the contact details on this docket give it', sources: [source] });
}

/** A date written YYYY-MM-DD or, as some PACER reports do, MM/DD/YYYY; else undefined. */
export function usDate(value: unknown): string | undefined {
  const us = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim()) : null;
  return readDate(us ? `${us[3]}-${us[1]}-${us[2]}` : value, [], []);
}

/** A criminal defendant's counts and complaints (juriscraper's criminal_data) become charges. */
export function importCounts(build: CaseBuild, party: Record<string, unknown>, i: number, defendant: string): void {
  const data = party.criminal_data;
  if (!isObject(data)) return;
  for (const list of ['counts', 'complaints'] as const) chargesOf(build, data[list], list, defendant, 'defendant', ['parties', i, 'criminal_data', list]);
}

/** A defendant's criminal counts or complaints (the list at `at`) as charges: each item's name is the offence, its disposition said in the description. */
export function chargesOf(build: CaseBuild, items: unknown, list: 'counts' | 'complaints', defendant: string, against: string, at: RecordPath): void {
  (Array.isArray(items) ? (items as unknown[]) : []).forEach((item, k) => {
    if (!isObject(item)) return;
    const offence = text(item.name);
    if (!offence) return;
    const disposition = text(item.disposition);
    build.charges.push({
      id: slug(build.caseId, 'charge', defendant, list, String(k + 1)),
      offence: offence.trim().slice(0, 4000),
      defendant,
      description: `${list === 'counts' ? 'A count' : 'A complaint'} against this ${against}${disposition ? `; disposition: ${disposition.trim()}` : ''}`.slice(0, 4000),
      sources: [build.cite.whole([...at, k, 'name']), ...(disposition ? [build.cite.whole([...at, k, 'disposition'])] : [])],
    });
  });
}
