import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { caseApi, casesKey } from '../../api/cases';
import type { CaseSummary } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, StatusMessage } from '../../components/states';
import { formatDateTime } from '../../components/labels';
import { useMe } from '../../auth/session';
import { CaseTable } from '../cases/CaseTable';
import { casePath } from '../cases/paths';
import { draftKey, forget } from './draftStore';

/** MyCases lists my own cases in a network in every status, to go on writing, withdraw or delete. */
export function MyCases({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const [message, setMessage] = useState<string | null>(null);

  const done = (text: string) => {
    setMessage(text);
    void qc.invalidateQueries({ queryKey: casesKey(networkId) });
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

  const actions = (c: CaseSummary) => (
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
  );

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
      <CaseTable
        networkId={networkId}
        query={{ mine: true }}
        emptyText={t('caseForm.mine.empty')}
        label={t('caseForm.mine.tableLabel')}
        columns={[
          {
            header: t('caseForm.mine.caseTitle'),
            cell: (c) => (
              <>
                <RouterLink to={casePath(c)}>{c.title}</RouterLink>
                {/* The list carries the facilitator's question on a draft sent back. */}
                {c.status === 'draft' && c.review_comment && <Paragraph>{t('caseForm.mine.sentBack', { comment: c.review_comment })}</Paragraph>}
              </>
            ),
          },
          { header: t('caseForm.mine.status'), cell: (c) => (c.status === 'submitted' && c.correction ? t('caseForm.mine.correctionWaiting') : t(`caseForm.mine.statuses.${c.status}`)) },
          { header: t('caseForm.mine.updated'), cell: (c) => formatDateTime(i18n.language, c.updated_at) },
          { header: t('table.actions'), cell: actions },
        ]}
      />
    </section>
  );
}
