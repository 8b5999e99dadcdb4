import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/component-library-react';
import type { components } from '../api/schema';
import { SecretBox } from './SecretBox';
import { ErrorState } from './states';
import { formatDateTime } from './labels';

type ResetLink = components['schemas']['ResetLink'];

/**
 * ResetLinkButton makes a single-use password reset link for one person
 * and shows it once to copy, like an invitation link. The caller passes
 * the API call (for an account, or for a member of a network).
 */
export function ResetLinkButton({ name, issue }: { name: string; issue: () => Promise<ResetLink> }) {
  const { t, i18n } = useTranslation();
  const [link, setLink] = useState<ResetLink | null>(null);
  const make = useMutation({ mutationFn: issue, onSuccess: setLink });
  const url = link ? `${window.location.origin}${link.reset_url}` : '';
  return (
    <>
      <Button appearance="subtle-button" busy={make.isPending} onClick={() => make.mutate()} aria-label={t('reset.makeNamed', { name })}>
        {t('reset.make')}
      </Button>
      {make.isError && <ErrorState error={make.error} />}
      {link && (
        <SecretBox
          id={`reset-link-${link.token.slice(0, 8)}`}
          title={t('reset.madeTitle', { name })}
          label={t('reset.linkLabel')}
          description={t('reset.linkHelp', { until: formatDateTime(i18n.language, link.expires_at) })}
          value={url}
          plainTitle
        />
      )}
    </>
  );
}
