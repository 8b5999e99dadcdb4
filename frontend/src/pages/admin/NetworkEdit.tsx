import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { isApiError } from '../../api/problem';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading } from '../../components/states';
import { RouterLink } from '../../components/RouterLink';
import { RequireAdmin } from '../../components/guards';
import { networkQuery } from '../network/NetworkHome';
import { NetworkForm, type NetworkValues } from './NetworkForm';

function NetworkEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const network = useQuery(networkQuery(id));
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: (v: NetworkValues) =>
      call(
        api.PATCH('/api/v1/networks/{network}', {
          params: { path: { network: id } },
          body: { ...v, version: network.data?.version ?? 0 },
        }),
      ),
    onSuccess: (n) => {
      qc.setQueryData(['network', id], n);
      void qc.invalidateQueries({ queryKey: ['workplace', n.workplace_id, 'networks'] });
      setSaved(true);
    },
    onError: (e) => {
      setSaved(false);
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: ['network', id] });
    },
  });
  if (network.isPending) return <Loading />;
  if (network.isError)
    return (
      <>
        <PageHeading title={t('networks.editTitle')} />
        <ErrorState error={network.error} onRetry={() => void network.refetch()} />
      </>
    );
  const n = network.data;
  return (
    <>
      <PageHeading title={t('networks.editTitleFor', { name: n.name })} />
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={`/beheer/kenniswerkplaatsen/${n.workplace_id}`}>{t('networks.backToWorkplace')}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={`/netwerk/${n.id}/leden`}>{t('nav.members')}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={`/netwerk/${n.id}/uitnodigingen`}>{t('nav.invitations')}</RouterLink>
        </UnorderedListItem>
      </UnorderedList>
      <div role="status">
        {saved && (
          <Alert type="ok">
            <Paragraph>{t('form.saved')}</Paragraph>
          </Alert>
        )}
      </div>
      <NetworkForm
        idPrefix="network-edit"
        initial={{ name: n.name, description: n.description }}
        submitLabel={t('form.save')}
        busy={update.isPending}
        onSubmit={(v) => update.mutateAsync(v)}
      />
    </>
  );
}

/** NetworkEdit changes a network's name and description (admins only). */
export default function NetworkEdit() {
  const { id = '' } = useParams();
  return (
    <RequireAdmin>
      <NetworkEditPage id={id} />
    </RequireAdmin>
  );
}
