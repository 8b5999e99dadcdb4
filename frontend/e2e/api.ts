import { request as playwrightRequest, expect, type APIRequestContext } from '@playwright/test';

/** Api is a signed-in API client (session cookie and CSRF token) for test set-up. */
/** Person is who an API client is signed in as. */
export interface Person {
  id: string;
  name: string;
  email: string;
}

interface SessionBody {
  csrf_token: string;
  person: Person;
}

export class Api {
  private constructor(
    readonly ctx: APIRequestContext,
    private csrf: string,
    /** person is who this client is signed in as. */
    readonly person: Person,
  ) {}

  /** signIn opens a new API context signed in as email. */
  static async signIn(email: string, password: string): Promise<Api> {
    const ctx = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
    const res = await ctx.post('/api/v1/session', { data: { email, password } });
    expect(res.status(), `sign in ${email} over the API`).toBe(201);
    const session = (await res.json()) as SessionBody;
    return new Api(ctx, session.csrf_token, session.person);
  }

  /** accept accepts an invitation as a new account, and answers that account's client. */
  static async accept(token: string, name: string, password: string): Promise<Api> {
    const ctx = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
    const res = await ctx.post(`/api/v1/invitation-tokens/${token}/accept`, { data: { name, password } });
    expect(res.status(), `accept invitation for ${name}: ${await res.text()}`).toBe(201);
    const session = (await res.json()) as SessionBody;
    return new Api(ctx, session.csrf_token, session.person);
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown, want?: number): Promise<T> {
    const res = await this.ctx.fetch(path, {
      method,
      data,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': this.csrf },
    });
    const expected = want ?? (method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200);
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(expected);
    return res.status() === 204 ? (undefined as T) : ((await res.json()) as T);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, data: unknown): Promise<T> {
    return this.call<T>('POST', path, data);
  }

  async dispose(): Promise<void> {
    await this.ctx.dispose();
  }
}

interface Finding {
  field: string;
  type: string;
  start: number;
  end: number;
  direct: boolean;
}

/**
 * createCaseDeciding starts a case whose texts hold identifiers, as the
 * write form does: the first try answers 422 with the findings, which go
 * back as the author's decisions (direct ones dismissed as false alarms,
 * quasi-identifiers confirmed). Answers the new draft's id and version.
 */
export async function createCaseDeciding(
  author: Api,
  networkId: string,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number; findings: Finding[] }> {
  return createDeciding(author, `/api/v1/networks/${networkId}/cases`, body);
}

/** createDeciding posts a new case or reflection whose texts hold identifiers, deciding on the findings as the author. */
async function createDeciding(
  author: Api,
  path: string,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number; findings: Finding[] }> {
  const refused = await author.call<{ findings: Finding[] }>('POST', path, body, 422);
  const place = ({ field, type, start, end }: Finding) => ({ field, type, start, end });
  const c = await author.post<{ id: string; version: number }>(path, {
    ...body,
    dismissed: refused.findings.filter((f) => f.direct).map(place),
    confirmed: refused.findings.filter((f) => !f.direct).map(place),
  });
  return { id: c.id, version: c.version, findings: refused.findings };
}

/** submitCase sends a draft to the four-eyes check; answers the new version. */
export async function submitCase(author: Api, c: { id: string; version: number }): Promise<{ id: string; version: number }> {
  return author.call<{ id: string; version: number }>('POST', `/api/v1/cases/${c.id}/submit`, { version: c.version }, 200);
}

/** publishCase publishes a submitted case as a facilitator who did not write it. */
export async function publishCase(facilitator: Api, c: { id: string; version: number }): Promise<void> {
  await facilitator.call('POST', `/api/v1/cases/${c.id}/publish`, { version: c.version }, 200);
}

/** Versioned is an object the API changes by its version: a case or a reflection. */
interface Versioned {
  id: string;
  version: number;
}

/**
 * createReflection starts the author's reflection on a case, from the
 * perspective of their membership; with `deciding`, its texts hold
 * identifiers and the author dismisses or confirms the findings.
 */
export async function createReflection(
  author: Api,
  caseId: string,
  body: Record<string, unknown>,
  { deciding = false } = {},
): Promise<Versioned & { findings: Finding[] }> {
  const path = `/api/v1/cases/${caseId}/reflections`;
  if (deciding) return createDeciding(author, path, body);
  const r = await author.post<Versioned>(path, body);
  return { id: r.id, version: r.version, findings: [] };
}

