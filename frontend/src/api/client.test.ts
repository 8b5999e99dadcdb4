import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, call, setCsrfToken } from './client';
import { ApiError } from './problem';
import { json, mockApi, problem } from '../test/helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token on writes, not on reads', async () => {
    const { seen } = mockApi({
      'GET /me/tokens': () => json({ items: [] }),
      'POST /me/tokens': () => json({ id: 't1', name: 'x', secret: 's', created_at: '', expires_at: '' }, 201),
    });
    setCsrfToken('tok-1');
    await call(api.GET('/api/v1/me/tokens'));
    await call(api.POST('/api/v1/me/tokens', { body: { name: 'x', expires_in_days: 3 } }));
    expect(seen[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(seen[1]?.headers.get('X-CSRF-Token')).toBe('tok-1');
    expect(seen[1]?.body).toEqual({ name: 'x', expires_in_days: 3 });
  });

  it('throws an ApiError with the field errors of a problem+json answer', async () => {
    mockApi({
      'PATCH /me': () =>
        problem(422, { title: 'Invalid', errors: [{ field: 'name', code: 'required', message: 'is required' }] }),
    });
    const err = await call(api.PATCH('/api/v1/me', { body: { name: '' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).fieldProblems.name?.[0]?.code).toBe('required');
  });

  it('turns a failed fetch into status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = await call(api.GET('/api/v1/me')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(0);
  });

  it('returns undefined for 204', async () => {
    mockApi({ 'DELETE /session': () => new Response(null, { status: 204 }) });
    await expect(call(api.DELETE('/api/v1/session'))).resolves.toBeUndefined();
  });
});
