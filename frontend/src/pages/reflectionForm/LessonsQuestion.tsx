import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { StatusMessage } from '../../components/states';
import { useListFocus } from '../../components/useListFocus';
import { CheckboxGroup } from '../caseForm/ChoiceFields';
import { ScannedText } from '../caseForm/ScannedText';
import { CodePicker } from './CodePicker';
import { CodeTags } from './CodeTags';
import { maxCodes } from './ItemEntry';
import {
  addLesson,
  addLessonCode,
  isBlankItem,
  isBlankLesson,
  lessonKey,
  newKey,
  questionKey,
  removeLesson,
  removeLessonCode,
  setLessonSources,
  type LessonDraft,
} from './model';
import { QuestionHeading } from './QuestionHeading';
import { RemoveButton } from './RemoveButton';
import { scannedProps, type QuestionProps } from './questionProps';
import { fieldWording, langOf, wordingOf } from './template';

/** maxLessons is how many lessons a reflection holds at most (as the server allows). */
export const maxLessons = 10;

interface LessonProps extends QuestionProps {
  lesson: LessonDraft;
  index: number;
  onRemove: (l: LessonDraft) => void;
}

/** LessonEntry is one lesson: its statement, its codes, and the entries it came from. */
function LessonEntry(props: LessonProps) {
  const { form, draft, def, question: q, networkId, errorFor, lesson: l, index, onRemove } = props;
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const n = index + 1;
  const base = `lesson-${l.key}`;
  const statement = fieldWording(q, 'statement', lang) ?? { text: t('reflectionForm.lessons.statement'), help: '' };
  const codes = fieldWording(q, 'codes', lang) ?? { text: t('reflectionForm.items.codes'), help: '' };
  const pickerId = `${base}-codes`;
  // Entries are named by their section (Wat werkte) and what they say.
  const sectionName = (key: string) => {
    const s = def.sections.find((x) => x.questions.some((y) => y.key === key));
    return s ? wordingOf(s, lang).text : key;
  };
  const sources = draft.items
    .filter((it) => !isBlankItem(it))
    .map((it, i) => ({ value: it.key, label: `${sectionName(it.question)}: ${it.what.trim() || t('reflectionForm.lessons.untitled', { n: i + 1 })}` }));
  return (
    <section className="leerlus-entry" aria-labelledby={`${base}-heading`}>
      <Heading level={4} id={`${base}-heading`}>
        {t('reflectionForm.lessons.entry', { n })}
      </Heading>
      <ScannedText
        {...scannedProps(form, draft, lessonKey(l.key))}
        id={`${base}-statement`}
        label={statement.text}
        description={statement.help || undefined}
        rows={2}
        maxLength={300}
        error={errorFor(lessonKey(l.key))}
      />
      <CodePicker
        id={pickerId}
        networkId={networkId}
        label={codes.text}
        description={codes.help || undefined}
        error={errorFor(lessonKey(l.key, 'codes'))}
        chosen={l.codes.map((c) => c.id)}
        full={l.codes.length >= maxCodes}
        onPick={(code) => form.change((d) => addLessonCode(d, l.key, code))}
      />
      <CodeTags
        id={`${base}-tags`}
        label={t('reflectionForm.tags.lessonLabel', { n })}
        codes={l.codes}
        onRemove={(id) => {
          form.change((d) => removeLessonCode(d, l.key, id));
          document.getElementById(pickerId)?.focus();
        }}
      />
      {sources.length > 0 ? (
        <CheckboxGroup
          id={`${base}-sources`}
          legend={t('reflectionForm.lessons.sources')}
          description={t('reflectionForm.lessons.sourcesHelp')}
          error={errorFor(lessonKey(l.key, 'sources'))}
          options={sources}
          value={l.sources}
          onChange={(v) => form.change((d) => setLessonSources(d, l.key, v))}
        />
      ) : (
        <Paragraph>{t('reflectionForm.lessons.noSources')}</Paragraph>
      )}
      <div className="leerlus-entry__tools">
        <RemoveButton
          blank={isBlankLesson(l)}
          name={t('reflectionForm.lessons.removeNamed', { n })}
          question={t('reflectionForm.lessons.removeQuestion', { n })}
          onRemove={() => onRemove(l)}
        />
      </div>
    </section>
  );
}

/** LessonsQuestion is the list of lessons: short statements with codes, each linked to the entries it came from. */
export function LessonsQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const { form, draft, question: q } = props;
  const { message, say, focus } = useListFocus(draft.lessons);
  const addId = `${q.key}-add`;
  const add = () => {
    const key = newKey();
    form.change((d) => addLesson(d, key));
    say(t('reflectionForm.lessons.added', { n: draft.lessons.length + 1 }));
    focus(`lesson-${key}-statement`);
  };
  const remove = (l: LessonDraft) => {
    form.change((d) => removeLesson(d, l.key));
    say(t('reflectionForm.lessons.removed'));
    focus(addId);
  };
  return (
    <section className="leerlus-question" aria-labelledby={`${q.key}-heading`}>
      <QuestionHeading {...props} error={props.errorFor(questionKey(q.key))} />
      {draft.lessons.length === 0 && <Paragraph>{t('reflectionForm.lessons.empty')}</Paragraph>}
      {draft.lessons.map((l, i) => (
        <LessonEntry key={l.key} {...props} lesson={l} index={i} onRemove={remove} />
      ))}
      <Button id={addId} appearance="secondary-action-button" disabled={draft.lessons.length >= maxLessons} onClick={add}>
        {t(draft.lessons.length ? 'reflectionForm.lessons.addMore' : 'reflectionForm.lessons.add')}
      </Button>
      <StatusMessage message={message} />
    </section>
  );
}
