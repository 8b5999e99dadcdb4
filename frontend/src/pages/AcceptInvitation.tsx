import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { api, call } from '../api/client';
import { isApiError } from '../api/problem';
import type { InvitationPreview, Session } from '../api/types';
import { useSession, useSetSession } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, TextField } from '../components/fields';
import { useFormErrors } from '../components/useForm';
import { ErrorState, Loading } from '../components/states';
import { RouterLink } from '../components/RouterLink';
import { formatDate, perspectiveLabel, roleLabel } from '../components/labels';
import { minPasswordLength, NewPasswordField } from '../components/NewPasswordField';

function Details({ inv }: { inv: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList>
      <DataListItem>
        <DataListKey>{t('invite.network')}</DataListKey>
        <DataListValue>{inv.network.name}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('invite.workplace')}</DataListKey>
        <DataListValue>{inv.workplace.name}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('invite.role')}</DataListKey>
        <DataListValue>{roleLabel(t, inv.role)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('invite.perspective')}</DataListKey>
        <DataListValue>{perspectiveLabel(t, inv.perspective)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('invite.email')}</DataListKey>
        <DataListValue>{inv.email}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('invite.expires')}</DataListKey>
        <DataListValue>{formatDate(i18n.language, inv.expires_at)}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

function NewAccountForm({ token, onDone }: { token: string; onDone: (s: Session) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const fields = useMemo(
    () => ({
      name: { id: 'accept-name', label: t('invite.name') },
      password: { id: 'accept-password', label: t('invite.password') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const accept = useMutation({
    meta: { authFlow: true },
    mutationFn: () =>
      call(
        api.POST('/api/v1/invitation-tokens/{token}/accept', {
          params: { path: { token } },
          body: { name: name.trim(), password },
        }),
      ),
    onSuccess: onDone,
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('invite.nameMissing');
    if (password.length < minPasswordLength) errors.password = t('password.tooShort', { count: minPasswordLength });
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    accept.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Heading level={2}>{t('invite.newAccountTitle')}</Heading>
      <Paragraph>{t('invite.newAccountIntro')}</Paragraph>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        description={t('account.nameHelp')}
        autoComplete="name"
        value={name}
        onChange={setName}
        error={form.errorFor('name')}
        required
      />
      <NewPasswordField
        id={fields.password.id}
        label={fields.password.label}
        value={password}
        onChange={setPassword}
        error={form.errorFor('password')}
        shown={show}
      />
      <CheckboxField id="accept-show-password" label={t('password.show')} checked={show} onChange={setShow} />
      <Button type="submit" appearance="primary-action-button" busy={accept.isPending}>
        {t('invite.acceptNew')}
      </Button>
    </form>
  );
}

function ExistingAccount({ token, inv, onDone }: { token: string; inv: InvitationPreview; onDone: (s: Session) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.person;
  const accept = useMutation({
    meta: { authFlow: true },
    mutationFn: () =>
      call(api.POST('/api/v1/invitation-tokens/{token}/accept', { params: { path: { token } }, body: {} })),
    onSuccess: onDone,
  });
  if (!me) {
    return (
      <>
        <Paragraph>{t('invite.signInFirst', { email: inv.email })}</Paragraph>
        <Paragraph>
          <RouterLink to={`/aanmelden?next=${encodeURIComponent(`/uitnodiging/${token}`)}`}>
            {t('invite.signInLink')}
          </RouterLink>
        </Paragraph>
      </>
    );
  }
  if (me.email.toLowerCase() !== inv.email.toLowerCase()) {
    return (
      <Alert type="warning">
        <Paragraph>{t('invite.otherAccount', { me: me.email, email: inv.email })}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      {accept.isError && <ErrorState error={accept.error} />}
      <Button appearance="primary-action-button" busy={accept.isPending} onClick={() => accept.mutate()}>
        {t('invite.acceptExisting')}
      </Button>
    </>
  );
}

/** AcceptInvitation shows an invitation and lets the invited person accept it. */
export function AcceptInvitation() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const session = useSession();
  const preview = useQuery({
    queryKey: ['invitation-token', token],
    meta: { authFlow: true },
    queryFn: () => call(api.GET('/api/v1/invitation-tokens/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const done = (s: Session) => {
    setSession(s);
    navigate(`/netwerk/${preview.data?.network.id ?? ''}`, { replace: true });
  };

  if (preview.isPending || session.isPending) return <Loading />;
  if (preview.isError) {
    const gone = isApiError(preview.error) && [404, 410].includes(preview.error.status);
    return (
      <>
        <PageHeading title={t('invite.title')} />
        {gone ? (
          <Alert type="warning">
            <Paragraph>{t('invite.gone')}</Paragraph>
          </Alert>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )}
      </>
    );
  }
  const inv = preview.data;
  return (
    <div className="leerlus-narrow">
      <PageHeading title={t('invite.title')} />
      <Paragraph>
        {t('invite.intro', { network: inv.network.name, workplace: inv.workplace.name, role: roleLabel(t, inv.role) })}
      </Paragraph>
      <Details inv={inv} />
      {inv.account_exists ? (
        <ExistingAccount token={token} inv={inv} onDone={done} />
      ) : (
        <NewAccountForm token={token} onDone={done} />
      )}
    </div>
  );
}
