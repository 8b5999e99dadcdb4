import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { CaseReflections } from './CaseReflections';
import { json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';
import { publishedCase, submittedCase } from '../cases/testdata';
import { caseReflections, checker, member, parent, professional, researcher, submitted } from './testdata';
import type { Case, Me } from '../../api/types';
import type { CaseReflections as Data } from '../../api/reflections';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me, data: Data = caseReflections, c: Case = publishedCase) {
  const api = mockApi({ 'GET /cases/c1/reflections': () => json(data) });
  renderPage(
    <main>
      <CaseReflections c={c} />
    </main>,
    { path: '/netwerk/:id/casussen/:case', url: '/netwerk/n-fr/casussen/c1', session: sessionFor(me) },
  );
  return api;
}

describe('CaseReflections for a member', () => {
  it('shows each reflection under its perspective, the young person’s side first, with no one’s name', async () => {
    render(member);
    const list = await screen.findByRole('list', { name: 'Reflecties per perspectief' });
    const titles = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(['Perspectief: ouder', 'Perspectief: professional']);
    expect(screen.queryByText(/Geschreven door/)).toBeNull();
    expect(document.body).not.toHaveTextContent('Otto Ouder');
    // No marks for readers: the server sends none, and nothing is highlighted.
    expect(document.querySelector('mark')).toBeNull();
  });

  it('shows what worked and what did not, each code saying in words whether it helped or hindered', async () => {
    render(member);
    const ouder = await screen.findByRole('article', { name: 'Perspectief: ouder' });
    const parts = within(ouder).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(parts).toEqual(['Wat werkte', 'Wat werkte niet', 'Wat had anders gemoeten', 'Cijfers', 'Lessen']);
    const didNot = ouder.querySelector('[data-question="did_not_work"]')!;
    expect(didNot).toHaveTextContent('Niemand vroeg wat ons kind wilde.');
    expect(didNot).toHaveTextContent('Waarom: Alleen wij werden gehoord.');
    expect(didNot.querySelector('.leerlus-code-tag')).toHaveTextContent('Stem van de jongere: hinderde');
    expect(ouder.querySelector('[data-question="worked"] .leerlus-code-tag')).toHaveTextContent('Vertrouwensrelatie: hielp');
    expect(within(ouder).getByText('Eerder naar ons kind luisteren.')).toBeInTheDocument();
  });

  it('says which moment of the case an entry is about', async () => {
    const ouder = caseReflections.reflections.find((r) => r.perspective === 'ouder')!;
    const c: Case = { ...publishedCase, episodes: [{ id: 'e-1', position: 1, what_happened: 'Aanmelding.', updated_at: '', version: 1 }, { id: 'e-2', position: 2, what_happened: 'Wachten.', updated_at: '', version: 1 }] };
    const data: Data = {
      ...caseReflections,
      reflections: caseReflections.reflections.map((r) => (r === ouder ? { ...r, items: r.items.map((it) => (it.id === 'i-p2' ? { ...it, episode_id: 'e-2' } : it)) } : r)),
    };
    render(member, data, c);
    const card = await screen.findByRole('article', { name: 'Perspectief: ouder' });
    expect(card.querySelector('[data-question="did_not_work"]')).toHaveTextContent('Over moment 2 van het verloop');
    expect(card.querySelector('[data-question="worked"]')).not.toHaveTextContent('Over moment');
  });

  it('says each rating in words, and where a lesson came from', async () => {
    render(member);
    const ouder = await screen.findByRole('article', { name: 'Perspectief: ouder' });
    const rating = ouder.querySelector('[data-question="young_person_heard"]')!;
    expect(rating).toHaveTextContent('Er werd naar de jongere geluisterd');
    expect(rating).toHaveTextContent('1 van 5: helemaal niet mee eens');
    expect(within(ouder).getByText('Vraag de jongere zelf wat hij wil.').closest('li')).toHaveTextContent(
      'Komt uit: „Niemand vroeg wat ons kind wilde.”',
    );
  });

  it('puts the differences between perspectives first, then what they agree on, then single mentions', async () => {
    render(member);
    const compare = await screen.findByRole('region', { name: 'Waar kijken mensen anders naar?' });
    const groups = [...compare.querySelectorAll('.leerlus-compare__group')].map((g) => g.getAttribute('data-agreement'));
    expect(groups).toEqual(['differ', 'agree', 'single']);
    expect(within(compare).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Hier kijken mensen anders naar',
      'Hier zijn mensen het over eens',
      'Cijfers per perspectief',
    ]);
    const differ = compare.querySelector('[data-agreement="differ"] [data-code="T4.stem_jongere"]')!;
    expect(differ).toHaveTextContent('Stem van de jongere');
    expect(differ.querySelector('[data-perspective="ouder"]')).toHaveTextContent('ouder: ✕ hinderde (2 keer)');
    expect(differ.querySelector('[data-perspective="professional"]')).toHaveTextContent('professional: ✓ hielp');
    // The sign is for the eye; the word is what is read out.
    expect(differ.querySelector('[data-effect="hindered"] [aria-hidden="true"]')).toHaveTextContent('✕');
    expect(within(compare).getByText('1 thema dat maar één perspectief noemt')).toBeInTheDocument();
  });

  it('shows the ratings per perspective with big differences marked in words', async () => {
    render(member);
    const table = await screen.findByRole('region', { name: 'Cijfers per perspectief' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['De hulp kwam op tijd', '2 van 5', '3 van 5', 'klein of geen verschil'],
      ['Er werd naar de jongere geluisterd', '1 van 5', '4,5 van 5', 'groot verschil'],
    ]);
    expect(rows[1]).toHaveAttribute('data-agreement', 'differ');
  });

  it('says so when there are no reflections yet', async () => {
    render(member, { reflections: [], codes: [], ratings: [] });
    expect(await screen.findByText('Er zijn nog geen reflecties op deze casus.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Waar kijken mensen anders naar?' })).toBeNull();
  });

  it('offers a member the way to write their reflection', async () => {
    render(member);
    await screen.findByRole('list', { name: 'Reflecties per perspectief' });
    expect(await screen.findByRole('link', { name: 'Schrijf je reflectie' })).toHaveAttribute('href', expect.stringMatching(/\/reflectie$/));
  });

  it('shows a member’s own draft as theirs and as a draft', async () => {
    const mine = { ...parent, status: 'draft' as const, mine: true };
    render(member, { ...caseReflections, reflections: [mine, professional], mine_id: mine.id });
    const own = await screen.findByRole('article', { name: 'Perspectief: ouder' });
    expect(within(own).getByText('concept')).toBeInTheDocument();
    expect(within(own).getByText('jouw reflectie')).toBeInTheDocument();
  });

  it('tells a failed load with a way to try again', async () => {
    mockApi({ 'GET /cases/c1/reflections': () => problem(503) });
    renderPage(<CaseReflections c={publishedCase} />, { session: sessionFor(member) });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Probeer opnieuw' })).toBeInTheDocument();
  });

  it('speaks English, the code labels too', async () => {
    await i18n.changeLanguage('en');
    try {
      render(member);
      const ouder = await screen.findByRole('article', { name: 'Perspective: parent' });
      expect(ouder.querySelector('[data-question="did_not_work"] .leerlus-code-tag')).toHaveTextContent("The young person's voice: hindered");
      expect(screen.getByRole('heading', { name: 'Here people see things differently' })).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('nl');
    }
  });
});

