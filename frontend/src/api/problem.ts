import type { components } from './schema';
import type { CaseFinding } from './types';

/** A field error as the server sends it in problem+json `errors`: a stable code with its params, and an English message. */
export type FieldProblem = components['schemas']['FieldError'];

/** FieldProblems groups the server's field errors by field name. */
export type FieldProblems = Record<string, FieldProblem[]>;

/** FieldErrors maps a request-body field name to the message shown beside it. */
export type FieldErrors = Record<string, string>;

/**
 * ApiError is every failed API call, parsed from RFC 9457 problem+json.
 * status 0 means the request never reached the server.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly fieldProblems: FieldProblems;
  /** Seconds to wait, from the Retry-After header of a 429. */
  readonly retryAfter: number | undefined;
  /**
   * What identifies someone in a refused text (a 422 "identifying" answer
   * to a case write, a scan or a send-back comment); empty otherwise.
   */
  readonly findings: CaseFinding[];

  constructor(init: {
    status: number;
    title?: string;
    detail?: string;
    type?: string;
    fieldProblems?: FieldProblems;
    retryAfter?: number;
    findings?: CaseFinding[];
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title ?? '';
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.fieldProblems = init.fieldProblems ?? {};
    this.retryAfter = init.retryAfter;
    this.findings = init.findings ?? [];
  }

  /** hasFieldErrors tells whether the server named fields to fix. */
  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldProblems).length > 0;
  }

  /** hasFindings tells whether the server refused a text for what identifies someone in it. */
  get hasFindings(): boolean {
    return this.findings.length > 0;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** parseRetryAfter reads Retry-After as seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** toFieldProblems groups the well-formed field errors of a problem body by field. */
export function toFieldProblems(errors: unknown): FieldProblems {
  const out: FieldProblems = {};
  if (!Array.isArray(errors)) return out;
  for (const e of errors) {
    if (!isRecord(e) || typeof e.field !== 'string' || typeof e.message !== 'string' || typeof e.code !== 'string') continue;
    const problem: FieldProblem = {
      field: e.field,
      code: e.code as FieldProblem['code'],
      message: e.message,
      params: isRecord(e.params) ? e.params : undefined,
    };
    (out[e.field] ??= []).push(problem);
  }
  return out;
}

/** toFindings reads the well-formed findings of a problem body's `findings`. */
export function toFindings(findings: unknown): CaseFinding[] {
  if (!Array.isArray(findings)) return [];
  const out: CaseFinding[] = [];
  for (const f of findings) {
    if (!isRecord(f) || typeof f.field !== 'string' || typeof f.type !== 'string') continue;
    if (typeof f.start !== 'number' || typeof f.end !== 'number') continue;
    out.push({
      field: f.field,
      type: f.type as CaseFinding['type'],
      start: f.start,
      end: f.end,
      direct: f.direct === true,
      ...(typeof f.tag === 'string' ? { tag: f.tag } : {}),
      ...(f.must_change === true ? { must_change: true } : {}),
    });
  }
  return out;
}

/** toApiError turns a failed response and its parsed body into an ApiError. */
export function toApiError(response: Response, body: unknown): ApiError {
  const p = isRecord(body) ? body : {};
  return new ApiError({
    status: response.status,
    title: typeof p.title === 'string' ? p.title : response.statusText,
    detail: typeof p.detail === 'string' ? p.detail : undefined,
    type: typeof p.type === 'string' ? p.type : undefined,
    fieldProblems: toFieldProblems(p.errors),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    findings: toFindings(p.findings),
  });
}

/** networkError wraps a fetch that failed before any answer came. */
export function networkError(cause: unknown): ApiError {
  const e = new ApiError({ status: 0, title: 'network', detail: String(cause) });
  return e;
}

/** isApiError narrows unknown errors from queries and mutations. */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** isFindingsError tells whether a write was refused for what identifies someone in its text. */
export function isFindingsError(e: unknown): e is ApiError {
  return e instanceof ApiError && e.hasFindings;
}
