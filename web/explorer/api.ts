/** The page talks to one endpoint only: the service's own /graphql, next to this page. */
const ENDPOINT = new URL('./graphql', location.href).href;
const TOKEN_KEY = 'case-graph.read-token';

export class AuthRequired extends Error {}

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly suggestions: string[] = []) {
    super(message);
  }
}

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Kept for this browser tab only, sent as `Authorization: Bearer`, never put in a URL. */
export function saveToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** One GraphQL request; expected errors become ApiError with their code, 401/403 AuthRequired. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = savedToken();
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401 || response.status === 403) throw new AuthRequired(token ? 'The token was not accepted.' : 'This service needs a read token.');
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; suggestions?: string[] } }[] };
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code, error.extensions?.suggestions);
  return body.data as T;
}
