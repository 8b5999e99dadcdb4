import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { codebookAdminApi, type Codebook, type CodebookCode } from '../../api/codebookAdmin';
import { ConfirmButton } from '../../components/ConfirmButton';
import { usePanel } from '../../components/usePanel';
import { Facts, type Fact } from '../../components/Facts';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState } from '../../components/states';
import { codeLabel } from '../reflections/labels';
import { codesById } from './codes';
import { MergeCodeForm } from './MergeCodeForm';
import { MoveCodeForm } from './MoveCodeForm';
import { WordingForm } from './WordingForm';
import { codebookHistoryPath } from './paths';
import { useCodebookRefresh } from './useCodebookRefresh';

type Panel = 'edit' | 'move' | 'merge';

interface Props {
  networkId: string;
  codebook: Codebook;
  code: CodebookCode;
  /** manage: the reader is a facilitator of the network (usage, changes). */
  manage: boolean;
  onDone: (message: string) => void;
}

/**
 * CodeCard explains one code: its name in both languages, what it covers
 * and examples; a retired or merged code is marked in words. Facilitators
 * also see how often it is used and change, move, retire, restore or
 * merge it, each in a form under the buttons.
 */
export function CodeCard({ networkId, codebook, code: c, manage, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const refresh = useCodebookRefresh(networkId);
  const { panel, cancel: close, close: shut, toggle } = usePanel<Panel>();
  const name = codeLabel(c, i18n.language);
  const done = (message: string) => {
    shut();
    refresh();
    onDone(message);
  };
  const retire = useMutation({
    mutationFn: (retired: boolean) => codebookAdminApi.patchCode(networkId, c.id, { retired, version: c.version }),
    onSuccess: (_saved, retired) => done(t(retired ? 'codebook.code.retiredDone' : 'codebook.code.restoredDone', { code: name })),
    onError: refresh,
  });
  const mergedInto = c.merged_into ? codesById(codebook).get(c.merged_into)?.code : undefined;
  const rows: Fact[] = [];
  rows.push(['other_label', en ? t('codebook.code.labelNl') : t('codebook.code.labelEn'), en ? c.label_nl : c.label_en]);
  const description = en ? c.description_en : c.description_nl;
  rows.push(['description', t('codebook.code.description'), description || t('codebook.code.noDescription')]);
  if (manage) {
    const other = en ? c.description_nl : c.description_en;
    rows.push(['other_description', en ? t('codebook.code.descriptionNl') : t('codebook.code.descriptionEn'), other || t('codebook.code.noDescription')]);
  }
  if (c.examples.length) {
    rows.push([
      'examples',
      t('codebook.code.examples'),
      <UnorderedList className="leerlus-code-card__examples">
        {c.examples.map((e) => (
          <UnorderedListItem key={e}>{e}</UnorderedListItem>
        ))}
      </UnorderedList>,
    ]);
  }
  if (c.usage) {
    const u = c.usage;
    const said =
      u.codings + u.lessons === 0
        ? t('codebook.code.usageNone')
        : `${t('codebook.code.usageCodings', { count: u.codings, helped: u.helped, hindered: u.hindered })}, ${t('codebook.code.usageLessons', { count: u.lessons })}`;
    rows.push(['usage', t('codebook.code.usage'), said]);
  }
  const titleId = `code-${c.id}-title`;
  const button = (kind: Panel, label: string) => toggle(kind, label, `${label}: ${name}`);
  return (
    <article className="leerlus-code-card" aria-labelledby={titleId} data-code={c.key} data-retired={c.retired || undefined} data-merged={c.merged_into ? true : undefined}>
      <Heading level={3} id={titleId} className="leerlus-code-card__title">
        {name} <span className="leerlus-code">{c.key}</span>
      </Heading>
      {(c.retired || c.merged_into) && (
        <p className="leerlus-code-card__badges">
          {c.merged_into ? (
            <StatusBadge status="neutral" className="leerlus-badge">
              {mergedInto ? t('codebook.code.mergedInto', { code: codeLabel(mergedInto, i18n.language) }) : t('codebook.code.merged')}
            </StatusBadge>
          ) : (
            <StatusBadge status="neutral" className="leerlus-badge">
              {t('codebook.retired')}
            </StatusBadge>
          )}
        </p>
      )}
      <div className="leerlus-case-facts">
        <Facts rows={rows} />
      </div>
      {manage && (
        <>
          <ButtonGroup className="leerlus-code-card__actions">
            {!c.merged_into && (
              <>
                {button('edit', t('codebook.code.edit'))}
                {button('move', t('codebook.code.move'))}
                {!c.retired && button('merge', t('codebook.code.merge'))}
                {c.retired ? (
                  <Button appearance="secondary-action-button" aria-label={`${t('codebook.code.restore')}: ${name}`} busy={retire.isPending} onClick={() => retire.mutate(false)}>
                    {t('codebook.code.restore')}
                  </Button>
                ) : (
                  <ConfirmButton
                    label={t('codebook.code.retire')}
                    accessibleLabel={`${t('codebook.code.retire')}: ${name}`}
                    question={t('codebook.code.retireQuestion', { code: name })}
                    confirmLabel={t('codebook.code.retireYes')}
                    busy={retire.isPending}
                    onConfirm={() => retire.mutate(true)}
                  />
                )}
              </>
            )}
            <RouterLink to={codebookHistoryPath(networkId, c.id)} aria-label={`${t('codebook.code.history')}: ${name}`}>
              {t('codebook.code.history')}
            </RouterLink>
          </ButtonGroup>
          {retire.isError && <ErrorState error={retire.error} />}
          {panel === 'edit' && (
            <WordingForm
              idBase={`code-${c.id}-edit`}
              title={t('codebook.code.editTitle', { code: name })}
              level={4}
              initial={c}
              creating={false}
              withExamples
              submitLabel={t('form.save')}
              save={(wording, decisions) => codebookAdminApi.patchCode(networkId, c.id, { ...wording, ...decisions, version: c.version })}
              onCancel={close}
              onDone={(saved) => done(t('codebook.code.saved', { code: codeLabel(saved, i18n.language) }))}
              onStale={refresh}
            />
          )}
          {panel === 'move' && <MoveCodeForm networkId={networkId} codebook={codebook} code={c} onCancel={close} onDone={done} onStale={refresh} />}
          {panel === 'merge' && <MergeCodeForm networkId={networkId} codebook={codebook} code={c} onCancel={close} onDone={done} onStale={refresh} />}
        </>
      )}
    </article>
  );
}
