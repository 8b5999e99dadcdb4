import type { Perspective } from '../../api/types';
import type { QuestionType, TemplateDefinition, TemplateQuestion } from '../../api/templates';

/** Lang is a language the form is worded in. */
export type Lang = 'nl' | 'en';

/** langOf picks the form's language from the UI's: English for en, Dutch for everything else. */
export function langOf(language: string): Lang {
  return language.startsWith('en') ? 'en' : 'nl';
}

/** Wording is a text of a template with its help, in one language. */
export interface Wording {
  text: string;
  help: string;
}

interface Worded {
  nl: string;
  en: string;
  help_nl: string;
  help_en: string;
}

/** wordingOf reads a template text (a section, a question, a field) in one language. */
export function wordingOf(w: Worded, lang: Lang): Wording {
  return lang === 'en' ? { text: w.en, help: w.help_en } : { text: w.nl, help: w.help_nl };
}

/**
 * questionWording is what a reader with this perspective reads: the
 * question's override for the perspective, else its own wording (as the
 * server's Question.For).
 */
export function questionWording(q: TemplateQuestion, perspective: Perspective, lang: Lang): Wording {
  const o = q.overrides?.find((x) => x.perspective === perspective);
  return wordingOf(o ?? q, lang);
}

/** fieldWording is the wording of one field of a list question's entries (what, why, codes, statement), if the template words it. */
export function fieldWording(q: TemplateQuestion, key: string, lang: Lang): Wording | undefined {
  const f = q.fields?.find((x) => x.key === key);
  return f ? wordingOf(f, lang) : undefined;
}

/** questionsOf lists the form's questions of one type, in the order of the form. */
export function questionsOf(def: TemplateDefinition, type: QuestionType): TemplateQuestion[] {
  return def.sections.flatMap((s) => s.questions.filter((q) => q.type === type));
}

/** stepOfQuestion is the step (1 for the first section) that holds a question; 0 when none does. */
export function stepOfQuestion(def: TemplateDefinition, key: string): number {
  return def.sections.findIndex((s) => s.questions.some((q) => q.key === key)) + 1;
}

/** questionByKey finds a question of the form. */
export function questionByKey(def: TemplateDefinition, key: string): TemplateQuestion | undefined {
  for (const s of def.sections) {
    const q = s.questions.find((x) => x.key === key);
    if (q) return q;
  }
  return undefined;
}
