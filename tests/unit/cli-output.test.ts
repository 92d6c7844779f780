import { describe, expect, it } from 'vitest';
import { Output } from '../../src/ingest/cli/output.js';

function stream(isTTY: boolean) {
  const lines: string[] = [];
  return { isTTY, lines, write: (text: string) => lines.push(text) };
}

describe('Output', () => {
  it('sends reports to stdout and messages to stderr, a line each', () => {
    const [stdout, stderr] = [stream(false), stream(false)];
    const out = new Output({ json: false, quiet: false, files: 3 }, stdout, stderr);
    out.report('a report');
    out.info('a message');
    out.problem('a problem\n');
    expect(stdout.lines).toEqual(['a report\n']);
    expect(stderr.lines).toEqual(['a message\n', 'a problem\n']);
  });

  it('keeps only problems on --quiet', () => {
    const [stdout, stderr] = [stream(false), stream(false)];
    const out = new Output({ json: false, quiet: true, files: 3 }, stdout, stderr);
    out.info('a message');
    out.problem('a problem');
    expect(stderr.lines).toEqual(['a problem\n']);
  });

  it('shows no bar (text goes straight out) for one file, or when stderr is not a terminal', () => {
    for (const [options, tty] of [[{ json: false, files: 1 }, true], [{ json: false, files: 5 }, false]] as const) {
      const [stdout, stderr] = [stream(true), stream(tty)];
      const out = new Output({ quiet: false, ...options }, stdout, stderr);
      out.phase('loading', options.files);
      out.info('a message');
      out.tick('x.case.yaml');
      out.report('a report');
      out.done();
      expect(stderr.lines).toEqual(['a message\n']);
      expect(stdout.lines).toEqual(['a report\n']);
    }
  });

  it('on --json, reports progress as JSON lines on stderr (files, elements, rates, ETA), at most one a second, and the last', () => {
    const [stdout, stderr] = [stream(true), stream(true)];
    const out = new Output({ json: true, quiet: false, files: 3 }, stdout, stderr);
    out.phase('loading', 3);
    out.tick('a.case.yaml', 10);
    out.tick('b.case.yaml', 20);
    out.tick('c.case.yaml', 30);
    out.done();
    const lines = stderr.lines.map((line) => JSON.parse(line) as { progress: Record<string, unknown> });
    expect(lines.map((l) => l.progress.done)).toEqual([1, 3]);
    expect(lines.at(-1)!.progress).toMatchObject({ phase: 'loading', done: 3, total: 3, elements: 60, etaSeconds: 0 });
    expect(typeof lines[0]!.progress.elementsPerSecond).toBe('number');
    expect(stdout.lines).toEqual([]);
  });
});
