import { describe, expect, it } from 'vitest';
import { chooseExitCode, EXIT_CODES, type RunOutcome } from '../../src/ingest/cli/exit-codes.js';
import { changeTable, formatFileResult, formatSummary, statusOf, toJsonLine, totalsOf, type FileResult } from '../../src/ingest/cli/report.js';
import type { ImportReport } from '../../src/ingest/write/import.js';

const counts = (created: number, updated: number, unchanged: number, removed: number) => ({ created, updated, unchanged, removed });

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    file: 'cases/a.case.yaml',
    caseId: 'case-a',
    dryRun: false,
    applied: true,
    existed: false,
    changed: true,
    nodes: { Person: counts(2, 0, 0, 0), Case: counts(1, 0, 0, 0) },
    relationships: { HAS_ROLE: counts(2, 0, 0, 0) },
    passages: counts(3, 0, 0, 0),
    totals: counts(8, 0, 0, 0),
    ...overrides,
  };
}

const result = (status: FileResult['status'], extra: Partial<FileResult> = {}): FileResult => ({ file: 'cases/a.case.yaml', status, dryRun: false, ms: 1500, ...extra });

describe('statusOf', () => {
  it('tells new, replaced, refused and unchanged cases apart', () => {
    expect(statusOf(report(), false)).toBe('loaded');
    expect(statusOf(report({ existed: true }), true)).toBe('replaced');
    expect(statusOf(report({ existed: true }), false)).toBe('refused');
    expect(statusOf(report({ existed: true, changed: false }), false)).toBe('unchanged');
  });
});

describe('changeTable', () => {
  it('has a row per node kind, relationship type, passages and the total, numbers right-aligned', () => {
    expect(changeTable(report()).split('\n')).toEqual([
      '                           created  updated  unchanged  removed',
      '  nodes          Case            1        0          0        0',
      '                 Person          2        0          0        0',
      '  relationships  HAS_ROLE        2        0          0        0',
      '  passages                       3        0          0        0',
      '  total                          8        0          0        0',
    ]);
  });
});

describe('formatFileResult', () => {
  it('says what happened, with the table when something changed', () => {
    expect(formatFileResult(result('loaded', { report: report() }))).toMatch(/^cases\/a\.case\.yaml: loaded case case-a \(new\) in 1\.5 s\n +created/);
    expect(formatFileResult(result('unchanged', { report: report({ existed: true, changed: false }) }))).toBe(
      'cases/a.case.yaml: case case-a is in the graph as the file says; nothing written',
    );
    expect(formatFileResult(result('failed', { error: 'boom' }))).toBe('cases/a.case.yaml: failed: boom');
  });

  it('on a dry run says what would happen, and always shows the table', () => {
    const dry = (status: FileResult['status'], r: ImportReport) => formatFileResult(result(status, { dryRun: true, report: { ...r, dryRun: true, applied: false } }));
    expect(dry('loaded', report())).toMatch(/^cases\/a\.case\.yaml: would load case case-a \(new\)\n/);
    expect(dry('refused', report({ existed: true }))).toMatch(/would be refused without --replace\n/);
    expect(dry('unchanged', report({ existed: true, changed: false }))).toMatch(/nothing to do\n +created/);
  });
});

describe('toJsonLine', () => {
  it('is one line of JSON with the counts per kind', () => {
    const line = toJsonLine(result('loaded', { report: report() }));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      file: 'cases/a.case.yaml', status: 'loaded', dryRun: false, caseId: 'case-a', existed: false, changed: true, applied: true,
      totals: counts(8, 0, 0, 0), nodes: { Case: counts(1, 0, 0, 0), Person: counts(2, 0, 0, 0) }, relationships: { HAS_ROLE: counts(2, 0, 0, 0) },
      passages: counts(3, 0, 0, 0), ms: 1500,
    });
  });

  it('carries the problems of an invalid file', () => {
    const problems = [{ file: 'cases/a.case.yaml', line: 4, column: 3, path: 'acts[0].actor', message: 'unknown id "x"', hint: 'define it' }];
    expect(JSON.parse(toJsonLine(result('invalid', { problems, ms: 0 })))).toEqual({ file: 'cases/a.case.yaml', status: 'invalid', dryRun: false, problems, ms: 0 });
  });
});

