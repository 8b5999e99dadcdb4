import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Fieldset, FieldsetLegend, FormFieldDescription, Heading } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextareaField, TextField } from '../../components/fields';
import { useScreenedForm, type Decisions, type Texts } from '../../components/useScreenedForm';
import type { CodebookWording } from '../../api/codebookAdmin';

// The server's limits (review/codebook_input.go).
const labelMax = 80;
const descriptionMax = 600;
const exampleMax = 200;
const examplesMax = 4;

type Label = 'label_nl' | 'label_en' | 'description_nl' | 'description_en';
const texts: Label[] = ['label_nl', 'label_en', 'description_nl', 'description_en'];

/** Wording is the texts of a theme or a code as the form edits them. */
export interface Wording {
  label_nl: string;
  label_en: string;
  description_nl: string;
  description_en: string;
  examples?: string[];
}

interface Props<T> {
  idBase: string;
  title: string;
  /** level of the form's heading, one below the part it sits in. */
  level: 2 | 3 | 4;
  /** initial are the texts it starts from: empty for a new one, the current texts for a change. */
  initial: Wording;
  /** creating sends every text and needs both labels; a change sends what changed. */
  creating: boolean;
  withExamples: boolean;
  submitLabel: string;
  save: (wording: CodebookWording, decisions?: Decisions) => Promise<T>;
  onCancel: () => void;
  onDone: (saved: T) => void;
  /** onStale reloads the codebook after someone else changed it; what was typed stays. */
  onStale: () => void;
}

const pad = (examples: string[] = []) => [...examples, '', '', '', ''].slice(0, examplesMax);

/**
 * toSend gives what a save sends: every text given when creating, only the
 * changed ones otherwise (examples as one list, without empty boxes); the
 * texts by field name, for the findings; and the box each example came from.
 */
function toSend(draft: Wording, initial: Wording, creating: boolean, withExamples: boolean) {
  const wording: CodebookWording = {};
  const sent: Texts = {};
  for (const k of texts) {
    const v = draft[k].trim();
    if (creating ? v !== '' : v !== initial[k]) wording[k] = sent[k] = v;
  }
  const boxes = (draft.examples ?? []).map((e) => e.trim());
  const from = boxes.flatMap((e, i) => (e ? [i] : []));
  const list = from.map((i) => boxes[i]!);
  if (withExamples && (creating ? list.length > 0 : list.join('\n') !== (initial.examples ?? []).join('\n'))) {
    wording.examples = list;
    list.forEach((e, i) => (sent[`examples/${i}`] = e));
  }
  return { wording, sent, from };
}

/**
 * WordingForm adds or changes the texts of a theme or a code: labels and
 * descriptions in Dutch and English and, for a code, up to four examples.
 * Every text is screened by the server; a name in one is named beside its
 * field. A stale version reloads the codebook and keeps what was typed.
 */
export function WordingForm<T>({ idBase, title, level, initial, creating, withExamples, submitLabel, save, onCancel, onDone, onStale }: Props<T>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Wording>({ ...initial, examples: pad(initial.examples) });
  // Which example box each sent example came from: empty boxes are not sent.
  const [sentFrom, setSentFrom] = useState<number[]>([0, 1, 2, 3]);
  const fields = useMemo(() => {
    const out: Record<string, { id: string; label: string }> = {};
    for (const k of texts) out[k] = { id: `${idBase}-${k}`, label: t(`codebook.wording.${k}`) };
    sentFrom.forEach((box, i) => (out[`examples/${i}`] = { id: `${idBase}-example-${box}`, label: t('codebook.wording.example', { n: box + 1 }) }));
    out.examples = { id: `${idBase}-example-0`, label: t('codebook.wording.examples') };
    return out;
  }, [idBase, sentFrom, t]);
  const form = useScreenedForm(fields, { stale: t('codebook.stale'), onStale });
  useEffect(() => document.getElementById(`${idBase}-label_nl`)?.focus(), [idBase]);

  const mutation = useMutation({
    mutationFn: ({ wording, decisions }: { wording: CodebookWording; decisions?: Decisions; sent: Texts }) => save(wording, decisions),
    onSuccess: onDone,
    onError: (e, { sent }) => form.fromError(e, sent),
  });

  const send = (decisions?: Decisions) => {
    const { wording, sent, from } = toSend(draft, initial, creating, withExamples);
    setSentFrom(from);
    const errors: Record<string, string> = {};
    for (const k of texts) {
      const v = draft[k].trim();
      if (k.startsWith('label') && !v && (creating || initial[k])) errors[k] = t('fieldErrors.required');
      else if (v.length > (k.startsWith('label') ? labelMax : descriptionMax)) {
        errors[k] = t('fieldErrors.maxLength', { count: k.startsWith('label') ? labelMax : descriptionMax });
      }
    }
    (wording.examples ?? []).forEach((e, i) => {
      if (e.length > exampleMax) errors[`examples/${i}`] = t('fieldErrors.maxLength', { count: exampleMax });
    });
    if (Object.keys(errors).length) return form.fail(errors);
    if (!creating && Object.keys(wording).length === 0) return form.fail({}, t('codebook.wording.nothing'));
    form.clear();
    mutation.mutate({ wording, sent, ...(decisions ? { decisions } : {}) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions(toSend(draft, initial, creating, withExamples).sent);
  const set = (k: Label) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const setExample = (i: number) => (v: string) => setDraft((d) => ({ ...d, examples: (d.examples ?? []).map((e, j) => (j === i ? v : e)) }));
  const exampleError = (box: number) => {
    const sentIndex = sentFrom.indexOf(box);
    return sentIndex < 0 ? undefined : form.errorFor(`examples/${sentIndex}`);
  };
  const titleId = `${idBase}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {title}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.label_nl!.id} label={fields.label_nl!.label} value={draft.label_nl} onChange={set('label_nl')} required error={form.errorFor('label_nl')} />
      <TextField
        id={fields.label_en!.id}
        label={fields.label_en!.label}
        description={t('codebook.wording.englishHint')}
        value={draft.label_en}
        onChange={set('label_en')}
        required
        error={form.errorFor('label_en')}
      />
      <TextareaField
        id={fields.description_nl!.id}
        label={fields.description_nl!.label}
        description={t('codebook.wording.descriptionHint')}
        value={draft.description_nl}
        onChange={set('description_nl')}
        rows={3}
        error={form.errorFor('description_nl')}
      />
      <TextareaField
        id={fields.description_en!.id}
        label={fields.description_en!.label}
        value={draft.description_en}
        onChange={set('description_en')}
        rows={3}
        error={form.errorFor('description_en')}
      />
      {withExamples && (
        <Fieldset aria-describedby={`${idBase}-examples-hint`}>
          <FieldsetLegend>{t('codebook.wording.examples')}</FieldsetLegend>
          <FormFieldDescription id={`${idBase}-examples-hint`}>{t('codebook.wording.examplesHint')}</FormFieldDescription>
          {(draft.examples ?? []).map((e, i) => (
            <TextField
              key={i}
              id={`${idBase}-example-${i}`}
              label={t('codebook.wording.example', { n: i + 1 })}
              value={e}
              onChange={setExample(i)}
              error={exampleError(i)}
            />
          ))}
        </Fieldset>
      )}
      <ScreenedOverride show={decisions !== null} busy={mutation.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={submitLabel} busy={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
