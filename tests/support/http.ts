/** One raw HTTP exchange with the API, for tests about status codes and headers. */
export interface Exchange {
  status: number;
  headers: Headers;
  body: any;
  requestId: string | null;
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

export async function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  return exchange(response);
}

export async function exchange(response: Response): Promise<Exchange> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, headers: response.headers, body, requestId: response.headers.get('x-request-id') };
}
