import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { templateApi, templateVersionsKey } from '../../api/templates';
import { formatDateTime } from '../../components/labels';
import { ErrorState, Loading } from '../../components/states';

/** VersionList lists the versions of the network's form, newest first: each reflection keeps the one it was written with. */
export function VersionList({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({ queryKey: templateVersionsKey(networkId), queryFn: () => templateApi.versions(networkId) });
  return (
    <section aria-labelledby="template-versions-title">
      <Heading level={2} id="template-versions-title">
        {t('templates.versions.title')}
      </Heading>
      <Paragraph>{t('templates.versions.intro')}</Paragraph>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <UnorderedList aria-labelledby="template-versions-title">
          {versions.data.items.map((v) => (
            <UnorderedListItem key={v.id}>
              {t('templates.versions.item', { version: v.version, date: formatDateTime(i18n.language, v.created_at) })}
              {v.author && ` · ${v.author.name}`}
              {v.current && ` · ${t('templates.versions.current')}`}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
