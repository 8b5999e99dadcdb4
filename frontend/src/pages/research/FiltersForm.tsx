import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { patternAgeBands, patternEffects, patternOutcomes, patternSources } from '../../api/research';
import { perspectives } from '../../api/types';
import { useVocabulary } from '../../api/vocabulary';
import { SelectField, TextField } from '../../components/fields';
import { perspectiveLabel } from '../../components/labels';
import { emptyResearchFilters, isQuarter, type ResearchFilters, type ResearchScope } from './filters';

interface Props {
  filters: ResearchFilters;
  scope: ResearchScope;
  /** aggregates offers what only the pattern queries know (source and effect); search leaves them out. */
  aggregates: boolean;
  onApply: (f: ResearchFilters) => void;
}

/**
 * ResearchFiltersForm narrows the dashboard, the search and the exports:
 * networks, outcome, age band, service, phase, perspective, period, and
 * for the aggregates what a code is counted on. It applies on submit, not
 * on every change (WCAG 3.2.2).
 */
export function ResearchFiltersForm({ filters, scope, aggregates, onApply }: Props) {
  const { t } = useTranslation();
  const { vocabulary } = useVocabulary();
  const [draft, setDraft] = useState(filters);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const set = <K extends keyof ResearchFilters>(k: K) => (v: string) => setDraft((d) => ({ ...d, [k]: v as ResearchFilters[K] }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    for (const k of ['from', 'to'] as const) {
      if (draft[k] && !isQuarter(draft[k].trim())) errs[k] = t('research.filters.quarterError');
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(`research-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    onApply({ ...draft, from: draft.from.trim().toUpperCase(), to: draft.to.trim().toUpperCase() });
  };
  const clear = () => {
    const none = { ...emptyResearchFilters, network: filters.network };
    setDraft(none);
    setErrors({});
    onApply(none);
  };
  const networkOptions = [
    ...(scope.researcher.length > 0 ? [{ value: '', label: t('research.filters.allNetworks', { count: scope.researcher.length }) }] : []),
    ...scope.researcher.map((n) => ({ value: n.id, label: n.name })),
    ...scope.own.map((n) => ({ value: n.id, label: t('research.filters.ownNetwork', { name: n.name }) })),
  ];
  const vocab = (list: 'outcome' | 'age_band' | 'service' | 'phase', codes?: string[]) =>
    (codes ?? vocabulary?.codes(list) ?? []).map((c) => ({ value: c, label: vocabulary?.label(list, c) ?? c }));
  return (
    <form onSubmit={submit} noValidate className="leerlus-filters leerlus-research-filters">
      <Fieldset>
        <FieldsetLegend>{t('research.filters.legend')}</FieldsetLegend>
        {networkOptions.length > 1 && (
          <SelectField id="research-network" label={t('research.filters.network')} value={draft.network} onChange={set('network')} options={networkOptions} />
        )}
        <SelectField
          id="research-outcome"
          label={t('research.filters.outcome')}
          value={draft.outcome}
          onChange={set('outcome')}
          emptyLabel={t('research.filters.any')}
          options={vocab('outcome', patternOutcomes)}
        />
        <SelectField
          id="research-age"
          label={t('research.filters.ageBand')}
          value={draft.ageBand}
          onChange={set('ageBand')}
          emptyLabel={t('research.filters.any')}
          options={vocab('age_band', patternAgeBands)}
        />
        <SelectField id="research-service" label={t('research.filters.service')} value={draft.service} onChange={set('service')} emptyLabel={t('research.filters.any')} options={vocab('service')} />
        <SelectField id="research-phase" label={t('research.filters.phase')} value={draft.phase} onChange={set('phase')} emptyLabel={t('research.filters.any')} options={vocab('phase')} />
        <SelectField
          id="research-perspective"
          label={t('research.filters.perspective')}
          value={draft.perspective}
          onChange={set('perspective')}
          emptyLabel={t('research.filters.any')}
          options={perspectives.map((p) => ({ value: p, label: perspectiveLabel(t, p) }))}
        />
        <TextField
          id="research-from"
          label={t('research.filters.from')}
          description={t('research.filters.quarterHint')}
          value={draft.from}
          onChange={set('from')}
          error={errors.from}
        />
        <TextField id="research-to" label={t('research.filters.to')} description={t('research.filters.quarterHint')} value={draft.to} onChange={set('to')} error={errors.to} />
        {aggregates && (
          <>
            <SelectField
              id="research-source"
              label={t('research.filters.source')}
              value={draft.source}
              onChange={set('source')}
              emptyLabel={t('research.source.items')}
              options={patternSources.filter((s) => s !== 'items').map((s) => ({ value: s, label: t(`research.source.${s}`) }))}
            />
            {draft.source !== 'lessons' && (
              <SelectField
                id="research-effect"
                label={t('research.filters.effect')}
                value={draft.effect}
                onChange={set('effect')}
                emptyLabel={t('research.filters.any')}
                options={patternEffects.map((e) => ({ value: e, label: t(`research.effect.${e}`) }))}
              />
            )}
          </>
        )}
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('research.filters.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={clear}>
          {t('research.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
