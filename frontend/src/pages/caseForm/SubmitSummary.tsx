import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { FieldProblems } from '../../api/problem';
import { ErrorState } from '../../components/states';

/** Submitted says how handing in went: done, refused with what is missing, or not saved first (neither given). */
export type Submitted = { ok: true } | { ok: false; problems?: FieldProblems; error?: unknown };

/**
 * useSubmitting runs a form's submit (the case's, a reflection's): what is
 * missing goes to onProblems, and after a refusal the summary above the
 * button takes the focus, so the author hears why.
 */
export function useSubmitting(submit: () => Promise<Submitted>, onProblems: (p: FieldProblems) => void, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summary = useRef<HTMLDivElement>(null);
  const run = async () => {
    setBusy(true);
    setUnsaved(false);
    setError(null);
    const r = await submit();
    setBusy(false);
    if (r.ok) return onDone();
    if (r.problems) onProblems(r.problems);
    else if (r.error) setError(r.error);
    else setUnsaved(true);
    window.setTimeout(() => summary.current?.focus(), 0);
  };
  return { busy, unsaved, error, summary, run };
}

/** SubmitSummary is the focusable place above the submit button: what is missing (children), unsaved text, or the error. */
export function SubmitSummary({
  summary,
  unsaved,
  unsavedText,
  error,
  children,
}: {
  summary: RefObject<HTMLDivElement | null>;
  unsaved: boolean;
  unsavedText: string;
  error: unknown;
  children?: ReactNode;
}) {
  return (
    <>
      <div ref={summary} tabIndex={-1} className="leerlus-error-summary">
        {children}
        {unsaved && (
          <Alert type="error">
            <Paragraph>{unsavedText}</Paragraph>
          </Alert>
        )}
      </div>
      {Boolean(error) && <ErrorState error={error} />}
    </>
  );
}
