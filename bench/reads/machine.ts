import os from 'node:os';
import type { CorpusDatabase } from './corpus.js';

/** What the figures were measured on, so a table is never read without its machine. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  /** Heap and page cache of the embedded Neo4j, or "external" for NEO4J_URI. */
  neo4jMemory: string;
}

export async function describeMachine(db: CorpusDatabase): Promise<Machine> {
  const [component] = await db.executor.read<{ versions: string[]; edition: string }>({
    text: "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions, edition",
  });
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    neo4j: component ? `${component.versions.join(', ')} ${component.edition} (${db.target.mode})` : db.target.mode,
    neo4jMemory: db.memory ? `heap ${db.memory.heap}, page cache ${db.memory.pageCache}` : 'external',
  };
}

/** One-minute load average per core: above 1 the machine was busier than the bench alone makes it. */
export const loadPerCore = () => Number((os.loadavg()[0]! / os.cpus().length).toFixed(2));
