import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { perspectives, roles, type NewInvitation, type Perspective, type Role } from '../../api/types';
import { RequireManager } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';
import { ErrorState } from '../../components/states';
import { QueryList } from '../../components/QueryList';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SecretBox } from '../../components/SecretBox';
import { formatDate, perspectiveLabel, roleLabel } from '../../components/labels';
import { useNetworkWithOrganisations } from './useNetworkContext';

/** acceptLink makes the accept URL absolute, so it can be sent by e-mail. */
export function acceptLink(acceptUrl: string, origin: string = window.location.origin): string {
  try {
    return new URL(acceptUrl, origin).href;
  } catch {
    return acceptUrl;
  }
}

function InvitationsPage({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['network', networkId, 'invitations'];
  const { network, organisations } = useNetworkWithOrganisations(networkId);
  const invitations = useQuery({
    queryKey: key,
    queryFn: () =>
      call(api.GET('/api/v1/networks/{network}/invitations', { params: { path: { network: networkId }, query: { limit: 200 } } })),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [perspective, setPerspective] = useState<Perspective | ''>('');
  const [organisationId, setOrganisationId] = useState('');
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const fields = useMemo(
    () => ({
      email: { id: 'invite-email', label: t('invitations.email') },
      role: { id: 'invite-role', label: t('invitations.role') },
      perspective: { id: 'invite-perspective', label: t('invitations.perspective') },
      organisation_id: { id: 'invite-organisation', label: t('invitations.organisation') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/networks/{network}/invitations', {
          params: { path: { network: networkId } },
          body: {
            email: email.trim(),
            role,
            perspective: perspective as Perspective,
            ...(organisationId ? { organisation_id: organisationId } : {}),
          },
        }),
      ),
    onSuccess: (inv) => {
      setCreated(inv);
      setEmail('');
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: form.fromError,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      call(
        api.DELETE('/api/v1/networks/{network}/invitations/{invitation}', {
          params: { path: { network: networkId, invitation: id } },
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const errors: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = t('invitations.emailInvalid');
    if (!perspective) errors.perspective = t('invitations.perspectiveMissing');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };
  const title = network.data ? t('invitations.titleFor', { network: network.data.name }) : t('invitations.title');
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>{t('invitations.intro')}</Paragraph>
      <form onSubmit={submit} noValidate aria-labelledby="invite-form-title">
        <Heading level={2} id="invite-form-title">
          {t('invitations.formTitle')}
        </Heading>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <TextField
          id={fields.email.id}
          label={fields.email.label}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={form.errorFor('email')}
          required
        />
        <SelectField
          id={fields.role.id}
          label={fields.role.label}
          description={t('invitations.roleHelp')}
          value={role}
          onChange={(v) => setRole(v as Role)}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          error={form.errorFor('role')}
        />
        <SelectField
          id={fields.perspective.id}
          label={fields.perspective.label}
          description={t('members.perspectiveHelp')}
          value={perspective}
          onChange={(v) => setPerspective(v as Perspective)}
          emptyLabel={t('form.choose')}
          options={perspectives.map((p) => ({ value: p, label: perspectiveLabel(t, p) }))}
          error={form.errorFor('perspective')}
          required
        />
        <SelectField
          id={fields.organisation_id.id}
          label={fields.organisation_id.label}
          description={t('invitations.organisationHelp')}
          value={organisationId}
          onChange={setOrganisationId}
          emptyLabel={t('members.noOrganisation')}
          options={organisations.filter((o) => !o.retired_at).map((o) => ({ value: o.id, label: o.name }))}
          error={form.errorFor('organisation_id')}
        />
        <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
          {t('invitations.create')}
        </Button>
      </form>
      {created && (
        <SecretBox
          id="invite-link"
          title={t('invitations.createdTitle', { email: created.email })}
          label={t('invitations.link')}
          description={t('invitations.linkHelp')}
          value={acceptLink(created.accept_url)}
        />
      )}
      <Heading level={2}>{t('invitations.listTitle')}</Heading>
      {withdraw.isError && <ErrorState error={withdraw.error} />}
      <QueryList query={invitations} emptyText={t('invitations.empty')} label={t('invitations.listTitle')}>
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('invitations.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.perspective')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.expires')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((inv) => (
                <TableRow key={inv.id}>
                  <TableCell data-label={t('invitations.email')}>{inv.email}</TableCell>
                  <TableCell data-label={t('invitations.role')}>{roleLabel(t, inv.role)}</TableCell>
                  <TableCell data-label={t('invitations.perspective')}>{perspectiveLabel(t, inv.perspective)}</TableCell>
                  <TableCell data-label={t('invitations.status')}>{t(`invitations.state.${inv.status}`, { defaultValue: inv.status })}</TableCell>
                  <TableCell data-label={t('invitations.expires')}>{formatDate(i18n.language, inv.expires_at)}</TableCell>
                  <TableCell data-label={t('table.actions')}>
                    {inv.status === 'pending' && (
                      <ConfirmButton
                        label={t('invitations.withdraw')}
                        accessibleLabel={t('invitations.withdrawNamed', { email: inv.email })}
                        question={t('invitations.withdrawQuestion', { email: inv.email })}
                        confirmLabel={t('invitations.withdrawYes')}
                        busy={withdraw.isPending}
                        onConfirm={() => withdraw.mutate(inv.id)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/** Invitations lets facilitators and admins invite people and withdraw invitations. */
export function Invitations() {
  const { id = '' } = useParams();
  return (
    <RequireManager networkId={id}>
      <InvitationsPage networkId={id} />
    </RequireManager>
  );
}
