import { describe, expect, it } from 'vitest';
import { OptionError, parseSoakOptions } from '../../soak/options.js';
import { passed, type SoakFigures } from '../../soak/report.js';
import { exampleReads, Workload } from '../../soak/workload.js';

/** A repeatable sequence standing in for Math.random. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('soak options', () => {
  it('default to 60 s, 8 connections, a fifth imports, a third of them re-imports', () => {
    expect(parseSoakOptions([])).toEqual({ seconds: 60, concurrency: 8, importShare: 0.2, reimportShare: 0.3, url: null });
    expect(parseSoakOptions(['--seconds', '5', '--concurrency', '2', '--url', 'http://127.0.0.1:4000/graphql'])).toMatchObject({ seconds: 5, concurrency: 2, url: 'http://127.0.0.1:4000/graphql' });
    expect(parseSoakOptions(['--help'])).toBeNull();
  });

  it.each([
    [['--seconds', '0'], '--seconds 0 is not valid: use a whole number from 1 to 86400.'],
    [['--concurrency', '2.5'], '--concurrency 2.5 is not valid: use a whole number from 1 to 1000.'],
    [['--import-share', '1.5'], '--import-share 1.5 is not valid: use a number from 0 to 1.'],
    [['--url', 'http://127.0.0.1:4000'], 'give the GraphQL endpoint'],
    [['--sconds', '5'], "Unknown option '--sconds'"],
  ])('refuse %j, saying what to do', (argv, message) => {
    expect(() => parseSoakOptions(argv)).toThrow(OptionError);
    expect(() => parseSoakOptions(argv)).toThrow(message);
  });
});

describe('the soak workload', () => {
  const reads = exampleReads();

  it('reads every query operation of docs/examples.graphql, each as a document of its own', () => {
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.map((r) => r.name)).toContain('Ok');
    const ok = JSON.parse(reads.find((r) => r.name === 'Ok')!.body);
    expect(ok).toEqual({ query: 'query Ok {\n  ok\n}', operationName: 'Ok' });
  });

  it('mixes reads, new imports, repeats of imports still running, and re-imports of answered ones', () => {
    // Each request: a share roll (< 0.2 imports); an import then rolls < 0.1 for a repeat of one
    // still loading, < 0.4 for a re-import of a loaded one; picks use the next value.
    const workload = new Workload('unit', reads, { importShare: 0.2, reimportShare: 0.3 }, sequence(0.1, 0.9, 0.1, 0.0, 0.0, 0.9, 0.0, 0.1, 0.2, 0.0));
    const first = workload.next();
    expect(first).toMatchObject({ kind: 'import', what: 1 });
    expect(JSON.parse(first.body).variables.file).toContain('id: unit-1-case');
    expect(workload.next()).toMatchObject({ kind: 'race', what: 1 });
    expect(workload.next().kind).toBe('read');
    workload.record(first, 200, JSON.stringify({ data: { importCase: { caseId: 'unit-1-case', applied: true } } }));
    expect(workload.next()).toMatchObject({ kind: 'reimport', what: 1 });
  });

  it('counts non-200 answers, GraphQL errors and re-imports that changed anything as errors', () => {
    const workload = new Workload('unit', reads, { importShare: 1, reimportShare: 0 });
    const read = { kind: 'read' as const, what: 'Ok', body: '' };
    workload.record(read, 503, '{"errors":[{"message":"down"}]}');
    workload.record(read, 200, '{"errors":[{"message":"No case","extensions":{"code":"NOT_FOUND"}}]}');
    workload.record({ kind: 'reimport', what: 3, body: '' }, 200, '{"data":{"importCase":{"applied":true,"changed":true}}}');
    workload.record({ kind: 'reimport', what: 4, body: '' }, 200, '{"data":{"importCase":{"applied":false,"changed":false}}}');
    expect(workload.errors).toEqual({ http: 1, graphql: 1, changedOnReimport: 1 });
    expect(workload.counts).toEqual({ read: 2, import: 0, reimport: 2, race: 0 });
    expect([...workload.samples].join('\n')).toContain('NOT_FOUND No case');
  });
});

describe('the soak verdict', () => {
  const clean: SoakFigures = {
    seconds: 1, concurrency: 1, requests: 1, perSecond: 1, reads: 1, imports: 0, reimports: 0, races: 0, errors: 0,
    errorKinds: { http: 0, graphql: 0, changedOnReimport: 0, socket: 0, timeouts: 0 },
    latencyMs: { p50: 1, p99: 1, max: 1 }, memory: { start: null, end: null },
    graph: { nodes: 1, relationships: 0, duplicateNodes: [], duplicateRelationships: [] }, samples: [],
  };

  it('passes only with no errors, no duplicates, and a duplicate check that ran', () => {
    expect(passed(clean)).toBe(true);
    expect(passed({ ...clean, errors: 1 })).toBe(false);
    expect(passed({ ...clean, graph: null })).toBe(false);
    expect(passed({ ...clean, graph: { ...clean.graph!, duplicateNodes: [{ kind: 'Entity', key: 'x', copies: 2 }] } })).toBe(false);
  });
});
