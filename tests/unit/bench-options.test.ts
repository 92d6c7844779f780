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

  it('reads stores built beforehand, each with its corpus folder, without the first runs (they load the seed)', () => {
    const options = read(['--store', 'a/data,b/data', '--corpus-dir', 'a/gen,b/gen', '--duration', '2']);
    expect(options.graph).toEqual({ kind: 'stores', stores: [{ dataDir: 'a/data', corpusDir: 'a/gen' }, { dataDir: 'b/data', corpusDir: 'b/gen' }] });
    expect(options.only).toEqual([...OPERATIONS.map((o) => o.name), 'compare']);
    expect(read([]).graph).toEqual({ kind: 'grow' });
  });

  it('builds one store per size with --build-stores', () => {
    const options = read(['--build-stores', 'stores', '--sizes', '1000,100000']);
    expect(options.graph).toEqual({ kind: 'build', root: 'stores' });
    expect(options.sizes).toEqual([1000, 100000]);
  });

  it.each([
    [['--store', 'a,b', '--corpus-dir', 'g'], /--store names 2 store\(s\) and --corpus-dir 1 corpus folder/],
    [['--store', 'a'], /--store names 1 store\(s\) and --corpus-dir 0/],
    [['--corpus-dir', 'g'], /--corpus-dir goes with --store/],
    [['--store', 'a', '--corpus-dir', 'g', '--sizes', '10'], /--sizes with --store: the size is read from the store/],
    [['--store', 'a', '--corpus-dir', 'g', '--only', 'firstRuns'], /--only firstRuns: the first runs load the seed/],
    [['--build-stores', 'x', '--store', 'a', '--corpus-dir', 'g'], /--build-stores builds its own stores/],
  ])('refuses the store options %j with a message naming the fix', (argv, message) => {
    expect(() => read(argv)).toThrow(OptionError);
    expect(() => read(argv)).toThrow(message);
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
