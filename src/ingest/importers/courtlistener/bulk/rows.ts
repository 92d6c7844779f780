import { CaseBuild } from '../../build.js';
import { authorityId } from '../../identity.js';
import { isObject, slug, text, type ImportResult, type RecordInput } from '../../record.js';
import { apiCaseFile } from '../api-case.js';
import { citesOpinion, importApiCluster, importApiOpinion } from '../api-opinions.js';
import { importDocket } from '../docket.js';
import { importPosition } from '../positions.js';
import { clId, docketCase, type CourtListenerJoins, type DocketRef } from '../joins.js';
import type { BulkTable } from './tables.js';

/**
 * A row of a bulk file as the record it is: its values by column name, a NULL (an empty
 * unquoted field) as null. The row's source document is this object as JSON, so each fact cites
 * its column by a JSON Pointer (`/case_name`) as it cites an API object's field.
 */
export type Row = Record<string, string | null>;

/** What one row becomes: a case file, a problem, or only names for the joins (courts, people). */
export type RowResult = ImportResult | { joinOnly: string };

/**
 * Imports one row of a table, with what the run's earlier tables said (joins): a docket row is a
 * docket (the same importer as PACER's and the API's dockets), a cluster or opinion row as the
 * API's, a citation row the case's citation, a citation-map row CITES between two opinions.
 */
export function importRow(table: BulkTable, row: Row, text: string, joins: CourtListenerJoins): RowResult {
  const result = importByTable(table, { record: row, text, base: [], joins });
  const key = rowContribution(table, row);
  if ('caseFile' in result && result.caseFile && key) result.caseFile.contribution = key;
  return result;
}

/**
 * The contribution a row is: its table and what identifies it in CourtListener's database
 * (`bulk-dockets-770001`; a citation-map row, the citing and the cited opinion), not a digest of
 * its text. So the same row of a later dump is the same contribution: unchanged, it is skipped;
 * changed, it is refused as a change of what is in the graph, or with --replace it replaces what
 * the row stated before, removing what it no longer states (and nothing another row states). A
 * row without an id keeps the importer's key, a digest of the row.
 */
export function rowContribution(table: BulkTable, row: Row): string | undefined {
  if (table === 'citation-map') {
    const [citing, cited] = [clId(row.citing_opinion_id, undefined), clId(row.cited_opinion_id, undefined)];
    return citing === undefined || cited === undefined ? undefined : slug('bulk', table, String(citing), String(cited));
  }
  const id = clId(row.id, undefined);
  return id === undefined ? undefined : slug('bulk', table, String(id));
}

function importByTable(table: BulkTable, input: RecordInput): RowResult {
  switch (table) {
    case 'courts':
      return { joinOnly: 'a court: its name is used for the run\'s dockets; a court is no case' };
    case 'people':
      return { joinOnly: 'a person: the name of the judge the run\'s opinions name by author_id; a person is no case' };
    case 'positions':
      return importPosition(input);
    case 'dockets':
      return importDocket(input);
    case 'clusters':
      return importApiCluster(input);
    case 'opinions':
      return importApiOpinion(input);
    case 'citations':
      return importCitationRow(input);
    case 'citation-map':
      return importCitationMapRow(input);
  }
}

/** The case of a cluster: its docket's (when the run holds the cluster), else a case named by the cluster. */
function caseOfCluster(joins: CourtListenerJoins | undefined, cluster: number): { target: DocketRef & { known: boolean }; docket?: number } {
  const docket = joins?.docketOfCluster(cluster);
  if (docket !== undefined) return { target: docketCase(joins, docket), docket };
  return { target: { caseId: slug('courtlistener-cluster', String(cluster)), caption: `CourtListener opinion cluster ${cluster}`, number: String(cluster), court: '', status: 'unknown', known: false } };
}

/** A `citations` row (volume, reporter, page of a cluster): an authority the cluster's case is reported as. */
export function importCitationRow({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a row must be an object', hint: '' }] };
  const cluster = clId(record.cluster_id, undefined);
  if (cluster === undefined) return { problems: [{ path: ['cluster_id'], message: 'the citation names no cluster', hint: 'each citation row needs its cluster_id' }] };
  const parts = ['volume', 'reporter', 'page'].map((f) => text(record[f])?.trim());
  const missing = ['volume', 'reporter', 'page'].find((_, k) => parts[k] === undefined);
  if (missing) return { problems: [{ path: [missing], message: `the citation has no ${missing}`, hint: 'a citation row needs volume, reporter and page' }] };
  const { target, docket } = caseOfCluster(joins, cluster);
  const build = new CaseBuild(target.caseId, base);
  if (!target.known) build.guessed(['cluster_id'], `cluster ${cluster} or its docket is not among this run's rows: the citation is loaded into the case ${target.caseId}`);
  const citation = parts.join(' ');
  const sources = ['volume', 'reporter', 'page'].map((f) => build.cite.whole([f]));
  const authority = build.entity({ id: authorityId(citation), kind: 'Authority', shared: true, name: citation, citation, sources });
  build.relation({ id: slug(build.caseId, 'reported-as', authority.id), type: 'REPORTED_AS', from: build.caseId, to: authority.id, sources });
  return apiCaseFile(build, target, docket, record, published, 'bulk-citation', `Citation ${citation}`, { citations: [citation], sources }, 'cluster_id', joins);
}

/** A `citation-map` row: the citing opinion CITES the cited one (depth: how many times), in the citing opinion's case. */
export function importCitationMapRow({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a row must be an object', hint: '' }] };
  const citing = clId(record.citing_opinion_id, undefined);
  const cited = clId(record.cited_opinion_id, undefined);
  if (citing === undefined || cited === undefined) {
    const column = citing === undefined ? 'citing_opinion_id' : 'cited_opinion_id';
    return { problems: [{ path: [column], message: `${column} is not an opinion id`, hint: 'each citation-map row names two opinions by their ids' }] };
  }
  const cluster = joins?.opinions.get(citing);
  const { target, docket } = cluster !== undefined ? caseOfCluster(joins, cluster) : { target: { caseId: slug('courtlistener-opinion', String(citing), 'case'), caption: `The case of CourtListener opinion ${citing}`, number: '', court: '', status: 'unknown', known: false }, docket: undefined };
  const build = new CaseBuild(target.caseId, base);
  if (!target.known) build.guessed(['citing_opinion_id'], `opinion ${citing}, its cluster or its docket is not among this run's rows: the citation is loaded into the case ${target.caseId}`);
  const depth = text(record.depth);
  citesOpinion(build, citing, cited, [build.cite.whole(['citing_opinion_id']), build.cite.whole(['cited_opinion_id']), ...(depth ? [build.cite.whole(['depth'])] : [])], depth ? `cited ${depth} time${depth === '1' ? '' : 's'}` : undefined);
  return apiCaseFile(build, target, docket, record, published, 'bulk-citation-map', `Citation of opinion ${cited} by opinion ${citing}`, {}, 'citing_opinion_id', joins);
}
