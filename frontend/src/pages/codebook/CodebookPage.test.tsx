import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CodebookPage from './CodebookPage';
import { json, mockApi, problem, renderRoutes, sessionFor, type Seen } from '../../test/helpers';
import { codebook, curator, fitCode, ids, reader, waitCode, withoutUsage } from './testdata';
import type { Me } from '../../api/types';
import type { CodeMerge } from '../../api/codebookAdmin';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me = curator) {
  return renderRoutes([{ path: '/netwerk/:id/codeboek', element: <main><CodebookPage /></main> }], { url: '/netwerk/n-fr/codeboek', session: sessionFor(me) });
}

function api(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({ 'GET /networks/n-fr/codebook': (s) => json(s.query.get('usage') === 'true' ? codebook : withoutUsage(codebook)), ...extra });
}

const reads = (seen: Seen[]) => seen.filter((s) => s.method === 'GET' && s.path === '/networks/n-fr/codebook');
const codeCard = (name: string) => screen.getByRole('article', { name: new RegExp(`^${name}`) });

describe('CodebookPage for a facilitator', () => {
  it('shows the themes with their codes, usage counts, and a retired and a merged code marked in words', async () => {
    const { seen } = api();
    render();
    expect(await screen.findByRole('heading', { level: 2, name: 'Toegang en wachttijden T1' })).toBeInTheDocument();
    expect(reads(seen)[0]!.query.get('usage')).toBe('true');
    const wait = codeCard('Wachttijd');
    expect(wait).toHaveTextContent('In het Engels');
    expect(wait).toHaveTextContent('Waiting time');
    expect(wait).toHaveTextContent('We stonden maanden op de wachtlijst.');
    expect(wait).toHaveTextContent('12 keer (2 keer hielp het, 10 keer hinderde het), in 3 lessen');
    const old = codeCard('Oude code');
    expect(old).toHaveAttribute('data-retired');
    expect(old).toHaveTextContent('niet meer in gebruik');
    expect(within(old).getByRole('button', { name: 'Weer gebruiken: Oude code' })).toBeInTheDocument();
    const gone = codeCard('Weggegaan');
    expect(gone).toHaveTextContent('samengevoegd met „Wachttijd”');
    expect(within(gone).queryByRole('button')).toBeNull();
    expect(screen.getByRole('navigation', { name: "Thema's" })).toHaveTextContent('Betrokkenheid jongere en gezin');
  });

  it('renames a code with its version; after a conflict it reloads, keeps the typed name and saves with the new version', async () => {
    let version = 2;
    let patches = 0;
    const { seen } = api({
      'GET /networks/n-fr/codebook': () => json({ ...codebook, themes: codebook.themes.map((x) => ({ ...x, codes: x.codes.map((c) => (c.id === ids.wait ? { ...c, version } : c)) })) }),
      [`PATCH /networks/n-fr/codebook/codes/${ids.wait}`]: () => {
        patches += 1;
        if (patches === 1) {
          version = 5;
          return problem(409, { title: 'Conflict' });
        }
        return json({ ...waitCode, label_nl: 'Wachten op hulp', version: 6 });
      },
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Wijzigen: Wachttijd' }));
    const label = screen.getByLabelText('Naam in het Nederlands');
    expect(label).toHaveFocus();
    await user.clear(label);
    await user.type(label, 'Wachten op hulp');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText(/Iemand anders heeft dit net gewijzigd/)).toBeInTheDocument();
    await vi.waitFor(() => expect(reads(seen).length).toBeGreaterThan(1));
    expect(screen.getByLabelText('Naam in het Nederlands')).toHaveValue('Wachten op hulp');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('„Wachten op hulp” is opgeslagen.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => s.body)).toEqual([
      { label_nl: 'Wachten op hulp', version: 2 },
      { label_nl: 'Wachten op hulp', version: 5 },
    ]);
  });

  /** addSubtheme renders the page and sends a new subtheme "Vervoer" with one example in the second box. */
  async function addSubtheme(exampleText: string) {
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Subthema toevoegen: Toegang en wachttijden' }));
    const form = screen.getByRole('form', { name: 'Nieuw subthema bij „Toegang en wachttijden”' });
    await user.type(within(form).getByLabelText('Naam in het Nederlands'), 'Vervoer');
    await user.type(within(form).getByLabelText('Naam in het Engels'), 'Transport');
    await user.type(within(form).getByLabelText('Voorbeeld 2'), exampleText);
    await user.click(within(form).getByRole('button', { name: 'Subthema toevoegen' }));
    return { user, form, example: within(form).getByLabelText('Voorbeeld 2') };
  }

  it('offers no "save anyway" for a finding that must change', async () => {
    const { seen } = api({
      'POST /networks/n-fr/codebook/codes': () =>
        problem(422, { findings: [{ field: '/examples/0', type: 'phone', start: 4, end: 15, direct: true, must_change: true }] }),
    });
    const { form, example } = await addSubtheme('Bel 06-12345678 voor de taxi.');
    await vi.waitFor(() => expect(example).toHaveAccessibleDescription(/Hier staat „06-12345678”/));
    expect(within(form).queryByRole('button', { name: 'Toch opslaan, dit is geen persoonsgegeven' })).not.toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('names a name in an example beside its field and lets a false alarm through', async () => {
    let tries = 0;
    const { seen } = api({
      'POST /networks/n-fr/codebook/codes': () => {
        tries += 1;
        if (tries === 1) return problem(422, { findings: [{ field: '/examples/0', type: 'person', start: 0, end: 5, direct: true }] });
        return json({ ...fitCode, id: 'new', label_nl: 'Vervoer', label_en: 'Transport' }, 201);
      },
    });
    // The second box: what is sent as /examples/0 is named beside it.
    const { user, form, example } = await addSubtheme('Taxi kwam vaak te laat.');
    await vi.waitFor(() => expect(example).toHaveAccessibleDescription(/Hier staat „Taxi ” \(naam\)/));
    await user.click(within(form).getByRole('button', { name: 'Toch opslaan, dit is geen persoonsgegeven' }));
    expect(await screen.findByText('Het subthema „Vervoer” is toegevoegd aan „Toegang en wachttijden”.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.body)).toEqual([
      { label_nl: 'Vervoer', label_en: 'Transport', examples: ['Taxi kwam vaak te laat.'], theme_id: ids.t1 },
      {
        label_nl: 'Vervoer',
        label_en: 'Transport',
        examples: ['Taxi kwam vaak te laat.'],
        theme_id: ids.t1,
        dismissed: [{ field: '/examples/0', type: 'person', start: 0, end: 5 }],
        confirmed: [],
      },
    ]);
  });

  it('merges a code only after showing what would move', async () => {
    const merge: CodeMerge = {
      from: fitCode,
      into: waitCode,
      counts: { codings: 5, collapsed: 2, effect_conflicts: 1, items: 5, cases: 3, lessons: 1, lessons_collapsed: 0, repointed: 0 },
    };
    const { seen } = api({
      [`GET /networks/n-fr/codebook/codes/${ids.fit}/merge-preview`]: () => json(merge),
      [`POST /networks/n-fr/codebook/codes/${ids.fit}/merge`]: () => json(merge),
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Samenvoegen: Geen passend aanbod' }));
    const form = screen.getByRole('form', { name: '„Geen passend aanbod” samenvoegen' });
    const into = within(form).getByLabelText('Welk subthema blijft?');
    // Not itself, not a retired or merged code.
    expect(within(into).queryByRole('option', { name: 'Geen passend aanbod' })).toBeNull();
    expect(within(into).queryByRole('option', { name: 'Oude code' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Samenvoegen' })).toBeNull();
    await user.selectOptions(into, ids.wait);
    await user.click(within(form).getByRole('button', { name: 'Bekijk wat er verandert' }));
    const preview = await within(form).findByRole('region', { name: 'Dit verandert er' });
    expect(preview).toHaveTextContent('Als je „Geen passend aanbod” samenvoegt met „Wachttijd”:');
    expect(preview).toHaveTextContent('5 coderingen, bij 5 onderdelen in 3 casussen');
    expect(preview).toHaveTextContent('2 onderdelen. Die houden één codering.');
    expect(preview).toHaveTextContent('Bij 1 onderdeel stond bij het ene subthema ‘hielp’ en bij het andere ‘hinderde’.');
    expect(preview).toHaveTextContent('1 les');
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
    expect(seen.find((s) => s.path.endsWith('/merge-preview'))!.query.get('into')).toBe(ids.wait);
    await user.click(within(form).getByRole('button', { name: 'Samenvoegen' }));
    await user.click(within(form).getByRole('button', { name: 'Ja, samenvoegen' }));
    expect(await screen.findByText('„Geen passend aanbod” is samengevoegd met „Wachttijd”. 5 coderingen zijn verhuisd.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({ path: `/networks/n-fr/codebook/codes/${ids.fit}/merge`, body: { into: ids.wait, version: 2 } });
  });

  it('moves a code to another theme and retires one after a question', async () => {
    const { seen } = api({
      [`PATCH /networks/n-fr/codebook/codes/${ids.fit}`]: (s) => json({ ...fitCode, ...(s.body as object), version: 3 }),
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Verplaatsen: Geen passend aanbod' }));
    await user.selectOptions(screen.getByLabelText('Naar thema'), ids.t4);
    await user.click(within(screen.getByRole('form', { name: '„Geen passend aanbod” verplaatsen' })).getByRole('button', { name: 'Verplaatsen' }));
    expect(await screen.findByText('„Geen passend aanbod” staat nu bij „Betrokkenheid jongere en gezin”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Niet meer gebruiken: Geen passend aanbod' }));
    await user.click(screen.getByRole('button', { name: 'Ja, niet meer gebruiken' }));
    expect(await screen.findByText('„Geen passend aanbod” wordt niet meer gebruikt.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => s.body)).toEqual([
      { theme_id: ids.t4, version: 2 },
      { retired: true, version: 2 },
    ]);
  });
});

describe('CodebookPage for a member', () => {
  it('explains the codes read-only, without usage and without changes', async () => {
    const { seen } = api();
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Codeboek' })).toBeInTheDocument();
    const wait = await screen.findByRole('article', { name: /^Wachttijd/ });
    expect(wait).toHaveTextContent('Uitleg bij Wachttijd.');
    expect(wait).not.toHaveTextContent('Gebruikt');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Geschiedenis van het codeboek' })).toBeNull();
    expect(reads(seen)[0]!.query.has('usage')).toBe(false);
  });

  it('is not for people outside the network', () => {
    const { fetchMock } = api();
    render({ ...reader, memberships: [] } satisfies Me);
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

