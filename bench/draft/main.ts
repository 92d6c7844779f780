import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { parse } from 'yaml';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import { prepareInput } from '../../src/ingest/pipeline/prepare.js';
import { draftCase, draftValidationEnv } from '../../src/draft/draft.js';
import { ROLE_NAMES } from '../../src/draft/findings.js';
import { samePerson, scoreDraft, summarise, type Gold, type Score, type Summary } from './score.js';

/**
 * `npm run bench:draft`: drafts every article of bench/draft/articles with the offline
 * extractor, scores each draft against its hand-made gold (bench/draft/gold) and the seed
 * article against the seed case file, checks that every draft loads as it is (the loader's own
 * validation and plan), and times a 1,500-word article. Figures are printed and written to
 * bench-results/draft-<time>.json. Tuning articles and held-out articles are reported apart.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const say = (s: string) => console.error(s);

function golds(): Gold[] {
  return readdirSync(path.join(here, 'gold')).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const g = parse(readFileSync(path.join(here, 'gold', f), 'utf8')) as Omit<Gold, 'name'>;
    return { name: f.replace(/\.yaml$/, ''), ...g, article: path.join(here, 'articles', g.article) };
  });
}

/** The seed's gold is the seed case file: its named people, their roles in the case, charges, status, dated events. */
function seedGold(): Gold {
  const seed = parse(readFileSync(path.join(root, 'seeds/baldwin-rust.case.yaml'), 'utf8')) as CaseFile;
  const people = (seed.entities ?? []).filter((e) => e.kind === 'Person' && !e.unnamed);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    name: 'seed: baldwin-case-dismissed',
    article: path.join(root, 'seeds/baldwin-case-dismissed.txt'),
    published: '2024-07-12',
    heldOut: false,
    people: people.map((p) => p.name),
    roles: (seed.roles ?? []).filter((r) => r.in === seed.case.id && names.has(r.who) && (ROLE_NAMES as readonly string[]).includes(r.role)).map((r) => ({ person: names.get(r.who)!, role: r.role })),
    charges: (seed.charges ?? []).map((c) => String(c.offence)),
    outcome: seed.case.status,
    events: (seed.events ?? []).map((e) => e.time?.date).filter((d): d is string => Boolean(d)),
  };
}

async function run(gold: Gold): Promise<Score> {
  const text = readFileSync(gold.article);
  const started = performance.now();
  const result = await draftCase(text, { published: gold.published, file: `${path.basename(gold.article)}.case.yaml` });
  const ms = performance.now() - started;
  let loads = false;
  if (result.yaml) {
    const prepared = await prepareInput({ file: 'draft.case.yaml', text: result.yaml }, draftValidationEnv);
    loads = prepared.plan !== undefined;
    if (!loads) say(`  ${gold.name}: the draft does not load: ${JSON.stringify(prepared.problems?.slice(0, 3))}`);
  } else say(`  ${gold.name}: no draft: ${result.report.refused}`);
  return scoreDraft(gold, result.caseFile, loads, ms);
}

/** A long article: the benchmark's articles one after another until 1,500 words, drafted as one. */
async function timeLongArticle(): Promise<{ words: number; milliseconds: number[] }> {
  const texts = [path.join(root, 'seeds/baldwin-case-dismissed.txt'), ...golds().map((g) => g.article)].map((f) => readFileSync(f, 'utf8'));
  let text = '';
  for (const t of texts) {
    if ((text.match(/\S+/g)?.length ?? 0) >= 1500) break;
    text += `${t}\n\n`;
  }
  const words = text.match(/\S+/g)?.length ?? 0;
  const ms: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    const result = await draftCase(text, { published: '2024-07-12' });
    ms.push(Math.round(performance.now() - started));
    if (!result.yaml) throw new Error(`the long article gave no draft: ${result.report.refused}`);
  }
  return { words, milliseconds: ms };
}

/**
 * The baseline the drafter was chosen against: compromise's own people() on the same articles,
 * each distinct name (possessive removed) counted once, surnames alone merged into a full name.
 */
function compromiseAlone(gold: Gold): { found: number; right: number; goldFound: number } {
  const raw = (nlp(readFileSync(gold.article, 'utf8')).people().out('array') as string[]).map((n) => n.replace(/['’]s?$|[,.;:]$/g, '').replace(/['’]s?$/, '').trim());
  const names = [...new Set(raw)].filter((n, _, all) => n.includes(' ') || !all.some((m) => m !== n && m.split(' ').includes(n)));
  const right = names.filter((n) => gold.people.some((g) => samePerson(g, [n]))).length;
  return { found: names.length, right, goldFound: gold.people.filter((g) => names.some((n) => samePerson(g, [n]))).length };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const line = (label: string, s: Summary) =>
  `${label.padEnd(22)} ${String(s.articles).padStart(3)}  P ${s.peoplePrecision.toFixed(2)}  R ${s.peopleRecall.toFixed(2)}  roles ${pct(s.rolesRight).padStart(4)}  charges ${pct(s.chargesFound).padStart(4)}  outcome ${pct(s.outcomeFound).padStart(4)}  dated events ${pct(s.eventsFound).padStart(4)}  quotes ${pct(s.quotesVerified)}  loads ${pct(s.loads)}  ${s.meanMilliseconds} ms`;

const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
say(`drafting benchmark, offline extractor; ${os.cpus().length} cores, load average ${load}`);
const startedCold = performance.now();
const scores: Score[] = [];
const all = [seedGold(), ...golds()];
for (const gold of all) {
  const score = await run(gold);
  scores.push(score);
  say(`  ${gold.heldOut ? 'held-out' : 'tuning  '} ${gold.name.padEnd(36)} people ${score.people.right}/${score.people.found} drafted are gold, ${score.people.goldFound}/${score.people.gold} gold found; roles ${score.roles.right}/${score.roles.gold}; charges ${score.chargesFound ? 'yes' : 'no'}; outcome ${score.outcomeFound ? 'yes' : 'no'}; dated events ${score.events.found}/${score.events.gold}; quotes ${score.quotes.verified}/${score.quotes.total}; loads ${score.loads ? 'yes' : 'NO'}; ${Math.round(score.milliseconds)} ms`);
}
const firstMs = Math.round(performance.now() - startedCold);
const long = await timeLongArticle();
const tuning = summarise(scores.filter((s) => !s.heldOut));
const heldOut = summarise(scores.filter((s) => s.heldOut));
const every = summarise(scores);
console.log(line('tuning (incl. seed)', tuning));
console.log(line('held-out', heldOut));
console.log(line('all', every));
const baseline = all.map(compromiseAlone);
const bsum = (f: (b: { found: number; right: number; goldFound: number }) => number) => baseline.reduce((n, b) => n + f(b), 0);
const compromisePeople = { precision: bsum((b) => b.right) / bsum((b) => b.found), recall: bsum((b) => b.goldFound) / all.reduce((n, g) => n + g.people.length, 0) };
console.log(`compromise people() alone, same articles: P ${compromisePeople.precision.toFixed(2)}  R ${compromisePeople.recall.toFixed(2)}`);
console.log(`a ${long.words}-word article: ${long.milliseconds.join(', ')} ms (three runs in one process); all ${all.length} articles, the libraries' first use included: ${firstMs} ms`);
const outDir = path.join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `draft-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ benchmark: 'draft', at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), tuning, heldOut, all: every, compromisePeople, long, scores }, null, 2)}\n`);
say(`figures written to ${path.relative(root, file)}`);
