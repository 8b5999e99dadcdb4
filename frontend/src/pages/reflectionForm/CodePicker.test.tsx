import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';
import { CodePicker } from './CodePicker';
import { codebook, parent } from './testData';

afterEach(() => vi.unstubAllGlobals());

function open(chosen: string[] = [], answer = () => json(codebook)) {
  mockApi({ 'GET /networks/n-fr/codebook': answer });
  const onPick = vi.fn();
  renderPage(<CodePicker id="pick" networkId="n-fr" label="Thema" description="Kies een thema." chosen={chosen} onPick={onPick} />, {
    session: sessionFor(parent),
  });
  return { onPick, box: screen.getByRole('combobox', { name: 'Thema' }) };
}

describe('CodePicker', () => {
  it('searches the two levels: themes as groups, their offered codes as options, and says how many it found', async () => {
    const { box } = open();
    await userEvent.type(box, 'toegang');
    const list = await screen.findByRole('listbox', { name: 'Thema' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const group = within(list).getByRole('group', { name: 'Toegang en wachten' });
    expect(within(group).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wachttijd', 'Eén loket']);
    expect(within(list).queryByRole('option', { name: 'Oude indicatie' })).toBeNull();
    expect(within(list).queryByRole('group', { name: 'Samenwerking' })).toBeNull();
    expect(screen.getByText(/^2 thema's gevonden/)).toBeInTheDocument();
  });

  it('moves with the arrow keys across themes, chooses with Enter, and announces the choice', async () => {
    const { box, onPick } = open();
    await waitFor(() => expect(screen.getByRole('listbox', { hidden: true })).toBeInTheDocument());
    box.focus();
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('listbox');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    const regie = screen.getByRole('option', { name: 'Eén regisseur' });
    expect(box).toHaveAttribute('aria-activedescendant', regie.id);
    expect(regie).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Uitleg bij Eén regisseur.')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowUp}');
    expect(box).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: 'Eén loket' }).id);
    await userEvent.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith({ id: 'c-loket', label_nl: 'Eén loket', label_en: 'One desk' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Eén loket is gekozen.');
  });

  it('closes with Escape, offers no code already chosen, and opens from its button', async () => {
    const { box, onPick } = open(['c-wacht']);
    await userEvent.type(box, 'toegang');
    expect(await screen.findAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('toegang');
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Alle thema\'s tonen bij Thema' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Eén loket', 'Eén regisseur', 'Gezin betrokken']);
    await userEvent.click(screen.getByRole('option', { name: 'Gezin betrokken' }));
    expect(onPick).toHaveBeenCalledWith({ id: 'c-betrek', label_nl: 'Gezin betrokken', label_en: 'Family involved' });
  });

  it('says so when the codebook cannot be loaded', async () => {
    open([], () => problem(404, { title: 'Not Found' }));
    expect(await screen.findByText(/We kunnen de thema's nu niet laden/)).toBeInTheDocument();
  });
});