describe('formatSummary', () => {
  const results = [
    result('loaded', { report: report() }),
    result('unchanged', { report: report({ applied: false, existed: true, changed: false, totals: counts(0, 0, 8, 0) }) }),
    result('refused', { report: report({ applied: false, existed: true, totals: counts(1, 1, 6, 0) }) }),
    result('invalid', { problems: [] }),
  ];

  it('counts files by outcome, changes, time and the write rate; refused files do not count as changes', () => {
    expect(totalsOf(results)).toMatchObject({ files: 4, changes: counts(8, 0, 8, 0), written: 8 });
    expect(formatSummary(results, false, { workMs: 2000, neo4jMs: 7300 })).toBe(
      '4 files: 1 loaded, 1 unchanged, 1 refused, 1 invalid. 8 created, 0 updated, 8 unchanged, 0 removed. ' +
        '2.0 s (+7.3 s to reach Neo4j), 4 graph elements/s (8 written). ' +
        'The 1 invalid file was not loaded; the 3 valid files were handled as reported above.',
    );
  });

  it('on a dry run says nothing was written and gives no rate', () => {
    const dry = results.map((r) => ({ ...r, dryRun: true, report: r.report && { ...r.report, applied: false } }));
    const summary = formatSummary(dry, true, { workMs: 500, neo4jMs: 10 });
    expect(summary).toMatch(/^Dry run, nothing written\. 4 files: 1 would load, 1 unchanged, 1 would be refused, 1 invalid\. Would be: 8 created/);
    expect(summary).not.toContain('elements/s');
    expect(summary).toContain('The 1 invalid file would not be loaded; the 3 valid files were checked as reported above.');
  });
});

describe('chooseExitCode', () => {
  const outcome = (statuses: RunOutcome['statuses'], extra: Partial<RunOutcome> = {}): RunOutcome => ({ statuses, dryRun: false, interrupted: false, connectionLost: false, ...extra });

  it('is 0 when every file was loaded or unchanged', () => {
    expect(chooseExitCode(outcome(['loaded', 'replaced', 'unchanged']))).toBe(EXIT_CODES.OK);
    expect(chooseExitCode(outcome([]))).toBe(EXIT_CODES.OK);
  });

  it('puts invalid files before refusals, and refusals before other failures', () => {
    expect(chooseExitCode(outcome(['loaded', 'refused', 'invalid', 'failed']))).toBe(EXIT_CODES.INVALID);
    expect(chooseExitCode(outcome(['loaded', 'failed', 'refused']))).toBe(EXIT_CODES.REFUSED);
    expect(chooseExitCode(outcome(['loaded', 'failed']))).toBe(EXIT_CODES.FAILED);
  });

  it('ignores would-be refusals on a dry run, but not invalid files', () => {
    expect(chooseExitCode(outcome(['refused', 'loaded'], { dryRun: true }))).toBe(EXIT_CODES.OK);
    expect(chooseExitCode(outcome(['refused', 'invalid'], { dryRun: true }))).toBe(EXIT_CODES.INVALID);
  });

  it('reports a lost connection and an interruption above everything else', () => {
    expect(chooseExitCode(outcome(['invalid', 'skipped'], { connectionLost: true }))).toBe(EXIT_CODES.NEO4J_UNAVAILABLE);
    expect(chooseExitCode(outcome(['invalid', 'skipped'], { connectionLost: true, interrupted: true }))).toBe(EXIT_CODES.INTERRUPTED);
  });

  it('has distinct codes', () => {
    const codes = Object.values(EXIT_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect(EXIT_CODES).toMatchObject({ OK: 0, INVALID: 1, USAGE: 2, REFUSED: 3, NEO4J_UNAVAILABLE: 4 });
  });
});
