import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from '../../src/ingest/cli/args.js';
import { BULK_BATCH } from '../../src/ingest/cli/bulk.js';
import { BATCH_ELEMENTS, MAX_BATCH_FILES } from '../../src/ingest/cli/run.js';
import { EXIT_CODES } from '../../src/ingest/cli/exit-codes.js';

describe('parseCliArgs', () => {
  it('reads files, folders and globs and every option', () => {
    const parsed = parseCliArgs(['seeds', '--dry-run', 'cases/*.case.yaml', '--replace', '--json', '--quiet']);
    expect(parsed).toEqual({
      ok: true,
      options: { inputs: ['seeds', 'cases/*.case.yaml'], dryRun: true, replace: true, json: true, quiet: true, batch: null, format: null, emit: null, offline: false, csvOnly: null, fresh: false, help: false },
    });
  });

  it('reads --format as one of the formats and --emit as a folder, and refuses anything else', () => {
    expect(parseCliArgs(['d.json', '--format', 'courtlistener-docket', '--emit', 'out'])).toMatchObject({ ok: true, options: { format: 'courtlistener-docket', emit: 'out' } });
    expect(parseCliArgs(['d.json', '-f', 'cap-case'])).toMatchObject({ ok: true, options: { format: 'cap-case' } });
    expect(parseCliArgs(['d.json', '--format', 'pdf'])).toEqual({ ok: false, message: '--format must be one of case-file, courtlistener-docket, cap-case, courtlistener-party, courtlistener-attorney, courtlistener-cluster, courtlistener-opinion, courtlistener-position, not "pdf"' });
    expect(parseCliArgs(['d.json', '--emit', ' '])).toEqual({ ok: false, message: '--emit needs a folder to write the case files to' });
  });

  it('reads --offline with --csv-only DIR, and refuses what an offline import does not take', () => {
    expect(parseCliArgs(['cases', '--offline', '--csv-only', 'out'])).toMatchObject({ ok: true, options: { offline: true, csvOnly: 'out' } });
    expect(parseCliArgs(['cases', '--csv-only', 'out'])).toEqual({ ok: false, message: '--csv-only goes with --offline' });
    expect(parseCliArgs(['cases', '--offline', '--fresh'])).toMatchObject({ ok: true, options: { offline: true, fresh: true } });
    expect(parseCliArgs(['cases', '--fresh'])).toEqual({ ok: false, message: '--fresh goes with --offline' });
    expect(parseCliArgs(['cases', '--offline', '--replace', '--batch', '5'])).toEqual({ ok: false, message: '--offline fills an empty store in one go; it does not take --replace, --batch' });
  });

  it('has short forms -n, -q and -h, and takes arguments after -- literally', () => {
    const parsed = parseCliArgs(['-nq', '--', '--odd-name.case.yaml']);
    expect(parsed).toMatchObject({ ok: true, options: { inputs: ['--odd-name.case.yaml'], dryRun: true, quiet: true } });
    expect(parseCliArgs(['-h'])).toMatchObject({ ok: true, options: { help: true, inputs: [] } });
  });

  it('reads --batch as a whole number of cases per transaction, and refuses anything else', () => {
    expect(parseCliArgs(['seeds', '--batch', '50'])).toMatchObject({ ok: true, options: { batch: 50 } });
    expect(parseCliArgs(['seeds', '-b', '1'])).toMatchObject({ ok: true, options: { batch: 1 } });
    for (const bad of ['0', '-3', '2.5', 'many', '1001', '']) {
      expect(parseCliArgs(['seeds', `--batch=${bad}`]), bad).toEqual({ ok: false, message: `--batch needs a whole number of cases from 1 to 1000, not "${bad}"` });
    }
    expect(parseCliArgs(['seeds', '--batch']).ok).toBe(false);
  });

  it('refuses an unknown option, an option with a value, and no files', () => {
    const unknown = parseCliArgs(['seeds', '--force']);
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toContain("Unknown option '--force'");
    expect(parseCliArgs(['seeds', '--json=yes']).ok).toBe(false);
    expect(parseCliArgs(['--dry-run'])).toEqual({ ok: false, message: 'no case files given: name files, folders or globs to load' });
    expect(parseCliArgs([])).toMatchObject({ ok: false });
  });
});

describe('the usage text', () => {
  it('lists every option, every exit code and the NEO4J_* variables', () => {
    for (const option of ['--dry-run', '--replace', '--json', '--quiet', '--batch', '--help']) expect(USAGE).toContain(option);
    for (const code of Object.values(EXIT_CODES)) expect(USAGE).toMatch(new RegExp(`^ +${code}  \\S`, 'm'));
    for (const variable of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'DATA_DIR']) expect(USAGE).toContain(variable);
  });

  it("gives the default path's transaction sizes as the loader has them", () => {
    const flat = USAGE.replace(/\s+/g, ' ');
    expect(flat).toContain(`about ${BATCH_ELEMENTS.toLocaleString('en-US')} graph elements (at most ${MAX_BATCH_FILES.toLocaleString('en-US')} files) per transaction`);
    expect(flat).toContain(`bulk CSV rows ${BULK_BATCH} per transaction`);
  });
});
