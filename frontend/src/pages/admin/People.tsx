import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { ResetLinkButton } from '../../components/ResetLinkButton';
import type { Person } from '../../api/types';
import { useMe } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState } from '../../components/states';
import { QueryList } from '../../components/QueryList';
import { RequireAdmin } from '../../components/guards';
import { TextField } from '../../components/fields';
import { Pager, useCursorPages } from '../../components/Pager';

const pageSize = 50;

function PeoplePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const pages = useCursorPages();
  const people = useQuery({
    queryKey: ['people', q, pages.cursor],
    queryFn: () =>
      call(api.GET('/api/v1/people', { params: { query: { q: q || undefined, limit: pageSize, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const update = useMutation({
    mutationFn: ({ person, change }: { person: Person; change: { is_admin?: boolean; disabled?: boolean } }) =>
      call(
        api.PATCH('/api/v1/people/{person}', {
          params: { path: { person: person.id } },
          body: { ...change, version: person.version },
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['people'] }),
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    setQ(input.trim());
  };
  return (
    <>
      <PageHeading title={t('people.title')} />
      <Paragraph>{t('people.intro')}</Paragraph>
      <form role="search" onSubmit={search} className="leerlus-search">
        <TextField id="people-q" label={t('people.search')} description={t('people.searchHelp')} type="search" value={input} onChange={setInput} />
        <Button type="submit" appearance="secondary-action-button">
          {t('people.searchButton')}
        </Button>
      </form>
      {update.isError && <ErrorState error={update.error} />}
      <QueryList
        query={people}
        emptyText={q ? t('people.noMatch', { q }) : t('people.empty')}
        label={t('people.title')}
        busy={people.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('people.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('people.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('people.admin')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('people.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{p.email}</TableCell>
                  <TableCell>{p.is_admin ? t('people.yes') : t('people.no')}</TableCell>
                  <TableCell>{p.disabled ? t('people.disabled') : t('people.active')}</TableCell>
                  <TableCell>
                    {p.id !== me.id && (
                      <ButtonGroup>
                        <Button
                          appearance="secondary-action-button"
                          aria-label={t(p.disabled ? 'people.enableNamed' : 'people.disableNamed', { name: p.name })}
                          onClick={() => update.mutate({ person: p, change: { disabled: !p.disabled } })}
                        >
                          {p.disabled ? t('people.enable') : t('people.disable')}
                        </Button>
                        <Button
                          appearance="secondary-action-button"
                          aria-label={t(p.is_admin ? 'people.unmakeAdminNamed' : 'people.makeAdminNamed', { name: p.name })}
                          onClick={() => update.mutate({ person: p, change: { is_admin: !p.is_admin } })}
                        >
                          {p.is_admin ? t('people.unmakeAdmin') : t('people.makeAdmin')}
                        </Button>
                        <ResetLinkButton name={p.name} issue={() => call(api.POST('/api/v1/people/{person}/password-resets', { params: { path: { person: p.id } } }))} />
                      </ButtonGroup>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/** People lists everyone; admins disable, enable and set the admin flag. */
export default function People() {
  return (
    <RequireAdmin>
      <PeoplePage />
    </RequireAdmin>
  );
}
