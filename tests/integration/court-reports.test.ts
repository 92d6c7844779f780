import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/ingest/write/import.js';
import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { prepareInput, splitFile } from '../../src/ingest/pipeline/prepare.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';

/**
 * The real PACER reports of other kinds (appellate CM/ECF and ACMS, bankruptcy and adversary,
 * docket history, RSS feeds) and CAP cases of other reporters and shapes (tests/fixtures/
 * pacer-reports, tests/fixtures/cap-other), loaded record by record through the one loader path
 * and read back over GraphQL, each checked against its own source: every party, attorney,
 * judge, entry and lower court the record gives is in the graph with the words it cites.
 */
const dir = (d: string) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)).sort();
const PACER = ['appellate', 'bankruptcy', 'docket-history', 'rss'].flatMap((kind) => dir(`tests/fixtures/pacer-reports/${kind}`));
const CAP = dir('tests/fixtures/cap-other');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function gql(query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await api.gql(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}

/** Loads every record of a file, as npm run load does; the case ids, in the file's order. */
async function loadRecords(file: string): Promise<{ caseId: string; record: Record<string, unknown>; changed: boolean }[]> {
  const text = readFileSync(file, 'utf8');
  const split = splitFile({ file, text });
  if (!('records' in split)) throw new Error(`${file}: ${JSON.stringify(split)}`);
  const loaded = [];
  for (const [index, entry] of split.records.entries()) {
    const prepared = await prepareInput({ file, text, ...(split.records.length > 1 ? { record: index } : {}) }, { readDocument: async () => '', lookupIds: graphLookup(api.executor) });
    if (!prepared.plan) throw new Error(`${file} [${entry.place}]: ${JSON.stringify(prepared.problems ?? prepared.empty)}`);
    const report = await importPlan(api.executor, prepared.plan, file);
    loaded.push({ caseId: prepared.plan.caseId, record: entry.record as Record<string, unknown>, changed: report.changed });
  }
  return loaded;
}

const CASE = `query($id: ID!) { case(id: $id) { docketNumber caseType court { id }
  participants(first: 100) { edges { node { role holder { id name kind: __typename } } } }
  events(first: 100) { edges { node { entryNumber description sources(first: 10) { edges { node { pointer quote } } } } } }
  relationships(first: 20, types: ["APPEAL_FROM"]) { edges { node { type to { id ... on Case { docketNumber } } } } } } }`;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
/** The words of a name, lower case: what is kept of a name is made of the source's words. */
const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describe('PACER reports of every kind, each against its source', () => {
  it('load record by record; loading them again changes nothing', async () => {
    for (const file of PACER) for (const { changed } of await loadRecords(file)) expect(typeof changed, file).toBe('boolean');
    for (const file of [...PACER].reverse()) for (const { caseId, changed } of await loadRecords(file)) expect({ file, caseId, changed }).toEqual({ file, caseId, changed: false });
  }, 300_000);

  it.each(PACER)('%s: parties, attorneys, judges, entries with their words and the lower court', async (file) => {
    for (const { caseId, record } of await loadRecords(file)) {
      const c = (await gql(CASE, { id: caseId })).case;
      expect(c.court.id).toBe(`court-${record.court_id}`);
      const roles = nodes(c.participants) as { role: string; holder: { id: string; name: string; kind: string } }[];
      // every named party is a participant whose name is made of the party's words (titles and capacities set apart)
      for (const party of (record.parties as Record<string, unknown>[] | null) ?? []) {
        const name = str(party.name);
        if (!name || /^\s*(in\s+re\b|in\s+the\s+matter\s+of|sealed\b)/i.test(name)) continue;
        const held = roles.filter((r) => r.role !== 'attorney' && words(name).includes(words(r.holder.name)));
        expect(held.length, `${file}: party ${name}`).toBeGreaterThan(0);
        for (const attorney of (party.attorneys as Record<string, unknown>[] | undefined) ?? []) {
          const lawyer = str(attorney.name);
          if (!lawyer) continue;
          expect(roles.some((r) => r.role === 'attorney' && words(lawyer).includes(words(r.holder.name))), `${file}: attorney ${lawyer}`).toBe(true);
        }
      }
      // the judge fields name a judge, unless they are an assignment label
      const assigned = str(record.assigned_to_str);
      const judge = roles.find((r) => r.role === 'assigned_judge');
      if (judge) expect(words(assigned!)).toContain(words(judge.holder.name));
      // every numbered entry is one event, citing its words where the record gives them
      const events = nodes(c.events) as { entryNumber: string | null; description: string | null; sources: { edges: { node: { pointer: string } }[] } }[];
      const entries = ((record.docket_entries as Record<string, unknown>[] | null) ?? []).filter((e) => e.document_number !== null && e.document_number !== undefined && e.document_number !== '');
      for (const entry of entries.slice(0, 20)) {
        const number = String(entry.document_number);
        const event = events.find((e) => e.entryNumber === number);
        expect(event, `${file}: entry ${number}`).toBeDefined();
        const text = str(entry.description) ?? str(entry.short_description);
        if (text) {
          expect(event!.description).toBeTruthy();
          const cited = nodes(event!.sources).map((s: { pointer: string }) => s.pointer);
          expect(cited.some((p: string) => /\/docket_entries\/\d+\/(description|short_description)$/.test(p)), `${file}: entry ${number} words cited`).toBe(true);
        }
      }
      // an appeal from a court's docket points to that docket's case
      const origin = record.originating_court_information as Record<string, unknown> | undefined;
      const appealFrom = nodes(c.relationships) as { to: { id: string; docketNumber?: string } }[];
      if (origin && str(origin.docket_number) && str(origin.court_id)) {
        expect(appealFrom.map((r) => r.to.docketNumber)).toEqual([origin.docket_number]);
      } else if (str(record.appeal_from)) {
        expect(appealFrom).toHaveLength(1);
      }
    }
  });

  it('takes no phone, e-mail, note or address for a firm, and keeps one node for one lawyer however his capacity is written', async () => {
    for (const file of PACER) await loadRecords(file);
    const firms = await api.executor.read<{ name: string }>({ text: `MATCH (:Person)-[:MEMBER_OF]->(f:Organization) RETURN DISTINCT f.name AS name` });
    expect(firms.length).toBeGreaterThan(20);
    for (const { name } of firms) expect(name).not.toMatch(/^(direct|fax|phone|email|e-mail|terminated)\b|@|^\(see above|^\d|^\(?\d{3}\)?[\s.-]\d{3}/i);
    const titled = await api.executor.read<{ name: string }>({ text: `MATCH (p:Person) WHERE p.occupation IN ['attorney', 'judge'] AND p.name =~ '(?i).*(, (attorney|counsel|-)|\\bausa|^(mr|ms|mrs)\\. ).*' RETURN p.name AS name` });
    expect(titled).toEqual([]);
  }, 300_000);

  it('gives the appellate panel, the case type and the lower court\'s judge', async () => {
    const [appeal] = await loadRecords('tests/fixtures/pacer-reports/appellate/ca1.json');
    const record = appeal!.record as { case_type_information: string; originating_court_information: { assigned_to: string; docket_number: string; court_id: string } };
    const c = (await gql(CASE, { id: appeal!.caseId })).case;
    expect(c.caseType).toBe(record.case_type_information);
    const lower = nodes(c.relationships)[0].to.id;
    const lowerCase = (await gql(`query($id: ID!) { case(id: $id) { docketNumber court { id } participants(first: 5) { edges { node { role holder { name } } } } } }`, { id: lower })).case;
    expect(lowerCase).toMatchObject({ docketNumber: record.originating_court_information.docket_number, court: { id: `court-${record.originating_court_information.court_id}` } });
    expect(nodes(lowerCase.participants)).toEqual(expect.arrayContaining([{ role: 'assigned_judge', holder: { name: record.originating_court_information.assigned_to } }]));
    const [withPanel] = await loadRecords('tests/fixtures/pacer-reports/appellate/ca1_2.json');
    const panel = nodes((await gql(CASE, { id: withPanel!.caseId })).case.participants).filter((r: { role: string }) => r.role === 'panel_judge');
    expect(panel.map((r: { holder: { name: string } }) => r.holder.name).sort()).toEqual([...(withPanel!.record.panel as string[])].sort());
  });
});

describe('CAP cases of other reporters and shapes, each against its source', () => {
  it.each(CAP)('%s: parties, attorneys with their side, judges, opinions with their text', async (file) => {
    const [{ caseId, record }] = (await loadRecords(file)) as unknown as [{ caseId: string; record: Record<string, unknown> }];
    const c = (await gql(`query($id: ID!) { case(id: $id) { caption citations
      participants(first: 50) { edges { node { role description holder { name } } } }
      opinions(first: 5) { edges { node { text author { name } } } } } }`, { id: caseId })).case;
    expect(c.caption).toBe(record.name);
    const roles = nodes(c.participants) as { role: string; description: string | null; holder: { name: string } }[];
    const opinions = nodes(c.opinions) as { text: string; author: { name: string } | null }[];
    expect(opinions.length).toBeGreaterThan(0);
    const body = record.casebody as Record<string, unknown>;
    if (typeof body.data === 'string') {
      // the old API shape: every element's words are read from the XML, never an empty case
      const xml = body.data;
      const plain = (tag: string) => (new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
      expect(opinions[0]!.text.replace(/\s+/g, ' ')).toContain(plain('p'));
      expect(roles.filter((r) => r.role === 'judge').length).toBeGreaterThan(0);
      expect(roles.some((r) => r.role === 'attorney')).toBe(true);
      expect(roles.some((r) => words(plain('parties')).includes(words(r.holder.name)) && r.role !== 'judge')).toBe(true);
      return;
    }
    const texts = (body.opinions as { text: string; author: string | null }[]).map((o) => o.text);
    expect(opinions.map((o) => o.text).sort()).toEqual(texts.sort());
    // the caption's parties
    for (const caption of body.parties as string[]) {
      const sides = caption.split(/\s+(?:v\.|vs\.?)\s+/i);
      if (sides.length < 2) continue;
      for (const side of sides) expect(roles.some((r) => r.role !== 'attorney' && r.role !== 'judge' && words(side).includes(words(r.holder.name))), `${file}: ${side}`).toBe(true);
    }
    // a judge for the panel, or the author of each signed opinion when there is no panel line
    for (const opinion of body.opinions as { author: string | null }[]) {
      if (opinion.author && !/per curiam/i.test(opinion.author)) expect(roles.some((r) => r.role === 'judge' && words(opinion.author!).includes(words(r.holder.name)))).toBe(true);
    }
    // every attorney line naming a side gives someone for that side
    for (const line of body.attorneys as string[]) {
      const side = /\bfor\s+(the\s+)?(appellants?|appellees?|plaintiffs?|defendants?|people|prosecution|defen[cs]e)\b/i.exec(line);
      if (side) expect(roles.some((r) => r.role === 'attorney' && (r.description ?? '').toLowerCase().includes(side[2]!.toLowerCase())), `${file}: ${line}`).toBe(true);
    }
  });
});
