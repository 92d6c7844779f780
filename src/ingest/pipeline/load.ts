import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../../neo4j/executor.js';
import type { GraphPlan } from '../casefile/plan.js';
import { prepareInput, type InputFormat } from './prepare.js';
import { CaseFileError } from '../casefile/problems.js';
import type { GraphNodeInfo, ValidationEnv } from '../casefile/validate.js';
import type { WriteSummary } from '../write/write.js';
import { importPlans } from '../write/import.js';
import { contributionOf } from '../casefile/plan.js';
import { lookupNodes } from '../write/write-queries.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Asks the graph which of some ids it already holds, and as what. */
export function graphLookup(executor: Executor): ValidationEnv['lookupIds'] {
  return async (ids) => {
    const rows = await executor.read<GraphNodeInfo & { id: string }>(lookupNodes(ids));
    return new Map<string, GraphNodeInfo>(rows.map(({ id, ...info }) => [id, info]));
  };
}

/** The rule a document's `path` follows, as refusals state it. */
export const DOCUMENT_PATH_RULE = "a document's path must lead to a file inside the case file's folder (or a folder below it), symbolic links resolved";

/**
 * Reads a document given by `path`, relative to the case file; throws with a reason. Only files
 * inside the case file's folder are read, after resolving symbolic links: `../` or a link that
 * leads out of it is refused, naming the path and the rule.
 */
export function documentReader(caseFilePath: string): ValidationEnv['readDocument'] {
  const baseDir = path.dirname(path.resolve(caseFilePath));
  return async (relativePath) => {
    if (path.isAbsolute(relativePath)) throw new Error(`the path must be relative to the case file: ${DOCUMENT_PATH_RULE}`);
    const file = path.resolve(baseDir, relativePath);
    const [realBase, realFile] = await Promise.all([realpath(baseDir).catch(() => baseDir), realpath(file).catch(() => null)]);
    const inside = (target: string) => target.startsWith(realBase.endsWith(path.sep) ? realBase : realBase + path.sep);
    if (!inside(realFile ?? file) || !inside(path.resolve(realBase, relativePath))) {
      throw new Error(`"${relativePath}" leads outside the case file's folder (to ${realFile ?? file}): ${DOCUMENT_PATH_RULE}`);
    }
    if (realFile === null) throw new Error('no such file');
    const info = await stat(realFile).catch(() => null);
    if (!info?.isFile()) throw new Error('no such file');
    if (info.size > MAX_DOCUMENT_BYTES) throw new Error(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
    const bytes = await readFile(realFile);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  };
}

/** Reads documents beside the case file and asks the graph which ids it already holds. */
export function validationEnv(executor: Executor, caseFilePath: string): ValidationEnv {
  return { readDocument: documentReader(caseFilePath), lookupIds: graphLookup(executor) };
}

/** A file that is an empty export (`[]` or `{}`): there is nothing in it to load. */
export class EmptyExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyExportError';
  }
}

/**
 * Validates a case file (or a CourtListener docket or CAP case) and returns its plan; throws
 * CaseFileError listing every problem, or EmptyExportError.
 */
export async function prepareCaseFile(executor: Executor, filePath: string, displayName = filePath, format?: InputFormat): Promise<GraphPlan> {
  const text = await readFile(filePath, 'utf8');
  const prepared = await prepareInput({ file: displayName, text, ...(format ? { format } : {}) }, validationEnv(executor, filePath));
  if (prepared.problems) throw new CaseFileError(prepared.problems);
  if (prepared.empty !== undefined) throw new EmptyExportError(prepared.empty);
  return prepared.plan;
}

/**
 * Validates, then loads the file through `importPlans` as the command line does with
 * `--replace` (the graph is made to match the file): in one transaction, or not at all when
 * the graph already holds exactly what it states. Loading the same file again changes nothing.
 * What was written (for a file found unchanged: what it states, nothing removed).
 */
export async function loadCaseFile(executor: Executor, filePath: string, displayName = filePath, sourceHash: string | null = null): Promise<WriteSummary> {
  const plan = await prepareCaseFile(executor, filePath, displayName);
  const [outcome] = await importPlans(executor, [{ plan, file: displayName, sourceHash }], { replace: true });
  if (outcome!.refused) throw outcome!.refused;
  return outcome!.written ?? {
    caseId: plan.caseId, contribution: contributionOf(plan), nodes: plan.nodes.length, relationships: plan.relationships.length,
    passages: plan.passages.length, removedNodes: 0, removedRelationships: 0,
  };
}
