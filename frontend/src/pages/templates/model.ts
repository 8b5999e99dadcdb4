import type { Perspective } from '../../api/types';
import type { TemplateDefinition, TemplateQuestion, TemplateSection } from '../../api/templates';

/** Text names a wording text of a section, question or override. */
export type Text = 'nl' | 'en' | 'help_nl' | 'help_en';

/** texts are the four wording texts, in the order the form shows them. */
export const texts: readonly Text[] = ['nl', 'en', 'help_nl', 'help_en'];

/** FreeType is a type a network may give a question it adds. */
export type FreeType = 'text' | 'rating';

/** Path points at a section, a question in it, or an override of that question. */
export interface Path {
  s: number;
  q?: number;
  o?: number;
}

/** pointer is the field name the server uses for a text at a path (without the leading slash). */
export function pointer({ s, q, o }: Path, text: string): string {
  let at = `definition/sections/${s}`;
  if (q !== undefined) at += `/questions/${q}`;
  if (o !== undefined) at += `/overrides/${o}`;
  return `${at}/${text}`;
}

/** controlId is the id of the form control for a text at a path. */
export function controlId({ s, q, o }: Path, text: string): string {
  return ['tpl', `s${s}`, q !== undefined ? `q${q}` : '', o !== undefined ? `o${o}` : '', text].filter(Boolean).join('-');
}

const mapAt = <T>(list: T[], i: number, f: (x: T) => T): T[] => list.map((x, j) => (j === i ? f(x) : x));

/** updateSection changes one section. */
export function updateSection(def: TemplateDefinition, s: number, f: (x: TemplateSection) => TemplateSection): TemplateDefinition {
  return { ...def, sections: mapAt(def.sections, s, f) };
}

/** updateQuestion changes one question. */
export function updateQuestion(def: TemplateDefinition, s: number, q: number, f: (x: TemplateQuestion) => TemplateQuestion): TemplateDefinition {
  return updateSection(def, s, (sec) => ({ ...sec, questions: mapAt(sec.questions, q, f) }));
}

/** setText sets one text at a path. */
export function setText(def: TemplateDefinition, path: Path, text: Text, value: string): TemplateDefinition {
  const { s, q, o } = path;
  if (q === undefined) return updateSection(def, s, (x) => ({ ...x, [text]: value }));
  if (o === undefined) return updateQuestion(def, s, q, (x) => ({ ...x, [text]: value }));
  return updateQuestion(def, s, q, (x) => ({ ...x, overrides: mapAt(x.overrides ?? [], o, (w) => ({ ...w, [text]: value })) }));
}

/** textAt reads one text at a path. */
export function textAt(def: TemplateDefinition, { s, q, o }: Path, text: Text): string {
  const sec = def.sections[s]!;
  if (q === undefined) return sec[text];
  const question = sec.questions[q]!;
  return o === undefined ? question[text] : question.overrides![o]![text];
}

/** addOverride gives a question its own wording for a perspective, starting from its default wording. */
export function addOverride(def: TemplateDefinition, s: number, q: number, perspective: Perspective): TemplateDefinition {
  return updateQuestion(def, s, q, (x) => ({
    ...x,
    overrides: [...(x.overrides ?? []), { perspective, nl: x.nl, en: x.en, help_nl: x.help_nl, help_en: x.help_en }],
  }));
}

/** removeOverride drops a question's wording for a perspective. */
export function removeOverride(def: TemplateDefinition, s: number, q: number, o: number): TemplateDefinition {
  return updateQuestion(def, s, q, (x) => ({ ...x, overrides: (x.overrides ?? []).filter((_, j) => j !== o) }));
}

/** freeKeys are the keys the template already uses, so a new key is unique (question keys in the whole template). */
function unusedKey(used: Set<string>, prefix: string): string {
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** newQuestion is an empty free question of a type; its key is never shown and only has to be unique. */
function newQuestion(def: TemplateDefinition, type: FreeType): TemplateQuestion {
  const used = new Set(def.sections.flatMap((x) => x.questions.map((q) => q.key)));
  return { key: unusedKey(used, 'vraag'), type, required: false, nl: '', en: '', help_nl: '', help_en: '', fields: [], overrides: [] };
}

/** addQuestion adds a free question at the end of a section. */
export function addQuestion(def: TemplateDefinition, s: number, type: FreeType): TemplateDefinition {
  const q = newQuestion(def, type);
  return updateSection(def, s, (x) => ({ ...x, questions: [...x.questions, q] }));
}

/** removeQuestion drops a question (never a core one: the page offers no button for those). */
export function removeQuestion(def: TemplateDefinition, s: number, q: number): TemplateDefinition {
  return updateSection(def, s, (x) => ({ ...x, questions: x.questions.filter((_, j) => j !== q) }));
}

/** addSection adds a section at the end, with one text question: a section is never empty. */
export function addSection(def: TemplateDefinition): TemplateDefinition {
  const key = unusedKey(new Set(def.sections.map((x) => x.key)), 'deel');
  const section: TemplateSection = { key, nl: '', en: '', help_nl: '', help_en: '', questions: [newQuestion(def, 'text')] };
  return { ...def, sections: [...def.sections, section] };
}

/** removeSection drops a section with its questions. */
export function removeSection(def: TemplateDefinition, s: number): TemplateDefinition {
  return { ...def, sections: def.sections.filter((_, j) => j !== s) };
}

/** holdsCore says whether a section holds a core question, so it cannot be removed. */
export function holdsCore(section: TemplateSection, core: readonly string[]): boolean {
  return section.questions.some((q) => core.includes(q.key));
}

/** wordingTexts lists every text the page edits by its field name, for the findings of a refused save. */
export function wordingTexts(def: TemplateDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  def.sections.forEach((sec, s) => {
    for (const k of texts) out[pointer({ s }, k)] = sec[k];
    sec.questions.forEach((question, q) => {
      for (const k of texts) out[pointer({ s, q }, k)] = question[k];
      (question.overrides ?? []).forEach((w, o) => {
        for (const k of texts) out[pointer({ s, q, o }, k)] = w[k];
      });
    });
  });
  return out;
}
