import neo4j, { isRetriableError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { CircuitBreaker } from './circuit-breaker.js';
import { toDriverParams, toNative } from './convert.js';
import { databaseError, isDatabasePanic } from './errors.js';
import type { Watchdog } from './watchdog.js';

/** A Cypher statement and its parameters. Values always travel as parameters, never as text. */
export interface CypherQuery {
  text: string;
  params?: Record<string, unknown>;
  /** For a statement that is slow by design (waiting for indexes): its own transaction timeout. */
  timeoutMs?: number;
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

export interface ExecutorOptions {
  /**
   * Neo4j stops any transaction that runs longer (NEO4J_TX_TIMEOUT_MS for the service); 0 or
   * unset leaves it to the server's own setting, which suits batch tools like the loader.
   */
  transactionTimeoutMs?: number;
  /** Shared by every view of one connection, so one request's outage spares the next ones. */
  breaker?: CircuitBreaker;
  /** Fails statements at once when Neo4j stops answering (see watchdog.ts); none for batch tools. */
  watchdog?: Watchdog | undefined;
  /** Told when the database panics, and asked whether its disk is full (the embedded supervisor). */
  health?: DatabaseHealth | undefined;
}

/** Who heals the database: the embedded Neo4j's supervisor. */
export interface DatabaseHealth {
  /** The database stopped itself (see `isDatabasePanic`); called once per failed statement. */
  panicked(error: Error): void;
  /** While the database waits for disk space: what to tell clients, naming the disk. */
  storageProblem(): string | undefined;
}

/**
 * The only module that opens sessions and transactions. Everything else hands it
 * CypherQuery values, which keeps query building pure and makes round trips countable.
 * Reads run in READ sessions (one auto-commit statement each, see `autoCommitRead`), so a
 * cluster (`neo4j://`) routes them to followers and read replicas; writes go to the leader. Failures leave as `errors.ts` describes: a timeout or an
 * outage as a GraphQLError with its code, anything else unchanged.
 */
export class Executor {
  private readonly options: Required<Omit<ExecutorOptions, 'watchdog' | 'health'>> & Pick<ExecutorOptions, 'watchdog' | 'health'>;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly stats?: QueryStats,
    options: ExecutorOptions = {},
  ) {
    this.options = { transactionTimeoutMs: options.transactionTimeoutMs ?? 0, breaker: options.breaker ?? new CircuitBreaker(), watchdog: options.watchdog, health: options.health };
  }

  /** Whether Neo4j answered the last statement, and how long it has been out of reach if not. */
  reachability(): { reachable: boolean; unreachableForMs?: number } {
    return this.options.breaker.reachability();
  }

  /** A view of the same connection that counts its round trips in `stats`. */
  withStats(stats: QueryStats): Executor {
    return new Executor(this.driver, this.database, stats, this.options);
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
    const timeoutMs = this.options.transactionTimeoutMs;
    return this.guard(timeoutMs, async () => {
      // The driver's bookmark manager, shared with executeQuery: reads that follow this write
      // see it even when a cluster sends them to another member.
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.WRITE,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return await session.executeWrite(
          (tx: ManagedTransaction) =>
            work({
              run: async <T>(query: CypherQuery) => {
                this.count();
                const result = await tx.run(query.text, toDriverParams(query.params ?? {}) as Record<string, unknown>);
                return result.records.map((record) => toNative(record.toObject()) as T);
              },
            }),
          transactionConfig(timeoutMs),
        );
      } finally {
        await session.close();
      }
    });
  }

  private async run<T>(query: CypherQuery, routing: 'READ' | 'WRITE'): Promise<T[]> {
    this.count();
    const timeoutMs = query.timeoutMs ?? this.options.transactionTimeoutMs;
    return this.guard(timeoutMs, async () => {
      const params = toDriverParams(query.params ?? {}) as Record<string, unknown>;
      const config = transactionConfig(timeoutMs);
      const records =
        routing === neo4j.routing.READ
          ? await this.autoCommitRead(query.text, params, config)
          : (await this.driver.executeQuery(query.text, params, { database: this.database, routing, transactionConfig: config })).records;
      return records.map((record) => toNative(record.toObject()) as T);
    });
  }

  /**
   * A read as one auto-commit statement: one exchange with Neo4j instead of the three of a
   * managed transaction (BEGIN, RUN, COMMIT), which the read benchmark measured at about half
   * the driver's CPU and two thirds of the latency per statement. One statement is atomic
   * either way, and the session's access mode still routes it to a reader. Only managed
   * transactions retry, so a retriable failure (a pooled connection Neo4j has closed, a cluster
   * member gone) runs the statement once more through executeQuery, which retries: reads are
   * safe to repeat.
   */
  private async autoCommitRead(text: string, params: Record<string, unknown>, config: { timeout?: number }): Promise<Neo4jRecord[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      return (await session.run(text, params, config)).records;
    } catch (error) {
      if (!isRetriableError(error)) throw error;
    } finally {
      await session.close().catch(() => {});
    }
    return (await this.driver.executeQuery(text, params, { database: this.database, routing: neo4j.routing.READ, transactionConfig: config })).records;
  }

  /** Runs through the circuit breaker and turns driver failures into what callers expect. */
  private async guard<R>(timeoutMs: number, work: () => Promise<R>): Promise<R> {
    const started = performance.now();
    try {
      const watchdog = this.options.watchdog;
      return await this.options.breaker.run(() => (watchdog ? watchdog.watch(work()) : work()));
    } catch (error) {
      const health = this.options.health;
      if (health && isDatabasePanic(error)) health.panicked(error as Error);
      throw databaseError(error, { elapsedMs: performance.now() - started, timeoutMs }, health?.storageProblem());
    }
  }

  private count(): void {
    if (this.stats) this.stats.roundTrips += 1;
  }
}

function transactionConfig(timeoutMs: number): { timeout?: number } {
  return timeoutMs > 0 ? { timeout: timeoutMs } : {};
}
