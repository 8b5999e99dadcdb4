import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';

// Set by Layout on every route change after the first; the next heading
// that mounts (or the one already there) takes the focus, so screen reader
// and keyboard users start reading at the new page.
let focusPending = false;

/** requestHeadingFocus moves the focus to the page heading, now or when it mounts. */
export function requestHeadingFocus(): void {
  const h = document.querySelector<HTMLElement>('main h1');
  if (h) {
    h.focus();
    focusPending = false;
  } else {
    focusPending = true;
  }
}

export interface PageHeadingProps {
  /** title is the heading text and the first part of the document title. */
  title: string;
  children?: ReactNode;
}

/** PageHeading is the one h1 of a page; it also sets the document title. */
export function PageHeading({ title, children }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (focusPending && ref.current) {
      ref.current.focus();
      focusPending = false;
    }
  }, []);
  return (
    <Heading level={1} tabIndex={-1} ref={ref} className="leerlus-page-heading">
      {children ?? title}
    </Heading>
  );
}
