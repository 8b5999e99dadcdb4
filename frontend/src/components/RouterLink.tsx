import { forwardRef, type MouseEvent, type ReactNode } from 'react';
import { useHref, useLinkClickHandler, useLocation, type To } from 'react-router';
import { Link, type LinkProps } from '@utrecht/component-library-react';

export interface RouterLinkProps extends Omit<LinkProps, 'href'> {
  to: To;
  children?: ReactNode;
  /** markCurrent sets aria-current="page" when the link points at this page. */
  markCurrent?: boolean;
  /** state goes with the navigation, for the page it opens (not in the address). */
  state?: unknown;
}

/** RouterLink is the NLDS Link that navigates inside the app. */
export const RouterLink = forwardRef<HTMLAnchorElement, RouterLinkProps>(function RouterLink(
  { to, onClick, markCurrent, state, 'aria-current': ariaCurrent, ...rest },
  ref,
) {
  const href = useHref(to);
  const handle = useLinkClickHandler<HTMLAnchorElement>(to, { state });
  const location = useLocation();
  const current = markCurrent && typeof to === 'string' && location.pathname === to;
  return (
    <Link
      {...rest}
      ref={ref}
      href={href}
      aria-current={current ? 'page' : ariaCurrent}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (!e.defaultPrevented) handle(e);
      }}
    />
  );
});