describe('CaseReflections for others', () => {
  it('shows a researcher the perspectives, never a person', async () => {
    render(researcher);
    expect(await screen.findByRole('article', { name: 'Perspectief: professional' })).toBeInTheDocument();
    expect(screen.queryByText(/Geschreven door/)).toBeNull();
  });

  it('is not there for someone without the right to read reflections, and asks nothing', () => {
    const { seen } = render({ ...member, memberships: [{ ...member.memberships[0]!, permissions: ['cases.read'] }] });
    expect(screen.queryByRole('heading', { name: 'Reflecties' })).toBeNull();
    expect(seen).toEqual([]);
  });

  it('is not there for a member while the case waits for its check', () => {
    const { seen } = render(member, caseReflections, { ...submittedCase, author: undefined, marks: undefined });
    expect(screen.queryByRole('heading', { name: 'Reflecties' })).toBeNull();
    expect(seen).toEqual([]);
  });

  it('shows a facilitator the author, and a way to check a submitted reflection, also while the case waits', async () => {
    render(checker, { ...caseReflections, reflections: [submitted, professional] }, submittedCase);
    const own = await screen.findByRole('article', { name: 'Perspectief: ouder' });
    expect(own).toHaveTextContent('Geschreven door: Otto Ouder');
    expect(within(own).getByText('wacht op controle')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reflectie controleren (ouder)' })).toHaveAttribute('href', '/netwerk/n-fr/reflecties/r-sub');
    // Only the submitted one is for checking.
    expect(screen.getAllByRole('link', { name: /Reflectie controleren/ })).toHaveLength(1);
  });
});
