import { createHash } from 'node:crypto';
import type { CaseFile, Citation } from '../../casefile/case-file.js';
import { CaseBuild } from '../build.js';
import { FEDERAL_SYSTEM, judgeId } from '../identity.js';
import { cleanName, isJudgeName } from '../people.js';
import { importClaims } from './claims.js';
import { courtEntity } from './court.js';
import { contributionKey, isObject, readDate, RecordCitations, slug, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { importAppealFrom, importPanel } from './appeal.js';
import { docketIdentity, type DocketIdentity } from './docket-id.js';
import { importEntries } from './entries.js';
import { importParties, usDate } from './parties.js';

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

/** Fields of the reports that are read (or deliberately passed over); any other non-empty field is reported as dropped. */
const READ = new Set([
  'case_name', 'case_name_full', 'case_name_short', 'docket_number', 'court_id', 'court', 'date_filed', 'date_terminated', 'parties', 'docket_entries',
  'assigned_to_str', 'referred_to_str', 'cause', 'nature_of_suit', 'jurisdiction', 'jurisdiction_type', 'jury_demand', 'federal_dn_case_type',
  'federal_defendant_number', 'pacer_case_id', 'appeal_from', 'originating_court_information', 'panel', 'case_type_information', 'date_converted',
  'date_discharged', 'chapter', 'trustee_str', 'fee_status', 'demand', 'date_last_filing', 'ordered_by',
  // identifiers and bookkeeping of the parser and the API, not facts of the case
  'federal_dn_judge_initials_assigned', 'federal_dn_judge_initials_referred', 'federal_dn_office_code', 'docket_number_core', 'id', 'resource_uri',
  'absolute_url', 'date_created', 'date_modified', 'slug', 'source', 'office', 'type', 'court_citation_string',
  'claims', 'claim', 'total_number_of_claims', 'last_date_to_file_claims', 'last_date_to_file_govt', 'date_debtor_dismissed', 'date_closed', 'date_last_to_file_claims', 'date_last_to_file_govt',
]);

/**
 * A PACER docket as juriscraper parses it (district, bankruptcy and adversary, appellate CM/ECF
 * and ACMS dockets, docket-history reports, one RSS feed item), or the CourtListener API's
 * docket, becomes a case file. Pure: the same record gives the same case file. Every value
 * written cites the string it comes from; what is guessed or left out is in `notes`.
 */
export function importDocket({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a docket must be a JSON object', hint: 'give a docket object, or a list of them' }] };
  const checked = checkDocket(record, base);
  if ('problems' in checked) return { problems: checked.problems };
  const build = new CaseBuild(checked.identity.caseId, base);
  const head = caseSection(build, record, checked);
  const courtField = text(record.court_id) ? 'court_id' : 'court';
  const courtNode = courtEntity(build, checked.court, [courtField], joins, record);
  importJudges(build, record);
  const partyRefs = importParties(build, checked.parties, checked.identity.defendant);
  importEntries(build, checked.entries, partyRefs);
  importAppealFrom(build, record, joins);
  importPanel(build, record, checked.court);
  importBankruptcy(build, record);
  importClaims(build, record);
  reportDropped(build, record);
  return { caseFile: docketCaseFile(build, record, published, checked, head, courtNode.id), notes: build.notes };
}

interface CheckedDocket {
  court: string;
  docketNumber: string | undefined;
  pacerCaseId: string | undefined;
  identity: DocketIdentity;
  dateFiled: string | undefined;
  dateTerminated: string | undefined;
  parties: unknown[];
  entries: unknown[];
}

/** What identifies the docket (court, number or PACER case id) and every date, checked; every problem at once. */
function checkDocket(record: Record<string, unknown>, base: RecordPath): CheckedDocket | { problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const at = (...path: RecordPath) => [...base, ...path];
  const docketNumber = text(record.docket_number);
  const court = text(record.court_id) ?? courtFromApi(record.court);
  const pacerCaseId = text(record.pacer_case_id) ?? (typeof record.pacer_case_id === 'number' ? String(record.pacer_case_id) : undefined);
  if (!docketNumber && !pacerCaseId) problems.push({ path: at('docket_number'), message: 'the docket has no docket_number (nor pacer_case_id)', hint: 'a docket needs its number; is this a CourtListener docket?' });
  if (!court) problems.push({ path: at('court_id'), message: 'the docket has no court_id', hint: 'give the CourtListener court id, e.g. "akd"' });
  const dateFiled = readDate(record.date_filed, at('date_filed'), problems);
  const dateTerminated = readDate(record.date_terminated, at('date_terminated'), problems);
  for (const field of ['date_converted', 'date_discharged']) readDate(record[field], at(field), problems);
  const parties = Array.isArray(record.parties) ? record.parties : [];
  const entries = Array.isArray(record.docket_entries) ? record.docket_entries : [];
  entries.forEach((entry, k) => {
    if (!isObject(entry)) return;
    readDate(entry.date_filed, at('docket_entries', k, 'date_filed'), problems);
    readDate(entry.date_entered, at('docket_entries', k, 'date_entered'), problems);
  });
  parties.forEach((party, i) => {
    if (isObject(party) && party.date_terminated && !usDate(party.date_terminated)) readDate(party.date_terminated, at('parties', i, 'date_terminated'), problems);
  });
  const defendantNumber = text(record.federal_defendant_number) ?? (typeof record.federal_defendant_number === 'number' ? String(record.federal_defendant_number) : undefined);
  const identity = court ? docketIdentity(court, docketNumber, pacerCaseId, defendantNumber) : undefined;
  if (problems.length > 0 || !identity || !court) return { problems };
  return { court, docketNumber, pacerCaseId, identity, dateFiled, dateTerminated, parties, entries };
}

interface DocketHead {
  caseName: string | undefined;
  sources: Citation[];
  fields: Partial<CaseFile['case']>;
}

/** The case's own fields, each cited: caption, number, cause, nature of suit, jurisdiction, jury demand, dates, case type. */
function caseSection(build: CaseBuild, record: Record<string, unknown>, checked: CheckedDocket): DocketHead {
  const cite = build.cite;
  const caseNameField = ['case_name', 'case_name_full', 'case_name_short'].find((f) => text(record[f]));
  const caseName = caseNameField ? text(record[caseNameField]) : undefined;
  const sources: Citation[] = [];
  const optional = (field: string) => {
    const value = text(record[field]);
    if (value !== undefined) sources.push(cite.whole([field]));
    return value;
  };
  if (caseName) sources.push(cite.whole([caseNameField!]));
  sources.push(cite.whole([checked.docketNumber ? 'docket_number' : 'pacer_case_id']));
  if (checked.docketNumber && checked.pacerCaseId) sources.push(cite.whole(['pacer_case_id']));
  const cause = optional('cause');
  const natureOfSuit = optional('nature_of_suit');
  const jurisdiction = optional(text(record.jurisdiction) ? 'jurisdiction' : 'jurisdiction_type');
  const juryDemand = optional('jury_demand');
  const { dateFiled, dateTerminated } = checked;
  if (dateFiled) sources.push(cite.whole(['date_filed']));
  if (dateTerminated) sources.push(cite.whole(['date_terminated']));
  const caseType = caseTypeOf(record, checked.docketNumber, cite, sources);
  const fields = {
    ...(caseType ? { caseType } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(cause ? { cause } : {}),
    ...(natureOfSuit ? { natureOfSuit } : {}),
    ...(juryDemand ? { juryDemand } : {}),
    ...(dateFiled ? { dateFiled } : {}),
    ...(dateTerminated ? { dateTerminated } : {}),
  };
  return { caseName, sources, fields };
}

function docketCaseFile(build: CaseBuild, record: Record<string, unknown>, published: string, checked: CheckedDocket, head: DocketHead, court: string): CaseFile {
  const { identity, dateTerminated } = checked;
  const caseId = identity.caseId;
  return {
    formatVersion: 1,
    contribution: contributionKey(record, reportKey(record)),
    documents: [{ id: documentId(caseId, published), title: `Docket ${identity.number} (${checked.court})${head.caseName ? `: ${head.caseName}` : ''}`.slice(0, 4000), kind: reportKind(record), text: published }],
    case: {
      id: caseId,
      caption: (head.caseName ?? `Docket ${identity.number}`).trim().slice(0, 4000),
      status: dateTerminated ? 'terminated' : 'open',
      // An appeal states this docket as its lower court's case (appeal.ts): one case, both may state it.
      shared: true,
      court,
      docketNumber: identity.number,
      ...head.fields,
      sources: head.sources,
    },
    entities: build.entities,
    ...(build.charges.length > 0 ? { charges: build.charges } : {}),
    events: build.events,
    ...(build.claims.length > 0 ? { claims: build.claims } : {}),
    roles: build.roles,
    relations: build.relations,
  };
}

/**
 * The source document of one report: the file as published. Its id is the case's and a digest
 * of the text, so two reports of one docket (a docket report, its history, an RSS item) are two
 * documents of the one case, each cited at its own pointers.
 */
export const documentId = (caseId: string, published: string) => slug(caseId, 'report', createHash('sha256').update(published).digest('hex').slice(0, 12));

/** A short name of the report kind, for contribution keys. */
function reportKey(record: Record<string, unknown>): string {
  if ('resource_uri' in record) return 'api-docket';
  if ('originating_court_information' in record || 'appeal_from' in record) return 'appellate-docket';
  if ('case_name_raw' in record && !Array.isArray(record.docket_entries)) return 'case-query';
  if ('date_last_filing' in record && !Array.isArray(record.parties)) return 'docket-history';
  if (Array.isArray(record.claims)) return 'claims-register';
  if (isObject(record.claim)) return 'claims-activity';
  if ('chapter' in record || 'trustee_str' in record) return 'rss-item';
  if ('resource_uri' in record) return 'api-docket';
  return 'docket-report';
}

/** Which PACER report the record is, by its fields, for the document's kind. */
function reportKind(record: Record<string, unknown>): string {
  if ('resource_uri' in record) return 'docket (CourtListener REST API)';
  if ('originating_court_information' in record || 'appeal_from' in record) return 'appellate docket (PACER, as juriscraper parses it)';
  if ('case_name_raw' in record && !Array.isArray(record.docket_entries)) return 'case query (PACER iquery, as juriscraper parses it)';
  if ('date_last_filing' in record && !Array.isArray(record.parties)) return 'docket history report (PACER, as juriscraper parses it)';
  if (Array.isArray(record.claims)) return 'claims register (PACER, as juriscraper parses it)';
  if (isObject(record.claim)) return 'claims activity report item (PACER, as juriscraper parses it)';
  if ('chapter' in record || 'trustee_str' in record) return 'RSS feed item (PACER, as juriscraper parses it)';
  if ('resource_uri' in record) return 'docket (CourtListener REST API)';
  return 'docket (CourtListener / PACER JSON)';
}

/** assigned_to_str and referred_to_str, unless they name no judge ("Not Assigned", "Part One"). */
function importJudges(build: CaseBuild, record: Record<string, unknown>): void {
  for (const [field, role] of [['assigned_to_str', 'assigned_judge'], ['referred_to_str', 'referred_judge']] as const) {
    const name = text(record[field]);
    if (!name) continue;
    if (!isJudgeName(name)) {
      build.dropped([field], `"${name.trim()}" does not name a judge (an assignment label, initials alone or not a person's name): no judge made`);
      continue;
    }
    const clean = cleanName(name);
    const source = build.cite.part([field], name, clean.from, clean.to);
    const judge = build.entity({ id: judgeId(FEDERAL_SYSTEM, clean.text), kind: 'Person', shared: true, name: clean.text, occupation: 'judge', sources: [source] });
    build.role({ id: `${build.caseId}-${role.replace('_', '-')}`, who: judge.id, role, in: build.caseId, sources: [source] });
  }
}

/** A bankruptcy case's dates (conversion, discharge, dismissal, closing, the claims deadlines) are events of the case; its trustee (trustee_str) a role. */
function importBankruptcy(build: CaseBuild, record: Record<string, unknown>): void {
  const dates = [['date_converted', 'Case converted'], ['date_discharged', 'Debtor discharged'], ['date_debtor_dismissed', 'Debtor dismissed'], ['date_closed', 'Case closed'],
    ['date_last_to_file_claims', 'Last day to file claims'], ['date_last_to_file_govt', 'Last day for governmental units to file claims'],
    ['last_date_to_file_claims', 'Last day to file claims'], ['last_date_to_file_govt', 'Last day for governmental units to file claims']] as const;
  for (const [field, what] of dates) {
    const date = readDate(record[field], [], []);
    if (!date) continue;
    // last_date_to_file_* (claims activity) and date_last_to_file_* (claims register) are one deadline.
    build.events.push({ id: slug(build.caseId, field.replace('last_date_', 'date_last_').replace('date_', '')), name: `${what} (${date})`, eventType: what.toLowerCase(), time: { text: String(record[field]), date }, sources: [build.cite.whole([field])] });
  }
  const trustee = text(record.trustee_str);
  if (trustee) {
    const clean = cleanName(trustee);
    const source = build.cite.part(['trustee_str'], trustee, clean.from, clean.to);
    const node = build.entity({ id: slug(build.caseId, 'party', clean.text), kind: 'Person', name: clean.text, occupation: 'trustee', sources: [source] });
    build.role({ id: slug(build.caseId, 'trustee', node.id), who: node.id, role: 'trustee', in: build.caseId, sources: [source] });
  }
}

/** Every non-empty field the importer does not map, named in the import report. */
function reportDropped(build: CaseBuild, record: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(record)) {
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
    if (empty) continue;
    if (!READ.has(field)) build.dropped([field], `field "${field}" is not mapped`);
    else if (['fee_status', 'demand', 'date_last_filing', 'chapter'].includes(field)) build.dropped([field], `field "${field}" is not mapped`);
  }
}

/**
 * CourtListener's court ids say what kind of court it is: a bankruptcy court's ends in "b"
 * (almb, nysb), a court of appeals' is "ca<n>", "cadc" or "cafc".
 */
function courtType(record: Record<string, unknown>, sources: Citation[], cite: RecordCitations): string | undefined {
  const court = text(record.court_id);
  if (!court) return undefined;
  const type = /^[a-z]{2,4}b$/.test(court) ? 'bankruptcy' : /^ca(\d{1,2}|dc|fc)$/.test(court) ? 'appeal' : undefined;
  if (type) sources.push(cite.whole(['court_id']));
  return type;
}

/** The API's `court` is a URL ending in the court id (…/courts/akd/), or the id itself. */
function courtFromApi(value: unknown): string | undefined {
  const court = text(value);
  if (!court) return undefined;
  const match = /\/courts\/([a-z0-9]+)\/?$/.exec(court);
  return match ? match[1] : /^[a-z0-9]+$/.test(court) ? court : undefined;
}

/**
 * The case type: an appeal's case_type_information ("civil, private, bankruptcy"), else
 * federal_dn_case_type, else the letters of the docket number (3:08-cv-00284).
 */
function caseTypeOf(record: Record<string, unknown>, docketNumber: string | undefined, cite: RecordCitations, sources: Citation[]): string | undefined {
  const appellate = text(record.case_type_information) ?? text(record.appellate_case_type_information);
  if (appellate) {
    sources.push(cite.whole([text(record.case_type_information) ? 'case_type_information' : 'appellate_case_type_information']));
    return appellate.trim();
  }
  const given = text(record.federal_dn_case_type);
  if (given && CASE_TYPES[given.toLowerCase()]) {
    sources.push(cite.whole(['federal_dn_case_type']));
    return CASE_TYPES[given.toLowerCase()];
  }
  const match = docketNumber ? /[-:]([a-z]{2})-/i.exec(docketNumber) : null;
  const type = match ? CASE_TYPES[match[1]!.toLowerCase()] : undefined;
  if (!match || !type) return courtType(record, sources, cite);
  sources.push(cite.part(['docket_number'], docketNumber!, match.index + 1, match.index + 3));
  return type;
}
