import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { networkError, toApiError } from './problem';

// The CSRF token lives only in memory: it comes with the Session and is
// sent on every cookie-authenticated write.
let csrfToken: string | null = null;

/** setCsrfToken keeps the token from the latest Session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** getCsrfToken returns the token in memory, for tests. */
export function getCsrfToken(): string | null {
  return csrfToken;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!safeMethods.has(request.method) && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

function baseUrl(): string {
  const origin = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
  return origin;
}

/** api is the typed client generated from the server's OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: baseUrl(),
  credentials: 'same-origin',
  // Look fetch up on each call, so tests can replace it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(csrf);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * call waits for an openapi-fetch call and returns its data, or throws an
 * ApiError built from the problem+json body.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (e) {
    throw networkError(e);
  }
  if (!result.response.ok) {
    throw toApiError(result.response, result.error);
  }
  return result.data as T;
}
