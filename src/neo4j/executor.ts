import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toDriverParams, toNative } from './convert.js';

/** A Cypher statement and its parameters. Values always travel as parameters, never as text. */
export interface CypherQuery {
  text: string;
  params?: Record<string, unknown>;
}

/** Counts database round trips, e.g. per GraphQL request. */
export interface QueryStats {
  roundTrips: number;
}

export type Row = Record<string, unknown>;

/** Runs statements inside one open transaction. */
export interface TransactionRunner {
  run<T = Row>(query: CypherQuery): Promise<T[]>;
}

/**
 * The only module that opens sessions and transactions. Everything else hands it
 * CypherQuery values, which keeps query building pure and makes round trips countable.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly stats?: QueryStats,
  ) {}

  /** A view of the same connection that counts its round trips in `stats`. */
  withStats(stats: QueryStats): Executor {
    return new Executor(this.driver, this.database, stats);
  }

  async read<T = Row>(query: CypherQuery): Promise<T[]> {
    return this.run<T>(query, neo4j.routing.READ);
  }

  async write<T = Row>(query: CypherQuery): Promise<T[]> {
    return this.run<T>(query, neo4j.routing.WRITE);
  }

  /**
   * Runs `work` in one write transaction: everything it runs commits together or not at all.
   * The driver retries transient failures, so `work` must be safe to run again.
   */
  async transaction<R>(work: (tx: TransactionRunner) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx: ManagedTransaction) =>
        work({
          run: async <T>(query: CypherQuery) => {
            this.count();
            const result = await tx.run(query.text, toDriverParams(query.params ?? {}) as Record<string, unknown>);
            return result.records.map((record) => toNative(record.toObject()) as T);
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  private async run<T>(query: CypherQuery, routing: "READ" | "WRITE"): Promise<T[]> {
    this.count();
    const result = await this.driver.executeQuery(query.text, toDriverParams(query.params ?? {}) as Record<string, unknown>, {
      database: this.database,
      routing,
    });
    return result.records.map((record) => toNative(record.toObject()) as T);
  }

  private count(): void {
    if (this.stats) this.stats.roundTrips += 1;
  }
}
