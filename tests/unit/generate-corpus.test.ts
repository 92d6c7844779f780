import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENTITY_RANGE, FACT_RANGE } from '../../bench/generate/case.js';
import { corpusFiles, type CorpusFile, type CorpusOptions } from '../../bench/generate/corpus.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import { BatchDefinitions } from '../../src/ingest/cli/batch.js';
import { planCaseFile, type GraphPlan } from '../../src/ingest/casefile/plan.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';

const OPTIONS: CorpusOptions = { cases: 12, seed: 7, prefix: 'unitgen', format: 'yaml' };
const corpus = (options: Partial<CorpusOptions> = {}) => [...corpusFiles({ ...OPTIONS, ...options })];
const caseFiles = (files: CorpusFile[]) => files.filter((f) => f.path.endsWith('.case.yaml') || f.path.endsWith('.case.json'));
const FACT_SECTIONS = ['charges', 'evidence', 'rulings', 'events', 'acts', 'claims', 'roles', 'relations'] as const;

/** Validates a corpus with the loader's own validator, the directory first, as a load would. */
async function validateCorpus(files: CorpusFile[]): Promise<{ plans: GraphPlan[]; problems: unknown[] }> {
  const texts = new Map(files.map((f) => [f.path, f.content]));
  const definitions = new BatchDefinitions();
  const lookupIds = definitions.lookupWith(async () => new Map());
  const plans: GraphPlan[] = [];
  const problems: unknown[] = [];
  for (const file of caseFiles(files)) {
    const result = await validateCaseFile(file.path, file.content, {
      readDocument: async (relative) => texts.get(relative) ?? Promise.reject(new Error('no such file')),
      lookupIds,
    });
    if (!result.valid) problems.push(...result.problems);
    else {
      const plan = planCaseFile(result.valid);
      definitions.add(file.path, plan);
      plans.push(plan);
    }
  }
  return { plans, problems };
}

describe('the corpus generator', () => {
  it('gives byte-identical files for the same seed, other files for another seed', () => {
    const [a, b] = [corpus(), corpus()];
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    expect(a).toEqual(b);
    const other = corpus({ seed: 8 });
    expect(caseFiles(other).map((f) => f.content)).not.toEqual(caseFiles(a).map((f) => f.content));
  });

  it('makes case n the same whatever the corpus size', () => {
    const small = corpus({ cases: 3 });
    const large = corpus({ cases: 12 });
    expect(large.slice(0, small.length)).toEqual(small);
  });

  it('writes files the real validator accepts, with 10-60 entities and 20-150 facts per case', { timeout: 60_000 }, async () => {
    const files = corpus({ cases: 6 });
    const { plans, problems } = await validateCorpus(files);
    expect(problems).toEqual([]);
    expect(plans).toHaveLength(6 + 1);
    for (const file of caseFiles(files).slice(1)) {
      const data = parse(file.content) as CaseFile;
      const facts = FACT_SECTIONS.reduce((sum, section) => sum + (data[section]?.length ?? 0), 0);
      expect(data.entities!.length, file.path).toBeGreaterThanOrEqual(ENTITY_RANGE[0]);
      expect(data.entities!.length, file.path).toBeLessThanOrEqual(ENTITY_RANGE[1]);
      expect(facts, file.path).toBeGreaterThanOrEqual(FACT_RANGE[0]);
      expect(facts, file.path).toBeLessThanOrEqual(FACT_RANGE[1]);
      for (const section of ['charges', 'events', 'acts', 'claims', 'roles', 'relations'] as const) expect(data[section]?.length, `${file.path} ${section}`).toBeGreaterThan(0);
    }
  });

  it('cites passages that are at their offsets in the generated texts', () => {
    const files = corpus({ cases: 3 });
    const texts = new Map(files.map((f) => [f.path, f.content]));
    let citations = 0;
    for (const file of caseFiles(files)) {
      const data = parse(file.content) as CaseFile;
      const pathOf = new Map(data.documents.map((d) => [d.id, d.path!]));
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        const { quote, start, end, document } = value as { quote?: string; start?: number; end?: number; document?: string };
        if (typeof quote === 'string') {
          const text = [...texts.get(pathOf.get(document ?? data.documents[0]!.id)!)!];
          expect(text.slice(start!, end!).join('')).toBe(quote);
          citations += 1;
          return;
        }
        Object.values(value).forEach(visit);
      };
      visit(data);
    }
    expect(citations).toBeGreaterThan(200);
  });

  it('shares judges, prosecutors, courts, offices and lawyers across cases by id, and uses sameAs for some judges', () => {
    const [directory, ...cases] = caseFiles(corpus({ cases: 60, format: 'json' })).map((f) => JSON.parse(f.content) as CaseFile);
    const pool = new Map(directory!.entities!.map((e) => [e.id, e]));
    const users = new Map<string, Set<string>>();
    for (const data of cases) {
      const own = new Set([data.case.id, ...data.documents.map((d) => d.id), ...data.entities!.map((e) => e.id), ...FACT_SECTIONS.flatMap((s) => (data[s] ?? []).map((f) => ('id' in f ? f.id : undefined)))]);
      const referenced = [data.case.court, ...data.entities!.map((e) => e.sameAs), ...FACT_SECTIONS.flatMap((s) => (data[s] ?? []).flatMap((f) => Object.values(f)))].flat();
      for (const id of referenced) if (typeof id === 'string' && pool.has(id) && !own.has(id)) (users.get(id) ?? users.set(id, new Set()).get(id)!).add(data.case.id);
    }
    const sharedKinds = new Set([...users].filter(([, c]) => c.size >= 2).map(([id]) => String(pool.get(id)!.occupation ?? pool.get(id)!.orgType ?? pool.get(id)!.kind)));
    for (const kind of ['judge', 'prosecutor', 'defence lawyer', 'Court', 'law enforcement']) expect(sharedKinds, kind).toContain(kind);
    expect(cases.filter((data) => data.entities!.some((e) => typeof e.sameAs === 'string')).length).toBeGreaterThan(0);
  });

  it('writes JSON that is the same case file as the YAML', () => {
    const yaml = caseFiles(corpus({ cases: 2 }));
    const json = caseFiles(corpus({ cases: 2, format: 'json' }));
    expect(json.map((f) => f.path)).toEqual(yaml.map((f) => f.path.replace(/\.yaml$/, '.json')));
    json.forEach((file, i) => expect(JSON.parse(file.content)).toEqual(parse(yaml[i]!.content)));
    expect(yaml[1]!.content).toMatch(/^# FICTIONAL: case 1 of the corpus/);
  });
});
