#!/usr/bin/env node
/** `npm run generate -- --cases N [--seed S] [--out DIR]`: writes a fictional corpus. See ./README.md. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseGenerateArgs, type GenerateOptions } from './args.js';
import { corpusFiles } from './corpus.js';
import { TEXTS_DIR } from './generated-case.js';

const CASE_FILE = /\.case\.(ya?ml|json)$/;

/** Makes `out` ready: it must hold no case file, except, with --force, those of this prefix (deleted). */
async function prepareOut({ out, force, prefix }: GenerateOptions): Promise<string | null> {
  await mkdir(path.join(out, TEXTS_DIR), { recursive: true });
  const ours = (name: string) => name.startsWith(`${prefix}-`);
  const caseFiles = (await readdir(out)).filter((name) => CASE_FILE.test(name));
  const texts = (await readdir(path.join(out, TEXTS_DIR))).filter((name) => name.endsWith('.txt'));
  const others = caseFiles.filter((name) => !force || !ours(name));
  if (others.length > 0) {
    return force
      ? `${out} holds case files of another corpus (${others[0]}${others.length > 1 ? ', …' : ''}); choose another folder`
      : `${out} already holds case files (${others[0]}${others.length > 1 ? ', …' : ''}); choose an empty folder, or pass --force to replace a corpus with prefix "${prefix}"`;
  }
  for (const name of caseFiles.filter(ours)) await rm(path.join(out, name));
  for (const name of texts.filter(ours)) await rm(path.join(out, TEXTS_DIR, name));
  return null;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseGenerateArgs(argv);
  if (!parsed.ok) {
    (parsed.help ? process.stdout : process.stderr).write(parsed.help ? parsed.message : `generate: ${parsed.message}\nRun it with --help for usage.\n`);
    return parsed.help ? 0 : 2;
  }
  const { options } = parsed;
  const refused = await prepareOut(options);
  if (refused) {
    process.stderr.write(`generate: ${refused}\n`);
    return 2;
  }
  const started = performance.now();
  let bytes = 0;
  let texts = 0;
  for (const file of corpusFiles(options)) {
    await writeFile(path.join(options.out, file.path), file.content);
    bytes += Buffer.byteLength(file.content);
    if (file.path.startsWith(`${TEXTS_DIR}/`)) texts += 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Wrote ${options.cases} fictional cases, the directory they share and ${texts} source texts ` +
      `(${(bytes / 1024 / 1024).toFixed(1)} MB) to ${options.out} in ${seconds} s (seed ${options.seed}).\n` +
      `Load them with: npm run load -- ${options.out} --batch 50\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`generate failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
