import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrganisationItem } from './OrganisationItem';
import { facilitator, json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import type { Organisation } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

const org: Organisation = {
  id: 'o-1',
  workplace_id: 'w-fr',
  name: 'Wijkteam Noord',
  kind: 'care_provider',
  created_at: '2026-01-01T00:00:00Z',
  version: 2,
};

describe('OrganisationItem', () => {
  it('renames an organisation, naming the version it was based on', async () => {
    const { seen } = mockApi({ 'PATCH /workplaces/w-fr/organisations/o-1': () => json({ ...org, name: 'Wijkteam Zuid', version: 3 }) });
    renderPage(<OrganisationItem workplaceId="w-fr" org={org} />, { session: sessionFor(facilitator) });
    await userEvent.click(screen.getByRole('button', { name: 'Wijkteam Noord wijzigen' }));
    const name = screen.getByLabelText('Naam van de organisatie');
    await userEvent.clear(name);
    await userEvent.type(name, 'Wijkteam Zuid');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await vi.waitFor(() =>
      expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ name: 'Wijkteam Zuid', kind: 'care_provider', version: 2 }),
    );
    expect(await screen.findByText('Wijkteam Zuid is opgeslagen.')).toBeInTheDocument();
  });

  it('retires an organisation only after a question, and says so', async () => {
    const { seen } = mockApi({
      'PATCH /workplaces/w-fr/organisations/o-1': () => json({ ...org, retired_at: '2026-12-06T00:00:00Z', version: 3 }),
    });
    renderPage(<OrganisationItem workplaceId="w-fr" org={org} />, { session: sessionFor(facilitator) });
    await userEvent.click(screen.getByRole('button', { name: 'Wijkteam Noord stoppen' }));
    expect(seen.some((s) => s.method === 'PATCH')).toBe(false);
    const group = screen.getByRole('group', { name: /Wil je Wijkteam Noord stoppen/ });
    await userEvent.click(within(group).getByRole('button', { name: 'Ja, stoppen' }));
    await vi.waitFor(() => expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ retired: true, version: 2 }));
    expect(await screen.findByText('Wijkteam Noord is gestopt.')).toBeInTheDocument();
  });

  it('offers a retired organisation to be used again', async () => {
    mockApi({});
    renderPage(<OrganisationItem workplaceId="w-fr" org={{ ...org, retired_at: '2026-12-06T00:00:00Z' }} />, {
      session: sessionFor(facilitator),
    });
    expect(screen.getByText(/Wijkteam Noord \(jeugdhulpaanbieder\) — gestopt/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Wijkteam Noord weer gebruiken' })).toBeInTheDocument();
  });
});
