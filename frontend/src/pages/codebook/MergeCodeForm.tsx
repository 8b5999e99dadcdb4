import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookKey, type Codebook, type CodebookCode, type MergeCounts } from '../../api/codebookAdmin';
import { isApiError } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Facts, type Fact } from '../../components/Facts';
import { SelectField } from '../../components/fields';
import { ErrorState, Loading } from '../../components/states';
import { codeLabel } from '../reflections/labels';
import { codeGroups } from './codes';

interface Props {
  networkId: string;
  codebook: Codebook;
  code: CodebookCode;
  onCancel: () => void;
  onDone: (message: string) => void;
  onStale: () => void;
}

/** mergeFacts says in words what a merge moves, from the preview's counts. */
function mergeFacts(t: TFunction, counts: MergeCounts): Fact[] {
  const rows: Fact[] = [
    ['codings', t('codebook.merge.codings'), t('codebook.merge.codingsValue', { count: counts.codings, items: counts.items, cases: counts.cases })],
    ['collapsed', t('codebook.merge.collapsed'), t('codebook.merge.collapsedValue', { count: counts.collapsed })],
    ['lessons', t('codebook.merge.lessons'), t('codebook.merge.lessonsValue', { count: counts.lessons })],
  ];
  if (counts.effect_conflicts > 0) rows.splice(2, 0, ['effect_conflicts', t('codebook.merge.conflicts'), t('codebook.merge.conflictsValue', { count: counts.effect_conflicts })]);
  if (counts.lessons_collapsed > 0) rows.push(['lessons_collapsed', t('codebook.merge.lessonsCollapsed'), String(counts.lessons_collapsed)]);
  if (counts.repointed > 0) rows.push(['repointed', t('codebook.merge.repointed'), String(counts.repointed)]);
  return rows;
}

function Preview({ counts, from, into }: { counts: MergeCounts; from: string; into: string }) {
  const { t } = useTranslation();
  return (
    <section className="leerlus-merge-preview" aria-labelledby="merge-preview-title">
      <Heading level={5} id="merge-preview-title" appearance="utrecht-heading-4">
        {t('codebook.merge.previewTitle')}
      </Heading>
      <Paragraph>{t('codebook.merge.previewIntro', { from, into })}</Paragraph>
      <div className="leerlus-case-facts">
        <Facts rows={mergeFacts(t, counts)} />
      </div>
    </section>
  );
}

/**
 * MergeCodeForm merges a code into another of the network: the facilitator
 * picks the code that stays, sees first what would move (codings, items
 * that carry both, lessons), and only then confirms. Nothing changes
 * before the confirmation.
 */
export function MergeCodeForm({ networkId, codebook, code, onCancel, onDone, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const idBase = `code-${code.id}-merge`;
  const [into, setInto] = useState('');
  const [asked, setAsked] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => document.getElementById(`${idBase}-into`)?.focus(), [idBase]);
  const preview = useQuery({
    queryKey: [...codebookKey(networkId), 'merge-preview', code.id, asked],
    queryFn: () => codebookAdminApi.previewMerge(networkId, code.id, asked),
    enabled: asked !== '',
  });
  const target = codebook.themes.flatMap((x) => x.codes).find((c) => c.id === asked);
  const name = (c: CodebookCode | undefined) => (c ? `„${codeLabel(c, i18n.language)}”` : '');
  const merge = useMutation({
    mutationFn: () => codebookAdminApi.merge(networkId, code.id, asked, code.version),
    onSuccess: (m) => onDone(t('codebook.merge.done', { from: name(code), into: name(target), count: m.counts.codings })),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) onStale();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(into ? undefined : t('codebook.merge.chooseFirst'));
    setAsked(into);
  };
  const groups = codeGroups(codebook, i18n.language, (c) => c.offered && c.id !== code.id);
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={`${idBase}-title`}>
      <Heading level={4} id={`${idBase}-title`}>
        {t('codebook.merge.title', { code: codeLabel(code, i18n.language) })}
      </Heading>
      <Paragraph>{t('codebook.merge.intro')}</Paragraph>
      <SelectField
        id={`${idBase}-into`}
        label={t('codebook.merge.into')}
        value={into}
        onChange={(v) => {
          setInto(v);
          setAsked('');
          setError(undefined);
          merge.reset();
        }}
        emptyLabel={t('form.choose')}
        options={[]}
        groups={groups}
        error={error}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('codebook.merge.preview')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
      {asked && preview.isPending && <Loading />}
      {asked && preview.isError && <ErrorState error={preview.error} />}
      {asked && preview.data && (
        <>
          <Preview counts={preview.data.counts} from={name(code)} into={name(target)} />
          {merge.isError && <ErrorState error={merge.error} />}
          <ButtonGroup>
            <ConfirmButton
              label={t('codebook.merge.submit')}
              question={t('codebook.merge.question', { from: name(code), into: name(target) })}
              confirmLabel={t('codebook.merge.yes')}
              busy={merge.isPending}
              onConfirm={() => merge.mutate()}
            />
          </ButtonGroup>
        </>
      )}
    </form>
  );
}
