import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseNotFoundError, deleteCase } from '../../src/ingest/write/import.js';
import { loadCaseFile, prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { ContributionConflictError, writePlans } from '../../src/ingest/write/write.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';
import { caseFingerprint, countById, PASSAGES_OF, STATED_BY } from '../support/graph.js';
import { toOlderManifest } from '../support/manifests.js';

/**
 * Ownership of facts: no load or delete of one case changes what another case says, in any
 * order; several contributions (reports) of one case merge into one graph whatever their order.
 * Every case here is fictional.
 */
const SEED_CASE = 'baldwin-involuntary-manslaughter-case';
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-contributions-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** A fingerprint in which the lists that are sets (who states what) are sorted. */
async function state(caseId: string): Promise<string[]> {
  return (await caseFingerprint(api.executor, caseId)).map((line) => {
    const row = JSON.parse(line) as unknown[];
    const props = row.at(-1) as Record<string, unknown>;
    for (const key of ['caseIds', 'owners', 'definers', 'sourceKeys', 'passageIds']) if (Array.isArray(props[key])) props[key] = [...(props[key] as string[])].sort();
    return JSON.stringify(row);
  }).sort();
}

async function entityProps(id: string): Promise<Record<string, unknown>> {
  const [row] = await api.executor.read<{ props: Record<string, unknown> }>({
    text: `MATCH (n:Entity {id: $id}) RETURN n {.*, stated: ${STATED_BY()}, passageIds: ${PASSAGES_OF()}} AS props`,
    params: { id },
  });
  return row!.props;
}

/** A fictional case defining one person with the given id and fields. */
function personCase(caseId: string, personId: string, name: string, extra = ''): string {
  return `formatVersion: 2
documents:
  - id: ${caseId}-note
    title: A fictional note
    text: "${name} is a fictional person in the matter of ${caseId}. ${name} was 30."
case:
  id: ${caseId}
  caption: Matter of ${caseId}
  status: open
  sources: [{ quote: "the matter of ${caseId}" }]
entities:
  - id: ${personId}
    kind: Person
    name: ${name}
    age: 30
    occupation: fictional person${extra}
    sources: [{ quote: "${name} is a fictional person" }]
`;
}

describe('no case can change another case\'s facts', () => {
  it('refuses a file redefining the seed\'s Alec Baldwin as "Rel Alpha", names the seed\'s case, and leaves the seed as it was; deleting it finds nothing', async () => {
    const before = await state(SEED_CASE);
    const file = write('rel-alpha.case.yaml', personCase('contrib-rel-alpha', 'alec-baldwin', 'Rel Alpha'));
    const error = await loadCaseFile(api.executor, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContributionConflictError);
    expect((error as Error).message).toContain(`"${SEED_CASE}"`);
    expect((error as Error).message).toContain('"alec-baldwin"');
    expect((error as ContributionConflictError).fields).toEqual(expect.arrayContaining(['name', 'age', 'occupation']));
    expect(await countById(api.executor, 'contrib-rel-alpha')).toBe(0);
    expect(await state(SEED_CASE)).toEqual(before);
    await expect(deleteCase(api.executor, 'contrib-rel-alpha')).rejects.toBeInstanceOf(CaseNotFoundError);
    expect((await entityProps('alec-baldwin')).name).toBe('Alec Baldwin');
    expect(await state(SEED_CASE)).toEqual(before);
  });

  it('answers importCase with CONFLICT and writes nothing', async () => {
    const { data, errors } = await api.gql(`mutation($file: String!) { importCase(file: $file) { caseId } }`, { file: personCase('contrib-rel-alpha-api', 'alec-baldwin', 'Rel Alpha') }, WRITE);
    expect(data?.importCase ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(errors?.[0]?.message).toContain(SEED_CASE);
    expect(await countById(api.executor, 'contrib-rel-alpha-api')).toBe(0);
  });

  it('in either order, the second definer is refused; deleting the first then restores the second exactly as it loads alone', async () => {
    const owner = write('owner.case.yaml', personCase('contrib-owner', 'contrib-ann', 'Ann Owner'));
    const intruder = write('intruder.case.yaml', personCase('contrib-intruder', 'contrib-ann', 'Rel Alpha'));

    await loadCaseFile(api.executor, owner);
    const alone = await state('contrib-owner');
    await expect(loadCaseFile(api.executor, intruder)).rejects.toThrow(/"contrib-ann", which case "contrib-owner" already defines/);
    expect(await state('contrib-owner')).toEqual(alone);
    expect(await countById(api.executor, 'contrib-intruder')).toBe(0);
    await deleteCase(api.executor, 'contrib-owner');
    expect(await countById(api.executor, 'contrib-ann')).toBe(0);

    // The other order: the intruder is first, so the owner is refused, naming it.
    await loadCaseFile(api.executor, intruder);
    await expect(loadCaseFile(api.executor, owner)).rejects.toThrow(/which case "contrib-intruder" already defines/);
    expect((await entityProps('contrib-ann')).name).toBe('Rel Alpha');
    await deleteCase(api.executor, 'contrib-intruder');
    expect(await countById(api.executor, 'contrib-ann')).toBe(0);
    await loadCaseFile(api.executor, owner);
    expect(await state('contrib-owner')).toEqual(alone);
    await deleteCase(api.executor, 'contrib-owner');
  });

  it('an identical definition is no change: both cases keep it, and deleting either leaves the other as it was', async () => {
    const a = write('same-a.case.yaml', personCase('contrib-same-a', 'contrib-same-person', 'Cy Same'));
    const b = write('same-b.case.yaml', personCase('contrib-same-b', 'contrib-same-person', 'Cy Same'));
    await loadCaseFile(api.executor, a);
    const aAlone = await state('contrib-same-a');
    await loadCaseFile(api.executor, b);
    await deleteCase(api.executor, 'contrib-same-b');
    expect(await state('contrib-same-a')).toEqual(aAlone);
    await deleteCase(api.executor, 'contrib-same-a');
  });

  it('entities both cases declare shared merge the same in either order, and a delete restores what the other case said', async () => {
    const a = write('shared-a.case.yaml', personCase('contrib-shared-a', 'contrib-judge', 'Hon. Dee Shared', '\n    shared: true'));
    const b = write('shared-b.case.yaml', personCase('contrib-shared-b', 'contrib-judge', 'DEE SHARED', '\n    shared: true\n    description: A fictional judge'));
    await loadCaseFile(api.executor, b);
    const bAlone = await entityProps('contrib-judge');
    const bState = await state('contrib-shared-b');
    await loadCaseFile(api.executor, a);
    const forward = await entityProps('contrib-judge');
    // Scalars from the smallest contribution that gives one; what only b says is kept.
    expect(forward).toMatchObject({ name: 'Hon. Dee Shared', description: 'A fictional judge', shared: true });
    await deleteCase(api.executor, 'contrib-shared-a');
    expect(await entityProps('contrib-judge')).toEqual(bAlone);
    expect(await state('contrib-shared-b')).toEqual(bState);
    await deleteCase(api.executor, 'contrib-shared-b');

    await loadCaseFile(api.executor, a);
    await loadCaseFile(api.executor, b);
    const backward = await entityProps('contrib-judge');
    const strip = (p: Record<string, unknown>) => {
      const { stated, passageIds, ...rest } = p;
      return { ...rest, sets: [stated, passageIds].map((l) => [...(l as string[])].sort()) };
    };
    expect(strip(backward)).toEqual(strip(forward));
    for (const id of ['contrib-shared-a', 'contrib-shared-b']) await deleteCase(api.executor, id);
    expect(await countById(api.executor, 'contrib-judge')).toBe(0);
  });

  it('refuses the same in a store written before manifests kept statements (the owner\'s node fields stand for them)', async () => {
    const owner = write('legacy-owner.case.yaml', personCase('contrib-legacy', 'contrib-legacy-ann', 'Ann Legacy'));
    await loadCaseFile(api.executor, owner);
    await toOlderManifest(api.executor, 'contrib-legacy', { statements: false });
    const before = await state('contrib-legacy');
    await expect(loadCaseFile(api.executor, write('legacy-intruder.case.yaml', personCase('contrib-legacy-intruder', 'contrib-legacy-ann', 'Rel Alpha'))))
      .rejects.toThrow(/which case "contrib-legacy" already defines with another name/);
    expect(await state('contrib-legacy')).toEqual(before);
    await deleteCase(api.executor, 'contrib-legacy');
  });

  it('refuses a shared definition of an entity whose owner did not declare it shared', async () => {
    await expect(loadCaseFile(api.executor, write('shared-baldwin.case.yaml', personCase('contrib-shared-baldwin', 'alec-baldwin', 'Rel Alpha', '\n    shared: true'))))
      .rejects.toThrow(/"alec-baldwin", which case "baldwin-involuntary-manslaughter-case" already defines/);
  });
});

/** Two reports of one fictional docket, each a contribution of its own to the same case. */
function report(key: string, body: { entry1: string; entry2?: boolean; description?: string }): string {
  const lines = [`formatVersion: 2
contribution: ${key}
documents:
  - id: contrib-docket-${key}
    title: Report ${key} of a fictional docket
    text: "Docket 1:20-cv-1 of the fictional court. Entry 1: ${body.entry1}. Entry 2: Answer filed. Judge Ivy Report presided."
case:
  id: contrib-docket
  caption: Fictional v. Docket
  status: open
  docketNumber: 1:20-cv-1
  sources: [{ quote: "Docket 1:20-cv-1" }]
entities:
  - { id: contrib-docket-judge, kind: Person, name: Ivy Report, occupation: judge, shared: true, sources: [{ quote: "Judge Ivy Report" }] }
events:
  - id: contrib-docket-entry-1
    name: Docket entry 1
${body.description ? `    description: ${body.description}\n` : ''}    sources: [{ quote: "Entry 1: ${body.entry1}" }]`];
  if (body.entry2) lines.push(`  - { id: contrib-docket-entry-2, name: Docket entry 2, sources: [{ quote: "Entry 2: Answer filed" }] }`);
  lines.push(`roles:
  - { who: contrib-docket-judge, role: judge, in: contrib-docket, sources: [{ quote: "Judge Ivy Report presided" }] }
`);
  return lines.join('\n');
}

describe('several contributions to one case', () => {
  const full = () => write('report-full.case.yaml', report('full', { entry1: 'Complaint against the fictional defendant', entry2: true, description: 'The complaint, in full' }));
  const sparse = () => write('report-sparse.case.yaml', report('sparse', { entry1: 'Complaint' }));

  it('give one case, the same graph in either order; a reload changes nothing; deleting one restores the other alone', async () => {
    await loadCaseFile(api.executor, sparse());
    const sparseAlone = await state('contrib-docket');
    await loadCaseFile(api.executor, full());
    const forward = await state('contrib-docket');
    expect(await countById(api.executor, 'contrib-docket')).toBe(1);
    // The sparse report blanks nothing the full one said; the entry has both reports' passages.
    const entry = await entityProps('contrib-docket-entry-1');
    expect(entry.description).toBe('The complaint, in full');
    expect((entry.passageIds as string[]).map((p) => p.split(':')[0]).sort()).toEqual(['contrib-docket-full', 'contrib-docket-sparse']);
    expect(await countById(api.executor, 'contrib-docket-entry-2')).toBe(1);
    const roles = await api.executor.read<{ n: number; owners: string[] }>({
      text: "MATCH (:Person {id: 'contrib-docket-judge'})-[r:HAS_ROLE]->(:Case {id: 'contrib-docket'}) RETURN count(r) AS n, collect(r.owners)[0] AS owners",
    });
    expect(roles[0]!.n).toBe(1);
    expect([...roles[0]!.owners].sort()).toEqual(['contrib-docket#full', 'contrib-docket#sparse']);

    await loadCaseFile(api.executor, full());
    await loadCaseFile(api.executor, sparse());
    expect(await state('contrib-docket')).toEqual(forward);

    // Removing one report's contribution is an explicit act, and leaves the other as it loads alone.
    await deleteCase(api.executor, 'contrib-docket#full');
    expect(await state('contrib-docket')).toEqual(sparseAlone);
    expect(await countById(api.executor, 'contrib-docket-entry-2')).toBe(0);

    await deleteCase(api.executor, 'contrib-docket');
    expect(await countById(api.executor, 'contrib-docket')).toBe(0);
    await loadCaseFile(api.executor, full());
    await loadCaseFile(api.executor, sparse());
    expect(await state('contrib-docket')).toEqual(forward);
    await deleteCase(api.executor, 'contrib-docket');
    expect(await countById(api.executor, 'contrib-docket-judge')).toBe(0);
  });

  it('two new contributions of one case written in one transaction give one relationship each, as one after the other does', async () => {
    const plans = [await prepareCaseFile(api.executor, sparse()), await prepareCaseFile(api.executor, full())];
    await writePlans(api.executor, plans.map((plan) => ({ plan })));
    const together = await state('contrib-docket');
    const roles = await api.executor.read<{ n: number }>({
      text: "MATCH (:Person {id: 'contrib-docket-judge'})-[r:HAS_ROLE]->(:Case {id: 'contrib-docket'}) RETURN count(r) AS n",
    });
    expect(roles[0]!.n).toBe(1);
    await deleteCase(api.executor, 'contrib-docket');
    await loadCaseFile(api.executor, sparse());
    await loadCaseFile(api.executor, full());
    expect(together).toEqual(await state('contrib-docket'));
    await deleteCase(api.executor, 'contrib-docket');
  });

  it('exportCase of a case made of contributions says so, names them and how to keep the case file a record becomes', async () => {
    await loadCaseFile(api.executor, full());
    await loadCaseFile(api.executor, sparse());
    for (const id of ['contrib-docket', 'contrib-docket#full']) {
      const { data, errors } = await api.gql('query($id: ID!) { exportCase(id: $id) }', { id });
      expect(data).toEqual({ exportCase: null });
      expect(errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toContain('--emit');
    }
    const { errors } = await api.gql('query($id: ID!) { exportCase(id: $id) }', { id: 'contrib-docket' });
    expect(errors?.[0]?.extensions?.contributions).toEqual(['contrib-docket#full', 'contrib-docket#sparse']);
    await deleteCase(api.executor, 'contrib-docket');
  });

  it('a report loaded again with less in it removes only what it alone stated', async () => {
    await loadCaseFile(api.executor, full());
    await loadCaseFile(api.executor, sparse());
    const both = await state('contrib-docket');
    // The full report again, now without entry 2 and without the description.
    await loadCaseFile(api.executor, write('report-full.case.yaml', report('full', { entry1: 'Complaint against the fictional defendant' })));
    expect(await countById(api.executor, 'contrib-docket-entry-2')).toBe(0);
    expect((await entityProps('contrib-docket-entry-1')).description ?? null).toBeNull();
    expect(await countById(api.executor, 'contrib-docket-entry-1')).toBe(1);
    await loadCaseFile(api.executor, full());
    expect(await state('contrib-docket')).toEqual(both);
    await deleteCase(api.executor, 'contrib-docket');
  });
});
