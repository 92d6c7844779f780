import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { authPlugin } from '../../src/http/auth.js';
import { bearerToken, requireReadToken, tokensMatch } from '../../src/shared/auth.js';

/** A mutation that forgets to check any token: the HTTP layer must close it all the same. */
function server() {
  const writes: string[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { ok: Boolean } type Mutation { touch(id: String!): Boolean }',
      resolvers: { Query: { ok: () => true }, Mutation: { touch: (_: unknown, args: { id: string }) => writes.push(args.id) > 0 } },
    }),
    plugins: [authPlugin(undefined, 'the-write-token')],
    logging: false,
  });
  const send = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { writes, send };
}

describe('write token before any mutation runs', () => {
  it('refuses a mutation without the write token even when its resolver checks nothing', async () => {
    const { writes, send } = server();
    const anonymous = await send('mutation { touch(id: "a") }');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await send('mutation { touch(id: "b") }', { authorization: 'Bearer guess' });
    expect(wrong.status).toBe(403);
    expect(writes).toEqual([]);
    const allowed = await send('mutation { touch(id: "c") }', { authorization: 'Bearer the-write-token' });
    expect(await allowed.json()).toEqual({ data: { touch: true } });
    expect(writes).toEqual(['c']);
  });

  it('leaves queries alone', async () => {
    const { send } = server();
    expect(await (await send('{ ok }')).json()).toEqual({ data: { ok: true } });
  });
});

describe('tokens', () => {
  const request = (authorization?: string) => new Request('http://localhost/', { headers: authorization ? { authorization } : {} });

  it('read only a Bearer authorization', () => {
    expect(bearerToken(request('Bearer  abc '))).toBe('abc');
    expect(bearerToken(request('bearer abc'))).toBe('abc');
    expect(bearerToken(request('Basic abc'))).toBeNull();
    expect(bearerToken(request())).toBeNull();
  });

  it('match only the exact token, whatever the lengths', () => {
    expect(tokensMatch('secret', 'secret')).toBe(true);
    for (const other of ['secre', 'secret ', 'Secret', '', 'secret'.repeat(100)]) expect(tokensMatch(other, 'secret')).toBe(false);
  });

  it('let any request through when no read token is set, else only the read or the write token', () => {
    expect(() => requireReadToken(request(), undefined, 'w')).not.toThrow();
    expect(() => requireReadToken(request('Bearer r'), 'r', 'w')).not.toThrow();
    expect(() => requireReadToken(request('Bearer w'), 'r', 'w')).not.toThrow();
    expect(() => requireReadToken(request('Bearer x'), 'r', 'w')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => requireReadToken(request(), 'r', undefined)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });
});
