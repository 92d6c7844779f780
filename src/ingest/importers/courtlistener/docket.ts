import type { CaseFile, Citation, EntityInput, FactInput, RelationInput, RoleInput } from '../../case-file.js';
import { attorneyId, courtId, FEDERAL_SYSTEM, firmId, judgeId } from '../identity.js';
import { isObject, readDate, RecordCitations, roleName, slug, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { firmOf } from './contact.js';
import { filedBy } from './filed-by.js';
import { looksLikeOrganisation } from './parties.js';

/** What the letters in a federal docket number (3:08-cv-00284) say about the case. */
const CASE_TYPES: Record<string, string> = {
  cv: 'civil',
  cr: 'criminal',
  bk: 'bankruptcy',
  ap: 'adversary proceeding',
  mj: 'magistrate judge (criminal)',
  mc: 'miscellaneous',
  md: 'multidistrict litigation',
  po: 'petty offense',
};

/** Judge fields that name nobody. */
const NO_JUDGE = /^(not assigned|unassigned|none|n\/a)$/i;

/**
 * A CourtListener / RECAP docket, as juriscraper's PACER docket parser emits it (and the
 * CourtListener docket API's fields where they differ), becomes a case file. Pure: the same
 * record gives the same case file. Every value written cites the string it comes from.
 */
export function importDocket({ record, text: published, base }: RecordInput): ImportResult {
  const problems: RecordProblem[] = [];
  if (!isObject(record)) return { problems: [{ path: base, message: 'a docket must be a JSON object', hint: 'give one docket per file' }] };
  const at = (...path: RecordPath) => [...base, ...path];
  const cite = new RecordCitations(base);

  const docketNumber = text(record.docket_number);
  const court = text(record.court_id) ?? courtFromApi(record.court);
  if (!docketNumber) problems.push({ path: at('docket_number'), message: 'the docket has no docket_number', hint: 'a docket needs its number; is this a CourtListener docket?' });
  if (!court) problems.push({ path: at('court_id'), message: 'the docket has no court_id', hint: 'give the CourtListener court id, e.g. "akd"' });
  const courtField = text(record.court_id) ? 'court_id' : 'court';
  const dateFiled = readDate(record.date_filed, at('date_filed'), problems);
  const dateTerminated = readDate(record.date_terminated, at('date_terminated'), problems);
  const parties = Array.isArray(record.parties) ? record.parties : [];
  const entries = Array.isArray(record.docket_entries) ? record.docket_entries : [];
  entries.forEach((entry, k) => {
    if (!isObject(entry)) return;
    readDate(entry.date_filed, at('docket_entries', k, 'date_filed'), problems);
    readDate(entry.date_entered, at('docket_entries', k, 'date_entered'), problems);
  });
  parties.forEach((party, i) => isObject(party) && readDate(party.date_terminated, at('parties', i, 'date_terminated'), problems));
  if (problems.length > 0 || !docketNumber || !court) return { problems };

  const defendantNumber = text(record.federal_defendant_number) ?? (typeof record.federal_defendant_number === 'number' ? String(record.federal_defendant_number) : undefined);
  const caseId = slug(court, docketNumber, ...(defendantNumber ? ['defendant', defendantNumber] : []));
  const caseName = text(record.case_name) ?? text(record.case_name_full) ?? text(record.case_name_short);
  const caseNameField = text(record.case_name) ? 'case_name' : text(record.case_name_full) ? 'case_name_full' : 'case_name_short';
  const entities: EntityInput[] = [];
  const roles: RoleInput[] = [];
  const relations: RelationInput[] = [];
  const charges: FactInput[] = [];
  const events: FactInput[] = [];
  const defined = new Map<string, EntityInput>();
  /** One entity per id; a second mention adds its sources. */
  const entity = (fields: EntityInput): EntityInput => {
    const known = defined.get(fields.id);
    if (known) {
      known.sources.push(...fields.sources);
      return known;
    }
    defined.set(fields.id, fields);
    entities.push(fields);
    return fields;
  };

  const caseSources: Citation[] = [];
  const optional = (field: string) => {
    const value = text(record[field]);
    if (value !== undefined) caseSources.push(cite.whole([field]));
    return value;
  };
  if (caseName) caseSources.push(cite.whole([caseNameField]));
  caseSources.push(cite.whole(['docket_number']));
  const cause = optional('cause');
  const natureOfSuit = optional('nature_of_suit');
  const jurisdictionField = text(record.jurisdiction) ? 'jurisdiction' : 'jurisdiction_type';
  const jurisdiction = optional(jurisdictionField);
  const juryDemand = optional('jury_demand');
  if (dateFiled) caseSources.push(cite.whole(['date_filed']));
  if (dateTerminated) caseSources.push(cite.whole(['date_terminated']));
  const caseType = caseTypeOf(record, docketNumber, cite, caseSources);

  const courtNode = entity({ id: courtId('courtlistener', court), kind: 'Court', shared: true, name: court, description: `The court CourtListener identifies as "${court}".`, sources: [cite.whole([courtField])] });

  for (const [field, role] of [['assigned_to_str', 'assigned_judge'], ['referred_to_str', 'referred_judge']] as const) {
    const name = text(record[field]);
    if (!name || NO_JUDGE.test(name.trim())) continue;
    const judge = entity({ id: judgeId(FEDERAL_SYSTEM, name), kind: 'Person', shared: true, name: name.trim(), occupation: 'judge', sources: [cite.whole([field])] });
    roles.push({ id: `${caseId}-${role.replace('_', '-')}`, who: judge.id, role, in: caseId, sources: [cite.whole([field])] });
  }

  const partyIds: { id: string; name: string }[] = [];
  parties.forEach((party, i) => {
    if (!isObject(party)) return;
    const name = text(party.name);
    if (!name) return;
    const node = entity({ id: slug(caseId, 'party', name), kind: looksLikeOrganisation(name) ? 'Organization' : 'Person', name: name.trim(), sources: [cite.whole(['parties', i, 'name'])] });
    partyIds.push({ id: node.id, name });
    const type = text(party.type);
    const sources = [cite.whole(['parties', i, 'name']), ...(type ? [cite.whole(['parties', i, 'type'])] : [])];
    const extra = text(party.extra_info);
    let terminated = readDate(party.date_terminated, [], []);
    if (terminated) sources.push(cite.whole(['parties', i, 'date_terminated']));
    if (extra) {
      sources.push(cite.whole(['parties', i, 'extra_info']));
      const ended = /TERMINATED:\s*(\d{2})\/(\d{2})\/(\d{4})/.exec(extra);
      if (!terminated && ended) terminated = readDate(`${ended[3]}-${ended[1]}-${ended[2]}`, [], []);
    }
    roles.push({
      id: slug(caseId, 'party', String(i), roleName(type, 'party')),
      who: node.id,
      role: roleName(type, 'party'),
      in: caseId,
      ...(extra ? { description: extra.trim().slice(0, 4000) } : {}),
      ...(terminated ? { terminated } : {}),
      sources,
    });
    importCounts(party, i, node.id, caseId, cite, charges);
    const attorneys = Array.isArray(party.attorneys) ? party.attorneys : [];
    attorneys.forEach((attorney, j) => {
      if (!isObject(attorney)) return;
      const lawyer = text(attorney.name);
      if (!lawyer) return;
      const person = entity({ id: attorneyId(FEDERAL_SYSTEM, lawyer), kind: 'Person', shared: true, name: lawyer.trim(), occupation: 'attorney', sources: [cite.whole(['parties', i, 'attorneys', j, 'name'])] });
      const capacities = (Array.isArray(attorney.roles) ? attorney.roles : []).map((r, k) => [text(r), k] as const).filter((r): r is readonly [string, number] => r[0] !== undefined);
      relations.push({
        id: slug(caseId, 'represents', String(i), String(j)),
        type: 'REPRESENTS',
        from: person.id,
        to: node.id,
        ...(capacities.length > 0 ? { description: capacities.map(([r]) => r.trim()).join('; ').slice(0, 4000) } : {}),
        sources: [cite.whole(['parties', i, 'attorneys', j, 'name']), cite.whole(['parties', i, 'name']), ...capacities.map(([, k]) => cite.whole(['parties', i, 'attorneys', j, 'roles', k]))],
      });
      const roleId = slug(caseId, 'attorney', person.id);
      const existing = roles.find((r) => r.id === roleId);
      if (existing) existing.sources.push(cite.whole(['parties', i, 'attorneys', j, 'name']));
      else roles.push({ id: roleId, who: person.id, role: 'attorney', in: caseId, sources: [cite.whole(['parties', i, 'attorneys', j, 'name'])] });
      const contact = text(attorney.contact);
      const firm = contact ? firmOf(contact, lawyer) : undefined;
      if (contact && firm) {
        const contactPath = ['parties', i, 'attorneys', j, 'contact'];
        const office = entity({ id: firmId(firm.name), kind: 'Organization', shared: true, name: firm.name, orgType: 'law firm or office', sources: [cite.part(contactPath, contact, firm.from, firm.to)] });
        const memberId = slug(caseId, 'member-of', person.id, office.id);
        if (!relations.some((r) => r.id === memberId)) {
          relations.push({ id: memberId, type: 'MEMBER_OF', from: person.id, to: office.id, description: 'as the contact details on this docket give it', sources: [cite.part(contactPath, contact, firm.from, firm.to)] });
        }
      }
    });
  });

  entries.forEach((entry, k) => {
    if (!isObject(entry)) return;
    const description = text(entry.description) ?? firstDocumentDescription(entry);
    const descriptionPath: RecordPath = text(entry.description) ? ['docket_entries', k, 'description'] : ['docket_entries', k, 'recap_documents', 0, 'description'];
    const numberField = entry.document_number !== undefined && entry.document_number !== null && entry.document_number !== '' ? 'document_number' : 'entry_number';
    const number = typeof entry[numberField] === 'number' ? String(entry[numberField]) : text(entry[numberField]);
    const filed = readDate(entry.date_filed, [], []);
    const entered = readDate(entry.date_entered, [], []);
    const sources: Citation[] = [];
    if (description) sources.push(cite.whole(descriptionPath));
    if (number) sources.push(cite.whole(['docket_entries', k, numberField]));
    if (filed) sources.push(cite.whole(['docket_entries', k, 'date_filed']));
    if (entered) sources.push(cite.whole(['docket_entries', k, 'date_entered']));
    if (sources.length === 0) return;
    const participants: string[] = [];
    if (description) {
      const filer = filedBy(description, partyIds.map((p) => p.name));
      if (filer) {
        participants.push(partyIds.find((p) => p.name === filer.name)!.id);
        sources.push(cite.part(descriptionPath, description, filer.from, filer.to));
      }
    }
    events.push({
      id: slug(caseId, 'entry', String(k + 1)),
      name: number ? `Docket entry ${number}` : filed ? `Docket entry of ${filed}` : `Docket entry (${k + 1} in the list)`,
      eventType: 'docket entry',
      ...(number ? { entryNumber: number } : {}),
      ...(filed ? { time: { text: String(entry.date_filed), date: filed } } : {}),
      ...(entered ? { dateEntered: entered } : {}),
      ...(participants.length > 0 ? { participants } : {}),
      sources,
    });
  });

  const title = `Docket ${docketNumber} (${court})${caseName ? `: ${caseName}` : ''}`;
  const caseFile: CaseFile = {
    formatVersion: 1,
    documents: [{ id: slug(caseId, 'docket'), title: title.slice(0, 4000), kind: 'docket (CourtListener / PACER JSON)', text: published }],
    case: {
      id: caseId,
      caption: (caseName ?? `Docket ${docketNumber}`).trim().slice(0, 4000),
      status: dateTerminated ? 'terminated' : 'open',
      court: courtNode.id,
      docketNumber,
      ...(caseType ? { caseType } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(cause ? { cause } : {}),
      ...(natureOfSuit ? { natureOfSuit } : {}),
      ...(juryDemand ? { juryDemand } : {}),
      ...(dateFiled ? { dateFiled } : {}),
      ...(dateTerminated ? { dateTerminated } : {}),
      sources: caseSources,
    },
    entities,
    ...(charges.length > 0 ? { charges } : {}),
    events,
    roles,
    relations,
  };
  return { caseFile };
}

/** The API's `court` is a URL ending in the court id (…/courts/akd/), or the id itself. */
function courtFromApi(value: unknown): string | undefined {
  const court = text(value);
  if (!court) return undefined;
  const match = /\/courts\/([a-z0-9]+)\/?$/.exec(court);
  return match ? match[1] : /^[a-z0-9]+$/.test(court) ? court : undefined;
}

/** The RECAP API keeps an entry's long description on its first document. */
function firstDocumentDescription(entry: Record<string, unknown>): string | undefined {
  const documents = entry.recap_documents;
  return Array.isArray(documents) && isObject(documents[0]) ? text(documents[0].description) : undefined;
}

/** The case type from federal_dn_case_type, or from the letters of the docket number (3:08-cv-00284). */
function caseTypeOf(record: Record<string, unknown>, docketNumber: string, cite: RecordCitations, sources: Citation[]): string | undefined {
  const given = text(record.federal_dn_case_type);
  if (given && CASE_TYPES[given.toLowerCase()]) {
    sources.push(cite.whole(['federal_dn_case_type']));
    return CASE_TYPES[given.toLowerCase()];
  }
  const match = /[-:]([a-z]{2})-/i.exec(docketNumber);
  const type = match ? CASE_TYPES[match[1]!.toLowerCase()] : undefined;
  if (!match || !type) return undefined;
  sources.push(cite.part(['docket_number'], docketNumber, match.index + 1, match.index + 3));
  return type;
}

/** A criminal defendant's counts and complaints (juriscraper's criminal_data) become charges. */
function importCounts(party: Record<string, unknown>, i: number, defendant: string, caseId: string, cite: RecordCitations, charges: FactInput[]): void {
  const data = party.criminal_data;
  if (!isObject(data)) return;
  for (const list of ['counts', 'complaints'] as const) {
    const items = Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
    items.forEach((item, k) => {
      if (!isObject(item)) return;
      const offence = text(item.name);
      if (!offence) return;
      const disposition = text(item.disposition);
      charges.push({
        id: slug(caseId, 'party', String(i), list, String(k + 1)),
        offence: offence.trim().slice(0, 4000),
        defendant,
        description: `${list === 'counts' ? 'A count' : 'A complaint'} against this defendant${disposition ? `; disposition: ${disposition.trim()}` : ''}`.slice(0, 4000),
        sources: [cite.whole(['parties', i, 'criminal_data', list, k, 'name']), ...(disposition ? [cite.whole(['parties', i, 'criminal_data', list, k, 'disposition'])] : [])],
      });
    });
  }
}
