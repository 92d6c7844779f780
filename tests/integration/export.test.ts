import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { caseFingerprint } from '../support/graph.js';

const EXPORT = `query($id: ID!, $format: CaseFileFormat) { exportCase(id: $id, format: $format) }`;
const IMPORT = `mutation($file: String!, $format: CaseFileFormat, $replace: Boolean) {
  importCase(file: $file, format: $format, replace: $replace) {
    caseId applied existed changed totals { created updated unchanged removed }
  }
}`;
const BALDWIN = 'baldwin-involuntary-manslaughter-case';
const FIXTURE_CASE = 'fixture-export-case';
/** The shared-judge fixture under ids of its own, so this file owns its data. */
const fixture = readFileSync('tests/fixtures/shared-judge/fixture-a.case.yaml', 'utf8')
  .replace(/fixture-a\b/g, 'fixture-export')
  .replace(/fixture-(alpha|beta|fence)/g, 'fixture-export-$1');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(async () => {
  await api?.gql(`mutation { deleteCase(id: "${FIXTURE_CASE}") { caseId } }`, {}, WRITE);
  await api?.close();
});

/** Export needs no token: it is a read. */
async function exportText(id: string, format: 'YAML' | 'JSON' = 'YAML'): Promise<string> {
  const { data, errors } = await api.gql<{ exportCase: string }>(EXPORT, { id, format });
  expect(errors).toBeUndefined();
  return data!.exportCase;
}

/**
 * caseFingerprint, less what other cases keep on nodes this case shares: other test files
 * running at the same time link their own fixtures to the Baldwin judge (adding their STATES of
 * her, and their case to passages' caseIds). This case's own part must not change at all.
 */
async function ownFingerprint(caseId: string): Promise<string[]> {
  return (await caseFingerprint(api.executor, caseId))
    .map((line) => {
      const parsed = JSON.parse(line) as unknown[];
      const last = parsed.at(-1);
      // An entity's STATES, "contribution|defines|passages": this case's only.
      if (Array.isArray(last)) return JSON.stringify([...parsed.slice(0, -1), (last as string[]).filter((s) => s.startsWith(`${caseId}|`))]);
      const props = last as Record<string, unknown>;
      if (Array.isArray(props.caseIds)) props.caseIds = props.caseIds.filter((id) => id === caseId);
      if (Array.isArray(props.owners)) props.owners = props.owners.filter((id) => id === caseId);
      return JSON.stringify(parsed);
    })
    .sort();
}

type Citation = { quote: string; document?: string; start?: number; end?: number };
type Item = { id?: string; sources?: Citation[]; [field: string]: unknown };

/**
 * The normalisation an export may apply to a file it did not write: it adds each citation's
 * start/end (checked here against the document text, in code points) and gives documents their
 * text inline (the fixture already has it inline, so documents must come back unchanged).
 */
function withoutOffsets(file: Record<string, unknown>): Record<string, unknown> {
  const documents = new Map((file.documents as { id: string; text: string }[]).map((d) => [d.id, Array.from(d.text)]));
  const first = (file.documents as { id: string }[])[0]!.id;
  const strip = (item: Item): Item => {
    if (!item.sources) return item;
    return {
      ...item,
      sources: item.sources.map(({ start, end, ...citation }) => {
        expect(typeof start, `offsets of "${citation.quote}"`).toBe('number');
        expect(documents.get(citation.document ?? first)!.slice(start, end).join('')).toBe(citation.quote);
        return citation;
      }),
    };
  };
  return Object.fromEntries(
    Object.entries(file).map(([section, value]) => [section, Array.isArray(value) ? value.map(strip) : value && typeof value === 'object' ? strip(value as Item) : value]),
  );
}

const SECTIONS = ['documents', 'entities', 'charges', 'evidence', 'rulings', 'events', 'acts', 'claims', 'roles', 'relations'] as const;
const idsBySection = (file: Record<string, unknown>) =>
  Object.fromEntries(SECTIONS.map((s) => [s, ((file[s] as Item[] | undefined) ?? []).map((item) => item.id ?? `${item.who ?? item.from}-${item.role ?? item.type}-${item.in ?? item.to}`)]));
const quotes = (file: Record<string, unknown>) =>
  JSON.stringify(file).match(/"quote":"(?:[^"\\]|\\.)*"/g)?.sort() ?? [];

describe('exportCase', () => {
  it('export then import is a no-op: the Baldwin case, in YAML and in JSON', async () => {
    const before = await ownFingerprint(BALDWIN);
    expect(before.length).toBeGreaterThan(100);

    const yaml = await exportText(BALDWIN);
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/case-file.schema.json');
    const file = parse(yaml);
    expect(file.case.id).toBe(BALDWIN);
    // The exported file stands alone: the article is inline, not a path beside the seed.
    expect(file.documents).toEqual([expect.objectContaining({ id: 'baldwin-case-dismissed-article', text: readFileSync('seeds/baldwin-case-dismissed.txt', 'utf8') })]);
    expect(file.documents[0].path).toBeUndefined();

    for (const [text, format] of [[yaml, 'YAML'], [await exportText(BALDWIN, 'JSON'), 'JSON']] as const) {
      const { data, errors } = await api.gql(IMPORT, { file: text, format, replace: true }, WRITE);
      expect(errors, format).toBeUndefined();
      expect(data.importCase, format).toEqual({
        caseId: BALDWIN, applied: false, existed: true, changed: false,
        totals: { created: 0, updated: 0, removed: 0, unchanged: expect.any(Number) },
      });
    }
    expect(await ownFingerprint(BALDWIN)).toEqual(before);
  });

  it('import then export gives back an equivalent file, and the same text every time', async () => {
    const imported = await api.gql(IMPORT, { file: fixture }, WRITE);
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importCase).toMatchObject({ caseId: FIXTURE_CASE, applied: true });

    const text = await exportText(FIXTURE_CASE);
    expect(await exportText(FIXTURE_CASE)).toBe(text);
    const original = parse(fixture);
    const exported = parse(text);

    expect(idsBySection(exported)).toEqual(idsBySection(original));
    expect(quotes(exported)).toEqual(quotes(original));
    // The judge belongs to the Baldwin case: referred to by id, not exported as an entity.
    expect(exported.roles[0].who).toBe('mary-marlowe-sommer');
    expect(exported.entities.map((e: Item) => e.id)).not.toContain('mary-marlowe-sommer');
    // Every field the same, once the citations' added offsets are checked and taken off; the
    // version 1 file comes back in version 2, which reads it the same way.
    expect(withoutOffsets(exported)).toEqual({ ...original, formatVersion: 2 });

    const again = await api.gql(IMPORT, { file: text, replace: true }, WRITE);
    expect(again.data.importCase).toMatchObject({ applied: false, changed: false });
  });

  it('answers NOT_FOUND for an id no case file loaded', async () => {
    for (const id of ['no-such-case-for-export', 'civil-lawsuits']) {
      const { data, errors } = await api.gql(EXPORT, { id });
      expect(data).toEqual({ exportCase: null });
      expect(errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND');
      expect(errors?.[0]?.message).toBe(`No case with id "${id}".`);
    }
  });
});
