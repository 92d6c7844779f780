import type { CaseFile, Citation } from '../../casefile/case-file.js';
import { CaseBuild } from '../build.js';
import { attorneyId, authorityId, courtId, firmId, judgeId } from '../identity.js';
import { contributionKey, isObject, readPartialDate, slug, shorten, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { parseAttorneys } from './attorneys.js';
import { readBody, type BodyText, type CapBody } from './body.js';
import { parseCaption } from './caption.js';
import { parseAuthor, parsePanel } from './panel.js';
import { cleanName } from '../people.js';

/** Fields of a CAP case read (or deliberately passed over as CAP's bookkeeping); any other non-empty field is reported as dropped. */
const READ = new Set([
  'id', 'name', 'name_abbreviation', 'decision_date', 'docket_number', 'citations', 'court', 'jurisdiction', 'cites_to', 'casebody',
  'url', 'frontend_url', 'frontend_pdf_url', 'file_name', 'first_page', 'last_page', 'first_page_order', 'last_page_order', 'last_updated', 'updated_ts',
  'provenance', 'reporter', 'volume', 'preview', 'analysis', 'docket_numbers',
]);

/**
 * A Caselaw Access Project case in any of its published shapes (the static bulk JSON of any
 * reporter, a volume's CasesMetadata.json entry without casebody, a line of a line-delimited
 * export, the old API's JSON with `casebody.data` as an object or as XML/HTML) becomes a case
 * file: the case with its citations, court, jurisdiction and decision date; the parties of the
 * caption; the panel (from `judges`, else the head matter's "Before …" line, else the opinions'
 * authors); the attorneys with their side (a firm named alone is an organisation); each opinion
 * with its author and text; and CITES to every authority of `cites_to`. Pure.
 */
export function importCapCase({ record, text: published, base }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a CAP case must be a JSON object', hint: 'give a case object, or a list of them' }] };
  const checked = checkCapRecord(record, base);
  if ('problems' in checked) return { problems: checked.problems };
  const { build, body, name } = checked;
  const head = caseSection(build, record, checked);
  importParties(build, body);
  importPanel(build, body, head.system);
  importAttorneys(build, body, head.system);
  const opinionIds = importOpinions(build, body, head.system, name);
  importCitesTo(build, checked.citesTo, opinionIds);
  if (!isObject(record.casebody)) build.dropped([], 'no casebody: the case is loaded from its metadata alone (no parties, judges, attorneys or opinions)');
  for (const [field, value] of Object.entries(record)) {
    if (!READ.has(field) && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) build.dropped([field], `field "${field}" is not mapped`);
  }
  return { caseFile: capCaseFile(build, record, published, name, head), notes: build.notes };
}

interface CheckedCap {
  build: CaseBuild;
  body: CapBody;
  name: string;
  decisionDate: string | undefined;
  citations: { cite: string | undefined; path: RecordPath }[];
  citesTo: unknown[];
}

/** What identifies the case (its name, its id or a citation), its dates and citations checked; every problem at once. */
function checkCapRecord(record: Record<string, unknown>, base: RecordPath): CheckedCap | { problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const at = (...path: RecordPath) => [...base, ...path];
  const name = text(record.name) ?? text(record.name_abbreviation);
  if (!name) problems.push({ path: at('name'), message: 'the case has no name', hint: 'a CAP case gives name or name_abbreviation' });
  const decisionDate = readPartialDate(record.decision_date, at('decision_date'), problems);
  const citations = (Array.isArray(record.citations) ? record.citations : []).map((c, i) => ({ cite: isObject(c) ? text(c.cite) : text(c), path: isObject(c) ? ['citations', i, 'cite'] : ['citations', i] }));
  const citesTo = Array.isArray(record.cites_to) ? record.cites_to : [];
  citesTo.forEach((entry, k) => {
    if (!isObject(entry) || !text(entry.cite)) {
      problems.push({ path: at('cites_to', k, 'cite'), message: 'this cites_to entry has no citation', hint: 'each cites_to entry needs "cite", e.g. "99 A.2d 754"; correct the record or remove the entry' });
    }
  });
  const recordId = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id) : undefined;
  const firstCite = citations.find((c) => c.cite)?.cite;
  if (!recordId && !firstCite) problems.push({ path: at('id'), message: 'the case has neither an id nor a citation', hint: 'a CAP case gives its id, or at least one citation' });
  const build = new CaseBuild(recordId ? slug('cap', recordId) : slug('cap', firstCite ?? 'x'), base);
  const read = readBody(record, build.cite, base);
  if ('problem' in read) problems.push(read.problem);
  if (problems.length > 0 || !name || 'problem' in read) return { problems };
  return { build, body: read.body, name, decisionDate, citations, citesTo };
}

