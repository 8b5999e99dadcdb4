import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { codebookAdminApi, type Codebook, type CodebookCode, type CodeChangeRequest } from '../../api/codebookAdmin';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { SelectField, TextField } from '../../components/fields';
import { useScreenedForm } from '../../components/useScreenedForm';
import { codeLabel } from '../reflections/labels';

interface Props {
  networkId: string;
  codebook: Codebook;
  code: CodebookCode;
  onCancel: () => void;
  onDone: (message: string) => void;
  onStale: () => void;
}

/**
 * MoveCodeForm moves a code to another theme, or to another place in its
 * theme. Its key stays: the key says where a code was born.
 */
export function MoveCodeForm({ networkId, codebook, code, onCancel, onDone, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const idBase = `code-${code.id}-move`;
  const fields = useMemo(
    () => ({
      theme_id: { id: `${idBase}-theme`, label: t('codebook.move.theme') },
      position: { id: `${idBase}-position`, label: t('codebook.move.position') },
    }),
    [idBase, t],
  );
  const form = useScreenedForm(fields, { stale: t('codebook.stale'), onStale });
  const [theme, setTheme] = useState(code.theme_id);
  const [position, setPosition] = useState('');
  useEffect(() => document.getElementById(fields.theme_id.id)?.focus(), [fields.theme_id.id]);
  const target = codebook.themes.find((x) => x.id === theme);
  const move = useMutation({
    mutationFn: (body: CodeChangeRequest) => codebookAdminApi.patchCode(networkId, code.id, body),
    onSuccess: () => onDone(t('codebook.move.done', { code: codeLabel(code, i18n.language), theme: target ? codeLabel(target, i18n.language) : '' })),
    onError: (e) => form.fromError(e, {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CodeChangeRequest = { version: code.version };
    if (theme !== code.theme_id) body.theme_id = theme;
    if (position.trim()) {
      const n = Number(position);
      if (!Number.isInteger(n) || n < 1) return form.fail({ position: t('fieldErrors.range', { min: 1, max: (target?.codes.length ?? 1) + 1 }) });
      body.position = n;
    }
    if (body.theme_id === undefined && body.position === undefined) return form.fail({}, t('codebook.move.nothing'));
    form.clear();
    move.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={`${idBase}-title`}>
      <Heading level={4} id={`${idBase}-title`}>
        {t('codebook.move.title', { code: codeLabel(code, i18n.language) })}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <SelectField
        id={fields.theme_id.id}
        label={fields.theme_id.label}
        value={theme}
        onChange={setTheme}
        options={codebook.themes.map((x) => ({ value: x.id, label: codeLabel(x, i18n.language) }))}
        error={form.errorFor('theme_id')}
      />
      <TextField
        id={fields.position.id}
        label={fields.position.label}
        description={t('codebook.move.positionHint')}
        type="number"
        inputMode="numeric"
        min={1}
        value={position}
        onChange={setPosition}
        error={form.errorFor('position')}
      />
      <FormButtons submitLabel={t('codebook.move.submit')} busy={move.isPending} onCancel={onCancel} />
    </form>
  );
}
