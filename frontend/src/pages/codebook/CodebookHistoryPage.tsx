import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookHistoryKey, codebookKey, type CodebookChange, type CodebookWording } from '../../api/codebookAdmin';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useCursorPages } from '../../components/Pager';
import { QueryList } from '../../components/QueryList';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../components/labels';
import { codeLabel, effectLabel } from '../reflections/labels';
import { codesById } from './codes';
import { codebookHistoryPath, codebookPath } from './paths';
import type { Codebook } from '../../api/codebookAdmin';
import './codebook.css';

const wordingKeys: (keyof CodebookWording)[] = ['label_nl', 'label_en', 'description_nl', 'description_en', 'examples'];

/** Names resolves the ids a change names to words in the UI language; an id it cannot find stays as it is. */
function names(cb: Codebook | undefined, language: string) {
  const codes = codesById(cb);
  const themes = new Map((cb?.themes ?? []).map((x) => [x.id, x]));
  return {
    code: (id?: string) => (id && codes.has(id) ? codeLabel(codes.get(id)!.code, language) : (id ?? '')),
    theme: (id?: string) => (id && themes.has(id) ? codeLabel(themes.get(id)!, language) : (id ?? '')),
  };
}

function wordingChanges(t: TFunction, before: CodebookWording = {}, after: CodebookWording = {}): ReactNode[] {
  const text = (w: CodebookWording, k: keyof CodebookWording) => {
    const v = w[k];
    return Array.isArray(v) ? v.map((e) => `„${e}”`).join(', ') || t('codebook.history.empty') : v ? `„${v}”` : t('codebook.history.empty');
  };
  return wordingKeys
    .filter((k) => k in before || k in after)
    .map((k) => (
      <span key={k} className="leerlus-history__state">
        {t(`codebook.wording.${k}`)}: {text(before, k)} → {text(after, k)}
      </span>
    ));
}

/** ChangeDetail says what one change did, in words, with the names of the themes and codes it names. */
function ChangeDetail({ c, n }: { c: CodebookChange; n: ReturnType<typeof names> }) {
  const { t } = useTranslation();
  const d = c.detail;
  switch (c.action) {
    case 'theme_added':
    case 'code_added':
      return <>{t('codebook.history.key', { key: d.key ?? '' })}</>;
    case 'renamed':
    case 'described':
      return <>{wordingChanges(t, d.before, d.after)}</>;
    case 'moved':
      return (
        <>
          {t('codebook.history.moved', {
            from: n.theme(d.from_theme),
            to: n.theme(d.to_theme),
            fromPosition: d.from_position ?? '',
            toPosition: d.to_position ?? '',
          })}
        </>
      );
    case 'merged':
      return <>{t('codebook.history.merged', { into: n.code(d.into), count: d.counts?.codings ?? 0, collapsed: d.counts?.collapsed ?? 0 })}</>;
    case 'recoded':
      return (
        <>
          {t('codebook.history.recoded', {
            from: d.from_code ? `${n.code(d.from_code)} (${d.from_effect ? effectLabel(t, d.from_effect) : ''})` : t('codebook.history.empty'),
            to: d.to_code ? `${n.code(d.to_code)} (${d.to_effect ? effectLabel(t, d.to_effect) : ''})` : t('codebook.history.empty'),
          })}
        </>
      );
    default:
      return null;
  }
}

function History({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const code = search.get('code') ?? '';
  const pages = useCursorPages();
  const codebook = useQuery({ queryKey: codebookKey(networkId), queryFn: () => codebookAdminApi.get(networkId) });
  const n = names(codebook.data, i18n.language);
  const query = useQuery({
    queryKey: [...codebookHistoryKey(networkId), code, pages.cursor],
    queryFn: () => codebookAdminApi.history(networkId, { code: code || undefined, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const title = code ? t('codebook.history.titleCode', { code: n.code(code) }) : t('codebook.history.title');
  const columns: [string, (c: CodebookChange) => ReactNode][] = [
    [t('codebook.history.when'), (c) => formatDateTime(i18n.language, c.at)],
    [t('codebook.history.who'), (c) => c.actor?.name ?? ''],
    [t('codebook.history.what'), (c) => t(`codebook.history.actions.${c.action}`)],
    [t('codebook.history.subject'), (c) => (c.code_id ? n.code(c.code_id) : n.theme(c.theme_id))],
    [t('codebook.history.detail'), (c) => <ChangeDetail c={c} n={n} />],
  ];
  return (
    <>
      <Paragraph className="leerlus-no-print">
        <RouterLink to={codebookPath(networkId)}>{t('codebook.history.back')}</RouterLink>
        {code && (
          <>
            {' · '}
            <RouterLink to={codebookHistoryPath(networkId)}>{t('codebook.history.all')}</RouterLink>
          </>
        )}
      </Paragraph>
      <PageHeading title={title} />
      <Paragraph>{t('codebook.history.intro')}</Paragraph>
      <QueryList
        query={query}
        emptyText={t('codebook.history.none')}
        label={title}
        busy={query.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                {columns.map(([header]) => (
                  <TableHeaderCell key={header} scope="col">
                    {header}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id} data-action={c.action}>
                  {columns.map(([header, cell]) => (
                    <TableCell key={header} data-label={header}>
                      {cell(c)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/** CodebookHistoryPage lists every change of the network's codebook, newest first, or those of one code. Facilitators only. */
export default function CodebookHistoryPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [search] = useSearchParams();
  if (!can(me, 'codebook.manage', id)) return <NotAllowed reason={membershipIn(me, id) ? 'facilitatorOnly' : 'notMember'} />;
  // Keyed by the code: another code starts again at page 1.
  return <History key={search.get('code') ?? ''} networkId={id} />;
}
