import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import TemplatePage from './TemplatePage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { checker, member } from '../reflections/testdata';
import { template } from '../reflectionForm/testData';
import type { Me } from '../../api/types';
import type { Template, TemplateRequest } from '../../api/templates';

afterEach(() => vi.unstubAllGlobals());

/** designer is a facilitator of n-fr who manages the reflection form. */
const designer: Me = {
  ...checker,
  memberships: [{ ...checker.memberships[0]!, permissions: [...checker.memberships[0]!.permissions, 'templates.read', 'templates.manage'] }],
};

const summary = (t: Template) => ({ id: t.id, version: t.version, current: t.current, created_at: t.created_at });

function render(me: Me = designer) {
  return renderRoutes([{ path: '/netwerk/:id/formulier', element: <main><TemplatePage /></main> }], { url: '/netwerk/n-fr/formulier', session: sessionFor(me) });
}

function api(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /networks/n-fr/template': () => json(template),
    'GET /networks/n-fr/templates': () => json({ items: [summary(template)] }),
    ...extra,
  });
}

const posts = (seen: { method: string; path: string; body?: unknown }[]) =>
  seen.filter((s) => s.method === 'POST' && s.path === '/networks/n-fr/templates').map((s) => s.body as TemplateRequest);
const question = (name: RegExp) => screen.getByRole('group', { name });

/** rewordDifferently waits for the page and retypes the free question's Dutch wording. */
async function rewordDifferently() {
  const user = userEvent.setup();
  const differently = await screen.findByRole('group', { name: /^Vraag 1: Wat zou je anders doen\?/ });
  const nl = within(differently).getByLabelText('Vraag in het Nederlands');
  await user.clear(nl);
  await user.type(nl, 'Wat had beter gekund?');
  return { user, differently };
}
const preview = () => screen.getByRole('group', { name: /^Het formulier voor/ });

