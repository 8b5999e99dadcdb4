import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryList } from '../../components/QueryList';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, StatusMessage } from '../../components/states';
import { formatDateTime } from '../../components/labels';
import { useMe } from '../../auth/session';
import { draftKey, forget } from './draftStore';
import { caseApi, caseKey, mineKey } from '../../api/cases';
import type { CaseSummary } from '../../api/types';

/** MyCases lists my own cases in a network in every status, to go on writing, withdraw or delete. */
export function MyCases({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const key = mineKey(networkId);
  const mine = useQuery({ queryKey: key, queryFn: () => caseApi.list(networkId, { mine: true, limit: 100 }) });
  const [message, setMessage] = useState<string | null>(null);
  // The list does not carry the facilitator's comment; drafts are few, so each is read for it.
  const drafts = (mine.data?.items ?? []).filter((c) => c.status === 'draft').slice(0, 20);
  const details = useQueries({
    queries: drafts.map((c) => ({ queryKey: [...caseKey(c.id), 'comment', c.version], queryFn: () => caseApi.get(c.id), staleTime: 60_000 })),
  });
  const comments = new Map(details.flatMap((q) => (q.data?.review_comment ? [[q.data.id, q.data.review_comment] as const] : [])));

  const done = (text: string) => {
    setMessage(text);
    void qc.invalidateQueries({ queryKey: key });
  };
  const withdraw = useMutation({
    mutationFn: (c: CaseSummary) => caseApi.withdraw(c.id, c.version),
    onSuccess: (_r, c) => done(t('caseForm.mine.withdrawn', { title: c.title })),
  });
  const remove = useMutation({
    mutationFn: (c: CaseSummary) => caseApi.remove(c.id, c.version),
    onSuccess: (_r, c) => {
      forget(draftKey(me.id, c.id));
      done(t('caseForm.mine.deleted', { title: c.title }));
    },
  });
  const failed = withdraw.error ?? remove.error;

  return (
    <section aria-labelledby="my-cases-title">
      <Heading level={2} id="my-cases-title">
        {t('caseForm.mine.title')}
      </Heading>
      <Paragraph>{t('caseForm.mine.intro')}</Paragraph>
      <Paragraph>
        <RouterLink to={`/netwerk/${networkId}/casussen/nieuw`}>{t('caseForm.mine.new')}</RouterLink>
      </Paragraph>
      <StatusMessage message={message} />
      {Boolean(failed) && <ErrorState error={failed} />}
      <QueryList query={mine} emptyText={t('caseForm.mine.empty')} label={t('caseForm.mine.tableLabel')}>
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('caseForm.mine.caseTitle')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('caseForm.mine.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('caseForm.mine.updated')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell data-label={t('caseForm.mine.caseTitle')}>
                    {c.title}
                    {comments.get(c.id) && <Paragraph>{t('caseForm.mine.sentBack', { comment: comments.get(c.id) })}</Paragraph>}
                  </TableCell>
                  <TableCell data-label={t('caseForm.mine.status')}>{t(`caseForm.mine.statuses.${c.status}`)}</TableCell>
                  <TableCell data-label={t('caseForm.mine.updated')}>{formatDateTime(i18n.language, c.updated_at)}</TableCell>
                  <TableCell data-label={t('table.actions')}>
                    <ButtonGroup>
                      {c.status === 'draft' && (
                        <>
                          <RouterLink
                            to={`/netwerk/${networkId}/casussen/${c.id}/bewerken?stap=1`}
                            aria-label={t('caseForm.mine.continueNamed', { title: c.title })}
                          >
                            {t('caseForm.mine.continue')}
                          </RouterLink>
                          <ConfirmButton
                            label={t('caseForm.mine.delete')}
                            accessibleLabel={t('caseForm.mine.deleteNamed', { title: c.title })}
                            question={t('caseForm.mine.deleteQuestion', { title: c.title })}
                            confirmLabel={t('caseForm.mine.deleteYes')}
                            busy={remove.isPending}
                            onConfirm={() => remove.mutate(c)}
                          />
                        </>
                      )}
                      {c.status === 'submitted' && (
                        <ConfirmButton
                          label={t('caseForm.mine.withdraw')}
                          accessibleLabel={t('caseForm.mine.withdrawNamed', { title: c.title })}
                          question={t('caseForm.mine.withdrawQuestion', { title: c.title })}
                          confirmLabel={t('caseForm.mine.withdrawYes')}
                          danger={false}
                          busy={withdraw.isPending}
                          onConfirm={() => withdraw.mutate(c)}
                        />
                      )}
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </section>
  );
}
