import { ApiError, networkError, toApiError } from '../../api/problem';
import type { CaseFinding } from './types';

/**
 * FindingsError is a 422 "identifying" answer: the text held details that
 * could identify someone, each named in `findings` (where, in UTF-16 units,
 * and what type). The generic ApiError does not keep them.
 */
export class FindingsError extends ApiError {
  readonly findings: CaseFinding[];
  constructor(base: ApiError, findings: CaseFinding[]) {
    super({
      status: base.status,
      title: base.title,
      detail: base.detail,
      type: base.type,
      fieldProblems: base.fieldProblems,
      retryAfter: base.retryAfter,
    });
    this.findings = findings;
  }
}

function isFinding(f: unknown): f is CaseFinding {
  if (typeof f !== 'object' || f === null) return false;
  const x = f as Record<string, unknown>;
  return typeof x.field === 'string' && typeof x.type === 'string' && typeof x.start === 'number' && typeof x.end === 'number';
}

/** findingsIn reads the well-formed findings of a problem body. */
export function findingsIn(body: unknown): CaseFinding[] {
  const list = typeof body === 'object' && body !== null ? (body as { findings?: unknown }).findings : undefined;
  return Array.isArray(list) ? list.filter(isFinding) : [];
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** callWithFindings is `call` for writes the server screens: a 422 with findings throws a FindingsError. */
export async function callWithFindings<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (e) {
    throw networkError(e);
  }
  if (!result.response.ok) {
    const e = toApiError(result.response, result.error);
    const findings = findingsIn(result.error);
    throw findings.length ? new FindingsError(e, findings) : e;
  }
  return result.data as T;
}
