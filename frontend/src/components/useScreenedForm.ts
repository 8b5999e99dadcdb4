import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isFindingsError, type FieldErrors } from '../api/problem';
import { fieldMessages } from '../api/fieldMessages';
import type { CaseFinding, MarkRequest } from '../api/types';
import { describeError } from './errors';
import { useFormErrors, type FieldSpec } from './useForm';

/** Texts are the free texts a write sends, by field name without the leading slash ("statement", "examples/1"). */
export type Texts = Record<string, string>;

/** Decisions are findings let through: direct ones dismissed as false alarms, others confirmed. */
export interface Decisions {
  dismissed: MarkRequest[];
  confirmed: MarkRequest[];
}

// The server names fields by name ("label_nl") in field errors and by
// JSON pointer ("/label_nl", "/examples/1") in findings; the form knows
// them without the slash.
const bare = (field: string) => field.replace(/^\//, '');

function toDecisions(findings: readonly CaseFinding[]): Decisions {
  const out: Decisions = { dismissed: [], confirmed: [] };
  for (const { field, type, start, end, direct } of findings) out[direct ? 'dismissed' : 'confirmed'].push({ field, type, start, end });
  return out;
}

interface Options {
  /** stale is what a 409 without field errors says: someone else changed it meanwhile. */
  stale?: string;
  /** onStale reloads what changed; the form keeps what was typed. */
  onStale?: () => void;
}

/**
 * useScreenedForm keeps the errors of a form whose free texts the server
 * screens for what identifies someone (a facilitator's curation, the
 * codebook). A 422 shows each finding beside its field, in words; when
 * the texts are sent again unchanged, `decisions` lets the findings through
 * (a false alarm the facilitator has looked at: "save anyway"). Field
 * errors and other refusals show as useFormErrors shows them.
 */
export function useScreenedForm(fields: Record<string, FieldSpec>, { stale, onStale }: Options = {}) {
  const { t } = useTranslation();
  const form = useFormErrors(fields);
  const { fail, clear: clearErrors } = form;
  const [refused, setRefused] = useState<{ findings: CaseFinding[]; texts: string } | null>(null);

  const fromError = useCallback(
    (e: unknown, texts: Texts) => {
      if (isFindingsError(e)) {
        setRefused({ findings: e.findings, texts: JSON.stringify(texts) });
        const errors: FieldErrors = {};
        for (const f of e.findings) {
          const field = bare(f.field);
          const words = t('screened.finding', {
            text: (texts[field] ?? '').slice(f.start, f.end),
            type: t(`cases.findingTypes.${f.type}`, { defaultValue: f.type }),
          });
          errors[field] = errors[field] ? `${errors[field]} ${words}` : words;
        }
        return fail(errors);
      }
      setRefused(null);
      if (isApiError(e) && e.hasFieldErrors) {
        const errors: FieldErrors = {};
        for (const [field, problems] of Object.entries(e.fieldProblems)) errors[bare(field)] = fieldMessages(t, problems);
        return fail(errors);
      }
      if (isApiError(e) && e.status === 409) {
        onStale?.();
        return fail({}, stale ?? describeError(t, e));
      }
      fail({}, describeError(t, e));
    },
    [fail, onStale, stale, t],
  );

  /**
   * decisions gives the last findings as decisions, while the texts are
   * still the ones refused; null otherwise, and null when a finding must
   * change (the server lets no dismissal through for it, so "save anyway"
   * would only be refused again).
   */
  const decisions = (texts: Texts): Decisions | null =>
    refused && refused.texts === JSON.stringify(texts) && !refused.findings.some((f) => f.must_change)
      ? toDecisions(refused.findings)
      : null;

  const clear = useCallback(() => {
    setRefused(null);
    clearErrors();
  }, [clearErrors]);

  return { ...form, fromError, decisions, clear };
}
