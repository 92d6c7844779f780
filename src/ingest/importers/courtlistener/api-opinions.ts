import type { Citation } from '../../casefile/case-file.js';
import { CaseBuild } from '../build.js';
import { parsePanel } from '../cap/panel.js';
import { authorityId, FEDERAL_SYSTEM, judgeId } from '../identity.js';
import { cleanName, isJudgeName } from '../people.js';
import { isObject, readDate, slug, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { apiCaseFile } from './api-case.js';
import { clId, docketCase, type CourtListenerJoins, type DocketRef } from './joins.js';

/** Fields of a cluster read (or bookkeeping); any other non-empty field is reported as not loaded. */
const CLUSTER_READ = new Set(['id', 'docket', 'docket_id', 'case_name', 'case_name_full', 'case_name_short', 'date_filed', 'judges', 'citations', 'sub_opinions',
  'resource_uri', 'absolute_url', 'date_created', 'date_modified', 'slug', 'date_filed_is_approximate', 'citation_count', 'blocked', 'date_blocked', 'source', 'filepath_json_harvard']);
const OPINION_READ = new Set(['id', 'cluster', 'cluster_id', 'author', 'author_id', 'author_str', 'per_curiam', 'joined_by', 'joined_by_str', 'type', 'opinions_cited',
  'plain_text', 'html', 'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard', 'html_with_citations',
  'resource_uri', 'absolute_url', 'date_created', 'date_modified', 'sha1', 'page_count', 'download_url', 'local_path', 'extracted_by_ocr', 'ordering_key']);
/** Where an opinion's words are, best first: plain text, then the HTML and XML versions. */
const TEXT_FIELDS = ['plain_text', 'html_with_citations', 'html', 'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard'];

/** The node of a CourtListener opinion: shared, since a citing opinion's record states it too (CITES); its name depends only on its id. */
export const opinionNode = (id: number, sources: Citation[]) => ({ id: slug('courtlistener-opinion', String(id)), kind: 'Opinion', shared: true, name: `CourtListener opinion ${id}`, sources });

/** The case of a cluster: its docket's, else (the run does not hold the docket) a case named by the docket id. */
function clusterCase(joins: CourtListenerJoins | undefined, cluster: number): { target: DocketRef & { known: boolean }; docket?: number } {
  const docket = joins?.docketOfCluster(cluster);
  if (docket !== undefined) return { target: docketCase(joins, docket), docket };
  return { target: { caseId: slug('courtlistener-cluster', String(cluster)), caption: `CourtListener opinion cluster ${cluster}`, number: String(cluster), court: '', status: 'unknown', known: false } };
}

/**
 * An opinion cluster (`/api/rest/v4/clusters/`, or a row of the bulk `opinion-clusters` file):
 * one decision of the case of its docket: the decision date, the judges (`judges`, a free-text
 * list read as a panel line), and its citations (`citations[]` of the API) as authorities the
 * case is reported as.
 */
export function importApiCluster({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a cluster must be a JSON object', hint: 'give the API cluster object' }] };
  const docket = clId(record.docket_id, record.docket, 'dockets');
  if (docket === undefined) return { problems: [{ path: [...base, 'docket_id'], message: 'the cluster names no docket (docket_id or docket)', hint: 'a cluster belongs to one docket: give its docket_id' }] };
  const problems: RecordProblem[] = [];
  const decided = readDate(record.date_filed, [...base, 'date_filed'], problems);
  if (problems.length > 0) return { problems };
  const target = docketCase(joins, docket);
  const build = new CaseBuild(target.caseId, base);
  const nameField = ['case_name', 'case_name_full', 'case_name_short'].find((f) => text(record[f]));
  if (!target.known) {
    build.guessed(['docket_id'], `docket ${docket} is not among this run's records: the cluster is loaded into the case ${target.caseId}`);
    if (nameField) target.caption = text(record[nameField])!.trim().slice(0, 4000);
  }
  const refField = 'docket_id' in record ? 'docket_id' : 'docket';
  const sources: Citation[] = [];
  if (decided) sources.push(build.cite.whole(['date_filed']));
  if (nameField) sources.push(build.cite.whole([nameField]));
  const citations = clusterCitations(build, record);
  clusterJudges(build, record, joins);
  reportUnread(build, record, CLUSTER_READ);
  return apiCaseFile(build, target, docket, record, published, 'api-cluster', `Opinion cluster ${String(record.id ?? '')}`, {
    ...(decided ? { decisionDate: decided } : {}),
    ...(citations.length > 0 ? { citations } : {}),
    sources,
  }, refField, joins);
}

function clusterCitations(build: CaseBuild, record: Record<string, unknown>): string[] {
  const list = Array.isArray(record.citations) ? record.citations : [];
  const found: string[] = [];
  list.forEach((c, k) => {
    if (!isObject(c)) return;
    const parts = ['volume', 'reporter', 'page'].map((f) => (typeof c[f] === 'number' ? String(c[f]) : text(c[f])?.trim()));
    if (parts.some((p) => p === undefined)) return;
    const citation = parts.join(' ');
    found.push(citation);
    const sources = ['volume', 'reporter', 'page'].map((f) => build.cite.whole(['citations', k, f]));
    const authority = build.entity({ id: authorityId(citation), kind: 'Authority', shared: true, name: citation, citation, sources });
    build.relation({ id: slug(build.caseId, 'reported-as', authority.id), type: 'REPORTED_AS', from: build.caseId, to: authority.id, sources });
  });
  return found;
}

/**
 * The cluster's `judges`: names separated by commas or "and", as a panel line. A surname alone
 * that exactly one person of the run has is that person (the import report says so).
 */
function clusterJudges(build: CaseBuild, record: Record<string, unknown>, joins: CourtListenerJoins | undefined): void {
  const line = text(record.judges);
  if (!line) return;
  for (const judge of parsePanel(line)) {
    const written = judge.name.trim();
    if (!/\p{L}{2,}/u.test(written) || /\b(per curiam|court|unknown|none)\b/i.test(written)) continue;
    const name = byRunSurname(build, 'judges', written, joins);
    const source = build.cite.part(['judges'], line, judge.from, judge.to);
    const node = build.entity({ id: judgeId(FEDERAL_SYSTEM, name), kind: 'Person', shared: true, name, occupation: 'judge', sources: [source] });
    build.role({ id: slug(build.caseId, 'judge', node.id), who: node.id, role: 'judge', in: build.caseId, ...(judge.title ? { description: judge.title } : {}), sources: [source] });
  }
}

/**
 * An opinion (`/api/rest/v4/opinions/`, or a row of the bulk `opinions` file): the opinion of
 * its cluster's case (the cluster, and its docket, found among the run's records), with its type
 * ("010combined" → combined), its words (plain text, else the HTML or XML version without
 * tags), its author (`author_str`, else the person `author_id` names in the run) as a judge of
 * the case, the judges joining it, and CITES to every opinion of `opinions_cited`.
 */
export function importApiOpinion({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'an opinion must be a JSON object', hint: 'give the API opinion object' }] };
  const id = clId(record.id, record.resource_uri, 'opinions');
  const cluster = clId(record.cluster_id, record.cluster, 'clusters');
  if (id === undefined) return { problems: [{ path: [...base, 'id'], message: 'the opinion has no id', hint: 'an opinion is identified by its CourtListener id' }] };
  if (cluster === undefined) return { problems: [{ path: [...base, 'cluster_id'], message: 'the opinion names no cluster (cluster_id or cluster)', hint: 'an opinion belongs to one cluster: give its cluster_id' }] };
  const { target, docket } = clusterCase(joins, cluster);
  const build = new CaseBuild(target.caseId, base);
  const refField = 'cluster_id' in record ? 'cluster_id' : 'cluster';
  if (!target.known) build.guessed([refField], `the cluster ${cluster} or its docket is not among this run's records: the opinion is loaded into the case ${target.caseId}; load it with its cluster and docket`);
  const sources: Citation[] = [build.cite.whole(['id'])];
  const type = opinionType(record.type);
  if (type) sources.push(build.cite.whole(['type']));
  const words = opinionText(record);
  if (words) sources.push(build.cite.whole([words.field]));
  const author = opinionAuthor(build, record, joins);
  joinedBy(build, record, joins);
  build.entity({ ...opinionNode(id, sources), ...(type ? { opinionType: type } : {}), ...(words ? { text: words.text } : {}), ...(author ? { author } : {}), case: build.caseId });
  if (record.per_curiam === true) build.guessed(['per_curiam'], 'a per curiam opinion: no author');
  citedOpinions(build, record, id);
  reportUnread(build, record, OPINION_READ);
  return apiCaseFile(build, target, docket, record, published, 'api-opinion', `Opinion ${id}`, {}, refField, joins);
}

