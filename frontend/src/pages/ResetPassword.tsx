import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../api/client';
import { isApiError } from '../api/problem';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField } from '../components/fields';
import { useFormErrors } from '../components/useForm';
import { ErrorState, Loading } from '../components/states';
import { RouterLink } from '../components/RouterLink';
import { minPasswordLength, NewPasswordField } from '../components/NewPasswordField';

/** ResetPassword lets the holder of a reset link choose a new password. */
export function ResetPassword() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const fields = useMemo(() => ({ new_password: { id: 'reset-password', label: t('reset.password') } }), [t]);
  const form = useFormErrors(fields);
  const preview = useQuery({
    queryKey: ['reset-token', token],
    meta: { authFlow: true },
    queryFn: () => call(api.GET('/api/v1/password-reset-tokens/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const reset = useMutation({
    meta: { authFlow: true },
    mutationFn: () =>
      call(api.POST('/api/v1/password-reset-tokens/{token}', { params: { path: { token } }, body: { new_password: password } })),
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < minPasswordLength) return form.fail({ new_password: t('password.tooShort', { count: minPasswordLength }) });
    form.clear();
    reset.mutate();
  };

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const gone = isApiError(preview.error) && [404, 410].includes(preview.error.status);
    return (
      <div className="leerlus-narrow">
        <PageHeading title={t('reset.title')} />
        {gone ? (
          <Alert type="warning">
            <Paragraph>{t('reset.gone')}</Paragraph>
          </Alert>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )}
      </div>
    );
  }
  if (reset.isSuccess) {
    return (
      <div className="leerlus-narrow">
        <PageHeading title={t('reset.title')} />
        <Alert type="ok" role="status">
          <Paragraph>{t('reset.done')}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink to="/aanmelden">{t('reset.signIn')}</RouterLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="leerlus-narrow">
      <PageHeading title={t('reset.title')} />
      <Paragraph>{t('reset.intro', { name: preview.data.name })}</Paragraph>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <NewPasswordField
          id={fields.new_password.id}
          label={fields.new_password.label}
          value={password}
          onChange={setPassword}
          error={form.errorFor('new_password')}
          shown={show}
        />
        <CheckboxField id="reset-show-password" label={t('password.show')} checked={show} onChange={setShow} />
        <Button type="submit" appearance="primary-action-button" busy={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
    </div>
  );
}
