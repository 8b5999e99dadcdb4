import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../api/client';
import { isApiError } from '../api/problem';
import { useSession, useSetSession } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, TextField } from '../components/fields';
import { useFormErrors } from '../components/useForm';

/** safeNext keeps redirects inside the app. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** SignIn is the sign-in form, with rate-limit and wrong-password messages. */
export function SignIn() {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const fields = useMemo(
    () => ({
      email: { id: 'signin-email', label: t('signIn.email') },
      password: { id: 'signin-password', label: t('signIn.password') },
    }),
    [t],
  );
  const form = useFormErrors(fields);

  // Re-enable the button when the wait from Retry-After is over.
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = window.setTimeout(() => setWaitUntil(null), Math.max(0, waitUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [waitUntil]);

  const signIn = useMutation({
    meta: { authFlow: true },
    mutationFn: () => call(api.POST('/api/v1/session', { body: { email: email.trim(), password } })),
    onSuccess: (s) => {
      setSession(s);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 429) {
        if (e.retryAfter !== undefined) setWaitUntil(Date.now() + e.retryAfter * 1000);
        form.fail({}, e.retryAfter !== undefined ? t('signIn.rateLimited', { count: e.retryAfter }) : t('errors.rateLimitedNoTime'));
      } else if (isApiError(e) && (e.status === 401 || e.status === 400) && !e.hasFieldErrors) {
        form.fail({}, t('signIn.wrong'));
      } else {
        form.fromError(e);
      }
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('signIn.emailMissing');
    if (!password) errors.password = t('signIn.passwordMissing');
    if (Object.keys(errors).length) {
      form.fail(errors);
      return;
    }
    form.clear();
    signIn.mutate();
  };

  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;

  return (
    <div className="leerlus-narrow">
      <PageHeading title={t('signIn.title')} />
      {signedOut && (
        <Alert type="ok" role="status">
          <Paragraph>{t('signIn.signedOut')}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="signin-about" className="leerlus-about">
        <Heading level={2} id="signin-about">
          {t('signIn.aboutTitle')}
        </Heading>
        <Paragraph>{t('signIn.about')}</Paragraph>
        <Paragraph>{t('signIn.account')}</Paragraph>
      </section>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <TextField
          id={fields.email.id}
          label={fields.email.label}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={form.errorFor('email')}
          required
        />
        <TextField
          id={fields.password.id}
          label={fields.password.label}
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor('password')}
          required
          spellCheck={false}
        />
        <CheckboxField
          id="signin-show-password"
          label={t('signIn.showPassword')}
          checked={showPassword}
          onChange={setShowPassword}
        />
        <Button type="submit" appearance="primary-action-button" busy={signIn.isPending} disabled={waitUntil !== null}>
          {t('signIn.submit')}
        </Button>
      </form>
    </div>
  );
}
