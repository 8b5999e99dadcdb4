import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { SelectField, TextField } from '../../components/fields';
import { lessonStatuses } from '../../api/lessons';
import { codeGroups } from '../codebook/codes';
import { lessonStatusLabel } from './labels';
import { emptyLessonFilters, searchMax, type LessonFilters } from './filters';
import type { Codebook } from '../../api/codebookAdmin';

interface Props {
  filters: LessonFilters;
  codebook: Codebook | undefined;
  /** curate adds the choice of status (facilitators). */
  curate: boolean;
  onApply: (f: LessonFilters) => void;
}

/**
 * LessonFiltersForm narrows the lesson list by status, code and words. It
 * applies on submit, not on every change (WCAG 3.2.2); the case a list is
 * narrowed to comes from a link and stays.
 */
export function LessonFiltersForm({ filters, codebook, curate, onApply }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (k: keyof LessonFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, q: draft.q.trim().slice(0, searchMax) });
  };
  const clear = () => {
    setDraft(emptyLessonFilters);
    onApply(emptyLessonFilters);
  };
  // Lessons keep a retired code; a merged code's lessons are under the code it went into.
  const groups = codeGroups(codebook, i18n.language, (c) => !c.merged_into, (c) => (c.retired ? ` (${t('codebook.retired')})` : ''));
  return (
    <form onSubmit={submit} noValidate className="leerlus-filters">
      <Fieldset>
        <FieldsetLegend>{t('lessons.filters.legend')}</FieldsetLegend>
        <div className="leerlus-filters__grid">
          {curate && (
            <SelectField
              id="lessons-status"
              label={t('lessons.filters.status')}
              value={draft.status}
              onChange={set('status')}
              emptyLabel={t('lessons.filters.statusDefault')}
              options={[
                ...lessonStatuses.filter((s) => s !== 'proposed').map((s) => ({ value: s, label: lessonStatusLabel(t, s) })),
                { value: 'all', label: t('lessons.filters.statusAll') },
              ]}
            />
          )}
          <SelectField
            id="lessons-code"
            label={t('lessons.filters.code')}
            value={draft.code}
            onChange={set('code')}
            emptyLabel={t('lessons.filters.allCodes')}
            options={[]}
            groups={groups}
          />
          <TextField id="lessons-q" type="search" label={t('lessons.filters.q')} value={draft.q} onChange={set('q')} />
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('lessons.filters.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={clear}>
          {t('lessons.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
