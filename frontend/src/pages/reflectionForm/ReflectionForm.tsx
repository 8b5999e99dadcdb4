import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { can, membershipIn, useMe } from '../../auth/session';
import { caseApi, caseKey } from '../../api/cases';
import { isApiError } from '../../api/problem';
import { myReflectionKey, reflectionWriteApi } from '../../api/reflectionWrite';
import { templateApi, templateVersionQuery } from '../../api/templates';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading } from '../../components/states';
import { CaseLink } from './CaseLink';
import { ReflectionEditor } from './ReflectionEditor';
import { langOf, wordingOf } from './template';
import './reflectionForm.css';

/**
 * Start is shown before the caller has a reflection on the case: the
 * form's intro, the perspective they write from, and a button that starts
 * the draft (only then can its texts be checked and saved). A second
 * start — another tab got there first — opens the one that exists.
 */
function Start({ networkId, caseId, caseTitle }: { networkId: string; caseId: string; caseTitle?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const template = useQuery({ queryKey: ['network', networkId, 'template'], queryFn: () => templateApi.current(networkId) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const perspective = membershipIn(me, networkId)?.perspective;
  const begin = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(myReflectionKey(caseId), await reflectionWriteApi.start(caseId));
    } catch (e) {
      if (isApiError(e) && e.status === 409) await qc.invalidateQueries({ queryKey: myReflectionKey(caseId) });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} />;
  if (!template.data) return <Loading />;
  const def = template.data.definition;
  const lang = langOf(i18n.language);
  return (
    <>
      <PageHeading title={def[lang]} />
      {caseTitle && <Paragraph className="leerlus-reflection__case">{t('reflectionForm.about', { title: caseTitle })}</Paragraph>}
      <Paragraph>{lang === 'en' ? def.intro_en : def.intro_nl}</Paragraph>
      {perspective && <Paragraph>{t('reflectionForm.perspective', { perspective: t(`perspectives.${perspective}`) })}</Paragraph>}
      <Paragraph>{t('reflectionForm.sectionsList', { list: def.sections.map((s) => wordingOf(s, lang).text).join(', ') })}</Paragraph>
      <Paragraph>{t('reflectionForm.startIntro')}</Paragraph>
      <Paragraph>
        <Button appearance="primary-action-button" busy={busy} onClick={() => void begin()}>
          {t('reflectionForm.start')}
        </Button>
      </Paragraph>
      {Boolean(error) && <ErrorState error={error} />}
      <CaseLink networkId={networkId} caseId={caseId} />
    </>
  );
}

/** Loader finds the caller's reflection on the case (or offers to start one) and the form version it is written with. */
function Loader({ networkId, caseId }: { networkId: string; caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useQuery({
    queryKey: myReflectionKey(caseId),
    queryFn: async () => {
      const id = await reflectionWriteApi.mine(caseId);
      return id ? reflectionWriteApi.get(id) : null;
    },
    // The form's own copy: read once as the start of the working copy, never under the author's hands.
    staleTime: Infinity,
  });
  const theCase = useQuery({ queryKey: caseKey(caseId), queryFn: () => caseApi.get(caseId), retry: false });
  const r = mine.data;
  const template = useQuery({ ...templateVersionQuery(networkId, r?.template_version ?? 0), enabled: Boolean(r) });
  if (mine.isError || template.isError) {
    return (
      <>
        <PageHeading title={t('reflectionForm.title')} />
        <ErrorState error={mine.error ?? template.error} onRetry={() => void (mine.isError ? mine.refetch() : template.refetch())} />
        <CaseLink networkId={networkId} caseId={caseId} />
      </>
    );
  }
  if (r === undefined) return <Loading />;
  if (r === null) return <Start networkId={networkId} caseId={caseId} caseTitle={theCase.data?.title} />;
  if (!template.data) return <Loading />;
  return <ReflectionEditor key={r.id} reflection={r} template={template.data} personId={me.id} caseTitle={theCase.data?.title} episodes={theCase.data?.episodes} />;
}

/** ReflectionForm is where a member writes their reflection on a case, from their perspective, saved as they type. */
export function ReflectionForm() {
  const { t } = useTranslation();
  const { id = '', case: caseId = '' } = useParams();
  const me = useMe();
  if (!can(me, 'reflections.write', id)) {
    return (
      <>
        <PageHeading title={t('reflectionForm.title')} />
        <Paragraph>{t('reflectionForm.notAllowed')}</Paragraph>
      </>
    );
  }
  return <Loader key={caseId} networkId={id} caseId={caseId} />;
}

export default ReflectionForm;
