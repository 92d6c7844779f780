import { describe, expect, it } from 'vitest';
import { OptionError, parseReadArgs, readOptions } from '../../bench/reads/options.js';
import { OPERATIONS } from '../../bench/reads/operations.js';

const read = (argv: string[]) => readOptions(parseReadArgs(argv));

describe('read bench options', () => {
  it('defaults to the three corpus sizes of the benchmark and every operation plus the comparison and the first runs', () => {
    const options = read([]);
    expect(options.sizes).toEqual([1, 1000, 10000]);
    expect(options.only).toEqual([...OPERATIONS.map((o) => o.name), 'compare', 'firstRuns']);
    expect(options.load).toEqual({ duration: 10, warmup: 3, connections: 4 });
  });

  it('takes a quick run', () => {
    const options = read(['--sizes', '1,100', '--duration', '2', '--only', 'whoDidWhat,compare', '--connections', '1']);
    expect(options.sizes).toEqual([1, 100]);
    expect(options.only).toEqual(['whoDidWhat', 'compare']);
    expect(options.load.connections).toBe(1);
  });

  it.each([
    [['--sizes', '1000,1'], /--sizes 1000,1: list sizes in ascending order/],
    [['--sizes', '1,ten'], /--sizes ten: use a whole number/],
    [['--only', 'caseDetial'], /--only caseDetial: not an operation; use one or more of caseDetail/],
    [['--duration', '0'], /--duration 0: use a whole number from 1/],
    [['--heap', 'lots'], /--heap lots: use a size such as 512m/],
    [['--cpu-prof', 'everything'], /--cpu-prof everything: not an operation/],
    [['--sise', '1'], /Unknown option '--sise'.*Options: --sizes/],
    [['--corpus', 'real'], /--corpus real: use generated or synthetic/],
  ])('refuses %j with a message naming the option and the fix', (argv, message) => {
    expect(() => read(argv)).toThrow(OptionError);
    expect(() => read(argv)).toThrow(message);
  });
});
