import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import { isApiError, isFindingsError } from '../../api/problem';
import { fieldMessages } from '../../api/fieldMessages';
import { PageHeading } from '../../components/PageHeading';
import { caseApi, casesKey } from '../../api/cases';
import { failReason, type FailReason } from './autosave';
import { forget, newCaseKey, readJSON, writeJSON } from './draftStore';
import { addDecision, decide, markRequests, openFindings, type Decision, type Finding } from './findings';
import { TitleField } from './ScannedText';
import type { Scan } from './useLiveScan';
import { autosaveDelay } from './useCaseDraft';

interface Typed {
  title: string;
  decisions: Decision[];
}

/**
 * NewCase asks for a title and makes the draft from it, by itself after a
 * pause in typing or with the button. Before the draft exists there is no
 * case to check text against, so the only findings are those of a refused
 * create (422); when the author has decided on each of them, the create
 * is sent again at once with the decisions placed on those findings.
 */
function NewCaseForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = newCaseKey(me.id, networkId);
  const [typed, setTyped] = useState<Typed>(() => readJSON<Typed>(key) ?? { title: '', decisions: [] });
  const [scan, setScan] = useState<Scan | undefined>(undefined);
  const [reason, setReason] = useState<FailReason | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const creating = useRef(false);

  useEffect(() => {
    if (typed.title) writeJSON(key, typed);
    else forget(key);
  }, [key, typed]);

  const create = async (now: Typed) => {
    const title = now.title;
    if (creating.current || title.trim().length < 3) return;
    creating.current = true;
    setBusy(true);
    let findings: Finding[] = scan && scan.text === title ? scan.findings : [];
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const c = await caseApi.create(networkId, { title, ...markRequests('/title', title, findings, now.decisions) });
          forget(key);
          void qc.invalidateQueries({ queryKey: casesKey(networkId) });
          navigate(`/netwerk/${networkId}/casussen/${c.id}/bewerken?stap=1`, { replace: true });
          return;
        } catch (e) {
          if (!isFindingsError(e)) throw e;
          findings = e.findings;
          setScan({ text: title, findings, fresh: false });
          // Try once more only when every finding is already decided (the decisions were placed on older offsets).
          if (openFindings(title, findings, now.decisions).length > 0) throw e;
        }
      }
    } catch (e) {
      setReason(failReason(e));
      setError(isApiError(e) && e.fieldProblems.title ? fieldMessages(t, e.fieldProblems.title) : undefined);
    } finally {
      creating.current = false;
      setBusy(false);
    }
  };

  // Autosave: the draft is made after a pause in typing.
  useEffect(() => {
    if (typed.title.trim().length < 3) return;
    if (scan && scan.text === typed.title && openFindings(typed.title, scan.findings, typed.decisions).length > 0) return;
    const timer = window.setTimeout(() => void create(typed), autosaveDelay);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const onDecide = (f: Finding) => setTyped((x) => ({ ...x, decisions: addDecision(x.decisions, decide(x.title, f)) }));
  const onReplace = (f: Finding) => {
    if (!f.tag) return;
    setTyped((x) => ({ ...x, title: x.title.slice(0, f.start) + f.tag + x.title.slice(f.end) }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create(typed);
  };
  return (
    <>
      <PageHeading title={t('caseForm.newTitle')} />
      <Paragraph>{t('caseForm.newIntro')}</Paragraph>
      <Paragraph>{t('caseForm.newTitleStart')}</Paragraph>
      <Paragraph className="leerlus-shared-note">{t('caseForm.save.sharedComputer')}</Paragraph>
      <form noValidate onSubmit={submit}>
        <TitleField
          value={typed.title}
          onChange={(title) => setTyped((x) => ({ ...x, title }))}
          scan={scan}
          decisions={typed.decisions}
          onReplace={onReplace}
          onDecide={onDecide}
          error={error}
        />
        <div role="status">
          {reason && reason !== 'findings' && (
            <Paragraph>{t('caseForm.save.failed', { reason: t(`caseForm.save.reasons.${reason}`) })}</Paragraph>
          )}
        </div>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('caseForm.start')}
        </Button>
      </form>
    </>
  );
}

/** NewCase starts a case in a network, for those the server lets write cases there. */
export function NewCase() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'cases.write', id)) {
    return (
      <>
        <PageHeading title={t('caseForm.newTitle')} />
        <Paragraph>{t('caseForm.review.notAllowed')}</Paragraph>
      </>
    );
  }
  return <NewCaseForm networkId={id} />;
}

export default NewCase;
