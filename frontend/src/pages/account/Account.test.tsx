import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Account } from './Account';
import { json, mockApi, facilitator, renderPage, sessionFor } from '../../test/helpers';

describe('Account', () => {
  it('keeps access tokens under "Geavanceerd", closed until opened', async () => {
    mockApi({ 'GET /me/tokens': () => json({ items: [], next_cursor: '' }) });
    renderPage(<Account />, { session: sessionFor(facilitator) });
    expect(screen.getByRole('heading', { level: 2, name: 'Geavanceerd' })).toBeInTheDocument();
    const summary = screen.getByText('Toegangssleutels voor programma’s');
    const details = summary.closest('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(details).toHaveAttribute('open');
    expect(screen.getByLabelText('Naam van de sleutel')).toBeVisible();
  });
});