interface CapHead {
  sources: Citation[];
  abbreviation: string | undefined;
  decisionDate: string | undefined;
  docketNumber: string | undefined;
  jurisdictionName: string | undefined;
  /** The court system judges and attorneys are told apart within: the jurisdiction. */
  system: string;
  court: string | undefined;
  reportedAs: string[];
}

/** The case's own fields, each cited: names, date, docket number, jurisdiction, court, and the citations it is reported as. */
function caseSection(build: CaseBuild, record: Record<string, unknown>, checked: CheckedCap): CapHead {
  const cite = build.cite;
  const nameField = text(record.name) ? 'name' : 'name_abbreviation';
  const sources: Citation[] = [cite.whole([nameField])];
  const abbreviation = text(record.name_abbreviation);
  if (abbreviation && nameField === 'name') sources.push(cite.whole(['name_abbreviation']));
  if (checked.decisionDate) sources.push(cite.whole(['decision_date']));
  const docketNumber = text(record.docket_number);
  if (docketNumber) sources.push(cite.whole(['docket_number']));
  const jurisdiction = isObject(record.jurisdiction) ? record.jurisdiction : {};
  const jurisdictionName = text(jurisdiction.name_long) ?? text(jurisdiction.name);
  if (jurisdictionName) sources.push(cite.whole(['jurisdiction', text(jurisdiction.name_long) ? 'name_long' : 'name']));
  const system = slug((text(jurisdiction.slug) ?? text(jurisdiction.name) ?? text(jurisdiction.name_long) ?? 'unknown').replace(/\./g, ''));
  const court = importCourt(build, record, jurisdictionName);
  const reportedAs = importCitations(build, checked.citations, sources);
  return { sources, abbreviation, decisionDate: checked.decisionDate, docketNumber, jurisdictionName, system, court, reportedAs };
}

/** Each citation of the case: an authority it is REPORTED_AS. */
function importCitations(build: CaseBuild, citations: CheckedCap['citations'], caseSources: Citation[]): string[] {
  const reportedAs: string[] = [];
  for (const c of citations) {
    if (!c.cite) continue;
    reportedAs.push(c.cite);
    caseSources.push(build.cite.whole(c.path));
    const authority = build.entity({ id: authorityId(c.cite), kind: 'Authority', shared: true, name: c.cite.trim(), citation: c.cite.trim(), sources: [build.cite.whole(c.path)] });
    build.relation({ id: slug(build.caseId, 'reported-as', authority.id), type: 'REPORTED_AS', from: build.caseId, to: authority.id, sources: [build.cite.whole(c.path)] });
  }
  return reportedAs;
}

function capCaseFile(build: CaseBuild, record: Record<string, unknown>, published: string, name: string, head: CapHead): CaseFile {
  const { abbreviation, reportedAs, decisionDate } = head;
  const title = `${abbreviation ?? name}${reportedAs.length > 0 ? `, ${reportedAs.join(', ')}` : ''} (Caselaw Access Project)`;
  return {
    formatVersion: 1,
    contribution: contributionKey(record, 'cap-record'),
    documents: [{ id: slug(build.caseId, 'record'), title: shorten(title, 4000), kind: 'case law (Caselaw Access Project JSON)', publisher: 'Caselaw Access Project', text: published }],
    case: {
      id: build.caseId,
      caption: name.trim().slice(0, 4000),
      ...(abbreviation && abbreviation !== name ? { aliases: [abbreviation.trim()] } : {}),
      status: decisionDate ? 'decided' : 'reported',
      ...(head.court ? { court: head.court } : {}),
      ...(head.jurisdictionName ? { jurisdiction: head.jurisdictionName } : {}),
      ...(head.docketNumber ? { docketNumber: head.docketNumber } : {}),
      ...(decisionDate ? { decisionDate } : {}),
      ...(reportedAs.length > 0 ? { citations: [...new Set(reportedAs.map((c) => c.trim()))] } : {}),
      sources: head.sources,
    },
    entities: build.entities,
    events: [],
    roles: build.roles,
    relations: build.relations,
  };
}