/** "010combined", "040dissent" → "combined", "dissent". */
export function opinionType(value: unknown): string | undefined {
  const code = text(value);
  if (!code) return undefined;
  const words = code.trim().replace(/^\d+/, '').replace(/([a-z])(in)(part)$/, '$1 $2 $3');
  return words === '' ? undefined : words;
}

/** The opinion's words: plain text, else its HTML or XML version with the tags taken out. */
export function opinionText(record: Record<string, unknown>): { field: string; text: string } | undefined {
  for (const field of TEXT_FIELDS) {
    const value = text(record[field]);
    if (!value) continue;
    if (field === 'plain_text') return { field, text: value };
    const stripped = value.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/[ \t]+/g, ' ').trim();
    if (stripped !== '') return { field, text: stripped };
  }
  return undefined;
}

function opinionAuthor(build: CaseBuild, record: Record<string, unknown>, joins: CourtListenerJoins | undefined): string | undefined {
  const written = text(record.author_str);
  let name: string | undefined;
  let source: Citation | undefined;
  if (written && isJudgeName(written)) {
    const clean = cleanName(written);
    name = clean.text;
    source = build.cite.part(['author_str'], written, clean.from, clean.to);
  } else {
    const person = clId(record.author_id, record.author, 'people');
    const known = person !== undefined ? joins?.people.get(person) : undefined;
    if (person === undefined) return undefined;
    const field = 'author_id' in record ? 'author_id' : 'author';
    if (!known) {
      build.dropped([field], `person ${person} is not among this run's records: the author is not named; load the people with the opinions`);
      return undefined;
    }
    name = known;
    source = build.cite.whole([field]);
    build.guessed([field], `person ${person} is ${known} (the person record in this run)`);
  }
  const judge = build.entity({ id: judgeId(FEDERAL_SYSTEM, name), kind: 'Person', shared: true, name, occupation: 'judge', sources: [source] });
  build.role({ id: slug(build.caseId, 'judge', judge.id), who: judge.id, role: 'judge', in: build.caseId, sources: [source] });
  return judge.id;
}

