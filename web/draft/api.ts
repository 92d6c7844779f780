/** The page talks to the service's own /graphql only. The token is kept for this tab only. */
const ENDPOINT = new URL('./graphql', location.href).href;
const TOKEN_KEY = 'case-graph.draft-token';

export const savedToken = (): string => sessionStorage.getItem(TOKEN_KEY) ?? '';
export function saveToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/** One GraphQL request with the tab's token, if any; errors come back as ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const token = savedToken();
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) throw new ApiError(token ? 'The token was not accepted.' : 'This service needs a token: give it under Token.', 'UNAUTHENTICATED');
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  return body.data as T;
}

export interface DraftItem { kind: string; label: string; start: number; end: number; inferred: boolean; reason: string | null; ref: string | null }
export interface DraftAnswer {
  draftCase: {
    yaml: string | null;
    json: string | null;
    caseId: string | null;
    items: DraftItem[];
    report: { extractor: string; refused: string | null; dropped: string[]; notes: string[]; counts: { kind: string; count: number }[]; milliseconds: number };
  };
}

export const DRAFT_QUERY = `query Draft($text: String!, $published: String, $title: String) {
  draftCase(text: $text, published: $published, title: $title) {
    yaml json caseId
    items { kind label start end inferred reason ref }
    report { extractor refused dropped notes counts { kind count } milliseconds }
  }
}`;

export const IMPORT_MUTATION = `mutation Load($file: String!) {
  importCase(file: $file, format: JSON) { caseId applied totals { created updated unchanged removed } }
}`;

export interface ImportAnswer {
  importCase: { caseId: string; applied: boolean; totals: { created: number; updated: number; unchanged: number; removed: number } };
}
