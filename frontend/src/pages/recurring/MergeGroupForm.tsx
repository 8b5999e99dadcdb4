import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { recurringApi, recurringKey, type RecurringLessonDetail } from '../../api/recurring';
import { isApiError } from '../../api/problem';
import { FormButtons } from '../../components/FormButtons';
import { SelectField } from '../../components/fields';
import { ErrorState, Loading } from '../../components/states';

interface Props {
  group: RecurringLessonDetail;
  onCancel: () => void;
  onDone: (saved: RecurringLessonDetail, other: string) => void;
  onStale: () => void;
}

/**
 * MergeGroupForm joins another group of the network into this one: the
 * facilitator chooses it from a list of every group (recurring or not,
 * set aside or not), with its number of cases. This group keeps its name.
 */
export function MergeGroupForm({ group, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `group-${group.id}-merge`;
  const groups = useQuery({ queryKey: [...recurringKey(group.network_id), 'list', true], queryFn: () => recurringApi.list(group.network_id, true) });
  const options = (groups.data?.items ?? [])
    .filter((g) => g.id !== group.id && g.lesson_count > 0)
    .map((g) => ({ value: g.id, label: t('recurring.merge.option', { statement: g.statement, cases: t('recurring.caseCount', { count: g.case_count }) }) }));
  useEffect(() => {
    if (groups.isSuccess) document.getElementById(id)?.focus();
  }, [groups.isSuccess, id]);
  const merge = useMutation({
    mutationFn: () => recurringApi.merge(group.id, group.version, [other]),
    onSuccess: (saved) => onDone(saved, other),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) onStale();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!other) return setError(t('recurring.merge.required'));
    setError(undefined);
    merge.mutate();
  };
  const titleId = `${id}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t('recurring.merge.title')}
      </Heading>
      <Paragraph>{t('recurring.merge.intro')}</Paragraph>
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : options.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('recurring.merge.none')}</Paragraph>
      ) : (
        <SelectField id={id} label={t('recurring.merge.group')} value={other} onChange={setOther} options={options} emptyLabel={t('recurring.merge.choose')} required error={error} />
      )}
      {merge.isError && <ErrorState error={merge.error} />}
      <FormButtons submitLabel={t('recurring.merge.submit')} busy={merge.isPending} onCancel={onCancel} />
    </form>
  );
}
