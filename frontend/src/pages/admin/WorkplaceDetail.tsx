import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { OrganisationKind } from '../../api/types';
import { OrganisationItem } from './OrganisationItem';
import { OrganisationFields } from './OrganisationFields';
import { PageHeading } from '../../components/PageHeading';
import { Empty, ErrorState, Loading } from '../../components/states';
import { QueryList } from '../../components/QueryList';
import { RouterLink } from '../../components/RouterLink';
import { RequireAdmin } from '../../components/guards';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/useForm';
import { WorkplaceForm, type WorkplaceValues } from './WorkplaceForm';
import { NetworkForm, type NetworkValues } from './NetworkForm';
import { workplacesKey } from './Workplaces';

function OrganisationForm({ workplaceId }: { workplaceId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const fields = useMemo(
    () => ({
      name: { id: 'organisation-name', label: t('organisations.name') },
      kind: { id: 'organisation-kind', label: t('organisations.kind') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/workplaces/{workplace}/organisations', {
          params: { path: { workplace: workplaceId } },
          body: { name: name.trim(), kind: kind as OrganisationKind },
        }),
      ),
    onSuccess: () => {
      setName('');
      setKind('');
      void qc.invalidateQueries({ queryKey: ['workplace', workplaceId, 'organisations'] });
    },
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('organisations.nameMissing');
    if (!kind) errors.kind = t('organisations.kindMissing');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <OrganisationFields
        fields={fields}
        name={name}
        kind={kind}
        onName={setName}
        onKind={setKind}
        errorFor={form.errorFor}
        emptyLabel={t('form.choose')}
      />
      <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
        {t('organisations.create')}
      </Button>
    </form>
  );
}

function WorkplaceDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const workplace = useQuery({
    queryKey: ['workplace', id],
    queryFn: () => call(api.GET('/api/v1/workplaces/{workplace}', { params: { path: { workplace: id } } })),
  });
  const networks = useQuery({
    queryKey: ['workplace', id, 'networks'],
    queryFn: () =>
      call(api.GET('/api/v1/workplaces/{workplace}/networks', { params: { path: { workplace: id }, query: { limit: 200 } } })),
  });
  const organisations = useQuery({
    queryKey: ['workplace', id, 'organisations'],
    queryFn: () =>
      call(
        api.GET('/api/v1/workplaces/{workplace}/organisations', { params: { path: { workplace: id }, query: { limit: 200 } } }),
      ),
  });
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: (v: WorkplaceValues) =>
      call(
        api.PATCH('/api/v1/workplaces/{workplace}', {
          params: { path: { workplace: id } },
          body: { ...v, version: workplace.data?.version ?? 0 },
        }),
      ),
    onSuccess: (w) => {
      qc.setQueryData(['workplace', id], w);
      void qc.invalidateQueries({ queryKey: workplacesKey });
      setSaved(true);
    },
    onError: (e) => {
      setSaved(false);
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: ['workplace', id] });
    },
  });
  const createNetwork = useMutation({
    mutationFn: (v: NetworkValues) =>
      call(api.POST('/api/v1/workplaces/{workplace}/networks', { params: { path: { workplace: id } }, body: v })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['workplace', id, 'networks'] }),
  });

  if (workplace.isPending) return <Loading />;
  if (workplace.isError)
    return (
      <>
        <PageHeading title={t('workplaces.detailTitle')} />
        <ErrorState error={workplace.error} onRetry={() => void workplace.refetch()} />
      </>
    );
  const w = workplace.data;
  return (
    <>
      <PageHeading title={w.name} />
      <Paragraph>
        <RouterLink to="/beheer/kenniswerkplaatsen">{t('workplaces.back')}</RouterLink>
      </Paragraph>

      <section>
        <Heading level={2} id="workplace-networks">
          {t('networks.title')}
        </Heading>
        <QueryList query={networks} emptyText={t('networks.empty')} label={t('networks.title')}>
          {(items) => (
            <>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('networks.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((n) => (
                  <TableRow key={n.id}>
                    <TableCell data-label={t('networks.name')}>
                      <RouterLink to={`/netwerk/${n.id}`}>{n.name}</RouterLink>
                    </TableCell>
                    <TableCell data-label={t('table.actions')}>
                      <UnorderedList className="leerlus-inline-list">
                        <UnorderedListItem>
                          <RouterLink to={`/beheer/netwerken/${n.id}`} aria-label={t('networks.editNamed', { name: n.name })}>
                            {t('form.edit')}
                          </RouterLink>
                        </UnorderedListItem>
                        <UnorderedListItem>
                          <RouterLink to={`/netwerk/${n.id}/leden`} aria-label={t('networks.membersNamed', { name: n.name })}>
                            {t('nav.members')}
                          </RouterLink>
                        </UnorderedListItem>
                        <UnorderedListItem>
                          <RouterLink to={`/netwerk/${n.id}/uitnodigingen`} aria-label={t('networks.invitationsNamed', { name: n.name })}>
                            {t('nav.invitations')}
                          </RouterLink>
                        </UnorderedListItem>
                      </UnorderedList>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        </QueryList>
        <Heading level={3}>{t('networks.newTitle')}</Heading>
        {createNetwork.isSuccess && <Paragraph role="status">{t('networks.created', { name: createNetwork.data.name })}</Paragraph>}
        <NetworkForm
          idPrefix="network-new"
          initial={{ name: '', description: '' }}
          submitLabel={t('networks.create')}
          busy={createNetwork.isPending}
          onSubmit={(v) => createNetwork.mutateAsync(v)}
          resetOnSuccess
        />
      </section>

      <section>
        <Heading level={2} id="workplace-organisations">
          {t('organisations.title')}
        </Heading>
        <Paragraph>{t('organisations.intro')}</Paragraph>
        {organisations.isPending ? (
          <Loading />
        ) : organisations.isError ? (
          <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : organisations.data.items.length === 0 ? (
          <Empty>{t('organisations.empty')}</Empty>
        ) : (
          <UnorderedList>
            {organisations.data.items.map((o) => (
              <UnorderedListItem key={o.id}>
                <OrganisationItem workplaceId={id} org={o} />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Heading level={3}>{t('organisations.newTitle')}</Heading>
        <OrganisationForm workplaceId={id} />
      </section>

      <section>
        <Heading level={2} id="workplace-edit">
          {t('workplaces.editTitle')}
        </Heading>
        <div role="status">
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('form.saved')}</Paragraph>
            </Alert>
          )}
        </div>
        <WorkplaceForm
          idPrefix="workplace-edit"
          initial={{ name: w.name, region: w.region, description: w.description }}
          submitLabel={t('form.save')}
          busy={update.isPending}
          onSubmit={(v) => update.mutateAsync(v)}
        />
      </section>
    </>
  );
}

/** WorkplaceDetail shows one workplace: its networks, organisations and details. */
export default function WorkplaceDetail() {
  const { id = '' } = useParams();
  return (
    <RequireAdmin>
      <WorkplaceDetailPage id={id} />
    </RequireAdmin>
  );
}
