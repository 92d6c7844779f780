import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import { CSRF_HEADER } from './csrf.js';
import { REQUEST_ID_HEADER } from './request-scope.js';

type CorsOption = YogaServerOptions<object, object>['cors'];

/**
 * CORS from CORS_ORIGINS: none configured means no CORS headers at all, so browsers allow only
 * same-origin pages (GraphiQL is served from the API itself); preflights still get their 204,
 * just without a grant. Listed origins, or `*` for any,
 * may call with the headers the API reads; credentials (cookies) are never allowed, as tokens
 * travel in `Authorization`.
 */
export function corsOption(origins: string[]): CorsOption {
  const any = origins.includes('*');
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !(any || origins.includes(origin))) return false;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ['accept', 'authorization', 'content-type', CSRF_HEADER, REQUEST_ID_HEADER, 'x-debug-round-trips'],
      exposedHeaders: [REQUEST_ID_HEADER],
      credentials: false,
      maxAge: 600,
    };
  };
}

/** The answer depends on the caller's Origin, so shared caches must keep one copy per origin. */
export function varyByOrigin(origins: string[]): Plugin {
  if (origins.length === 0) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.toLowerCase().includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
