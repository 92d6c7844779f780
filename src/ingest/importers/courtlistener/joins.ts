import { createHash } from 'node:crypto';
import { isObject, slug, text } from '../record.js';
import { docketIdentity } from './docket-id.js';

/**
 * CourtListener's objects name each other by CourtListener's own ids (a party its docket by
 * `docket_id`, an opinion its cluster, a cluster its docket, an opinion its author), while a
 * docket's case is identified by its court and number (docket-id.ts). The joins are what the
 * records of one run tell about those ids: which case a CourtListener docket is, which docket a
 * cluster belongs to, which cluster an opinion, who a person or a party is, what a court is
 * called. The loader fills them from every record of the run before importing any
 * (CourtListener API objects, bulk CSV rows); the importers only read them.
 *
 * Held as maps of CourtListener's integer ids: a docket about 150 bytes (its case id and
 * caption), a cluster, opinion or party id a few dozen.
 */
export interface DocketRef {
  caseId: string;
  caption: string;
  number: string;
  court: string;
  /** As the docket importer states it: terminated when the docket has a termination date. */
  status: string;
}

export class CourtListenerJoins {
  readonly dockets = new Map<number, DocketRef>();
  /** cluster id → docket id */
  readonly clusters = new Map<number, number>();
  /** opinion id → cluster id */
  readonly opinions = new Map<number, number>();
  /** party id → the party's name as written */
  readonly parties = new Map<number, string>();
  /** person id → the person's name, first middle last suffix */
  readonly people = new Map<number, string>();
  /** position id → the person who held it (an appointer is named by the position held when appointing) */
  readonly positions = new Map<number, number>();
  /** court id → its full name */
  readonly courts = new Map<string, string>();
  /** a last name, lower case → the full names of the people of the run who have it */
  readonly surnames = new Map<string, Set<string>>();

  /** Learns what one record (an API object or a bulk row read as one) says of CourtListener's ids. */
  learn(record: unknown): void {
    if (!isObject(record)) return;
    const id = clId(record.id, undefined);
    const kind = apiKind(record);
    if (kind === 'docket' && id !== undefined) {
      const ref = docketRef(record);
      if (ref) this.dockets.set(id, ref);
    } else if (kind === 'cluster' && id !== undefined) {
      const docket = clId(record.docket_id, record.docket, 'dockets');
      if (docket !== undefined) this.clusters.set(id, docket);
    } else if (kind === 'opinion' && id !== undefined) {
      const cluster = clId(record.cluster_id, record.cluster, 'clusters');
      if (cluster !== undefined) this.opinions.set(id, cluster);
    } else if (kind === 'party' && id !== undefined) {
      const name = text(record.name);
      if (name) this.parties.set(id, name.trim());
    } else if (kind === 'person' && id !== undefined) {
      const name = personName(record);
      if (name) {
        this.people.set(id, name);
        const last = text(record.name_last)!.trim().toLowerCase();
        this.surnames.set(last, (this.surnames.get(last) ?? new Set()).add(name));
      }
    } else if (kind === 'position' && id !== undefined) {
      const person = clId(record.person_id, isObject(record.person) ? record.person.id : record.person, 'people');
      if (person !== undefined) this.positions.set(id, person);
    } else if (kind === 'court') {
      const court = text(record.id);
      const name = text(record.full_name) ?? text(record.short_name);
      if (court && name) this.courts.set(court, name.trim());
    }
  }

  /** The one person of the run with this last name, if exactly one has it. */
  personBySurname(surname: string): string | undefined {
    const names = this.surnames.get(surname.trim().toLowerCase());
    return names && names.size === 1 ? [...names][0] : undefined;
  }

  /** The docket of an opinion's cluster, when the run holds the cluster. */
  docketOfCluster(cluster: number): number | undefined {
    return this.clusters.get(cluster);
  }

  /** A digest of everything known: part of a record's source hash, so a record joined differently is loaded again. */
  digest(): string {
    return (this.digested ??= this.computeDigest());
  }

  private digested: string | undefined;

  private computeDigest(): string {
    const hash = createHash('sha256');
    for (const map of [this.dockets, this.clusters, this.opinions, this.parties, this.people, this.positions, this.courts]) {
      for (const [k, v] of [...map.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])))) hash.update(`${k}=${JSON.stringify(v)}\n`);
      hash.update('|');
    }
    return hash.digest('hex').slice(0, 16);
  }
}

