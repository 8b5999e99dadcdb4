import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldErrors } from '../api/problem';
import { describeError } from './errors';
import { fieldMessages } from '../api/fieldMessages';
import type { SummaryItem } from './ErrorSummary';

/** FieldSpec names a request-body field's control id and label. */
export interface FieldSpec {
  id: string;
  label: string;
}

/**
 * useFormErrors keeps a form's field errors and form error, from local
 * checks or from a problem+json answer, and builds the error summary.
 */
export function useFormErrors(fields: Record<string, FieldSpec>) {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const fail = useCallback((errors: FieldErrors, message: string | null = null) => {
    setFieldErrors(errors);
    setFormError(message);
    setAttempt((n) => n + 1);
  }, []);

  /** fromError shows an API error: field errors beside fields, the rest on top. */
  const fromError = useCallback(
    (e: unknown) => {
      if (isApiError(e) && e.hasFieldErrors) {
        const translated: FieldErrors = {};
        for (const [field, problems] of Object.entries(e.fieldProblems)) translated[field] = fieldMessages(t, problems);
        fail(translated, null);
      } else {
        fail({}, describeError(t, e));
      }
    },
    [fail, t],
  );

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const items: SummaryItem[] = useMemo(
    () =>
      Object.entries(fieldErrors).map(([field, message]) => {
        const spec = fields[field];
        return spec ? { id: spec.id, label: spec.label, message } : { message };
      }),
    [fieldErrors, fields],
  );

  /** errorFor gives the message shown beside one field. */
  const errorFor = (field: string): string | undefined => fieldErrors[field];

  return { fieldErrors, formError, attempt, fail, fromError, clear, items, errorFor };
}
