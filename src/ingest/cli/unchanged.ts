import { createHash, type Hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Executor } from '../../neo4j/executor.js';
import type { InputFormat } from '../pipeline/prepare.js';
import { loadedHashes } from '../write/manifest.js';
import type { CaseFileRef } from './files.js';

/**
 * Skipping what is in already, cheaply: a file's source hash (its bytes, the bytes of every
 * document its `path:` fields name, and the forced format) is kept in the manifest of the
 * contribution it loaded as. A file whose hash a manifest holds would change nothing: it is not
 * validated, planned or written. This is also what makes a stopped load resumable: started again,
 * it skips every file already in and loads the rest.
 */

/** A `path:` key (block or flow style, quoted or not) and the rest of its line. */
const PATH_KEY = /(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)["']?path["']?[ \t]*:(?:[ \t]+|(?=[\r\n]|$))([^\r\n]*)/gm;

/**
 * The values of `path:` keys read off the text without parsing it (a full YAML parse cost as much
 * as the validation itself). Null when a value is not a plain one-line scalar (an alias, a block
 * scalar, a tag, a value on the next line): then the file is parsed. Taking in a `path:` that is
 * not a document's only adds a file to the hash.
 */
function scanPaths(text: string): string[] | null {
  const found: string[] = [];
  for (const match of text.matchAll(PATH_KEY)) {
    let value = match[1]!.replace(/[ \t]+#.*$/, '').trim();
    if (match[0]!.trimStart().match(/^[{,]/)) value = value.replace(/[,}\]].*$/, '').trim();
    if (value === '' || /^[*&!|>[{]/.test(value)) return null;
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value.slice(0, value.lastIndexOf('"') + 1)) as string;
      } catch {
        return null;
      }
    } else if (value.startsWith("'")) value = value.slice(1, value.lastIndexOf("'")).replace(/''/g, "'");
    found.push(value);
  }
  return found;
}

/** The document paths a case file names (none for a JSON record, whose texts are inline). */
export function documentPaths(file: string, text: string): string[] {
  if (/\.json$/i.test(file) && !/"path"\s*:/.test(text)) return [];
  if (!/\.json$/i.test(file)) {
    const scanned = scanPaths(text);
    if (scanned !== null) return [...new Set(scanned)];
  }
  try {
    const data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
    const documents = (data as { documents?: unknown })?.documents;
    return Array.isArray(documents) ? [...new Set(documents.flatMap((d) => (typeof d?.path === 'string' ? [d.path as string] : [])))] : [];
  } catch {
    return [];
  }
}

/** The source hash of a file, as its manifest keeps it; null when it cannot be read. */
export async function sourceHashOf(file: CaseFileRef, format: InputFormat | null = null): Promise<string | null> {
  if (file.misnamed) return null;
  if (file.sourceHash !== undefined) return file.sourceHash;
  const read = file.record === undefined ? await readWhole(file.path, format) : await readOnce(file.path, format);
  if (read === null) return null;
  const hash = read.hash.copy();
  // One record of a file of several (a feed, JSON lines) is a contribution of its own: its place is part of its hash.
  if (file.record !== undefined) hash.update(`\nrecord:${file.record}\n`);
  // A CourtListener record is joined by the run's other records (a party to its docket, a position to its person, a
  // court id to the court's name): joined differently, it loads again.
  const joins = file.joinsDigest ?? file.joins?.digest();
  if (joins && read.joinable()) hash.update(`\njoins:${joins}\n`);
  for (const relative of read.documents) {
    const document = await readFile(path.resolve(path.dirname(file.path), relative)).catch(() => null);
    hash.update(`\ndocument:${relative}:${document === null ? 'unreadable' : document.length}\n`);
    if (document) hash.update(document);
  }
  return hash.digest('hex');
}

/** A file's bytes hashed (after the format), whether it holds CourtListener ids the run's joins apply to, the documents it names. */
interface HashedFile {
  hash: Hash;
  joinable: () => boolean;
  documents: string[];
}

async function readWhole(file: string, format: InputFormat | null): Promise<HashedFile | null> {
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  let joinable: boolean | undefined;
  return {
    hash: createHash('sha256').update(`format:${format ?? 'auto'}\n`).update(bytes),
    joinable: () => (joinable ??= /"(party_types|parties_represented|cluster_id|docket_id|court_id|court|person_id|person)"\s*:/.test(text)),
    documents: documentPaths(file, text),
  };
}

/**
 * The last file of several records hashed: its records come one after another, each hashed on
 * its own (the file's bytes, then the record's place): the file is read and hashed once for
 * them all, while it keeps its size and modification time.
 */
let lastHashed: { file: string; format: InputFormat | null; size: number; mtimeMs: number; read: Promise<HashedFile | null> } | undefined;

async function readOnce(file: string, format: InputFormat | null): Promise<HashedFile | null> {
  const stats = await stat(file).catch(() => null);
  if (stats === null) return null;
  const last = lastHashed;
  if (last && last.file === file && last.format === format && last.size === stats.size && last.mtimeMs === stats.mtimeMs) return last.read;
  const read = readWhole(file, format);
  lastHashed = { file, format, size: stats.size, mtimeMs: stats.mtimeMs, read };
  return read;
}

/** What a manifest says of a file already in: its contribution and how many graph elements it wrote. */
export interface AlreadyIn {
  caseId: string;
  elements: number;
}

/** Hashes per lookup statement. */
const LOOKUP = 5000;

/** Which of these hashes a manifest holds. */
export async function alreadyIn(executor: Executor, hashes: string[]): Promise<Map<string, AlreadyIn>> {
  const found = new Map<string, AlreadyIn>();
  for (let i = 0; i < hashes.length; i += LOOKUP) {
    const rows = await executor.read<{ hash: string } & AlreadyIn>(loadedHashes(hashes.slice(i, i + LOOKUP)));
    for (const { hash, ...row } of rows) found.set(hash, row);
  }
  return found;
}
