import type { CaseFile, Citation, EntityInput, RelationInput, RoleInput } from '../../case-file.js';
import { attorneyId, authorityId, courtId, judgeId } from '../identity.js';
import { isObject, readPartialDate, RecordCitations, slug, shorten, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { parseAttorneys } from './attorneys.js';
import { parseAuthor, parsePanel } from './panel.js';

/**
 * A Caselaw Access Project case (the API's and the bulk export's JSON: `casebody` with its
 * `data`, or the fields at its top) becomes a case file: the case with its citations, court,
 * jurisdiction and decision date; the panel; the attorneys and the side they argued for; each
 * opinion with its author and text; and a CITES relation to every authority of `cites_to`.
 * Pure. Every value written cites the string it comes from.
 */
export function importCapCase({ record, text: published, base }: RecordInput): ImportResult {
  const problems: RecordProblem[] = [];
  if (!isObject(record)) return { problems: [{ path: base, message: 'a CAP case must be a JSON object', hint: 'give one case per file' }] };
  const at = (...path: RecordPath) => [...base, ...path];
  const cite = new RecordCitations(base);
  const body = isObject(record.casebody) && isObject(record.casebody.data) ? record.casebody.data : isObject(record.casebody) ? record.casebody : {};
  const bodyPath: RecordPath = isObject(record.casebody) && isObject(record.casebody.data) ? ['casebody', 'data'] : ['casebody'];

  const name = text(record.name) ?? text(record.name_abbreviation);
  if (!name) problems.push({ path: at('name'), message: 'the case has no name', hint: 'a CAP case gives name or name_abbreviation' });
  const decisionDate = readPartialDate(record.decision_date, at('decision_date'), problems);
  const citations = (Array.isArray(record.citations) ? record.citations : []).map((c, i) => ({ cite: isObject(c) ? text(c.cite) : text(c), i, path: isObject(c) ? ['citations', i, 'cite'] : ['citations', i] }));
  const citesTo = Array.isArray(record.cites_to) ? record.cites_to : [];
  citesTo.forEach((entry, k) => {
    if (!isObject(entry) || !text(entry.cite)) {
      problems.push({ path: at('cites_to', k, 'cite'), message: 'this cites_to entry has no citation', hint: 'each cites_to entry needs "cite", e.g. "99 A.2d 754"; correct the record or remove the entry' });
    }
  });
  const recordId = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id) : undefined;
  const firstCite = citations.find((c) => c.cite)?.cite;
  if (!recordId && !firstCite) problems.push({ path: at('id'), message: 'the case has neither an id nor a citation', hint: 'a CAP case gives its id, or at least one citation' });
  if (problems.length > 0 || !name) return { problems };

  const caseId = recordId ? slug('cap', recordId) : slug('cap', firstCite!);
  const nameField = text(record.name) ? 'name' : 'name_abbreviation';
  const entities: EntityInput[] = [];
  const roles: RoleInput[] = [];
  const relations: RelationInput[] = [];
  const defined = new Map<string, EntityInput>();
  const entity = (fields: EntityInput): EntityInput => {
    const known = defined.get(fields.id);
    if (known) return (known.sources.push(...fields.sources), known);
    defined.set(fields.id, fields);
    entities.push(fields);
    return fields;
  };
  const relation = (fields: RelationInput) => {
    const known = relations.find((r) => r.id === fields.id);
    if (known) known.sources.push(...fields.sources);
    else relations.push(fields);
  };

  const caseSources: Citation[] = [cite.whole([nameField])];
  const abbreviation = text(record.name_abbreviation);
  if (abbreviation && nameField === 'name') caseSources.push(cite.whole(['name_abbreviation']));
  if (decisionDate) caseSources.push(cite.whole(['decision_date']));
  const docketNumber = text(record.docket_number);
  if (docketNumber) caseSources.push(cite.whole(['docket_number']));
  const jurisdiction = isObject(record.jurisdiction) ? record.jurisdiction : {};
  const jurisdictionName = text(jurisdiction.name_long) ?? text(jurisdiction.name);
  if (jurisdictionName) caseSources.push(cite.whole(['jurisdiction', text(jurisdiction.name_long) ? 'name_long' : 'name']));
  /** The court system judges and attorneys are told apart within: the jurisdiction. */
  const system = slug((text(jurisdiction.slug) ?? text(jurisdiction.name) ?? text(jurisdiction.name_long) ?? 'unknown').replace(/\./g, ''));

  const courtRecord = isObject(record.court) ? record.court : {};
  const courtName = text(courtRecord.name) ?? text(courtRecord.name_abbreviation);
  const courtKey = typeof courtRecord.id === 'number' || typeof courtRecord.id === 'string' ? String(courtRecord.id) : courtName;
  const court = courtName && courtKey
    ? entity({
        id: courtId('cap', courtKey),
        kind: 'Court',
        shared: true,
        name: courtName,
        ...(text(courtRecord.name_abbreviation) && courtName !== courtRecord.name_abbreviation ? { aliases: [String(courtRecord.name_abbreviation)] } : {}),
        ...(jurisdictionName ? { jurisdiction: jurisdictionName } : {}),
        sources: [cite.whole(['court', text(courtRecord.name) ? 'name' : 'name_abbreviation'])],
      })
    : undefined;

  const reportedAs: string[] = [];
  for (const c of citations) {
    if (!c.cite) continue;
    reportedAs.push(c.cite);
    caseSources.push(cite.whole(c.path));
    const authority = entity({ id: authorityId(c.cite), kind: 'Authority', shared: true, name: c.cite.trim(), citation: c.cite.trim(), sources: [cite.whole(c.path)] });
    relation({ id: slug(caseId, 'reported-as', authority.id), type: 'REPORTED_AS', from: caseId, to: authority.id, sources: [cite.whole(c.path)] });
  }

  // The panel: from casebody.judges, else from the head matter's "Before …" line.
  const judgeLines: { line: string; path: RecordPath; offset: number }[] = [];
  (Array.isArray(body.judges) ? body.judges : []).forEach((line, i) => typeof line === 'string' && judgeLines.push({ line, path: [...bodyPath, 'judges', i], offset: 0 }));
  const headMatter = text(body.head_matter);
  if (judgeLines.length === 0 && headMatter) {
    for (const match of headMatter.matchAll(/^[ \t]*(Before|Present)\b[^\n]*/gim)) judgeLines.push({ line: match[0], path: [...bodyPath, 'head_matter'], offset: match.index! });
  }
  const judgeOf = (judgeName: string, source: Citation) =>
    entity({ id: judgeId(system, judgeName), kind: 'Person', shared: true, name: judgeName, occupation: 'judge', sources: [source] });
  for (const { line, path, offset } of judgeLines) {
    const whole = offset === 0 ? line : headMatter!;
    for (const judge of parsePanel(line)) {
      const nameSource = cite.part(path, whole, offset + judge.from, offset + judge.to);
      const person = judgeOf(judge.name, nameSource);
      const sources = [nameSource, ...(judge.titleFrom !== undefined ? [cite.part(path, whole, offset + judge.titleFrom, offset + judge.titleTo!)] : [])];
      const roleId = slug(caseId, 'judge', person.id);
      const known = roles.find((r) => r.id === roleId);
      if (known) known.sources.push(...sources);
      else roles.push({ id: roleId, who: person.id, role: 'judge', in: caseId, ...(judge.title ? { description: judge.title } : {}), sources });
    }
  }

  (Array.isArray(body.attorneys) ? body.attorneys : []).forEach((line, i) => {
    if (typeof line !== 'string') return;
    const path = [...bodyPath, 'attorneys', i];
    for (const appearance of parseAttorneys(line)) {
      const nameSource = cite.part(path, line, appearance.from, appearance.to);
      const person = entity({ id: attorneyId(system, appearance.name), kind: 'Person', shared: true, name: appearance.name, occupation: 'attorney', sources: [nameSource] });
      const roleId = slug(caseId, 'attorney', person.id);
      const sources = [nameSource, ...(appearance.side ? [cite.part(path, line, appearance.side.from, appearance.side.to)] : [])];
      const known = roles.find((r) => r.id === roleId);
      if (known) known.sources.push(...sources);
      else roles.push({ id: roleId, who: person.id, role: 'attorney', in: caseId, ...(appearance.side ? { description: appearance.side.words.slice(0, 4000).replace(/^/, 'for ') } : {}), sources });
    }
  });

  const opinions = Array.isArray(body.opinions) ? body.opinions : [];
  const opinionIds: (string | undefined)[] = opinions.map((opinion, i) => {
    if (!isObject(opinion)) return undefined;
    const path = [...bodyPath, 'opinions', i];
    const opinionText = text(opinion.text);
    const author = text(opinion.author);
    const type = text(opinion.type);
    const sources: Citation[] = [];
    if (opinionText) sources.push(cite.whole([...path, 'text']));
    if (author) sources.push(cite.whole([...path, 'author']));
    if (type) sources.push(cite.whole([...path, 'type']));
    if (!opinionText && !author) return undefined;
    const writer = author ? parseAuthor(author) : undefined;
    const judge = writer ? judgeOf(writer.name, cite.part([...path, 'author'], author!, writer.from, writer.to)) : undefined;
    const id = slug(caseId, 'opinion', String(i + 1));
    entity({
      id,
      kind: 'Opinion',
      name: `${type ? `${type.charAt(0).toUpperCase()}${type.slice(1)} opinion` : 'Opinion'}${judge ? ` by ${judge.name}` : ''}, ${shorten(name, 200)}`,
      ...(type ? { opinionType: type } : {}),
      ...(opinionText ? { text: opinionText } : {}),
      ...(judge ? { author: judge.id } : {}),
      case: caseId,
      sources,
    });
    return id;
  });

  citesTo.forEach((entry, k) => {
    const citation = text((entry as Record<string, unknown>).cite)!;
    const source = cite.whole(['cites_to', k, 'cite']);
    const authority = entity({ id: authorityId(citation), kind: 'Authority', shared: true, name: citation.trim(), citation: citation.trim(), sources: [source] });
    relation({ id: slug(caseId, 'cites', authority.id), type: 'CITES', from: caseId, to: authority.id, sources: [source] });
    const index = (entry as Record<string, unknown>).opinion_index;
    const opinion = typeof index === 'number' ? opinionIds[index] : undefined;
    if (opinion) relation({ id: slug(opinion, 'cites', authority.id), type: 'CITES', from: opinion, to: authority.id, sources: [source] });
  });

  const title = `${text(record.name_abbreviation) ?? name}${reportedAs.length > 0 ? `, ${reportedAs.join(', ')}` : ''} (Caselaw Access Project)`;
  const caseFile: CaseFile = {
    formatVersion: 1,
    documents: [{ id: slug(caseId, 'record'), title: shorten(title, 4000), kind: 'case law (Caselaw Access Project JSON)', publisher: 'Caselaw Access Project', text: published }],
    case: {
      id: caseId,
      caption: name.trim().slice(0, 4000),
      ...(abbreviation && abbreviation !== name ? { aliases: [abbreviation.trim()] } : {}),
      status: decisionDate ? 'decided' : 'reported',
      ...(court ? { court: court.id } : {}),
      ...(jurisdictionName ? { jurisdiction: jurisdictionName } : {}),
      ...(docketNumber ? { docketNumber } : {}),
      ...(decisionDate ? { decisionDate } : {}),
      ...(reportedAs.length > 0 ? { citations: [...new Set(reportedAs.map((c) => c.trim()))] } : {}),
      sources: caseSources,
    },
    entities,
    roles,
    relations,
  };
  return { caseFile };
}
