import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { lessonApi, type Lesson, type LessonSummary } from '../../api/lessons';
import { isApiError } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorState } from '../../components/states';
import { RadioGroup } from '../caseForm/ChoiceFields';
import { useLessonRefresh } from './LessonActions';

interface Props {
  networkId: string;
  /** selected are the lessons ticked in the list, in the order they were ticked. */
  selected: LessonSummary[];
  onClear: () => void;
  onDone: (message: string, saved: Lesson) => void;
}

/**
 * MergePanel merges the lessons a facilitator ticked in the list: they
 * choose, among them, the lesson that stays (a radio group, so it works
 * by keyboard), and confirm. The others go into it with their sources and
 * codes; each is sent with the version the list showed.
 */
export function MergePanel({ networkId, selected, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useLessonRefresh(networkId);
  const [chosen, setChosen] = useState('');
  // An accepted lesson is the natural one to keep; else the first ticked.
  const into = selected.find((l) => l.id === chosen) ?? selected.find((l) => l.status === 'accepted') ?? selected[0];
  const others = selected.filter((l) => l.id !== into?.id);
  const merge = useMutation({
    mutationFn: () => lessonApi.merge(networkId, into!.id, others.map((l) => ({ id: l.id, version: l.version }))),
    onSuccess: (saved) => {
      for (const l of selected) refresh(l.id);
      onClear();
      onDone(t('lessons.merge.done', { count: others.length, statement: saved.statement }), saved);
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 409) refresh(into!.id);
    },
  });
  return (
    <section className="leerlus-panel leerlus-lesson-merge" aria-labelledby="lesson-merge-title">
      <Heading level={2} id="lesson-merge-title">
        {t('lessons.merge.title')}
      </Heading>
      <div role="status">
        <Paragraph>
          {selected.length === 0
            ? t('lessons.merge.intro')
            : selected.length === 1
              ? t('lessons.merge.oneMore')
              : t('lessons.merge.chosen', { count: selected.length })}
        </Paragraph>
      </div>
      {selected.length >= 2 && into && (
        <RadioGroup
          id="lesson-merge-into"
          legend={t('lessons.merge.into')}
          description={t('lessons.merge.intoHint')}
          options={selected.map((l) => ({ value: l.id, label: l.statement }))}
          value={into.id}
          onChange={setChosen}
        />
      )}
      {merge.isError && <ErrorState error={merge.error} />}
      {selected.length > 0 && (
        <ButtonGroup>
          {selected.length >= 2 && into && (
            <ConfirmButton
              label={t('lessons.merge.submit')}
              question={t('lessons.merge.question', { count: others.length, statement: into.statement })}
              confirmLabel={t('lessons.merge.yes')}
              busy={merge.isPending}
              danger={false}
              onConfirm={() => merge.mutate()}
            />
          )}
          <Button appearance="secondary-action-button" onClick={onClear}>
            {t('lessons.merge.clear')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}
