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
import { ErrorState, StatusMessage } from '../../components/states';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryList } from '../../components/QueryList';
import { RequireAdmin } from '../../components/guards';
import { TextField } from '../../components/fields';
import { Pager, useCursorPages } from '../../components/Pager';

const pageSize = 50;

type Change = { is_admin?: boolean; disabled?: boolean };

/** changeKey names a change for its texts: disable, enable, makeAdmin, unmakeAdmin. */
function changeKey(change: Change): 'disable' | 'enable' | 'makeAdmin' | 'unmakeAdmin' {
  if (change.disabled !== undefined) return change.disabled ? 'disable' : 'enable';
  return change.is_admin ? 'makeAdmin' : 'unmakeAdmin';
}

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
  const [message, setMessage] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: ({ person, change }: { person: Person; change: Change }) =>
      call(
        api.PATCH('/api/v1/people/{person}', {
          params: { path: { person: person.id } },
          body: { ...change, version: person.version },
        }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: (_p, { person, change }) => setMessage(t(`people.done.${changeKey(change)}`, { name: person.name })),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['people'] }),
  });
  const confirm = (p: Person, change: Change) => {
    const key = changeKey(change);
    return (
      <ConfirmButton
        label={t(`people.${key}`)}
        accessibleLabel={t(`people.${key}Named`, { name: p.name })}
        question={t(`people.ask.${key}`, { name: p.name })}
        confirmLabel={t(`people.yesTo.${key}`)}
        danger={key === 'disable' || key === 'unmakeAdmin'}
        busy={update.isPending}
        onConfirm={() => update.mutate({ person: p, change })}
      />
    );
  };
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
      <StatusMessage message={message} />
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
                  <TableCell data-label={t('people.name')}>{p.name}</TableCell>
                  <TableCell data-label={t('people.email')}>{p.email}</TableCell>
                  <TableCell data-label={t('people.admin')}>{p.is_admin ? t('people.yes') : t('people.no')}</TableCell>
                  <TableCell data-label={t('people.status')}>{p.disabled ? t('people.disabled') : t('people.active')}</TableCell>
                  <TableCell data-label={t('table.actions')}>
                    {p.id !== me.id && (
                      <ButtonGroup>
                        {confirm(p, { disabled: !p.disabled })}
                        {confirm(p, { is_admin: !p.is_admin })}
                        <ResetLinkButton
                          name={p.name}
                          issue={() => call(api.POST('/api/v1/people/{person}/password-resets', { params: { path: { person: p.id } } }))}
                        />
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

/** People lists everyone; admins disable, enable and set the admin flag, each after a confirmation. */
export default function People() {
  return (
    <RequireAdmin>
      <PeoplePage />
    </RequireAdmin>
  );
}
