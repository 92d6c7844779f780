import { parse } from 'yaml';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import type { Executor } from '../../src/neo4j/executor.js';

/** Ids and words of the first case that the read operations ask about, at every corpus size. */
export interface Anchors {
  caseId: string;
  /** The actor of one of the case's acts, itself an entity of the case: whoDidWhat, neighbourhood, the start of paths. */
  actorId: string;
  /** Whom or what that act was done to: the end of paths. */
  targetId: string;
  /** The first word of the actor's name, searched for among people. */
  searchText: string;
}

/** What loading some cases reported, when the source measures it (graph elements per second). */
export interface GrowthFigures {
  cases: number;
  elements: number;
  elementsPerSecond: number;
}

/**
 * Where the bench's cases come from. Cases are numbered from 0; `load` writes cases [from, to)
 * with the project's loader (and, with the first, whatever they all share), always fresh ones.
 */
export interface CorpusSource {
  name: string;
  anchors: Anchors;
  load(executor: Executor, from: number, to: number, loaders: number): Promise<GrowthFigures | null>;
  /** Removes what the source wrote to disk. */
  dispose(): Promise<void>;
}

/** Reads the anchors out of the first case file itself, so any source's naming works. */
export function anchorsOf(name: string, text: string): Anchors {
  const file = parse(text) as CaseFile;
  const own = new Map((file.entities ?? []).map((e) => [e.id, e]));
  const act = file.acts?.find((a) => own.has(String(a.actor)) && typeof (a.target ?? a.object) === 'string');
  if (!act) throw new Error(`${name}: the bench needs an act whose actor is an entity of the case and that has a target or an object.`);
  const actor = own.get(String(act.actor))!;
  return { caseId: file.case.id, actorId: actor.id, targetId: String(act.target ?? act.object), searchText: actor.name.split(/\s+/)[0]! };
}
