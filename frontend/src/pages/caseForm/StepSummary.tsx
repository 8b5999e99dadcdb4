import { useTranslation } from 'react-i18next';
import { ScannedText } from './ScannedText';
import type { StepProps } from './stepProps';

/** StepSummary is step 4: the story in the author's own words. */
export function StepSummary({ form, draft, errorFor }: StepProps) {
  const { t } = useTranslation();
  return (
    <ScannedText
      id="case-summary"
      label={t('caseForm.fields.summary')}
      description={t('caseForm.fields.summaryHelp')}
      rows={10}
      maxLength={4000}
      value={draft.fields.summary}
      onChange={(v) => form.setText('summary', v)}
      scan={form.scans.summary}
      decisions={draft.decisions.summary ?? []}
      onReplace={(x) => form.replace('summary', x)}
      onDecide={(x) => form.decideOn('summary', x)}
      error={errorFor('summary')}
    />
  );
}
