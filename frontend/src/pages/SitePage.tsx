import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../api/client';
import type { Site } from '../api/types';
import { PageHeading } from '../components/PageHeading';
import { ErrorState, Loading } from '../components/states';

/** siteQuery loads the texts the operator configured (GET /api/v1/site, public). */
export const siteQuery = {
  queryKey: ['site'],
  queryFn: () => call(api.GET('/api/v1/site')),
  staleTime: Infinity,
};

export type SiteText = 'privacy' | 'accessibility' | 'contact';

const field: Record<SiteText, keyof Site> = {
  privacy: 'privacy_statement',
  accessibility: 'accessibility_statement',
  contact: 'contact',
};

/**
 * paragraphs splits plain text at blank lines. The operator's text is never
 * read as HTML.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * SitePage shows the privacy statement, the accessibility statement or the
 * contact details: the operator's text when configured, else Leerlus's
 * default text in the reader's language.
 */
export default function SitePage({ text }: { text: SiteText }) {
  const { t } = useTranslation();
  const site = useQuery(siteQuery);
  const title = t(`site.${text}.title`);
  if (site.isPending) return <Loading />;
  if (site.isError)
    return (
      <>
        <PageHeading title={title} />
        <ErrorState error={site.error} onRetry={() => void site.refetch()} />
      </>
    );
  const own = site.data[field[text]];
  const body = own ? paragraphs(own) : t(`site.${text}.default`, { returnObjects: true }) as string[];
  return (
    <div className="leerlus-narrow">
      <PageHeading title={title} />
      {body.map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
    </div>
  );
}
