import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden, unauthenticated } from './errors.js';

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
  if (!expected) throw forbidden('Writes are disabled: the server has no API_WRITE_TOKEN set.');
  const token = bearerToken(request);
  if (!token) throw unauthenticated('This mutation needs a write token: send "Authorization: Bearer <API_WRITE_TOKEN>".');
  if (!tokensMatch(token, expected)) throw forbidden('The write token is not valid.');
}

/**
 * With API_READ_TOKEN set, every operation needs the read or the write token. Both comparisons
 * always run, so the time taken does not tell which of the two a guess was closer to.
 */
export function requireReadToken(request: Request, readToken: string | undefined, writeToken: string | undefined): void {
  if (!readToken) return;
  const token = bearerToken(request);
  if (!token) throw unauthenticated('This API needs a token: send "Authorization: Bearer <API_READ_TOKEN>".');
  const read = tokensMatch(token, readToken);
  const write = writeToken !== undefined && tokensMatch(token, writeToken);
  if (!read && !write) throw forbidden('The token is not valid: use API_READ_TOKEN, or API_WRITE_TOKEN.');
}
