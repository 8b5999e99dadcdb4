import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { CheckboxField } from '../../components/fields';
import type { BoardFilters } from './filters';

interface Props {
  filters: BoardFilters;
  /** owner offers "only mine": for those who can own actions (managers). */
  owner: boolean;
  onApply: (f: BoardFilters) => void;
}

/** BoardFiltersForm narrows the board to my, overdue or stalled actions; it applies on submit, not on every change (WCAG 3.2.2). */
export function BoardFiltersForm({ filters, owner, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (k: 'mine' | 'overdue' | 'stalled') => (v: boolean) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const none = { ...filters, mine: false, overdue: false, stalled: false };
    setDraft(none);
    onApply(none);
  };
  return (
    <form onSubmit={submit} noValidate className="leerlus-filters">
      <Fieldset>
        <FieldsetLegend>{t('actions.filters.legend')}</FieldsetLegend>
        {owner && <CheckboxField id="actions-mine" label={t('actions.filters.mine')} checked={draft.mine} onChange={set('mine')} />}
        <CheckboxField id="actions-overdue" label={t('actions.filters.overdue')} checked={draft.overdue} onChange={set('overdue')} />
        <CheckboxField id="actions-stalled" label={t('actions.filters.stalled')} checked={draft.stalled} onChange={set('stalled')} />
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('actions.filters.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={clear}>
          {t('actions.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
