import type { Driver } from 'neo4j-driver';
import { createGraphQLHandler } from '../../src/graphql/server.js';
import { toDriverParams } from '../../src/neo4j/convert.js';
import { Executor, type CypherQuery, type QueryStats, type Row } from '../../src/neo4j/executor.js';
import { createLogger } from '../../src/shared/logger.js';
import { benchHeaders } from './probe.js';

/** An executor that also keeps every statement it reads with, to replay them under PROFILE. */
class RecordingExecutor extends Executor {
  constructor(
    private readonly recordingDriver: Driver,
    private readonly recordingDatabase: string,
    private readonly recorded: CypherQuery[],
    stats?: QueryStats,
  ) {
    super(recordingDriver, recordingDatabase, stats);
  }

  override withStats(stats: QueryStats): Executor {
    return new RecordingExecutor(this.recordingDriver, this.recordingDatabase, this.recorded, stats);
  }

  override async read<T = Row>(query: CypherQuery): Promise<T[]> {
    this.recorded.push(query);
    return super.read<T>(query);
  }
}

export interface StatementHits {
  /** The statement, on one line. */
  cypher: string;
  dbHits: number;
  rows: number;
}

interface PlanNode {
  dbHits: number;
  children: PlanNode[];
}

const hitsOf = (plan: PlanNode): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hitsOf(child), 0);

/**
 * Database hits of one request: runs it once through the service's own handler (in this
 * process, no HTTP), keeps the Cypher it sends, and runs each statement again under PROFILE.
 * PROFILE's plan is in the result summary, which the executor does not return, hence the
 * driver's executeQuery here.
 */
export async function dbHitsOf(driver: Driver, database: string, body: string): Promise<{ total: number; statements: StatementHits[] }> {
  const recorded: CypherQuery[] = [];
  const handler = createGraphQLHandler(new RecordingExecutor(driver, database, recorded), createLogger('silent'));
  const response = await handler.fetch('http://bench/graphql', { method: 'POST', headers: benchHeaders(), body });
  const json = (await response.json()) as { errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`PROFILE run failed: ${json.errors.map((e) => e.message).join('; ')}`);
  const statements: StatementHits[] = [];
  for (const query of recorded) {
    const { summary } = await driver.executeQuery(`PROFILE ${query.text}`, toDriverParams(query.params ?? {}) as Record<string, unknown>, { database, routing: 'READ' });
    const plan = summary.profile as unknown as (PlanNode & { rows: number }) | false;
    if (!plan) throw new Error('Neo4j returned no profile');
    statements.push({ cypher: query.text.replace(/\s+/g, ' ').trim(), dbHits: hitsOf(plan), rows: plan.rows });
  }
  return { total: statements.reduce((sum, s) => sum + s.dbHits, 0), statements };
}