/** submitReflection hands a draft reflection to the four-eyes check; answers the new version. */
export async function submitReflection(author: Api, r: Versioned): Promise<Versioned> {
  return author.call<Versioned>('POST', `/api/v1/reflections/${r.id}/submit`, { version: r.version }, 200);
}

/** publishReflection publishes a submitted reflection as a facilitator who did not write it (its case published first). */
export async function publishReflection(facilitator: Api, r: Versioned): Promise<void> {
  await facilitator.call('POST', `/api/v1/reflections/${r.id}/publish`, { version: r.version }, 200);
}

/** caseTitle is the title of storyCase. */
export const caseTitle = 'Lang wachten op hulp';

/** storyCase is a complete case (every field a submit needs), with the given summary. */
export function storyCase(summary: string) {
  return {
    title: caseTitle,
    outcome: 'stuck',
    start: { year: 2024, quarter: 1 },
    end: { year: 2025, quarter: 2 },
    age_band: '12-18',
    household: 'one_parent',
    life_domains: ['education_work'],
    services: ['neighbourhood_team', 'youth_mental_health'],
    duration: '1_2y',
    summary,
    episodes: [
      { phase: 'signalling', what_happened: 'De mentor zag dat het niet goed ging.', effect: 'helped', duration: '1_4w' },
      { phase: 'help', what_happened: 'Lange wachtlijst bij de jeugd-ggz.', effect: 'hindered', duration: '12_26w' },
      { phase: 'closure', what_happened: 'Een nieuw plan met school.', effect: 'neutral', duration: 'lt_1w' },
    ],
  };
}

/** codeIds answers the network's codebook as key → code id (the network's first read seeds it from the default). */
export async function codeIds(api: Api, networkId: string): Promise<Record<string, string>> {
  const cb = await api.get<{ themes: { codes: { id: string; key: string }[] }[] }>(`/api/v1/networks/${networkId}/codebook`);
  return Object.fromEntries(cb.themes.flatMap((t) => t.codes.map((c) => [c.key, c.id])));
}

/** publishedCase writes a case as author, submits it and has the facilitator publish it; answers its id. */
export async function publishedCase(author: Api, facilitator: Api, networkId: string, body: Record<string, unknown>): Promise<string> {
  const c = await author.post<Versioned>(`/api/v1/networks/${networkId}/cases`, body);
  await publishCase(facilitator, await submitCase(author, c));
  return c.id;
}

/** publishedReflection writes the author's reflection on a published case, submits it and has the facilitator publish it; answers its id. */
export async function publishedReflection(author: Api, facilitator: Api, caseId: string, body: Record<string, unknown>): Promise<string> {
  const r = await createReflection(author, caseId, body);
  await publishReflection(facilitator, await submitReflection(author, r));
  return r.id;
}

/** ActionRef is an improvement action as the set-up needs it. */
export interface ActionRef {
  id: string;
  title: string;
  status: string;
  version: number;
  proposed_automatically: boolean;
}

/** proposeAction proposes an improvement action in the network as a member, facilitator or manager. */
export async function proposeAction(api: Api, networkId: string, body: Record<string, unknown>): Promise<ActionRef> {
  return api.post<ActionRef>(`/api/v1/networks/${networkId}/actions`, { kind: 'practice', ...body });
}

/** boardOf answers the network's action board (its first page). */
export async function boardOf(api: Api, networkId: string): Promise<{ items: ActionRef[] }> {
  return api.get<{ items: ActionRef[] }>(`/api/v1/networks/${networkId}/actions?limit=200`);
}

/**
 * recurringLesson has three members each publish a reflection on another
 * published case that states the same lesson, so the grouping finds a
 * recurring lesson across three cases and proposes its action by itself.
 * The cases start in three quarters of 2024. Answers the case ids.
 */
export async function recurringLesson(
  author: Api,
  facilitator: Api,
  writers: Api[],
  networkId: string,
  lesson: string,
  caseBody: (i: number) => Record<string, unknown>,
): Promise<string[]> {
  const cases: string[] = [];
  for (const [i, writer] of writers.entries()) {
    const caseId = await publishedCase(author, facilitator, networkId, caseBody(i));
    cases.push(caseId);
    await publishedReflection(writer, facilitator, caseId, {
      items: [
        { question: 'worked', what: 'De mentor bleef betrokken.', why: '' },
        { question: 'did_not_work', what: 'Niemand vroeg wat de jongere zelf wilde.', why: 'Er was weinig tijd.' },
      ],
      lessons: [{ statement: lesson, sources: [1] }],
    });
  }
  return cases;
}
