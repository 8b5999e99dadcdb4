import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { useMe, useUpdateMe } from '../../auth/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';

/** NameForm changes the name others see. */
export function NameForm() {
  const { t } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const [name, setName] = useState(me.name);
  const [saved, setSaved] = useState(false);
  const fields = useMemo(() => ({ name: { id: 'account-name', label: t('account.name') } }), [t]);
  const form = useFormErrors(fields);
  const save = useMutation({
    mutationFn: () => call(api.PATCH('/api/v1/me', { body: { name: name.trim() } })),
    onSuccess: (m) => {
      updateMe(m);
      setSaved(true);
    },
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!name.trim()) return form.fail({ name: t('account.nameMissing') });
    form.clear();
    save.mutate();
  };
  return (
    <section>
      <Heading level={2} id="account-details">
        {t('account.detailsTitle')}
      </Heading>
      <DataList>
        <DataListItem>
          <DataListKey>{t('account.email')}</DataListKey>
          <DataListValue>{me.email}</DataListValue>
        </DataListItem>
      </DataList>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <TextField
          id={fields.name.id}
          label={fields.name.label}
          description={t('account.nameHelp')}
          autoComplete="name"
          value={name}
          onChange={(v) => {
            setName(v);
            setSaved(false);
          }}
          error={form.errorFor('name')}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {t('account.saveName')}
        </Button>
      </form>
      <div role="status">
        {saved && (
          <Alert type="ok">
            <Paragraph>{t('account.nameSaved')}</Paragraph>
          </Alert>
        )}
      </div>
    </section>
  );
}
