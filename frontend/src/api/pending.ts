import { api, call } from './client';

/**
 * pendingApi calls routes that other branches add to the API document
 * (the codebook, code suggestions) before their generated types reach this
 * one: the same client (base URL, CSRF token on writes, problem+json
 * errors), typed by hand at the call. Once those branches are merged and
 * `npm run gen:api` has run, the callers switch to `api` and this goes.
 */
const loose = api as unknown as {
  GET(path: string, init: { params: { path: Record<string, string> } }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(path: string, init: { params: { path: Record<string, string> }; body: unknown }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

export const pendingApi = {
  get: <T>(path: string, params: Record<string, string>) => call(loose.GET(path, { params: { path: params } })) as Promise<T>,
  post: <T>(path: string, params: Record<string, string>, body: unknown) =>
    call(loose.POST(path, { params: { path: params }, body })) as Promise<T>,
};
