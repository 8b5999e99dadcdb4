import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookKey, codebookUsageKey } from '../../api/codebookAdmin';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { codeLabel } from '../reflections/labels';
import { ThemeSection } from './ThemeSection';
import { WordingForm } from './WordingForm';
import { codebookHistoryPath } from './paths';
import { useCodebookRefresh } from './useCodebookRefresh';
import '../cases/cases.css';
import '../reflections/reflections.css';
import './codebook.css';

const empty = { label_nl: '', label_en: '', description_nl: '', description_en: '' };

function CodebookView({ networkId, manage }: { networkId: string; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const refresh = useCodebookRefresh(networkId);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  // Usage counts are for facilitators only; the plain codebook is the code picker's too.
  const query = useQuery({
    queryKey: manage ? codebookUsageKey(networkId) : codebookKey(networkId),
    queryFn: () => codebookAdminApi.get(networkId, manage),
  });
  const network = membershipIn(useMe(), networkId)?.network.name;
  return (
    <>
      <PageHeading title={t('codebook.title')} />
      <Paragraph>{manage ? t('codebook.introManage') : t('codebook.intro', { network: network ?? '' })}</Paragraph>
      <StatusMessage message={message} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <nav aria-labelledby="codebook-themes-title" className="leerlus-codebook-toc">
            <Heading level={2} id="codebook-themes-title" appearance="utrecht-heading-3">
              {t('codebook.themes')}
            </Heading>
            <ol>
              {query.data.themes.map((x) => (
                <li key={x.id}>
                  <Link href={`#thema-${x.key}`}>{codeLabel(x, i18n.language)}</Link>
                </li>
              ))}
            </ol>
          </nav>
          {manage && (
            <>
              <ButtonGroup>
                <Button ref={addButton} appearance="secondary-action-button" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
                  {t('codebook.theme.add')}
                </Button>
                <RouterLink to={codebookHistoryPath(networkId)}>{t('codebook.history.link')}</RouterLink>
              </ButtonGroup>
              {adding && (
                <WordingForm
                  idBase="theme-new"
                  title={t('codebook.theme.addTitle')}
                  level={2}
                  initial={empty}
                  creating
                  withExamples={false}
                  submitLabel={t('codebook.theme.addSubmit')}
                  save={(wording, decisions) =>
                    codebookAdminApi.addTheme(networkId, { ...wording, label_nl: wording.label_nl ?? '', label_en: wording.label_en ?? '', ...decisions })
                  }
                  onCancel={() => {
                    setAdding(false);
                    setTimeout(() => addButton.current?.focus(), 0);
                  }}
                  onDone={(saved) => {
                    setAdding(false);
                    refresh();
                    setMessage(t('codebook.theme.added', { theme: codeLabel(saved, i18n.language) }));
                  }}
                  onStale={refresh}
                />
              )}
            </>
          )}
          {query.data.themes.map((theme) => (
            <ThemeSection key={theme.id} networkId={networkId} codebook={query.data} theme={theme} manage={manage} onDone={setMessage} />
          ))}
        </>
      )}
    </>
  );
}

/**
 * CodebookPage shows a network's codebook: its themes and codes, what each
 * means, with examples. Facilitators manage it here (usage counts, add,
 * change, move, retire, merge); everyone else in the network reads it.
 */
export default function CodebookPage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'codebook.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <CodebookView networkId={id} manage={can(me, 'codebook.manage', id)} />;
}
