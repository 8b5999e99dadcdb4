import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import type { Perspective } from '../../api/types';
import type { TemplateQuestion } from '../../api/templates';
import { SelectField } from '../../components/fields';
import { controlId, pointer, texts } from './model';
import type { EditorProps } from './editorProps';
import { WordingFields } from './WordingFields';

/**
 * OverrideFields are a question's own wordings for some perspectives
 * (a young person reads "Wat hielp jou?"): each can be changed or
 * removed, and one can be added for a perspective that has none yet.
 */
export function OverrideFields({ s, q, question, name, edit }: { s: number; q: number; question: TemplateQuestion; name: string; edit: EditorProps }) {
  const { t } = useTranslation();
  const overrides = question.overrides ?? [];
  const free = edit.template.perspectives.filter((p) => !overrides.some((o) => o.perspective === p));
  const [chosen, setChosen] = useState<Perspective | ''>('');
  // The wordings fold away: the default form words most questions for six perspectives.
  const [open, setOpen] = useState(false);
  const failing = overrides.some((_, i) => ['perspective', ...texts].some((k) => edit.errorFor(pointer({ s, q, o: i }, k))));
  const pick = chosen && free.includes(chosen) ? chosen : (free[0] ?? '');
  const selectId = controlId({ s, q }, 'new-override');
  const add = () => {
    if (!pick) return;
    edit.addOverride(s, q, pick);
    setChosen('');
    setOpen(true);
    // The new wording's first box: the page renders it on the next paint.
    setTimeout(() => document.getElementById(controlId({ s, q, o: overrides.length }, 'nl'))?.focus(), 0);
  };
  return (
    <div className="leerlus-template-overrides">
      {overrides.length > 0 && (
        <details className="leerlus-details" open={open || failing} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="leerlus-details__summary">
            {t('templates.override.summary', { count: overrides.length, list: overrides.map((o) => t(`perspectives.${o.perspective}`)).join(', ') })}
          </summary>
          {overrides.map((o, i) => {
            const who = t(`perspectives.${o.perspective}`);
            const error = edit.errorFor(pointer({ s, q, o: i }, 'perspective'));
            return (
              <Fieldset key={o.perspective} className="leerlus-template-override">
                <FieldsetLegend>{t('templates.override.legend', { perspective: who })}</FieldsetLegend>
                {error && <FormFieldErrorMessage>{error}</FormFieldErrorMessage>}
                <WordingFields path={{ s, q, o: i }} kind="question" value={o} edit={edit} />
                <Button
                  appearance="subtle-button"
                  aria-label={t('templates.override.removeNamed', { perspective: who, question: name })}
                  onClick={() => {
                    edit.removeOverride(s, q, i);
                    setTimeout(() => document.getElementById(selectId)?.focus(), 0);
                  }}
                >
                  {t('templates.override.remove')}
                </Button>
              </Fieldset>
            );
          })}
        </details>
      )}
      {free.length > 0 ? (
        <div className="leerlus-template-overrides__add">
          <SelectField
            id={selectId}
            label={t('templates.override.perspective')}
            value={pick}
            onChange={(v) => setChosen(v as Perspective)}
            options={free.map((p) => ({ value: p, label: t(`perspectives.${p}`) }))}
          />
          <Button appearance="secondary-action-button" aria-label={t('templates.override.addNamed', { question: name })} onClick={add}>
            {t('templates.override.add')}
          </Button>
        </div>
      ) : (
        <Paragraph>{t('templates.override.none')}</Paragraph>
      )}
    </div>
  );
}
