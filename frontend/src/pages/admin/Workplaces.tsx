import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Heading,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { PageHeading } from '../../components/PageHeading';
import { QueryList } from '../../components/QueryList';
import { RouterLink } from '../../components/RouterLink';
import { RequireAdmin } from '../../components/guards';
import { WorkplaceForm, type WorkplaceValues } from './WorkplaceForm';

export const workplacesKey = ['workplaces'];

/** workplacesQuery lists all workplaces (≤ 200). */
export const workplacesQuery = {
  queryKey: workplacesKey,
  queryFn: () => call(api.GET('/api/v1/workplaces', { params: { query: { limit: 200 } } })),
};

function WorkplacesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery(workplacesQuery);
  const create = useMutation({
    mutationFn: (v: WorkplaceValues) => call(api.POST('/api/v1/workplaces', { body: v })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: workplacesKey }),
  });
  return (
    <>
      <PageHeading title={t('workplaces.title')} />
      <Paragraph>{t('workplaces.intro')}</Paragraph>
      <QueryList query={list} emptyText={t('workplaces.empty')} label={t('workplaces.title')}>
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('workplaces.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('workplaces.region')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((w) => (
                <TableRow key={w.id}>
                  <TableCell data-label={t('workplaces.name')}>
                    <RouterLink to={`/beheer/kenniswerkplaatsen/${w.id}`}>{w.name}</RouterLink>
                  </TableCell>
                  <TableCell data-label={t('workplaces.region')}>{w.region}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
      <section>
        <Heading level={2} id="workplace-new">
          {t('workplaces.newTitle')}
        </Heading>
        {create.isSuccess && (
          <Paragraph role="status">{t('workplaces.created', { name: create.data.name })}</Paragraph>
        )}
        <WorkplaceForm
          idPrefix="workplace-new"
          initial={{ name: '', region: '', description: '' }}
          submitLabel={t('workplaces.create')}
          busy={create.isPending}
          onSubmit={(v) => create.mutateAsync(v)}
          resetOnSuccess
        />
      </section>
    </>
  );
}

/** Workplaces lists and creates kenniswerkplaatsen (admins only). */
export default function Workplaces() {
  return (
    <RequireAdmin>
      <WorkplacesPage />
    </RequireAdmin>
  );
}
