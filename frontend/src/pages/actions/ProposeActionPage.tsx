import { useMemo, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { actionApi, actionKinds, actionsKey, type ActionKind, type ProposeActionRequest, type RecurringLessonRef } from '../../api/actions';
import { goalApi, goalsKey } from '../../api/goals';
import { can, membershipIn, useMe } from '../../auth/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { CheckboxField, SelectField, TextField, TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { actionKindLabel } from './labels';
import { actionPath, actionsPath } from './paths';
import { checkActionTexts } from './limits';
import './actions.css';

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** lessonsToLink reads the recurring lessons a link asks to follow up: ids from `?les=`, their statements from the navigation state when the linking page gave them. */
function lessonsToLink(search: URLSearchParams, state: unknown): RecurringLessonRef[] {
  const given = (state as { lessons?: RecurringLessonRef[] } | null)?.lessons ?? [];
  const ids = [...new Set(search.getAll('les').filter((id) => idPattern.test(id)))].slice(0, 20);
  return ids.map((id) => given.find((l) => l.id === id) ?? { id, statement: '' });
}

function ProposeForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [search] = useSearchParams();
  const { state } = useLocation();
  const offered = useMemo(() => lessonsToLink(search, state), [search, state]);
  const fields = useMemo(
    () => ({
      title: { id: 'action-title', label: t('actions.form.title') },
      description: { id: 'action-description', label: t('actions.form.description') },
      kind: { id: 'action-kind', label: t('actions.form.kind') },
      due_on: { id: 'action-due', label: t('actions.form.due') },
      goal_id: { id: 'action-goal', label: t('actions.form.goal') },
      lessons: { id: 'action-lessons', label: t('actions.form.lessons') },
    }),
    [t],
  );
  const form = useScreenedForm(fields);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<ActionKind | ''>('');
  const [due, setDue] = useState('');
  const [goal, setGoal] = useState('');
  const [lessons, setLessons] = useState<string[]>(offered.map((l) => l.id));
  const goals = useQuery({ queryKey: goalsKey(networkId), queryFn: () => goalApi.list(networkId) });

  const propose = useMutation({
    mutationFn: (body: ProposeActionRequest) => actionApi.propose(networkId, body),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: actionsKey(networkId) });
      navigate(actionPath(networkId, a.id), { state: { message: t('actions.propose.done') } });
    },
    onError: (e, body) => form.fromError(e, { title: body.title, description: body.description ?? '' }),
  });
  const texts = { title: title.trim(), description: description.trim() };
  const send = (decisions?: Decisions) => {
    const errors = checkActionTexts(t, texts);
    if (!kind) errors.kind = t('actions.form.kindRequired');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    propose.mutate({
      ...texts,
      kind: kind as ActionKind,
      due_on: due || undefined,
      goal_id: goal || undefined,
      lessons: lessons.length ? lessons : undefined,
      ...decisions,
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions(texts);
  return (
    <form onSubmit={submit} noValidate aria-label={t('actions.propose.title')} className="leerlus-narrow">
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.title.id} label={fields.title.label} description={t('actions.form.titleHint')} value={title} onChange={setTitle} required error={form.errorFor('title')} />
      <TextareaField
        id={fields.description.id}
        label={fields.description.label}
        description={t('actions.form.descriptionHint')}
        value={description}
        onChange={setDescription}
        rows={5}
        error={form.errorFor('description')}
      />
      <SelectField
        id={fields.kind.id}
        label={fields.kind.label}
        description={t('actions.form.kindHint')}
        value={kind}
        onChange={(v) => setKind(v as ActionKind | '')}
        emptyLabel={t('actions.form.kindChoose')}
        options={actionKinds.map((k) => ({ value: k, label: actionKindLabel(t, k) }))}
        required
        error={form.errorFor('kind')}
      />
      <TextField id={fields.due_on.id} type="date" label={fields.due_on.label} description={t('actions.form.dueHint')} value={due} onChange={setDue} error={form.errorFor('due_on')} />
      {goals.data && goals.data.items.length > 0 && (
        <SelectField
          id={fields.goal_id.id}
          label={fields.goal_id.label}
          value={goal}
          onChange={setGoal}
          emptyLabel={t('actions.form.noGoal')}
          options={goals.data.items.map((g) => ({ value: g.id, label: g.name }))}
          error={form.errorFor('goal_id')}
        />
      )}
      {offered.length > 0 && (
        <Fieldset id={fields.lessons.id}>
          <FieldsetLegend>{fields.lessons.label}</FieldsetLegend>
          {offered.map((l, i) => (
            <CheckboxField
              key={l.id}
              id={`action-lesson-${l.id}`}
              label={l.statement || t('actions.form.lessonNumber', { number: i + 1 })}
              checked={lessons.includes(l.id)}
              onChange={(on) => setLessons((ls) => (on ? [...ls, l.id] : ls.filter((x) => x !== l.id)))}
            />
          ))}
        </Fieldset>
      )}
      <ScreenedOverride show={decisions !== null} busy={propose.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={t('actions.propose.submit')} busy={propose.isPending} onCancel={() => navigate(actionsPath(networkId))} />
    </form>
  );
}

/**
 * ProposeActionPage lets members, facilitators and managers propose an
 * improvement action: what should change, on which agenda, by when, and
 * which recurring lessons it follows up. A manager then accepts it.
 */
export default function ProposeActionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, 'actions.propose', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return (
    <>
      <Paragraph className="leerlus-no-print">
        <RouterLink to={actionsPath(id)}>{t('actions.back')}</RouterLink>
      </Paragraph>
      <PageHeading title={t('actions.propose.title')} />
      <Paragraph>{t('actions.propose.intro')}</Paragraph>
      <ProposeForm networkId={id} />
    </>
  );
}
