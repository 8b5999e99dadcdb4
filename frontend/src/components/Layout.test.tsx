import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../i18n';
import { Layout, menuItems } from './Layout';
import { facilitator, mockApi, renderRoutes, sessionFor } from '../test/helpers';
import type { Me } from '../api/types';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('nl');
});

const t = i18n.getFixedT('nl');
const member: Me = {
  ...facilitator,
  memberships: [{ ...facilitator.memberships[0]!, role: 'member', perspective: 'ouder', permissions: ['network.read'] }],
};
// The permissions are what GET /me answers for an admin without memberships.
const admin: Me = {
  id: 'p-adm',
  email: 'admin@leerlus.demo',
  name: 'Ada',
  is_admin: true,
  memberships: [],
  permissions: ['account.edit', 'account.read', 'audit.read', 'networks.create', 'people.manage', 'workplaces.manage', 'workplaces.read'],
  every_network_permissions: ['invitations.manage', 'members.manage', 'members.read', 'network.edit', 'network.read'],
};

describe('menuItems', () => {
  it('gives a member only the network start and the account', () => {
    expect(menuItems(member, 'n-fr', t).map((i) => i.to)).toEqual(['/netwerk/n-fr', '/account']);
  });
  it('gives a facilitator members and invitations of their network', () => {
    expect(menuItems(facilitator, 'n-fr', t).map((i) => i.to)).toEqual([
      '/netwerk/n-fr',
      '/netwerk/n-fr/leden',
      '/netwerk/n-fr/uitnodigingen',
      '/account',
    ]);
  });
  it('gives a facilitator nothing extra in a network they do not facilitate', () => {
    expect(menuItems(facilitator, 'n-other', t).map((i) => i.to)).toEqual(['/account']);
  });
  it('gives an admin the administration', () => {
    expect(menuItems(admin, undefined, t).map((i) => i.to)).toEqual([
      '/beheer/kenniswerkplaatsen',
      '/beheer/mensen',
      '/beheer/logboek',
      '/account',
    ]);
  });
});

describe('Layout', () => {
  it('has a skip link, a labelled menu and switches language and <html lang>', async () => {
    mockApi({});
    renderRoutes([{ element: <Layout />, children: [{ path: '/account', element: <h1>x</h1> }] }], {
      url: '/account',
      session: sessionFor(facilitator),
    });
    expect(screen.getByRole('link', { name: 'Ga direct naar de inhoud' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('navigation', { name: 'Menu' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mijn account' })).toHaveAttribute('aria-current', 'page');
    expect(document.documentElement.lang).toBe('nl');

    await userEvent.click(screen.getByRole('button', { name: 'Change the language to English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('link', { name: 'My account' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });
});