/** A judge written by surname alone is the run's one person of that last name, when exactly one has it. */
function byRunSurname(build: CaseBuild, field: string, written: string, joins: CourtListenerJoins | undefined): string {
  const person = /^[\p{L}'’-]+$/u.test(written) ? joins?.personBySurname(written) : undefined;
  if (person) build.guessed([field], `"${written}" taken for ${person}, the one person of this run with that last name`);
  return person ?? written;
}

function joinedBy(build: CaseBuild, record: Record<string, unknown>, joins: CourtListenerJoins | undefined): void {
  const line = text(record.joined_by_str);
  if (!line) return;
  for (const judge of parsePanel(line)) {
    if (!/\p{L}{2,}/u.test(judge.name)) continue;
    const name = byRunSurname(build, 'joined_by_str', judge.name.trim(), joins);
    const source = build.cite.part(['joined_by_str'], line, judge.from, judge.to);
    const node = build.entity({ id: judgeId(FEDERAL_SYSTEM, name), kind: 'Person', shared: true, name, occupation: 'judge', sources: [source] });
    build.role({ id: slug(build.caseId, 'judge', node.id), who: node.id, role: 'judge', in: build.caseId, sources: [source] });
  }
}

/** `opinions_cited`: the URLs (or ids) of the opinions this one cites, each a CITES to that opinion's node. */
function citedOpinions(build: CaseBuild, record: Record<string, unknown>, id: number): void {
  const list = Array.isArray(record.opinions_cited) ? record.opinions_cited : [];
  list.forEach((item, k) => {
    const cited = clId(item, item, 'opinions');
    if (cited === undefined) {
      build.dropped(['opinions_cited', k], 'not an opinion URL or id: no CITES made');
      return;
    }
    citesOpinion(build, id, cited, [build.cite.whole(['opinions_cited', k])]);
  });
}

/** `(citing opinion)-[:CITES]->(cited opinion)`, the cited one stated by its id alone. */
export function citesOpinion(build: CaseBuild, citing: number, cited: number, sources: Citation[], description?: string): void {
  const from = build.entity(opinionNode(citing, sources));
  const to = build.entity(opinionNode(cited, sources));
  build.relation({ id: slug(from.id, 'cites', to.id), type: 'CITES', from: from.id, to: to.id, ...(description ? { description } : {}), sources });
}

/** Every non-empty field not read, named in the import report. */
export function reportUnread(build: CaseBuild, record: Record<string, unknown>, read: Set<string>, path: RecordPath = []): void {
  for (const [field, value] of Object.entries(record)) {
    const empty = value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
    if (!empty && !read.has(field)) build.dropped([...path, field], `field "${field}" is not mapped`);
  }
}
