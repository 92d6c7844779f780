import { parse } from 'yaml';
import type { CaseFile } from '../../ingest/case-file.js';
import { syntheticCaseFile, syntheticJudgeFile } from '../synthetic.js';

/** One case file's text, the name problems would be reported under, and its documents by path. */
export interface CaseText {
  name: string;
  text: string;
  documents?: Record<string, string>;
}

/** Ids and words of the first case that the read operations ask about, at every corpus size. */
export interface Anchors {
  caseId: string;
  /** The actor of the case's first act: whoDidWhat, neighbourhood and the start of paths. */
  actorId: string;
  /** The target of that act: the end of paths. */
  targetId: string;
  /** The first word of the actor's name, searched for among people. */
  searchText: string;
}

/**
 * Where the bench's cases come from: files loaded first (shared entities), then case n = 0, 1,
 * 2…, asked for in that order and each once.
 */
export interface CorpusSource {
  name: string;
  prelude: CaseText[];
  caseFile(n: number): CaseText;
  anchors: Anchors;
}

/** Reads the anchors out of the first case file itself, so any source's naming works. */
export function anchorsOf(first: CaseText): Anchors {
  const file = parse(first.text) as CaseFile;
  const act = file.acts?.find((a) => typeof a.actor === 'string' && typeof (a.target ?? a.object) === 'string');
  if (!act) throw new Error(`${first.name}: the bench needs an act with an actor and a target in the first case.`);
  const actorId = String(act.actor);
  const actor = file.entities?.find((e) => e.id === actorId);
  if (!actor) throw new Error(`${first.name}: the actor ${actorId} of its first act must be one of its entities.`);
  return { caseId: file.case.id, actorId, targetId: String(act.target ?? act.object), searchText: actor.name.split(/\s+/)[0]! };
}

/** Small fictional cases sharing one judge (src/bench/synthetic.ts). */
export function syntheticSource(prefix = 'bench'): CorpusSource {
  const caseFile = (n: number) => ({ name: `${prefix}-${n}.case.yaml`, text: syntheticCaseFile(prefix, n) });
  return {
    name: 'synthetic',
    prelude: [{ name: `${prefix}-bench.case.yaml`, text: syntheticJudgeFile(prefix) }],
    caseFile,
    anchors: anchorsOf(caseFile(0)),
  };
}
