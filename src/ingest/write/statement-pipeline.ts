import type { CypherQuery, TransactionRunner } from '../../neo4j/executor.js';

/** Rows per UNWIND statement: large enough to batch many cases, small enough for lean statements. */
export const CHUNK = 2000;

/**
 * The statements of one transaction, sent one after another without waiting for each other's
 * results (Bolt pipelining: Neo4j runs them in the order sent). While Neo4j runs one, the
 * loader packs the next, so the loader's and Neo4j's work overlap instead of taking turns. A
 * statement whose result the loader needs is awaited (`read`); the writes are awaited together
 * (`settle`), which reports the first failure in the order sent (a later statement of a failed
 * transaction fails only because an earlier one did).
 */
export class StatementPipeline {
  private readonly sent: Promise<unknown>[] = [];

  constructor(private readonly tx: TransactionRunner) {}

  /** Sends a statement; its rows when it is done. */
  send<R>(query: CypherQuery): Promise<R[]> {
    const result = this.tx.run<R>(query);
    result.catch(() => {});
    this.sent.push(result);
    return result;
  }

  /** Sends `query` over `items`, CHUNK rows a statement; resolves to the sum of their `written` column. */
  sendChunks<T>(items: T[], query: (chunk: T[]) => CypherQuery): Promise<number> {
    const results: Promise<{ written?: number }[]>[] = [];
    for (let i = 0; i < items.length; i += CHUNK) results.push(this.send(query(items.slice(i, i + CHUNK))));
    return Promise.all(results).then((all) => all.reduce((sum, rows) => sum + (rows[0]?.written ?? 0), 0));
  }

  /** Runs `query` over `items` CHUNK rows at a time and waits for every row they return. */
  async readChunks<T, R>(items: T[], query: (chunk: T[]) => CypherQuery): Promise<R[]> {
    const results: Promise<R[]>[] = [];
    for (let i = 0; i < items.length; i += CHUNK) results.push(this.send<R>(query(items.slice(i, i + CHUNK))));
    return (await Promise.all(results)).flat();
  }

  /** Waits for everything sent; throws the failure of the earliest statement that failed. */
  async settle(): Promise<void> {
    const outcomes = await Promise.allSettled(this.sent);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Whatever `work` throws, the earliest failure among the statements sent is what is thrown. */
  async run<R>(work: () => Promise<R>): Promise<R> {
    let result: R;
    try {
      result = await work();
    } catch (error) {
      await this.settle();
      throw error;
    }
    await this.settle();
    return result;
  }
}