describe('TemplatePage', () => {
  it('saves the edited definition based on the current version, and lists the new version', async () => {
    let saved: Template | null = null;
    const { seen } = api({
      'POST /networks/n-fr/templates': (s) => {
        const body = s.body as TemplateRequest;
        saved = { ...template, id: 't2', version: 2, definition: body.definition, created_at: '2026-02-01T10:00:00Z' };
        return json(saved, 201);
      },
      'GET /networks/n-fr/templates': () => json({ items: saved ? [summary(saved), { ...summary(template), current: false }] : [summary(template)] }),
    });
    render();
    const { user, differently } = await rewordDifferently();
    await user.click(within(differently).getByLabelText('Verplichte vraag: iedereen moet hem beantwoorden'));
    await user.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    expect(await screen.findByText('Versie 2 is opgeslagen. Nieuwe reflecties gebruiken deze versie.')).toBeInTheDocument();
    const [body] = posts(seen);
    expect(body!.based_on).toBe(1);
    const q = body!.definition.sections[2]!.questions[0]!;
    expect(q).toMatchObject({ key: 'differently', nl: 'Wat had beter gekund?', required: true });
    expect(body!.definition.sections[0]).toEqual(template.definition.sections[0]);
    expect(await screen.findByText(/^Versie 2, /)).toBeInTheDocument();
    expect(screen.getByText('Je past versie 2 aan. Opslaan maakt een nieuwe versie.')).toBeInTheDocument();
  });

  it('offers no remove button for a core question, but does for a free one', async () => {
    api();
    render();
    const worked = await screen.findByRole('group', { name: /^Vraag 1: Wat werkte goed\?/ });
    expect(within(worked).getByText(/vaste vraag/)).toBeInTheDocument();
    expect(within(worked).getAllByLabelText('Vraag in het Nederlands')[0]).toHaveValue('Wat werkte goed?');
    expect(within(worked).getByText('Anders gezegd voor 1 perspectief: ouder')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Vraag weghalen: Wat werkte goed?' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deel weghalen: Wat werkte' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Vraag weghalen: Wat zou je anders doen?' })).toBeInTheDocument();
    // Ratings are never required: no box for it.
    expect(within(question(/^Vraag 1: De hulp kwam op tijd\./)).queryByLabelText('Verplichte vraag: iedereen moet hem beantwoorden')).toBeNull();
  });

  it('shows in the preview the wording for the chosen perspective, as it is typed', async () => {
    api();
    render();
    const user = userEvent.setup();
    const differently = await screen.findByRole('group', { name: /^Vraag 1: Wat zou je anders doen\?/ });
    await user.selectOptions(within(differently).getByLabelText('Perspectief'), 'ouder');
    await user.click(within(differently).getByRole('button', { name: 'Andere tekst voor dit perspectief bij: Wat zou je anders doen?' }));
    const override = within(differently).getByRole('group', { name: 'Anders gezegd voor: ouder' });
    const nl = within(override).getByLabelText('Vraag in het Nederlands');
    expect(nl).toHaveFocus();
    await user.clear(nl);
    await user.type(nl, 'Wat had jullie gezin liever anders gezien?');

    await user.selectOptions(screen.getByLabelText('Bekijk als'), 'ouder');
    expect(within(preview()).getByRole('heading', { name: 'Wat had jullie gezin liever anders gezien?' })).toBeInTheDocument();
    // The template's own override for parents, from the reflection form's wording rules.
    expect(within(preview()).getByRole('heading', { name: 'Wat hielp jullie als gezin?' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Bekijk als'), 'professional');
    expect(within(preview()).queryByText('Wat had jullie gezin liever anders gezien?')).toBeNull();
    expect(within(preview()).getByRole('heading', { name: 'Wat zou je anders doen?' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Engels' }));
    expect(within(preview()).getByRole('heading', { name: 'What would you do differently?' })).toBeInTheDocument();
    expect(preview()).toHaveAttribute('lang', 'en');
    expect(within(preview()).queryByRole('textbox')).toBeNull();
  });

  it('keeps the edits after someone else saved first, says so, and saves on their version next', async () => {
    let current = template;
    let tries = 0;
    const { seen } = api({
      'GET /networks/n-fr/template': () => json(current),
      'POST /networks/n-fr/templates': (s) => {
        tries += 1;
        if (tries === 1) {
          current = { ...template, id: 't2', version: 2 };
          return problem(409, { title: 'Conflict', errors: [{ field: 'based_on', code: 'stale_version', message: 'stale' }] });
        }
        return json({ ...template, id: 't3', version: 3, definition: (s.body as TemplateRequest).definition }, 201);
      },
    });
    render();
    const { user } = await rewordDifferently();
    await user.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    expect(await screen.findByText(/Iemand anders heeft net versie 2 opgeslagen\. Jouw wijzigingen staan er nog\./)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^Vraag 1: Wat had beter gekund\?/ })).toBeInTheDocument();
    expect(within(question(/^Vraag 1: Wat had beter gekund\?/)).getByLabelText('Vraag in het Nederlands')).toHaveValue('Wat had beter gekund?');
    await user.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    expect(await screen.findByText(/^Versie 3 is opgeslagen/)).toBeInTheDocument();
    expect(posts(seen).map((b) => [b.based_on, b.definition.sections[2]!.questions[0]!.nl])).toEqual([
      [1, 'Wat had beter gekund?'],
      [2, 'Wat had beter gekund?'],
    ]);
  });

  it('shows a field error and a finding beside their fields, and lets a false alarm through', async () => {
    let tries = 0;
    const { seen } = api({
      'POST /networks/n-fr/templates': () => {
        tries += 1;
        if (tries === 1) return problem(400, { errors: [{ field: '/definition/sections/2/questions/0/en', code: 'required', message: 'required' }] });
        if (tries === 2) return problem(422, { findings: [{ field: '/definition/sections/2/questions/0/nl', type: 'person', start: 4, end: 9, direct: true }] });
        return json({ ...template, version: 2 }, 201);
      },
    });
    render();
    const user = userEvent.setup();
    const differently = await screen.findByRole('group', { name: /^Vraag 1: Wat zou je anders doen\?/ });
    await user.clear(within(differently).getByLabelText('Vraag in het Engels'));
    await user.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    expect(await within(differently).findByText('Vul dit in.')).toBeInTheDocument();
    expect(within(differently).getByLabelText('Vraag in het Engels')).toHaveAccessibleDescription(/Vul dit in\./);

    await user.type(within(differently).getByLabelText('Vraag in het Engels'), 'What would Henk do?');
    const nl = within(differently).getByLabelText('Vraag in het Nederlands');
    await user.clear(nl);
    await user.type(nl, 'Wat Henk anders?');
    await user.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    expect(await within(differently).findByText(/Henk/, { selector: '.utrecht-form-field__error-message' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Toch opslaan, dit is geen persoonsgegeven' }));
    expect(await screen.findByText(/^Versie 2 is opgeslagen/)).toBeInTheDocument();
    expect(posts(seen)[2]!.dismissed).toEqual([{ field: '/definition/sections/2/questions/0/nl', type: 'person', start: 4, end: 9 }]);
  });

  it('is not for members', async () => {
    api();
    render(member);
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opslaan als nieuwe versie' })).toBeNull();
  });
});
