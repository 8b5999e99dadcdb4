import type { Episode, Perspective } from '../../api/types';
import type { TemplateDefinition, TemplateQuestion } from '../../api/templates';
import type { ReflectionDraft } from './model';
import { textOf } from './model';
import type { ReflectionForm } from './useReflectionDraft';

/** QuestionProps is what every question of the reflection form gets. */
export interface QuestionProps {
  form: ReflectionForm;
  draft: ReflectionDraft;
  def: TemplateDefinition;
  question: TemplateQuestion;
  perspective: Perspective;
  networkId: string;
  /** episodes are the case's key episodes, in their order, that an entry may be about (none while the case is not loaded) */
  episodes: readonly Episode[];
  /** errorFor gives the message beside a field, by the form's field name (item:<key>:what, question:<key>) */
  errorFor: (field: string) => string | undefined;
}

/** scannedProps wires one free text of the draft to a ScannedText: its words, its check and the author's decisions. */
export function scannedProps(form: ReflectionForm, draft: ReflectionDraft, key: string) {
  return {
    value: textOf(draft, key),
    onChange: (v: string) => form.setText(key, v),
    scan: form.scans[key],
    decisions: draft.decisions[key] ?? [],
    onReplace: (f: Parameters<ReflectionForm['replace']>[1]) => form.replace(key, f),
    onDecide: (f: Parameters<ReflectionForm['decideOn']>[1]) => form.decideOn(key, f),
    context: 'reflection',
  };
}
