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

  it('shows no bar (text goes straight out) for one file, for --json, or when stderr is not a terminal', () => {
    for (const [options, tty] of [[{ json: false, files: 1 }, true], [{ json: true, files: 5 }, true], [{ json: false, files: 5 }, false]] as const) {
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
});
