import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encodeCursor, MAX_PAGE_SIZE, readPage } from '../../src/model/pages.js';

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

describe('cursors', () => {
  it('continue right after the item they name', () => {
    expect(readPage(2, encodeCursor(1))).toEqual({ offset: 2, limit: 2 });
    expect(readPage(5, encodeCursor(99))).toEqual({ offset: 100, limit: 5 });
  });
});
