import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** The bearer token of a request, if any. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match ? match[1]!.trim() : null;
}

/** Compares in constant time: hashing first makes both sides the same length. */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Writes need the configured token. With no token configured, writes are off altogether
 * rather than open to anyone.
 */
export function requireWriteToken(request: Request, expected: string | undefined): void {
  if (!expected) {
    throw new GraphQLError('Writes are disabled: the server has no API_WRITE_TOKEN set.', { extensions: { code: 'FORBIDDEN' } });
  }
  const token = bearerToken(request);
  if (!token) {
    throw new GraphQLError('This mutation needs a write token: send "Authorization: Bearer <API_WRITE_TOKEN>".', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  if (!tokensMatch(token, expected)) {
    throw new GraphQLError('The write token is not valid.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}