function importCourt(build: CaseBuild, record: Record<string, unknown>, jurisdictionName: string | undefined): string | undefined {
  const courtRecord = isObject(record.court) ? record.court : {};
  const courtName = text(courtRecord.name) ?? text(courtRecord.name_abbreviation);
  const courtKey = typeof courtRecord.id === 'number' || typeof courtRecord.id === 'string' ? String(courtRecord.id) : courtName;
  if (!courtName || !courtKey) return undefined;
  return build.entity({
    id: courtId('cap', courtKey),
    kind: 'Court',
    shared: true,
    name: courtName,
    ...(text(courtRecord.name_abbreviation) && courtName !== courtRecord.name_abbreviation ? { aliases: [String(courtRecord.name_abbreviation)] } : {}),
    ...(jurisdictionName ? { jurisdiction: jurisdictionName } : {}),
    sources: [build.cite.whole(['court', text(courtRecord.name) ? 'name' : 'name_abbreviation'])],
  }).id;
}

/** The parties of the caption ("ALPHA v. OMEGA."): the first side brings the case, the second answers it. */
function importParties(build: CaseBuild, body: CapBody): void {
  body.parties.forEach((line, i) => {
    const parties = parseCaption(line.text);
    if (parties.length === 0) build.dropped(['casebody', 'parties', i], `"${line.text.trim().slice(0, 80)}" names no party the rules recognise (a matter's caption without roles, or no "v.")`);
    for (const party of parties) {
      const source = line.cite(party.from, party.to);
      const node = build.entity({ id: slug(build.caseId, 'party', party.name), kind: party.kind, name: party.name, sources: [source] });
      const description = party.role === 'party' ? `named ${party.side} in the caption (${party.side === 'first' ? 'the side bringing the case or the appeal' : 'the side answering it'})` : undefined;
      build.role({ id: slug(build.caseId, 'party', node.id, party.role), who: node.id, role: party.role, in: build.caseId, ...(description ? { description } : {}), sources: [source] });
      build.guessed(['casebody', 'parties'], `"${party.name}" taken for ${party.kind === 'Person' ? 'a person' : 'an organisation'} and ${party.role.replace('_', ' ')} by its place in the caption`);
    }
  });
}

/** The panel: `judges`, else the head matter's "Before …" line; else (below) each opinion's author is a judge of the case. */
function importPanel(build: CaseBuild, body: CapBody, system: string): void {
  const lines: { line: string; source: BodyText; offset: number }[] = body.judges.map((j) => ({ line: j.text, source: j, offset: 0 }));
  if (lines.length === 0 && body.headMatter) {
    for (const match of body.headMatter.text.matchAll(/^[ \t]*(Before|Present)\b[^\n]*/gim)) lines.push({ line: match[0], source: body.headMatter, offset: match.index! });
  }
  for (const { line, source, offset } of lines) {
    for (const judge of parsePanel(line)) {
      const clean = cleanName(judge.name);
      const nameSource = source.cite(offset + judge.from + clean.from, offset + judge.from + clean.to);
      const person = build.entity({ id: judgeId(system, clean.text), kind: 'Person', shared: true, name: clean.text, occupation: 'judge', sources: [nameSource] });
      const sources = [nameSource, ...(judge.titleFrom !== undefined ? [source.cite(offset + judge.titleFrom, offset + judge.titleTo!)] : [])];
      const roleId = slug(build.caseId, 'judge', person.id);
      if (!build.roles.some((r) => r.id === roleId) && judge.title) build.role({ id: roleId, who: person.id, role: 'judge', in: build.caseId, description: judge.title, sources });
      else build.role({ id: roleId, who: person.id, role: 'judge', in: build.caseId, sources });
    }
  }
}

