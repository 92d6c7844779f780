import type { Executor } from '../../src/neo4j/executor.js';
import { unpackManifest, type StoredManifest } from '../../src/ingest/write/manifest.js';

/**
 * Rewrites a contribution's CaseManifest in the shape stores written before manifests were
 * packed: its lists as list properties (`nodeIds`, `statements`, ...), no `contents`. With
 * `statements: false`, the shape before manifests kept statements at all.
 */
export async function toOlderManifest(executor: Executor, owner: string, options: { statements?: boolean } = {}): Promise<void> {
  const [stored] = await executor.read<StoredManifest>({ text: 'MATCH (m:CaseManifest {caseId: $owner}) RETURN m.contents AS contents', params: { owner } });
  if (!stored?.contents) throw new Error(`no packed manifest for "${owner}"`);
  const lists: Record<string, string[]> = { ...unpackManifest(stored) };
  if (options.statements === false) for (const key of ['definedIds', 'statements', 'relStatements']) delete lists[key];
  await executor.write({ text: 'MATCH (m:CaseManifest {caseId: $owner}) SET m += $lists REMOVE m.contents', params: { owner, lists } });
}

/** Which shape a contribution's manifest is stored in. */
export async function manifestShape(executor: Executor, owner: string): Promise<'packed' | 'lists' | 'none'> {
  const [row] = await executor.read<{ packed: boolean; lists: boolean }>({
    text: 'MATCH (m:CaseManifest {caseId: $owner}) RETURN m.contents IS NOT NULL AS packed, m.nodeIds IS NOT NULL AS lists',
    params: { owner },
  });
  if (!row) return 'none';
  if (row.packed && row.lists) throw new Error(`manifest "${owner}" holds both shapes`);
  return row.packed ? 'packed' : row.lists ? 'lists' : 'none';
}
