import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import type { Organisation, OrganisationKind } from '../../api/types';
import { OrganisationFields } from './OrganisationFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/useForm';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorState } from '../../components/states';

/**
 * OrganisationItem is one partner organisation in the workplace's list:
 * it can be renamed or given another kind, and retired (it then stays on
 * the memberships that name it, but cannot be chosen for new ones).
 */
export function OrganisationItem({ workplaceId, org }: { workplaceId: string; org: Organisation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(org.name);
  const [kind, setKind] = useState<OrganisationKind>(org.kind);
  const [status, setStatus] = useState('');
  const fields = useMemo(
    () => ({
      name: { id: `org-${org.id}-name`, label: t('organisations.name') },
      kind: { id: `org-${org.id}-kind`, label: t('organisations.kind') },
    }),
    [org.id, t],
  );
  const form = useFormErrors(fields);
  const change = useMutation({
    mutationFn: (body: { name?: string; kind?: OrganisationKind; retired?: boolean }) =>
      call(
        api.PATCH('/api/v1/workplaces/{workplace}/organisations/{organisation}', {
          params: { path: { workplace: workplaceId, organisation: org.id } },
          body: { ...body, version: org.version },
        }),
      ),
    onSuccess: (updated, body) => {
      setEditing(false);
      setStatus(
        body.retired === true
          ? t('organisations.retiredStatus', { name: updated.name })
          : body.retired === false
            ? t('organisations.restoredStatus', { name: updated.name })
            : t('organisations.savedStatus', { name: updated.name }),
      );
      void qc.invalidateQueries({ queryKey: ['workplace', workplaceId, 'organisations'] });
    },
    onError: form.fromError,
  });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return form.fail({ name: t('organisations.nameMissing') });
    form.clear();
    change.mutate({ name: name.trim(), kind });
  };
  const retired = Boolean(org.retired_at);
  return (
    <>
      <span>
        {org.name} ({t(`organisations.kinds.${org.kind}`)}){retired && ` — ${t('organisations.retired')}`}
      </span>
      <div role="status">
        {status && <Paragraph>{status}</Paragraph>}
      </div>
      {change.isError && !form.items.length && <ErrorState error={change.error} />}
      {editing ? (
        <form onSubmit={save} noValidate>
          <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
          <OrganisationFields fields={fields} name={name} kind={kind} onName={setName} onKind={setKind} errorFor={form.errorFor} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
              {t('form.save')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(false)}>
              {t('form.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          <Button appearance="subtle-button" aria-label={t('organisations.editNamed', { name: org.name })} onClick={() => setEditing(true)}>
            {t('form.edit')}
          </Button>
          {retired ? (
            <Button
              appearance="subtle-button"
              aria-label={t('organisations.restoreNamed', { name: org.name })}
              busy={change.isPending}
              onClick={() => change.mutate({ retired: false })}
            >
              {t('organisations.restore')}
            </Button>
          ) : (
            <ConfirmButton
              label={t('organisations.retire')}
              accessibleLabel={t('organisations.retireNamed', { name: org.name })}
              question={t('organisations.retireQuestion', { name: org.name })}
              confirmLabel={t('organisations.retireYes')}
              busy={change.isPending}
              onConfirm={() => change.mutate({ retired: true })}
            />
          )}
        </ButtonGroup>
      )}
    </>
  );
}
