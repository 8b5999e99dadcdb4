import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, Heading } from '@utrecht/component-library-react';
import { isApiError, isFindingsError } from '../../api/problem';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxField, TextareaField } from '../../components/fields';
import { findingTypeLabel } from './labels';

// The server's limit for the comment (SendBackRequest.comment).
const commentMax = 2000;
const commentId = 'send-back-comment';

/** Dismissal is a finding the author dismissed, with the words that name it for its checkbox. */
export interface Dismissal {
  id: string;
  label: string;
}

interface Props {
  /** send sends the comment back, with the ids of the dismissals ticked as real identifiers. */
  send: (comment: string, realIdentifiers: string[]) => Promise<unknown>;
  /** dismissed are the author's dismissals the facilitator can call real; none where the API takes no such verdict. */
  dismissed: Dismissal[];
  /** errorMessage says why sending failed (four eyes, stale, …). */
  errorMessage: (e: unknown) => string;
  onCancel: () => void;
  onSent: () => void;
  /** onStale: it changed meanwhile (409); the page reloads it. */
  onStale: () => void;
}

/**
 * SendBackForm returns something submitted (a case, a reflection) to its
 * author with a comment, and lets the facilitator say which dismissed
 * findings were real identifiers. The comment is screened too: what
 * identifies someone is named per finding.
 */
export function SendBackForm({ send: sendBack, dismissed, errorMessage, onCancel, onSent, onStale }: Props) {
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
  const fail = (items: SummaryItem[], message: string | null = null) =>
    setErrors((e) => ({ items, message, attempt: e.attempt + 1 }));

  const send = useMutation({
    mutationFn: (text: string) => sendBack(text, [...real]),
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
      fail([], errorMessage(e));
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
          {dismissed.map((d) => (
            <CheckboxField
              key={d.id}
              id={`real-${d.id}`}
              label={d.label}
              checked={real.has(d.id)}
              onChange={(on) => toggle(d.id, on)}
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
