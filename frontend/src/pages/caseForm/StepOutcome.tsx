import { useTranslation } from 'react-i18next';
import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import { CheckboxField, SelectField } from '../../components/fields';
import { RadioGroup } from './ChoiceFields';
import { TitleField } from './ScannedText';
import type { StepProps } from './stepProps';

/** years offers the years a trajectory can start or end in, newest first (the server allows 1990 on). */
function years(): { value: string; label: string }[] {
  const out = [];
  for (let y = new Date().getFullYear(); y >= 1990; y--) out.push({ value: String(y), label: String(y) });
  return out;
}

function Period({ id, legend, description, year, quarter, onYear, onQuarter, error }: {
  id: string;
  legend: string;
  description?: string;
  year: string;
  quarter: string;
  onYear: (v: string) => void;
  onQuarter: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={description ? `${id}-description` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      <div className="leerlus-period">
        <SelectField id={`${id}-year`} label={t('caseForm.fields.year')} value={year} onChange={onYear} emptyLabel={t('form.choose')} options={years()} error={error} />
        <SelectField
          id={`${id}-quarter`}
          label={t('caseForm.fields.quarter')}
          value={quarter}
          onChange={onQuarter}
          emptyLabel={t('form.choose')}
          options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`caseForm.fields.quarters.${q}`) }))}
        />
      </div>
    </Fieldset>
  );
}

/** StepOutcome is step 1: the title, how it went, and when. */
export function StepOutcome({ form, draft, vocab, errorFor }: StepProps) {
  const { t } = useTranslation();
  const f = draft.fields;
  return (
    <>
      <TitleField
        value={f.title}
        onChange={(v) => form.setText('title', v)}
        scan={form.scans.title}
        decisions={draft.decisions.title ?? []}
        onReplace={(x) => form.replace('title', x)}
        onDecide={(x) => form.decideOn('title', x)}
        error={errorFor('title')}
      />
      <RadioGroup
        id="case-outcome"
        legend={t('caseForm.fields.outcome')}
        options={vocab.options('outcome')}
        value={f.outcome}
        onChange={(v) => form.setCaseField('outcome', v)}
        error={errorFor('outcome')}
      />
      <Period
        id="case-start"
        legend={t('caseForm.fields.start')}
        description={t('caseForm.fields.startHelp')}
        year={f.startYear}
        quarter={f.startQuarter}
        onYear={(v) => form.setCaseField('startYear', v)}
        onQuarter={(v) => form.setCaseField('startQuarter', v)}
        error={errorFor('start') ?? errorFor('/start/year') ?? errorFor('/start/quarter')}
      />
      <CheckboxField id="case-ongoing" label={t('caseForm.fields.ongoing')} checked={f.ongoing} onChange={(v) => form.setCaseField('ongoing', v)} />
      {!f.ongoing && (
        <Period
          id="case-end"
          legend={t('caseForm.fields.end')}
          year={f.endYear}
          quarter={f.endQuarter}
          onYear={(v) => form.setCaseField('endYear', v)}
          onQuarter={(v) => form.setCaseField('endQuarter', v)}
          error={errorFor('end') ?? errorFor('/end/year') ?? errorFor('/end/quarter')}
        />
      )}
      <SelectField
        id="case-duration"
        label={t('caseForm.fields.duration')}
        value={f.duration}
        onChange={(v) => form.setCaseField('duration', v)}
        emptyLabel={t('form.choose')}
        options={vocab.options('duration')}
        error={errorFor('duration')}
      />
    </>
  );
}
