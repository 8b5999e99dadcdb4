import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import SitePage, { paragraphs } from './SitePage';
import { SignIn } from './SignIn';
import { json, mockApi, renderPage } from '../test/helpers';

afterEach(() => vi.unstubAllGlobals());

describe('SitePage', () => {
  it('shows the default privacy text in Dutch when the operator set none', async () => {
    mockApi({ 'GET /site': () => json({}) });
    renderPage(<SitePage text="privacy" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy' })).toBeInTheDocument();
    expect(screen.getByText(/Leerlus bewaart zo weinig mogelijk over jou/)).toBeInTheDocument();
  });

  it("shows the operator's text, paragraph by paragraph, never as HTML", async () => {
    mockApi({ 'GET /site': () => json({ contact: 'Mail ons.\n\n<b>Bel</b> ons.' }) });
    renderPage(<SitePage text="contact" />);
    expect(await screen.findByText('Mail ons.')).toBeInTheDocument();
    expect(screen.getByText('<b>Bel</b> ons.')).toBeInTheDocument();
    expect(screen.queryByText(/Stel hem aan de facilitator/)).not.toBeInTheDocument();
  });

  it('splits text at blank lines', () => {
    expect(paragraphs('a\nb\n\n  \nc\n')).toEqual(['a\nb', 'c']);
  });
});

describe('SignIn on first arrival', () => {
  it('says what Leerlus is and how to get an account', () => {
    renderPage(<SignIn />, { path: '/aanmelden' });
    expect(screen.getByRole('heading', { level: 2, name: 'Wat is Leerlus?' })).toBeInTheDocument();
    expect(screen.getByText(/Je krijgt een uitnodiging van de facilitator van je leernetwerk/)).toBeInTheDocument();
  });
});
