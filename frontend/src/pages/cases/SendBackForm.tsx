import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, Heading } from '@utrecht/component-library-react';
import { caseApi } from '../../api/cases';
import { isApiError, isFindingsError } from '../../api/problem';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxField, TextareaField } from '../../components/fields';
import { placedMarks } from './highlight';
import { fieldLabel, findingTypeLabel } from './labels';
import { reviewErrorMessage } from './reviewErrors';
import type { Case } from '../../api/types';

// The server's limit for the comment (SendBackRequest.comment).
const commentMax = 2000;
const commentId = 'send-back-comment';

interface Props {
  c: Case;
  onCancel: () => void;
  onSent: () => void;
  /** onStale: the case changed meanwhile (409); the page reloads it. */
  onStale: () => void;
}

/**
 * SendBackForm returns a submitted case to its author with a comment, and
 * lets the facilitator say which dismissed findings were real identifiers.
 * The comment is screened too: what identifies someone is named per finding.
 */
export function SendBackForm({ c, onCancel, onSent, onStale }: Props) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [real, setReal] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<{ items: SummaryItem[]; message: string | null; attempt: number }>({
    items: [],
    message: null,
    attempt: 0,
  });
  // The form opens on a click: start typing right away.
  useEffect(() => document.getElementById(commentId)?.focus(), []);
  const dismissed = useMemo(() => placedMarks(c).filter((p) => p.mark.kind === 'dismissed'), [c]);
  const fail = (items: SummaryItem[], message: string | null = null) =>
    setErrors((e) => ({ items, message, attempt: e.attempt + 1 }));

  const send = useMutation({
    mutationFn: (text: string) => caseApi.sendBack(c.id, c.version, text, [...real]),
    onSuccess: onSent,
    onError: (e, text) => {
      if (isFindingsError(e)) {
        const label = t('cases.review.comment');
        return fail(
          e.findings.map((f) => ({
            id: commentId,
            label,
            message: t('cases.review.finding', { text: text.slice(f.start, f.end), type: findingTypeLabel(t, f.type) }),
          })),
        );
      }
      if (isApiError(e) && e.status === 409) onStale();
      fail([], reviewErrorMessage(t, e));
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = comment.trim();
    if (!text) return fail([{ id: commentId, label: t('cases.review.comment'), message: t('cases.review.commentRequired') }]);
    if (text.length > commentMax) {
      return fail([
        { id: commentId, label: t('cases.review.comment'), message: t('cases.review.commentTooLong', { max: commentMax, count: text.length }) },
      ]);
    }
    setErrors((x) => ({ ...x, items: [], message: null }));
    send.mutate(text);
  };
  const commentError = errors.items.filter((i) => i.id === commentId).map((i) => i.message).join(' ') || undefined;
  const toggle = (id: string, on: boolean) =>
    setReal((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form onSubmit={submit} noValidate className="leerlus-panel leerlus-no-print" aria-labelledby="send-back-title">
      <Heading level={3} id="send-back-title">
        {t('cases.review.sendBackTitle')}
      </Heading>
      <ErrorSummary items={errors.items} message={errors.message} attempt={errors.attempt} />
      <TextareaField
        id={commentId}
        label={t('cases.review.comment')}
        description={t('cases.review.commentHint')}
        value={comment}
        onChange={setComment}
        rows={5}
        required
        error={commentError}
      />
      {dismissed.length > 0 && (
        <Fieldset aria-describedby="real-identifiers-hint">
          <FieldsetLegend>{t('cases.review.realIdentifiers')}</FieldsetLegend>
          <FormFieldDescription id="real-identifiers-hint">{t('cases.review.realIdentifiersHint')}</FormFieldDescription>
          {dismissed.map((p) => (
            <CheckboxField
              key={p.mark.id}
              id={`real-${p.mark.id}`}
              label={t('cases.review.realIdentifier', {
                text: p.text,
                type: findingTypeLabel(t, p.mark.type),
                field: fieldLabel(t, p.field, p.episodePosition),
              })}
              checked={real.has(p.mark.id)}
              onChange={(on) => toggle(p.mark.id, on)}
            />
          ))}
        </Fieldset>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t('cases.review.sendBackSubmit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('cases.review.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
