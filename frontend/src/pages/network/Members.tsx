import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { isApiError } from '../../api/problem';
import { perspectives, roles, type Membership, type Organisation, type Perspective, type Role } from '../../api/types';
import { RequireManager } from '../../components/guards';
import { sessionKey, useMe } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';
import { ErrorState, StatusMessage } from '../../components/states';
import { QueryList } from '../../components/QueryList';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ResetLinkButton } from '../../components/ResetLinkButton';
import { perspectiveLabel, roleLabel } from '../../components/labels';
import { useNetworkWithOrganisations } from './useNetworkContext';

/** isLastFacilitatorError: the server refused to take the role from the network's only facilitator. */
function isLastFacilitatorError(e: unknown): boolean {
  return isApiError(e) && (e.fieldProblems.role ?? []).some((p) => p.code === 'last_facilitator');
}

interface EditProps {
  networkId: string;
  member: Membership;
  organisations: Organisation[];
  /** lastFacilitator: this member is the network's only facilitator. */
  lastFacilitator: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}

function EditMember({ networkId, member, organisations, lastFacilitator, onClose, onSaved }: EditProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const navigate = useNavigate();
  const self = member.person.id === me.id;
  const [role, setRole] = useState<Role>(member.role);
  const [perspective, setPerspective] = useState<Perspective>(member.perspective);
  const [organisationId, setOrganisationId] = useState(member.organisation?.id ?? '');
  const fields = useMemo(
    () => ({
      role: { id: 'member-role', label: t('members.role') },
      perspective: { id: 'member-perspective', label: t('members.perspective') },
      organisation_id: { id: 'member-organisation', label: t('members.organisation') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/v1/networks/{network}/members/{membership}', {
          params: { path: { network: networkId, membership: member.id } },
          body: {
            role,
            perspective,
            ...(organisationId ? { organisation_id: organisationId } : {}),
            version: member.version,
          },
        }),
      ),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['network', networkId, 'members'] });
      onSaved(t('members.saved', { name: member.person.name }));
      onClose();
      if (self && saved.role !== member.role) {
        // My own role changed: reload who I am (menu, switcher, access), and
        // leave this page when I may no longer manage the network.
        void qc.invalidateQueries({ queryKey: sessionKey });
        if (saved.role !== 'facilitator' && !me.is_admin) navigate(`/netwerk/${networkId}`, { state: { roleChanged: saved.role } });
      }
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: ['network', networkId, 'members'] });
      // The server keeps the last facilitator (field error on role).
      if (isLastFacilitatorError(e)) form.fail({ role: t('members.lastFacilitator') });
      else form.fromError(e);
    },
  });
  // Changing your own role asks first: you may lose access to this page.
  const askFirst = self && role !== member.role;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (askFirst) return;
    form.clear();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby="member-edit-title">
      <Heading level={2} id="member-edit-title">
        {t('members.editTitle', { name: member.person.name })}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <SelectField
        id={fields.role.id}
        label={fields.role.label}
        description={lastFacilitator ? t('members.lastFacilitator') : undefined}
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
        options={perspectives.map((p) => ({ value: p, label: perspectiveLabel(t, p) }))}
        error={form.errorFor('perspective')}
      />
      <SelectField
        id={fields.organisation_id.id}
        label={fields.organisation_id.label}
        value={organisationId}
        onChange={setOrganisationId}
        emptyLabel={t('members.noOrganisation')}
        options={organisations
          .filter((o) => !o.retired_at || o.id === member.organisation?.id)
          .map((o) => ({ value: o.id, label: o.name }))}
        error={form.errorFor('organisation_id')}
      />
      <ButtonGroup>
        {askFirst ? (
          <ConfirmButton
            label={t('form.save')}
            question={t('members.ownRoleQuestion', { role: roleLabel(t, role) })}
            confirmLabel={t('members.ownRoleYes')}
            busy={save.isPending}
            onConfirm={() => {
              form.clear();
              save.mutate();
            }}
          />
        ) : (
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            {t('form.save')}
          </Button>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function MembersList({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { network, organisations } = useNetworkWithOrganisations(networkId);
  const members = useQuery({
    queryKey: ['network', networkId, 'members'],
    queryFn: () =>
      call(api.GET('/api/v1/networks/{network}/members', { params: { path: { network: networkId }, query: { limit: 200 } } })),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (m: Membership) =>
      call(
        api.DELETE('/api/v1/networks/{network}/members/{membership}', {
          params: { path: { network: networkId, membership: m.id } },
        }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: (_r, m) => setMessage(t('members.removed', { name: m.person.name })),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['network', networkId, 'members'] }),
  });
  const facilitators = members.data?.items.filter((m) => m.role === 'facilitator').length ?? 0;
  const title = network.data ? t('members.titleFor', { network: network.data.name }) : t('members.title');
  const editMember = members.data?.items.find((m) => m.id === editing);
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>{t('members.intro')}</Paragraph>
      <StatusMessage message={message} />
      {remove.isError &&
        (isLastFacilitatorError(remove.error) ? (
          <Alert type="error" role="alert">
            <Paragraph>{t('members.lastFacilitatorRemove', { name: remove.variables?.person.name })}</Paragraph>
          </Alert>
        ) : (
          <ErrorState error={remove.error} />
        ))}
      {editMember && (
        <EditMember
          key={editMember.id}
          networkId={networkId}
          member={editMember}
          organisations={organisations}
          lastFacilitator={editMember.role === 'facilitator' && facilitators === 1}
          onClose={() => setEditing(null)}
          onSaved={setMessage}
        />
      )}
      <QueryList query={members} emptyText={t('members.empty')} label={t('members.title')}>
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('members.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('members.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('members.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('members.perspective')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('members.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((m) => (
                <TableRow key={m.id}>
                  <TableCell data-label={t('members.name')}>{m.person.name}</TableCell>
                  <TableCell data-label={t('members.email')}>{m.person.email}</TableCell>
                  <TableCell data-label={t('members.role')}>{roleLabel(t, m.role)}</TableCell>
                  <TableCell data-label={t('members.perspective')}>{perspectiveLabel(t, m.perspective)}</TableCell>
                  <TableCell data-label={t('members.organisation')}>{m.organisation?.name ?? ''}</TableCell>
                  <TableCell data-label={t('table.actions')}>
                    <ButtonGroup>
                      <Button
                        appearance="secondary-action-button"
                        aria-label={t('members.editNamed', { name: m.person.name })}
                        onClick={() => setEditing(m.id)}
                      >
                        {t('form.edit')}
                      </Button>
                      <ConfirmButton
                        label={t('members.remove')}
                        accessibleLabel={t('members.removeNamed', { name: m.person.name })}
                        question={t('members.removeQuestion', { name: m.person.name })}
                        confirmLabel={t('members.removeYes')}
                        busy={remove.isPending}
                        onConfirm={() => remove.mutate(m)}
                      />
                      <ResetLinkButton
                        name={m.person.name}
                        issue={() =>
                          call(
                            api.POST('/api/v1/networks/{network}/members/{membership}/password-resets', {
                              params: { path: { network: m.network_id, membership: m.id } },
                            }),
                          )
                        }
                      />
                    </ButtonGroup>
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

/** Members lists a network's members; facilitators and admins change or remove them. */
export function Members() {
  const { id = '' } = useParams();
  return (
    <RequireManager networkId={id}>
      <MembersList networkId={id} />
    </RequireManager>
  );
}
