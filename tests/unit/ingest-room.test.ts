import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The ingest room keeps itself readable: each folder's README names every file of it (and of its
 * subfolders that have no README of their own), every source file a README names exists, and no
 * function is longer than one can read at once.
 */
const root = path.resolve(import.meta.dirname, '../..');
const ingest = path.join(root, 'src/ingest');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sources = walk(ingest).filter((file) => file.endsWith('.ts'));
const readmes = walk(ingest).filter((file) => path.basename(file) === 'README.md');

/** The README that describes a file: its folder's, or the nearest folder above that has one. */
function readmeOf(file: string): string {
  for (let dir = path.dirname(file); dir.startsWith(ingest); dir = path.dirname(dir)) {
    const readme = path.join(dir, 'README.md');
    if (existsSync(readme)) return readme;
  }
  throw new Error(`no README above ${file}`);
}

/** The longest a function of src/ingest may be, in lines. */
const MAX_LINES = 60;
/** Long functions still waiting for their split into builders per section. */
const NOT_YET_SPLIT = new Set(['offline/plan-all.ts planAll']);

function functionsOf(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name ?? (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) ? node.parent.name : undefined);
      found.push({ name: `${path.relative(ingest, file)} ${named ? named.getText(source) : `<function at line ${first + 1}>`}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every function of src/ingest with its length, read once (parsing the room takes seconds on a busy machine). */
const functions = sources.flatMap(functionsOf);

describe('the ingest room', () => {
  it("names every file in its folder's README", () => {
    const unnamed = sources.filter((file) => !readFileSync(readmeOf(file), 'utf8').includes(path.basename(file)));
    expect(unnamed.map((file) => path.relative(ingest, file))).toEqual([]);
  });

  it('names only source files that exist', () => {
    const missing: string[] = [];
    for (const readme of readmes) {
      const dir = path.dirname(readme);
      for (const [name] of readFileSync(readme, 'utf8').matchAll(/[\w./-]+\.ts\b/g)) {
        if (name.startsWith('.') && !name.startsWith('../')) continue; // ".test.ts" of a glob
        const places = name.endsWith('.test.ts')
          ? [path.join(root, name), path.join(root, 'tests/unit', name), path.join(root, 'tests/integration', name)]
          : [path.join(dir, name), path.join(ingest, name), path.join(root, 'src', name), path.join(root, name)];
        const inFolder = !name.includes('/') && walk(dir).some((file) => path.basename(file) === name);
        if (!inFolder && !places.some((place) => existsSync(place))) missing.push(`${path.relative(ingest, readme)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it(`keeps functions within ${MAX_LINES} lines`, () => {
    const long = functions.filter((f) => f.lines > MAX_LINES && !NOT_YET_SPLIT.has(f.name));
    expect(long.map((f) => `${f.name}: ${f.lines} lines`)).toEqual([]);
  });

  it('finds the long functions it lets through, so the list shrinks when they are split', () => {
    const names = new Set(functions.filter((f) => f.lines > MAX_LINES).map((f) => f.name));
    for (const name of NOT_YET_SPLIT) expect(names, name).toContain(name);
  });
});
