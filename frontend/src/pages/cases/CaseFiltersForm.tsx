import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { SelectField } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/useForm';
import { emptyFilters, joinQuarter, splitQuarter, type CaseFilters, type QuarterParts } from './filters';
import type { Vocabulary } from '../../api/vocabulary';

// Cases start no earlier than 1990 (the server's limit); the newest year first.
function yearOptions(now = new Date()): { value: string; label: string }[] {
  const out = [];
  for (let y = now.getFullYear(); y >= 1990; y--) out.push({ value: String(y), label: String(y) });
  return out;
}

interface Props {
  filters: CaseFilters;
  vocabulary: Vocabulary;
  /** canReview adds the cases waiting for the check to the status choice (facilitators). */
  canReview: boolean;
  onApply: (f: CaseFilters) => void;
}

/**
 * CaseFiltersForm narrows the case list. It applies on submit, not on every
 * change (WCAG 3.2.2), and keeps the outcome chosen in the tabs.
 */
export function CaseFiltersForm({ filters, vocabulary, canReview, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [from, setFrom] = useState<QuarterParts>(splitQuarter(filters.from));
  const [to, setTo] = useState<QuarterParts>(splitQuarter(filters.to));
  const fields = useMemo(
    () => ({
      to: { id: 'cases-to-year', label: t('cases.filters.toYear') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const years = useMemo(() => yearOptions(), []);
  const quarters = [1, 2, 3, 4].map((q) => ({ value: String(q), label: t('cases.filters.quarterOption', { quarter: q }) }));
  const set = (k: keyof CaseFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { ...draft, outcome: filters.outcome, from: joinQuarter(from, 'from'), to: joinQuarter(to, 'to') };
    if (next.from && next.to && next.to < next.from) return form.fail({ to: t('cases.filters.toBeforeFrom') });
    form.clear();
    onApply(next);
  };
  const clear = () => {
    form.clear();
    setDraft(emptyFilters);
    setFrom(splitQuarter(''));
    setTo(splitQuarter(''));
    onApply({ ...emptyFilters, outcome: filters.outcome });
  };

  const statusOptions = [
    { value: 'archived', label: t('cases.filters.statusArchived') },
    ...(canReview ? [{ value: 'submitted', label: t('cases.filters.statusSubmitted') }] : []),
  ];
  return (
    <form onSubmit={submit} noValidate className="leerlus-filters">
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <Fieldset>
        <FieldsetLegend>{t('cases.filters.legend')}</FieldsetLegend>
        <div className="leerlus-filters__grid">
          <SelectField
            id="cases-status"
            label={t('cases.filters.status')}
            value={draft.status === 'published' ? '' : draft.status}
            onChange={set('status')}
            emptyLabel={t('cases.filters.statusPublished')}
            options={statusOptions}
          />
          <SelectField
            id="cases-age-band"
            label={t('cases.filters.ageBand')}
            value={draft.age_band}
            onChange={set('age_band')}
            emptyLabel={t('cases.filters.all')}
            options={vocabulary.options('age_band')}
          />
          <SelectField
            id="cases-service"
            label={t('cases.filters.service')}
            value={draft.service}
            onChange={set('service')}
            emptyLabel={t('cases.filters.all')}
            options={vocabulary.options('service')}
          />
          <SelectField
            id="cases-phase"
            label={t('cases.filters.phase')}
            value={draft.phase}
            onChange={set('phase')}
            emptyLabel={t('cases.filters.all')}
            options={vocabulary.options('phase')}
          />
          <SelectField
            id="cases-from-year"
            label={t('cases.filters.fromYear')}
            value={from.year}
            onChange={(year) => setFrom((p) => ({ ...p, year }))}
            emptyLabel={t('cases.filters.anyYear')}
            options={years}
          />
          <SelectField
            id="cases-from-quarter"
            label={t('cases.filters.fromQuarter')}
            value={from.quarter}
            onChange={(quarter) => setFrom((p) => ({ ...p, quarter }))}
            emptyLabel={t('cases.filters.wholeYear')}
            options={quarters}
          />
          <SelectField
            id={fields.to.id}
            label={fields.to.label}
            value={to.year}
            onChange={(year) => setTo((p) => ({ ...p, year }))}
            emptyLabel={t('cases.filters.anyYear')}
            options={years}
            error={form.errorFor('to')}
          />
          <SelectField
            id="cases-to-quarter"
            label={t('cases.filters.toQuarter')}
            value={to.quarter}
            onChange={(quarter) => setTo((p) => ({ ...p, quarter }))}
            emptyLabel={t('cases.filters.wholeYear')}
            options={quarters}
          />
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('cases.filters.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={clear}>
          {t('cases.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
