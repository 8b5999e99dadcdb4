import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookKey } from '../../api/codebookAdmin';
import { lessonApi, type Lesson, type LessonEditRequest, type LessonSummary } from '../../api/lessons';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { CodesField } from '../codebook/CodesField';

// The server's limits for a lesson (LessonEditRequest).
const statementMin = 3;
const statementMax = 300;

interface Props {
  lesson: LessonSummary;
  /** level of the form's heading, one below the part it sits in. */
  level: 2 | 3;
  /** mode: accept (optionally in new words) or reword (needs a change). */
  mode: 'accept' | 'reword';
  onCancel: () => void;
  onDone: (saved: Lesson) => void;
  /** onStale reloads the lesson after someone else changed it; the typed words stay. */
  onStale: () => void;
}

const sameCodes = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * LessonEditForm accepts a lesson, or changes its words or codes. It sends
 * only what changed, with the version the facilitator saw; the statement
 * is screened like every text of its case.
 */
export function LessonEditForm({ lesson, level, mode, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const idBase = `lesson-${lesson.id}-${mode}`;
  const fields = useMemo(
    () => ({
      statement: { id: `${idBase}-statement`, label: t('lessons.edit.statement') },
      codes: { id: `${idBase}-codes`, label: t('lessons.edit.codes') },
    }),
    [idBase, t],
  );
  const form = useScreenedForm(fields, { stale: t('lessons.stale'), onStale });
  const [statement, setStatement] = useState(lesson.statement);
  const start = lesson.codes.map((c) => c.id);
  const [codes, setCodes] = useState<string[]>(start);
  const codebook = useQuery({ queryKey: codebookKey(lesson.network_id), queryFn: () => codebookAdminApi.get(lesson.network_id) });
  // The form opens on a click: start typing right away.
  useEffect(() => document.getElementById(fields.statement.id)?.focus(), [fields.statement.id]);

  const save = useMutation({
    mutationFn: (body: LessonEditRequest) => (mode === 'accept' ? lessonApi.accept(lesson.id, body) : lessonApi.reword(lesson.id, body)),
    onSuccess: onDone,
    onError: (e, body) => form.fromError(e, { statement: body.statement ?? '' }),
  });

  const send = (decisions?: Decisions) => {
    const text = statement.trim();
    if (text.length < statementMin || text.length > statementMax) {
      return form.fail({ statement: t('lessons.edit.length', { min: statementMin, max: statementMax, count: text.length }) });
    }
    const body: LessonEditRequest = { version: lesson.version, ...decisions };
    if (text !== lesson.statement) body.statement = text;
    if (!sameCodes(codes, start)) body.codes = codes;
    if (mode === 'reword' && body.statement === undefined && body.codes === undefined) return form.fail({}, t('lessons.edit.nothing'));
    form.clear();
    save.mutate(body);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions({ statement: statement.trim() });
  const titleId = `${idBase}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {mode === 'accept' ? t('lessons.edit.acceptTitle') : t('lessons.edit.rewordTitle')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextareaField
        id={fields.statement.id}
        label={fields.statement.label}
        description={mode === 'accept' ? t('lessons.edit.acceptHint') : t('lessons.edit.statementHint')}
        value={statement}
        onChange={setStatement}
        rows={3}
        required
        error={form.errorFor('statement')}
      />
      <CodesField
        id={fields.codes.id}
        legend={fields.codes.label}
        description={t('lessons.edit.codesHint')}
        codebook={codebook.data}
        known={lesson.codes}
        value={codes}
        onChange={setCodes}
        error={form.errorFor('codes')}
      />
      <ScreenedOverride show={decisions !== null} busy={save.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={mode === 'accept' ? t('lessons.actions.accept') : t('form.save')} busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
