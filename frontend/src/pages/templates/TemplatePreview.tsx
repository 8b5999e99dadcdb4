import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Perspective } from '../../api/types';
import type { Template, TemplateDefinition, TemplateQuestion } from '../../api/templates';
import { SelectField } from '../../components/fields';
import { RadioGroup } from '../caseForm/ChoiceFields';
import { QuestionHeading } from '../reflectionForm/QuestionHeading';
import { fieldWording, wordingOf, type Lang } from '../reflectionForm/template';

// The fields of a list entry the form shows, in its order, with the form's own words when the template words none.
const entryFields: Record<string, string[]> = { items: ['what', 'why', 'codes'], lessons: ['statement', 'codes'] };
const fallback: Record<string, string> = {
  what: 'reflectionForm.items.what',
  why: 'reflectionForm.items.why',
  codes: 'reflectionForm.items.codes',
  statement: 'templates.preview.statement',
};

/**
 * PreviewQuestion shows one question as a writer with this perspective
 * reads it, with the reflection form's own wording rules (an override for
 * the perspective, else the question's words): its heading and help, and
 * what the answer looks like, without anything to fill in.
 */
function PreviewQuestion({ question: q, perspective, lang }: { question: TemplateQuestion; perspective: Perspective; lang: Lang }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(lang);
  const fields = entryFields[q.type] ?? [];
  return (
    <div className="leerlus-template-preview__question">
      <QuestionHeading question={q} perspective={perspective} lang={lang} level={4} />
      {q.required && <Paragraph className="leerlus-template-preview__note">{t('templates.preview.required')}</Paragraph>}
      {fields.length > 0 && (
        <UnorderedList>
          {fields.map((f) => (
            <UnorderedListItem key={f}>{fieldWording(q, f, lang)?.text || t(fallback[f]!)}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {q.type === 'rating' && <Paragraph className="leerlus-template-preview__note">{t('templates.preview.rating')}</Paragraph>}
      {q.type === 'text' && <Paragraph className="leerlus-template-preview__note">{t('templates.preview.text')}</Paragraph>}
    </div>
  );
}

/**
 * TemplatePreview shows the form being edited as a writer would read it:
 * per perspective and language, chosen here. It changes as the wording is
 * typed; nothing in it can be filled in.
 */
export function TemplatePreview({ def, template }: { def: TemplateDefinition; template: Template }) {
  const { t, i18n } = useTranslation();
  const [perspective, setPerspective] = useState<Perspective>(template.perspectives[0] ?? 'professional');
  const [lang, setLang] = useState<Lang>(i18n.language.startsWith('en') ? 'en' : 'nl');
  return (
    <section className="leerlus-template-preview" aria-labelledby="template-preview-title">
      <Heading level={2} id="template-preview-title">
        {t('templates.preview.title')}
      </Heading>
      <Paragraph>{t('templates.preview.intro')}</Paragraph>
      <SelectField
        id="preview-perspective"
        label={t('templates.preview.perspective')}
        value={perspective}
        onChange={(v) => setPerspective(v as Perspective)}
        options={template.perspectives.map((p) => ({ value: p, label: t(`perspectives.${p}`) }))}
      />
      <RadioGroup
        id="preview-lang"
        legend={t('templates.preview.language')}
        options={[
          { value: 'nl', label: t('templates.preview.nl') },
          { value: 'en', label: t('templates.preview.en') },
        ]}
        value={lang}
        onChange={(v) => setLang(v === 'en' ? 'en' : 'nl')}
      />
      <div className="leerlus-template-preview__form" lang={lang} aria-label={t('templates.preview.formLabel', { perspective: t(`perspectives.${perspective}`) })} role="group">
        <Paragraph className="leerlus-template-preview__title">{def[lang]}</Paragraph>
        <Paragraph>{lang === 'en' ? def.intro_en : def.intro_nl}</Paragraph>
        {def.sections.map((s, i) => {
          const w = wordingOf(s, lang);
          return (
            <div key={`${s.key}-${i}`}>
              <Heading level={3}>{w.text || '…'}</Heading>
              {w.help && <Paragraph>{w.help}</Paragraph>}
              {s.questions.map((q, j) => (
                <PreviewQuestion key={`${q.key}-${j}`} question={q} perspective={perspective} lang={lang} />
              ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
