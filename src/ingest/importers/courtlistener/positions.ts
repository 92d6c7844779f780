import type { CaseFile, Citation } from '../../casefile/case-file.js';
import { CaseBuild } from '../build.js';
import { FEDERAL_SYSTEM, judgeId } from '../identity.js';
import { cleanName } from '../people.js';
import { contributionKey, isObject, readDate, RecordCitations, slug, text, type ImportResult, type RecordInput, type RecordPath, type RecordProblem } from '../record.js';
import { courtEntity } from './court.js';
import { documentId } from './docket.js';
import { clId, type CourtListenerJoins } from './joins.js';

/** Fields of a position read (or bookkeeping); any other non-empty field is reported as not loaded. */
const POSITION_READ = new Set(['id', 'resource_uri', 'date_created', 'date_modified', 'position_type', 'job_title', 'person', 'person_id', 'court', 'court_id',
  'organization_name', 'location_city', 'location_state', 'appointer', 'appointer_id', 'date_nominated', 'date_confirmation', 'date_start', 'date_termination',
  'termination_reason', 'date_granularity_start', 'date_granularity_termination', 'how_selected', 'has_inferred_values']);

/** The words of CourtListener's position codes (`c-jud`, `ret-senior-jud`): a code is its words' abbreviations joined by dashes. */
const CODE_WORDS: Record<string, string> = {
  jud: 'judge', jus: 'justice', c: 'chief', ass: 'associate', asst: 'assistant', pres: 'presiding', act: 'acting', ad: 'administrative',
  admin: 'administrative', ret: 'retired', mag: 'magistrate', spec: 'special', m: 'master', pt: 'pro tem', com: 'commissioner', dep: 'deputy',
  ref: 'referee', off: 'official', tr: 'trial', rc: 'recalled', chan: 'chancellor', att: 'attorney', gen: 'general', sol: 'solicitor',
  atty: 'attorney', prof: 'professor', adj: 'adjunct', prac: 'practitioner', pros: 'prosecutor', pub: 'public', def: 'defender',
  legis: 'legislator', sen: 'senator', gov: 'governor', sup: 'supervising', res: 'reserve', cj: 'chief judge', presi: 'president',
  senior: 'senior', law: 'law', vice: 'vice', chair: 'chairman', part: 'part', time: 'time', clerk: 'clerk', staff: 'staff', counsel: 'counsel',
  state: 'state', da: 'district attorney', ada: 'assistant district attorney', trial: 'trial', scjcbc: 'superior court judge for complex business cases',
};
/** How a post was filled (`how_selected`): `a_<who>` an appointment, `e_<kind>` an election, `ct_trans` a court's restructuring. */
const SELECTION_WORDS: Record<string, string> = {
  a: 'appointment by the', e: 'election,', pres: 'president', gov: 'governor', legis: 'legislature', judge: 'judge', part: 'partisan', non: 'non-partisan', ct: 'transfer on a court\'s restructuring', trans: '',
};
/** Why a post ended (`termination_reason`). */
const REASON_WORDS: Record<string, string> = {
  ded: 'death', retire_vol: 'voluntary retirement', retire_mand: 'mandatory retirement', resign: 'resigned', other_pos: 'appointed to another judgeship',
  lost: 'lost an election', abolished: 'court abolished', bad_judge: 'impeached and convicted', recess_not_confirmed: 'recess appointment not confirmed', termed_out: 'term limit reached',
};

/** A code in words: `c-jud` → "chief judge"; a code with a part of no known word stays as written, so nothing is guessed. */
export function codeWords(code: string, words: Record<string, string> = CODE_WORDS): string {
  const parts = code.trim().toLowerCase().split(/[-_]/).filter(Boolean);
  if (parts.some((part) => words[part] === undefined)) return code.trim();
  return parts.map((part) => words[part]).filter(Boolean).join(' ').replace(/,$/, '');
}

/** A selection method in words: `a_pres` → "appointment by the president", `e_non_part` → "election, non-partisan". */
export const selectionWords = (code: string) => (code.trim().toLowerCase() === 'e_non_part' ? 'election, non-partisan' : codeWords(code, SELECTION_WORDS));

/** A termination reason in words; an unknown code as written. */
export const reasonWords = (code: string) => REASON_WORDS[code.trim().toLowerCase()] ?? code.trim();

/** What a position says of its holder's post: title, dates, how selected, who appointed. */
interface Post {
  title: string;
  started?: string;
  ended?: string;
  words: string[];
  sources: Citation[];
}

/**
 * A CourtListener position (`/api/rest/v4/positions/`, or a row of the bulk
 * `people-db-positions` file): the post one person held. Held at a court, it is the judge's
 * role in that court: `(judge)-[:HAS_ROLE {role, description, terminated}]->(Court)`; at another
 * organisation (`organization_name`), the role is held in that organisation. The judge is the
 * person the run's people records name (`person_id`), with the id every docket, cluster and
 * opinion gives a judge of that name (judgeId), so positions and cases meet at one node in any
 * order. The contribution belongs to the court's roster, a case of its own
 * (`courtlistener-roster-<court>`), one contribution per position.
 */