/** Who argued for which side; a firm named alone ("Pell & Orme, for defendant.") is an organisation in the attorney's role. */
function importAttorneys(build: CaseBuild, body: CapBody, system: string): void {
  body.attorneys.forEach((line, i) => {
    const found = parseAttorneys(line.text);
    if (found.every((a) => !a.side)) {
      const why = found.length === 0 && /\bfor\s/i.test(line.text) ? 'no name the rules recognise' : 'no side ("for …"): not taken for an attorney line (CAP sometimes lists witnesses or headings here)';
      build.dropped(['casebody', 'attorneys', i], `"${shorten(line.text, 60)}": ${why}`);
      return;
    }
    for (const stray of found.filter((a) => !a.side)) build.dropped(['casebody', 'attorneys', i], `"${stray.name}" is named with no side after it: not taken for an attorney`);
    for (const found1 of found) {
      if (!found1.side) continue;
      const clean = found1.firm ? undefined : cleanName(found1.name);
      const side = found1.side;
      const appearance = clean ? { ...found1, side, name: clean.text, from: found1.from + clean.from, to: found1.from + clean.to } : { ...found1, side };
      const nameSource = line.cite(appearance.from, appearance.to);
      const node = appearance.firm
        ? build.entity({ id: firmId(appearance.name), kind: 'Organization', shared: true, name: appearance.name, orgType: 'law firm', sources: [nameSource] })
        : build.entity({ id: attorneyId(system, appearance.name), kind: 'Person', shared: true, name: appearance.name, occupation: 'attorney', sources: [nameSource] });
      if (appearance.firm) build.guessed(['casebody', 'attorneys', i], `"${appearance.name}" taken for a firm by its words`);
      const sources = [nameSource, line.cite(appearance.side.from, appearance.side.to)];
      const roleId = slug(build.caseId, 'attorney', node.id);
      if (build.roles.some((r) => r.id === roleId)) build.role({ id: roleId, who: node.id, role: 'attorney', in: build.caseId, sources });
      else build.role({ id: roleId, who: node.id, role: 'attorney', in: build.caseId, description: `for ${appearance.side.words}`.slice(0, 4000), sources });
    }
  });
}

function importOpinions(build: CaseBuild, body: CapBody, system: string, caseName: string): (string | undefined)[] {
  const hasPanel = build.roles.some((r) => r.role === 'judge');
  return body.opinions.map((opinion, i) => {
    const sources: Citation[] = [];
    if (opinion.text) sources.push(opinion.text.whole());
    if (opinion.author) sources.push(opinion.author.whole());
    if (opinion.type) sources.push(opinion.type.whole());
    if (!opinion.text && !opinion.author) return undefined;
    const type = opinion.type?.text;
    const writer = opinion.author ? parseAuthor(opinion.author.text) : undefined;
    const authorSource = writer ? opinion.author!.cite(writer.from, writer.to) : undefined;
    const judge = writer ? build.entity({ id: judgeId(system, writer.name), kind: 'Person', shared: true, name: writer.name, occupation: 'judge', sources: [authorSource!] }) : undefined;
    if (judge) {
      const roleId = slug(build.caseId, 'judge', judge.id);
      if (!hasPanel) build.guessed(['casebody', 'opinions', i, 'author'], `no panel given: ${judge.name}, the opinion's author, taken for a judge of the case`);
      build.role({ id: roleId, who: judge.id, role: 'judge', in: build.caseId, sources: [authorSource!] });
    }
    const id = slug(build.caseId, 'opinion', String(i + 1));
    build.entity({
      id,
      kind: 'Opinion',
      name: `${type ? `${type.charAt(0).toUpperCase()}${type.slice(1)} opinion` : 'Opinion'}${judge ? ` by ${judge.name}` : ''}, ${shorten(caseName, 200)}`,
      ...(type ? { opinionType: type } : {}),
      ...(opinion.text ? { text: opinion.text.text } : {}),
      ...(judge ? { author: judge.id } : {}),
      case: build.caseId,
      sources,
    });
    return id;
  });
}

function importCitesTo(build: CaseBuild, citesTo: unknown[], opinionIds: (string | undefined)[]): void {
  citesTo.forEach((entry, k) => {
    const citation = text((entry as Record<string, unknown>).cite)!;
    const source = build.cite.whole(['cites_to', k, 'cite']);
    const authority = build.entity({ id: authorityId(citation), kind: 'Authority', shared: true, name: citation.trim(), citation: citation.trim(), sources: [source] });
    build.relation({ id: slug(build.caseId, 'cites', authority.id), type: 'CITES', from: build.caseId, to: authority.id, sources: [source] });
    const index = (entry as Record<string, unknown>).opinion_index;
    const opinion = typeof index === 'number' ? opinionIds[index] : undefined;
    if (opinion) build.relation({ id: slug(opinion, 'cites', authority.id), type: 'CITES', from: opinion, to: authority.id, sources: [source] });
  });
}
