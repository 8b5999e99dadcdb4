import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { minPasswordLength, NewPasswordField } from '../../components/NewPasswordField';
import { useFormErrors } from '../../components/useForm';


/** PasswordForm changes the password; the current one is asked again. */
export function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [show, setShow] = useState(false);
  const [saved, setSaved] = useState(false);
  const fields = useMemo(
    () => ({
      current_password: { id: 'password-current', label: t('password.current') },
      new_password: { id: 'password-new', label: t('password.new') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const save = useMutation({
    mutationFn: () =>
      call(api.PUT('/api/v1/me/password', { body: { current_password: current, new_password: next } })),
    onSuccess: () => {
      setSaved(true);
      setCurrent('');
      setNext('');
    },
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    if (!current) errors.current_password = t('password.currentMissing');
    if (next.length < minPasswordLength) errors.new_password = t('password.tooShort', { count: minPasswordLength });
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };
  return (
    <section>
      <Heading level={2} id="account-password">
        {t('password.title')}
      </Heading>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <TextField
          id={fields.current_password.id}
          label={fields.current_password.label}
          type={show ? 'text' : 'password'}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={form.errorFor('current_password')}
          required
        />
        <NewPasswordField
          id={fields.new_password.id}
          label={fields.new_password.label}
          value={next}
          onChange={setNext}
          error={form.errorFor('new_password')}
          shown={show}
        />
        <CheckboxField id="password-show" label={t('password.show')} checked={show} onChange={setShow} />
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {t('password.submit')}
        </Button>
      </form>
      <div role="status">
        {saved && (
          <Alert type="ok">
            <Paragraph>{t('password.saved')}</Paragraph>
          </Alert>
        )}
      </div>
    </section>
  );
}