export function importPosition({ record, text: published, base, joins }: RecordInput): ImportResult {
  if (!isObject(record)) return { problems: [{ path: base, message: 'a position must be a JSON object', hint: 'give the position object or row' }] };
  const at = (...path: RecordPath): RecordPath => [...base, ...path];
  const person = clId(record.person_id, isObject(record.person) ? record.person.id : record.person, 'people');
  const name = person !== undefined ? joins?.people.get(person) : undefined;
  if (name === undefined) {
    const why = person === undefined ? 'the position names no person (person_id or person)' : `person ${person} is not among this run's records`;
    return { problems: [{ path: at(record.person_id !== undefined ? 'person_id' : 'person'), message: `${why}: the holder of the post is unknown`, hint: 'load the people file (people-db-people, or the API person) in the same run as the positions' }] };
  }
  const court = courtOfPosition(record);
  const organisation = text(record.organization_name)?.trim();
  if (!court && !organisation) return { problems: [{ path: at('court_id'), message: 'the position is held at no court and no organisation (court_id and organization_name are empty)', hint: 'a position is loaded as a role in its court or organisation; this one has neither, so it is not loaded' }] };
  const rosterId = court ? slug('courtlistener-roster', court) : slug('courtlistener-roster-organization', organisation!);
  const build = new CaseBuild(rosterId, base);
  const problems: RecordProblem[] = [];
  const post = postOf(record, build.cite, at, joins, problems);
  if (problems.length > 0) return { problems };
  const clean = cleanName(name);
  const personSource = build.cite.whole([record.person_id !== undefined ? 'person_id' : 'person']);
  const judge = build.entity({ id: judgeId(FEDERAL_SYSTEM, clean.text), kind: 'Person', shared: true, name: clean.text, ...(judicial(post.title) ? { occupation: 'judge' } : {}), sources: [personSource] });
  const placeName = court ? joins?.courts.get(court) ?? court : organisation!;
  const placeSource = build.cite.whole([court ? (record.court_id !== undefined ? 'court_id' : 'court') : 'organization_name']);
  const place = court
    ? courtEntity(build, court, [record.court_id !== undefined ? 'court_id' : 'court'], joins)
    : build.entity({ id: slug('organization', organisation!), kind: 'Organization', shared: true, name: organisation!, sources: [placeSource] });
  build.role({
    id: slug(rosterId, 'position', String(clId(record.id, undefined) ?? contributionKey(record, 'p')), judge.id),
    who: judge.id,
    role: slug(post.title).replace(/-/g, '_') || 'position',
    in: place.id,
    description: [post.title, ...post.words].join('; ').slice(0, 4000),
    ...(post.ended ? { terminated: post.ended } : {}),
    sources: [personSource, placeSource, ...post.sources],
  });
  for (const [field, value] of Object.entries(record)) {
    if (!POSITION_READ.has(field) && value !== null && value !== '' && value !== false) build.dropped([field], `${field} is not mapped`);
  }
  return { caseFile: rosterCaseFile(build, record, published, placeName, court ? place.id : undefined, post), notes: build.notes };
}

/** The court of a position: `court_id`, an API court URL, or a nested court object's id. */
function courtOfPosition(record: Record<string, unknown>): string | undefined {
  if (isObject(record.court)) return text(record.court.id)?.trim();
  const id = text(record.court_id)?.trim();
  if (id) return id;
  const url = text(record.court)?.trim();
  const match = url ? /\/courts\/([a-z0-9]+)\/?$/.exec(url) : null;
  return match ? match[1] : url && /^[a-z0-9]+$/.test(url) ? url : undefined;
}

const judicial = (title: string) => /\b(judge|justice|magistrate|chancellor|master|referee|commissioner)\b/i.test(title);

function postOf(record: Record<string, unknown>, cite: RecordCitations, at: (...path: RecordPath) => RecordPath, joins: CourtListenerJoins | undefined, problems: RecordProblem[]): Post {
  const sources: Citation[] = [];
  const jobTitle = text(record.job_title)?.trim();
  const type = text(record.position_type)?.trim();
  if (jobTitle) sources.push(cite.whole(['job_title']));
  else if (type) sources.push(cite.whole(['position_type']));
  const title = jobTitle ?? (type ? codeWords(type) : 'position');
  const words: string[] = [];
  const dated = (field: string, label: string) => {
    const date = readDate(record[field], at(field), problems);
    if (date) {
      words.push(`${label} ${date}`);
      sources.push(cite.whole([field]));
    }
    return date;
  };
  dated('date_nominated', 'nominated');
  dated('date_confirmation', 'confirmed');
  const started = dated('date_start', 'from');
  const ended = dated('date_termination', 'until');
  const reason = text(record.termination_reason)?.trim();
  if (reason && ended) {
    words.push(`left: ${reasonWords(reason)}`);
    sources.push(cite.whole(['termination_reason']));
  }
  const how = text(record.how_selected)?.trim();
  if (how) {
    words.push(`selected by ${selectionWords(how)}`);
    sources.push(cite.whole(['how_selected']));
  }
  const appointerPosition = clId(record.appointer_id, record.appointer, 'positions');
  const appointer = appointerPosition !== undefined ? joins?.people.get(joins.positions.get(appointerPosition) ?? -1) : undefined;
  if (appointer) {
    words.push(`appointed by ${appointer}`);
    sources.push(cite.whole([record.appointer_id !== undefined ? 'appointer_id' : 'appointer']));
  }
  return { title, ...(started ? { started } : {}), ...(ended ? { ended } : {}), words, sources };
}

function rosterCaseFile(build: CaseBuild, record: Record<string, unknown>, published: string, placeName: string, court: string | undefined, post: Post): CaseFile {
  return {
    formatVersion: 1,
    contribution: contributionKey(record, 'position'),
    documents: [{ id: documentId(build.caseId, published), title: `Position: ${post.title} (CourtListener)`.slice(0, 4000), kind: 'position (CourtListener)', text: published }],
    case: {
      id: build.caseId,
      caption: `Judges and officers of ${placeName} (CourtListener's people database)`.slice(0, 4000),
      status: 'roster',
      caseType: 'roster',
      shared: true,
      ...(court ? { court } : {}),
      sources: [build.cite.whole([court ? (record.court_id !== undefined ? 'court_id' : 'court') : 'organization_name'])],
    },
    entities: build.entities,
    roles: build.roles,
  };
}
