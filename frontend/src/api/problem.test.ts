import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError, isFindingsError, parseRetryAfter, toApiError, toFieldProblems } from './problem';
import { describeError } from '../components/errors';

function res(status: number, headers: Record<string, string> = {}) {
  return new Response(null, { status, headers });
}

describe('toApiError', () => {
  it('reads problem+json with field errors', () => {
    const e = toApiError(res(422), {
      type: 'https://leerlus.nl/problems/invalid',
      title: 'Invalid request',
      status: 422,
      detail: 'Some fields are wrong',
      errors: [
        { field: 'name', code: 'required', message: 'is required' },
        { field: 'expires_in_days', code: 'out_of_range', params: { min: 1, max: 365 }, message: 'must be from 1 to 365' },
      ],
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.title).toBe('Invalid request');
    expect(e.detail).toBe('Some fields are wrong');
    expect(e.type).toBe('https://leerlus.nl/problems/invalid');
    expect(e.fieldProblems).toEqual({
      name: [{ field: 'name', code: 'required', message: 'is required', params: undefined }],
      expires_in_days: [
        { field: 'expires_in_days', code: 'out_of_range', params: { min: 1, max: 365 }, message: 'must be from 1 to 365' },
      ],
    });
    expect(e.hasFieldErrors).toBe(true);
  });

  it('keeps several errors for one field', () => {
    const got = toFieldProblems([
      { field: 'new_password', code: 'too_short', params: { min: 12 }, message: 'must be at least 12 characters' },
      { field: 'new_password', code: 'common_password', message: 'is too common; choose another' },
    ]);
    expect(got.new_password?.map((p) => p.code)).toEqual(['too_short', 'common_password']);
  });

  it('ignores malformed error entries', () => {
    const got = toFieldProblems([{ field: 1 }, 'x', null, { field: 'name', message: 'no code' }, { field: 'email', code: 'format', message: 'bad' }]);
    expect(Object.keys(got)).toEqual(['email']);
    expect(toFieldProblems('nope')).toEqual({});
  });

  it('copes with a body that is not problem+json', () => {
    const e = toApiError(res(502), '<html>Bad gateway</html>');
    expect(e.status).toBe(502);
    expect(e.fieldProblems).toEqual({});
    expect(e.hasFieldErrors).toBe(false);
  });

  it('keeps the findings of an "identifying" answer, and drops malformed ones', () => {
    const e = toApiError(res(422), {
      type: 'https://leerlus.nl/problems/identifying',
      title: 'The text identifies someone',
      status: 422,
      findings: [
        { field: '/summary', type: 'person', start: 7, end: 20, direct: true, tag: '[PERSOON-1]' },
        { field: '/summary', type: 'place', start: 30, end: 36, direct: false },
        { field: '/summary', type: 'person', start: 'x', end: 3 },
        'nonsense',
      ],
    });
    expect(e.findings).toEqual([
      { field: '/summary', type: 'person', start: 7, end: 20, direct: true, tag: '[PERSOON-1]' },
      { field: '/summary', type: 'place', start: 30, end: 36, direct: false },
    ]);
    expect(e.hasFindings).toBe(true);
    expect(isFindingsError(e)).toBe(true);
    const plain = toApiError(res(422), { title: 'Invalid', errors: [] });
    expect(plain.findings).toEqual([]);
    expect(isFindingsError(plain)).toBe(false);
    expect(isFindingsError(new Error('x'))).toBe(false);
  });

  it('reads Retry-After on 429', () => {
    const e = toApiError(res(429, { 'Retry-After': '17' }), { title: 'Too Many Requests', status: 429 });
    expect(e.retryAfter).toBe(17);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = new Date('2026-01-01T10:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Thu, 01 Jan 2026 09:00:00 GMT', now)).toBe(0);
  });
});

describe('describeError', () => {
  const t = i18n.getFixedT('nl');
  it.each([
    [0, 'Er is geen verbinding met Leerlus'],
    [401, 'Je bent niet meer aangemeld'],
    [403, 'Dit mag je niet doen'],
    [404, 'Dit bestaat niet'],
    [409, 'Iemand anders heeft dit net ook veranderd'],
    [500, 'Er ging iets mis bij Leerlus'],
  ])('status %i gives a plain Dutch message', (status, text) => {
    expect(describeError(t, new ApiError({ status }))).toContain(text);
  });

  it('says how many seconds to wait on 429', () => {
    expect(describeError(t, new ApiError({ status: 429, retryAfter: 42 }))).toBe(
      'Je hebt het te vaak geprobeerd. Wacht 42 seconden en probeer het dan opnieuw.',
    );
    expect(describeError(t, new ApiError({ status: 429, retryAfter: 1 }))).toContain('1 seconde ');
  });

  it('uses plain words for other client errors, with translated field messages', () => {
    expect(describeError(t, new ApiError({ status: 400, detail: 'Body is not JSON' }))).toBe(
      'Niet alles is goed ingevuld. Kijk het na en probeer het opnieuw.',
    );
    expect(
      describeError(
        t,
        new ApiError({
          status: 422,
          fieldProblems: { is_admin: [{ field: 'is_admin', code: 'own_account', message: 'you cannot remove your own administrator rights' }] },
        }),
      ),
    ).toBe('Je kunt jezelf geen beheerder-rechten afnemen en jezelf niet uitzetten.');
  });

  it('speaks English when asked', () => {
    expect(describeError(i18n.getFixedT('en'), new ApiError({ status: 403 }))).toBe('Your role does not allow this.');
  });
});
