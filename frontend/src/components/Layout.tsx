import { Suspense, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  NavBar,
  NavList,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { api, call } from '../api/client';
import { can, useSession, useSetSession } from '../auth/session';
import type { Me } from '../api/types';
import { NetworkSwitcher } from './NetworkSwitcher';
import { RouterLink } from './RouterLink';
import { requestHeadingFocus } from './PageHeading';
import { Loading } from './states';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Button
      appearance="subtle-button"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
      // The label is in the language the button switches to, as its lang says.
      aria-label={t('language.switchTo', { lng: other })}
    >
      {t(`language.name.${other}`)}
    </Button>
  );
}

interface MenuItem {
  to: string;
  label: string;
}

/** menuItems lists only what this person may open. */
export function menuItems(me: Me, networkId: string | undefined, t: (k: string) => string): MenuItem[] {
  const items: MenuItem[] = [];
  if (networkId && can(me, 'network.read', networkId)) {
    items.push({ to: `/netwerk/${networkId}`, label: t('nav.networkHome') });
    if (can(me, 'cases.read', networkId)) items.push({ to: `/netwerk/${networkId}/casussen`, label: t('cases.home.title') });
    if (can(me, 'cases.review', networkId)) items.push({ to: `/netwerk/${networkId}/controleren`, label: t('cases.home.review') });
    if (can(me, 'actions.read', networkId)) items.push({ to: `/netwerk/${networkId}/verbeteracties`, label: t('actions.board.title') });
    if (can(me, 'members.read', networkId)) items.push({ to: `/netwerk/${networkId}/leden`, label: t('nav.members') });
    if (can(me, 'invitations.manage', networkId)) {
      items.push({ to: `/netwerk/${networkId}/uitnodigingen`, label: t('nav.invitations') });
    }
  }
  if (can(me, 'workplaces.manage')) items.push({ to: '/beheer/kenniswerkplaatsen', label: t('nav.workplaces') });
  if (can(me, 'people.manage')) items.push({ to: '/beheer/mensen', label: t('nav.people') });
  if (can(me, 'audit.read')) items.push({ to: '/beheer/logboek', label: t('nav.audit') });
  if (can(me, 'anonymiser.quality')) items.push({ to: '/beheer/anonimiseerder', label: t('nav.quality') });
  // Researchers study across their networks; facilitators and managers find their network's patterns on its start page.
  if (me.memberships.some((m) => m.role === 'researcher')) items.push({ to: '/onderzoek', label: t('nav.research') });
  items.push({ to: '/account', label: t('nav.account') });
  return items;
}

function SignOut() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/session')),
    onSettled: () => {
      setSession(null);
      navigate('/aanmelden', { state: { signedOut: true } });
    },
  });
  return (
    <Button appearance="secondary-action-button" busy={signOut.isPending} onClick={() => signOut.mutate()}>
      {t('nav.signOut')}
    </Button>
  );
}

/** Layout is the frame of every page: skip link, header, menu, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.person;
  const location = useLocation();
  const networkMatch = useMatch('/netwerk/:id/*');
  const networkId = networkMatch?.params.id;

  // On phones the network switcher and the menu fold away behind a button,
  // so the header stays small; they close again after each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [location.pathname]);

  return (
    <div className="leerlus-page">
      <SkipLink href="#main">{t('nav.skip')}</SkipLink>
      <PageHeader className="leerlus-header">
        <div className="leerlus-header__bar">
          <RouterLink to="/" className="leerlus-logo">
            {t('app.name')}
          </RouterLink>
          <div className="leerlus-header__tools">
            <LanguageSwitch />
            {me && (
              <>
                <span className="leerlus-header__who">{t('nav.signedInAs', { name: me.name })}</span>
                <SignOut />
                <Button
                  appearance="secondary-action-button"
                  className="leerlus-menu-toggle"
                  aria-expanded={menuOpen}
                  aria-controls="leerlus-menu-panel"
                  onClick={() => setMenuOpen(!menuOpen)}
                >
                  {t('nav.menu')}
                </Button>
              </>
            )}
            {!me && !session.isPending && !location.pathname.startsWith('/aanmelden') && (
              <RouterLink to="/aanmelden">{t('nav.signIn')}</RouterLink>
            )}
          </div>
        </div>
        {me && (
          <div id="leerlus-menu-panel" className="leerlus-header__panel" data-open={menuOpen}>
            <NetworkSwitcher memberships={me.memberships} currentNetworkId={networkId} />
            <NavBar aria-label={t('nav.menu')} className="leerlus-nav">
              <NavList>
                {menuItems(me, networkId, t).map((item) => (
                  <li key={item.to} className="utrecht-nav-list__item">
                    <RouterLink to={item.to} className="utrecht-nav-list__link" markCurrent>
                      {item.label}
                    </RouterLink>
                  </li>
                ))}
              </NavList>
            </NavBar>
          </div>
        )}
      </PageHeader>
      <PageContent className="leerlus-content">
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </PageContent>
      <PageFooter className="leerlus-footer">
        <Paragraph>{t('footer.text')}</Paragraph>
        <nav aria-label={t('footer.linksLabel')} className="leerlus-footer__links">
          <RouterLink to="/privacy">{t('site.privacy.title')}</RouterLink>
          <RouterLink to="/toegankelijkheid">{t('site.accessibility.title')}</RouterLink>
          <RouterLink to="/contact">{t('site.contact.title')}</RouterLink>
        </nav>
      </PageFooter>
    </div>
  );
}