export type ApiKind = 'docket' | 'cluster' | 'opinion' | 'party' | 'attorney' | 'person' | 'position' | 'court' | 'citation' | 'citation-map';

/** Which CourtListener object a record is, by its fields (the API's and the bulk tables' alike). */
export function apiKind(d: Record<string, unknown>): ApiKind | undefined {
  if ('party_types' in d && ('docket_id' in d || 'attorneys' in d)) return 'party';
  if ('parties_represented' in d) return 'attorney';
  if ('citing_opinion_id' in d && 'cited_opinion_id' in d) return 'citation-map';
  if ('volume' in d && 'reporter' in d && 'page' in d && ('cluster_id' in d || 'cluster' in d)) return 'citation';
  if (('cluster' in d || 'cluster_id' in d) && ('plain_text' in d || 'html_with_citations' in d || 'author_str' in d || 'type' in d)) return 'opinion';
  if (('docket' in d || 'docket_id' in d) && ('sub_opinions' in d || 'precedential_status' in d || 'judges' in d)) return 'cluster';
  if ('position_type' in d && ('person' in d || 'person_id' in d)) return 'position';
  if ('name_last' in d && ('name_first' in d || 'positions' in d || 'date_dob' in d)) return 'person';
  if ('full_name' in d && ('citation_string' in d || 'jurisdiction' in d) && !('docket_number' in d)) return 'court';
  if ('docket_number' in d && ('court_id' in d || 'court' in d) && ('resource_uri' in d || 'date_created' in d || 'docket_number_core' in d)) return 'docket';
  return undefined;
}

/** A CourtListener id: the `*_id` integer, else the last number of the object's API URL (…/dockets/123/). */
export function clId(idField: unknown, urlField: unknown, collection?: string): number | undefined {
  if (typeof idField === 'number' && Number.isSafeInteger(idField)) return idField;
  if (typeof idField === 'string' && /^\d+$/.test(idField.trim())) return Number(idField.trim());
  const url = text(urlField);
  if (!url) return undefined;
  const match = new RegExp(`${collection ? `/${collection}` : ''}/(\\d+)/?$`).exec(url.trim());
  return match ? Number(match[1]) : undefined;
}

/** The court id of an API `court` URL (…/courts/akd/) or of `court_id`. */
export function courtOf(record: Record<string, unknown>): string | undefined {
  const id = text(record.court_id);
  if (id) return id.trim();
  const url = text(record.court);
  const match = url ? /\/courts\/([a-z0-9]+)\/?$/.exec(url.trim()) : null;
  return match ? match[1] : url && /^[a-z0-9]+$/.test(url.trim()) ? url.trim() : undefined;
}

function docketRef(record: Record<string, unknown>): DocketRef | undefined {
  const court = courtOf(record);
  const number = text(record.docket_number);
  const pacer = text(record.pacer_case_id) ?? (typeof record.pacer_case_id === 'number' ? String(record.pacer_case_id) : undefined);
  const defendant = text(record.federal_defendant_number) ?? (typeof record.federal_defendant_number === 'number' ? String(record.federal_defendant_number) : undefined);
  const identity = court ? docketIdentity(court, number, pacer, defendant) : undefined;
  if (!identity || !court) return undefined;
  const caption = (text(record.case_name) ?? text(record.case_name_full) ?? text(record.case_name_short) ?? `Docket ${identity.number}`).trim().slice(0, 4000);
  return { caseId: identity.caseId, caption, number: identity.number, court, status: text(record.date_terminated) ? 'terminated' : 'open' };
}

/** A person's name from its parts (name_first, name_middle, name_last, name_suffix). */
export function personName(record: Record<string, unknown>): string | undefined {
  const parts = ['name_first', 'name_middle', 'name_last'].map((f) => text(record[f])?.trim()).filter((p): p is string => p !== undefined);
  if (!text(record.name_last)) return undefined;
  const suffix = text(record.name_suffix)?.trim();
  return `${parts.join(' ')}${suffix ? `, ${suffix}` : ''}`;
}

/** The case a CourtListener docket id stands for: the docket's own case when the run holds it, else a case named by the id. */
export function docketCase(joins: CourtListenerJoins | undefined, docket: number): DocketRef & { known: boolean } {
  const ref = joins?.dockets.get(docket);
  if (ref) return { ...ref, known: true };
  return { caseId: slug('courtlistener-docket', String(docket)), caption: `CourtListener docket ${docket}`, number: String(docket), court: '', status: 'unknown', known: false };
}
