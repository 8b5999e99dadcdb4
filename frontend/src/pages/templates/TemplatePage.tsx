import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/problem';
import { templateApi, templateKey, templateVersionsKey, type Template, type TemplateDefinition } from '../../api/templates';
import { can, membershipIn, useMe } from '../../auth/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import type { FieldSpec } from '../../components/useForm';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import * as m from './model';
import type { EditorProps } from './editorProps';
import { SectionFields } from './SectionFields';
import { TemplatePreview } from './TemplatePreview';
import { VersionList } from './VersionList';
import './templates.css';

/** fieldSpecs names every text of the draft for the error summary: where it is and which box. */
function useFieldSpecs(def: TemplateDefinition): Record<string, FieldSpec> {
  const { t } = useTranslation();
  return useMemo(() => {
    const out: Record<string, FieldSpec> = {};
    def.sections.forEach((sec, s) => {
      const where = t('templates.where.section', { n: s + 1 });
      for (const k of m.texts) out[m.pointer({ s }, k)] = { id: m.controlId({ s }, k), label: `${where}: ${t(`templates.text.section.${k}`)}` };
      sec.questions.forEach((question, q) => {
        const at = `${where}, ${t('templates.where.question', { n: q + 1 })}`;
        for (const k of m.texts) out[m.pointer({ s, q }, k)] = { id: m.controlId({ s, q }, k), label: `${at}: ${t(`templates.text.question.${k}`)}` };
        (question.overrides ?? []).forEach((o, i) => {
          const who = `${at}, ${t(`perspectives.${o.perspective}`)}`;
          for (const k of m.texts) out[m.pointer({ s, q, o: i }, k)] = { id: m.controlId({ s, q, o: i }, k), label: `${who}: ${t(`templates.text.question.${k}`)}` };
        });
      });
    });
    return out;
  }, [def, t]);
}

/**
 * TemplateEditor edits a copy of the current form and saves it as a new
 * version. A save that comes after someone else's keeps what was typed
 * and says so; the next save is based on their version.
 */
function TemplateEditor({ networkId, template }: { networkId: string; template: Template }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [def, setDef] = useState(template.definition);
  const [basedOn, setBasedOn] = useState(template.version);
  const [message, setMessage] = useState<string | null>(null);
  const fields = useFieldSpecs(def);
  const form = useScreenedForm(fields);
  const change = (f: (d: TemplateDefinition) => TemplateDefinition) => setDef((d) => f(d));

  const mutation = useMutation({
    mutationFn: ({ decisions }: { decisions?: Decisions; sent: Record<string, string> }) =>
      templateApi.create(networkId, { based_on: basedOn, definition: def, ...decisions }),
    onSuccess: (saved) => {
      qc.setQueryData(templateKey(networkId), saved);
      void qc.invalidateQueries({ queryKey: templateVersionsKey(networkId) });
      setDef(saved.definition);
      setBasedOn(saved.version);
      setMessage(t('templates.saved', { version: saved.version }));
    },
    onError: async (e, { sent }) => {
      if (isApiError(e) && e.status === 409) {
        // Someone saved a version first: keep the typed form, base the next save on theirs.
        const current = await qc.fetchQuery({ queryKey: templateKey(networkId), queryFn: () => templateApi.current(networkId) });
        void qc.invalidateQueries({ queryKey: templateVersionsKey(networkId) });
        setBasedOn(current.version);
        form.fail({}, t('templates.stale', { version: current.version }));
        return;
      }
      form.fromError(e, sent);
    },
  });

  const send = (decisions?: Decisions) => {
    form.clear();
    setMessage(null);
    mutation.mutate({ sent: m.wordingTexts(def), ...(decisions ? { decisions } : {}) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions(m.wordingTexts(def));
  const edit: EditorProps = {
    def,
    template,
    setText: (path, text, value) => change((d) => m.setText(d, path, text, value)),
    setRequired: (s, q, required) => change((d) => m.updateQuestion(d, s, q, (x) => ({ ...x, required }))),
    addOverride: (s, q, p) => change((d) => m.addOverride(d, s, q, p)),
    removeOverride: (s, q, o) => change((d) => m.removeOverride(d, s, q, o)),
    addQuestion: (s, type) => {
      change((d) => m.addQuestion(d, s, type));
      const q = def.sections[s]!.questions.length;
      setTimeout(() => document.getElementById(m.controlId({ s, q }, 'nl'))?.focus(), 0);
    },
    removeQuestion: (s, q) => {
      change((d) => m.removeQuestion(d, s, q));
      setMessage(t('templates.question.removed'));
    },
    removeSection: (s) => {
      change((d) => m.removeSection(d, s));
      setMessage(t('templates.section.removed'));
    },
    errorFor: form.errorFor,
  };
  const addSection = () => {
    const s = def.sections.length;
    change(m.addSection);
    setTimeout(() => document.getElementById(m.controlId({ s }, 'nl'))?.focus(), 0);
  };
  return (
    <div className="leerlus-template">
      <form onSubmit={submit} noValidate className="leerlus-template__editor" aria-label={t('templates.formLabel')}>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <Paragraph>{t('templates.basedOn', { version: basedOn })}</Paragraph>
        {def.sections.map((section, s) => (
          <SectionFields key={`${section.key}-${s}`} s={s} section={section} edit={edit} />
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={addSection}>
            {t('templates.section.add')}
          </Button>
        </ButtonGroup>
        <ScreenedOverride show={decisions !== null} busy={mutation.isPending} onOverride={() => decisions && send(decisions)} />
        <StatusMessage message={message} />
        <ButtonGroup className="leerlus-template__save">
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending}>
            {t('templates.save')}
          </Button>
        </ButtonGroup>
      </form>
      <TemplatePreview def={def} template={template} />
    </div>
  );
}

/**
 * TemplatePage is where a network's facilitators change its reflection
 * form: the wording per section and question, per perspective, free
 * questions and sections, with a live preview and the list of versions.
 */
export default function TemplatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const allowed = can(me, 'templates.manage', id);
  const current = useQuery({ queryKey: templateKey(id), queryFn: () => templateApi.current(id), enabled: allowed, staleTime: Infinity });
  if (!allowed) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return (
    <>
      <PageHeading title={t('templates.title')} />
      <Paragraph>{t('templates.intro')}</Paragraph>
      {current.isPending ? (
        <Loading />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <TemplateEditor networkId={id} template={current.data} />
      )}
      <VersionList networkId={id} />
    </>
  );
}
