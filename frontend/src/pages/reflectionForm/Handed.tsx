import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { Withdraw } from '../caseForm/Withdraw';
import { CaseLink } from './CaseLink';
import type { ReflectionForm } from './useReflectionDraft';

/**
 * Handed is the reflection once it is handed in: submitted, it waits for
 * its check and can be withdrawn to change it; published, it is final.
 */
export function Handed({ form, title, caseTitle }: { form: ReflectionForm; title: string; caseTitle?: string | undefined }) {
  const { t } = useTranslation();
  const { meta } = form;
  const published = meta.status === 'published';
  return (
    <>
      <PageHeading title={t(published ? 'reflectionForm.handed.publishedTitle' : 'reflectionForm.handed.submittedTitle')} />
      <Paragraph className="leerlus-reflection__case">
        {title}
        {caseTitle ? ` – ${t('reflectionForm.about', { title: caseTitle })}` : ''}
      </Paragraph>
      <Alert type={published ? 'info' : 'ok'} role="status">
        <Paragraph>{t(published ? 'reflectionForm.handed.published' : 'reflectionForm.handed.submitted')}</Paragraph>
      </Alert>
      {!published && (
        <Withdraw
          intro={t('reflectionForm.handed.withdrawIntro')}
          label={t('reflectionForm.handed.withdraw')}
          question={t('reflectionForm.handed.withdrawQuestion')}
          confirmLabel={t('reflectionForm.handed.withdrawYes')}
          onWithdraw={form.withdraw}
        />
      )}
      <CaseLink networkId={meta.network_id} caseId={meta.case_id} />
    </>
  );
}
