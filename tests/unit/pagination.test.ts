import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { connectionOfPage, MAX_PAGE_SIZE, readPage, toConnection } from '../../src/graphql/pagination.js';

function badInputError(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('readPage', () => {
  it('defaults to the first page of 20, or of the given default size', () => {
    expect(readPage(undefined, undefined)).toEqual({ offset: 0, limit: 20 });
    expect(readPage(null, null, 5)).toEqual({ offset: 0, limit: 5 });
    expect(readPage(0, null)).toEqual({ offset: 0, limit: 0 });
    expect(readPage(MAX_PAGE_SIZE, null)).toEqual({ offset: 0, limit: 100 });
  });

  it('rejects a negative, fractional or too large first as BAD_USER_INPUT', () => {
    for (const first of [-1, 101, 2.5]) {
      const error = badInputError(() => readPage(first, null));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect(error.message).toBe(`first must be between 0 and 100; got ${first}.`);
    }
  });

  it('rejects a cursor this API did not make', () => {
    for (const after of ['nonsense', Buffer.from('offset:-1').toString('base64url'), Buffer.from('page:3').toString('base64url')]) {
      const error = badInputError(() => readPage(10, after));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(error.message).toContain(after);
    }
  });
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'];

  it('continues right after the endCursor of the previous page', () => {
    const first = readPage(2, null);
    const page1 = toConnection(rows.slice(first.offset, first.offset + first.limit + 1), first, async () => rows.length);
    expect(page1.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: page1.edges[0]!.cursor });

    const second = readPage(2, page1.pageInfo.endCursor);
    expect(second).toEqual({ offset: 2, limit: 2 });
    const page2 = toConnection(rows.slice(second.offset, second.offset + second.limit + 1), second, async () => rows.length);
    expect(page2.edges.map((e) => e.node)).toEqual(['c', 'd']);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);

    // Every edge's cursor is a valid `after`, continuing right after that edge.
    expect(readPage(1, page2.edges[0]!.cursor)).toEqual({ offset: 3, limit: 1 });
    const cursors = [...page1.edges, ...page2.edges].map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(4);
  });

  it('has no next page when the extra row is missing, and null cursors when empty', () => {
    const last = toConnection(['e'], { offset: 4, limit: 2 }, async () => 5);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.pageInfo.startCursor).toBe(last.pageInfo.endCursor);

    const empty = toConnection([], { offset: 0, limit: 0 }, async () => 5);
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(toConnection(['a'], { offset: 0, limit: 0 }, async () => 5).pageInfo.hasNextPage).toBe(true);
  });

  it('counts the total only when asked', async () => {
    const count = vi.fn(async () => 42);
    const connection = toConnection(['a', 'b'], { offset: 0, limit: 1 }, count);
    expect(count).not.toHaveBeenCalled();
    await expect((connection.totalCount as () => Promise<number>)()).resolves.toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});

describe('connectionOfPage', () => {
  it('knows from the total whether a next page exists', () => {
    const page = readPage(2, null);
    expect(connectionOfPage(['a', 'b'], page, 5)).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const last = readPage(2, connectionOfPage(['a', 'b'], page, 5).edges[1]!.cursor);
    expect(last).toEqual({ offset: 2, limit: 2 });
    expect(connectionOfPage(['c', 'd'], last, 4).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('counts the items a page covered, even when some could not be shown', () => {
    // Two passages were asked for, one was missing: the next page still starts after both.
    expect(connectionOfPage(['a'], { offset: 0, limit: 2 }, 3, 2).pageInfo.hasNextPage).toBe(true);
    expect(connectionOfPage(['a'], { offset: 0, limit: 2 }, 2, 2).pageInfo.hasNextPage).toBe(false);
  });
});
