import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { lessonApi, type Lesson, type LessonSummary, type RejectLessonRequest } from '../../api/lessons';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';

// The server's limit for a reason (RejectLessonRequest).
const reasonMax = 500;

interface Props {
  lesson: LessonSummary;
  /** level of the form's heading, one below the part it sits in. */
  level: 2 | 3;
  onCancel: () => void;
  onDone: (saved: Lesson) => void;
  onStale: () => void;
}

/**
 * RejectLessonForm rejects a lesson with a reason, which is required and
 * screened: a name in it is named back to the facilitator.
 */
export function RejectLessonForm({ lesson, level, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const fields = useMemo(() => ({ reason: { id: `lesson-${lesson.id}-reason`, label: t('lessons.reject.reason') } }), [lesson.id, t]);
  const form = useScreenedForm(fields, { stale: t('lessons.stale'), onStale });
  const [reason, setReason] = useState('');
  useEffect(() => document.getElementById(fields.reason.id)?.focus(), [fields.reason.id]);

  const reject = useMutation({
    mutationFn: (body: RejectLessonRequest) => lessonApi.reject(lesson.id, body),
    onSuccess: onDone,
    onError: (e, body) => form.fromError(e, { reason: body.reason }),
  });
  const send = (decisions?: Decisions) => {
    const text = reason.trim();
    if (!text) return form.fail({ reason: t('lessons.reject.required') });
    if (text.length > reasonMax) return form.fail({ reason: t('fieldErrors.maxLength', { count: reasonMax }) });
    form.clear();
    reject.mutate({ reason: text, version: lesson.version, ...decisions });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions({ reason: reason.trim() });
  const titleId = `lesson-${lesson.id}-reject-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {t('lessons.reject.title')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextareaField
        id={fields.reason.id}
        label={fields.reason.label}
        description={t('lessons.reject.hint')}
        value={reason}
        onChange={setReason}
        rows={3}
        required
        error={form.errorFor('reason')}
      />
      <ScreenedOverride show={decisions !== null} busy={reject.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={t('lessons.actions.reject')} busy={reject.isPending} onCancel={onCancel} />
    </form>
  );
}
