import { useTranslation } from 'react-i18next';
import { ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { usePanel } from '../../components/usePanel';
import { codebookAdminApi, type Codebook, type CodebookTheme } from '../../api/codebookAdmin';
import { codeLabel } from '../reflections/labels';
import { CodeCard } from './CodeCard';
import { WordingForm } from './WordingForm';
import { useCodebookRefresh } from './useCodebookRefresh';

type Panel = 'edit' | 'add';

interface Props {
  networkId: string;
  codebook: Codebook;
  theme: CodebookTheme;
  manage: boolean;
  onDone: (message: string) => void;
}

const empty = { label_nl: '', label_en: '', description_nl: '', description_en: '', examples: [] };

/** ThemeSection is one theme of the codebook with its codes; facilitators change the theme and add codes to it. */
export function ThemeSection({ networkId, codebook, theme, manage, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const refresh = useCodebookRefresh(networkId);
  const { panel, cancel: close, close: shut, toggle } = usePanel<Panel>();
  const name = codeLabel(theme, i18n.language);
  const done = (message: string) => {
    shut();
    refresh();
    onDone(message);
  };
  const button = (kind: Panel, label: string) => toggle(kind, label, `${label}: ${name}`);
  const description = en ? theme.description_en : theme.description_nl;
  const titleId = `theme-${theme.id}-title`;
  return (
    <section id={`thema-${theme.key}`} className="leerlus-theme" aria-labelledby={titleId}>
      <Heading level={2} id={titleId}>
        {name} <span className="leerlus-code">{theme.key}</span>
      </Heading>
      <Paragraph className="leerlus-theme__other">
        {en ? t('codebook.code.labelNl') : t('codebook.code.labelEn')}: {en ? theme.label_nl : theme.label_en}
      </Paragraph>
      {description && <Paragraph>{description}</Paragraph>}
      {manage && (
        <>
          <ButtonGroup>
            {button('edit', t('codebook.theme.edit'))}
            {button('add', t('codebook.theme.addCode'))}
          </ButtonGroup>
          {panel === 'edit' && (
            <WordingForm
              idBase={`theme-${theme.id}-edit`}
              title={t('codebook.theme.editTitle', { theme: name })}
              level={3}
              initial={theme}
              creating={false}
              withExamples={false}
              submitLabel={t('form.save')}
              save={(wording, decisions) => codebookAdminApi.patchTheme(networkId, theme.id, { ...wording, ...decisions, version: theme.version })}
              onCancel={close}
              onDone={(saved) => done(t('codebook.theme.saved', { theme: codeLabel(saved, i18n.language) }))}
              onStale={refresh}
            />
          )}
          {panel === 'add' && (
            <WordingForm
              idBase={`theme-${theme.id}-add`}
              title={t('codebook.theme.addCodeTitle', { theme: name })}
              level={3}
              initial={empty}
              creating
              withExamples
              submitLabel={t('codebook.theme.addCodeSubmit')}
              save={(wording, decisions) =>
                codebookAdminApi.addCode(networkId, { ...wording, label_nl: wording.label_nl ?? '', label_en: wording.label_en ?? '', theme_id: theme.id, ...decisions })
              }
              onCancel={close}
              onDone={(saved) => done(t('codebook.theme.codeAdded', { code: codeLabel(saved, i18n.language), theme: name }))}
              onStale={refresh}
            />
          )}
        </>
      )}
      {theme.codes.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('codebook.theme.noCodes')}</Paragraph>
      ) : (
        <ul className="leerlus-code-list">
          {theme.codes.map((c) => (
            <li key={c.id}>
              <CodeCard networkId={networkId} codebook={codebook} code={c} manage={manage} onDone={onDone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
