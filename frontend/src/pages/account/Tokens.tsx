import { useMemo, useState, type FormEvent } from 'react';
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
import type { NewToken, Token } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';
import { ErrorState } from '../../components/states';
import { QueryList } from '../../components/QueryList';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SecretBox } from '../../components/SecretBox';
import { formatDate, formatDateTime } from '../../components/labels';

const tokensKey = ['me', 'tokens'];

function status(tok: Token, now: number): 'revoked' | 'expired' | 'active' {
  if (tok.revoked_at) return 'revoked';
  if (Date.parse(tok.expires_at) < now) return 'expired';
  return 'active';
}

/** Tokens lets a person create, copy once and revoke personal access tokens. */
export function Tokens() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => call(api.GET('/api/v1/me/tokens', { params: { query: { limit: 200 } } })),
  });
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<NewToken | null>(null);
  const fields = useMemo(
    () => ({
      name: { id: 'token-name', label: t('tokens.name') },
      expires_in_days: { id: 'token-days', label: t('tokens.days') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const create = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/me/tokens', { body: { name: name.trim(), expires_in_days: Number(days) } })),
    onSuccess: (tok) => {
      setCreated(tok);
      setName('');
      void qc.invalidateQueries({ queryKey: tokensKey });
    },
    onError: form.fromError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/me/tokens/{token}', { params: { path: { token: id } } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: tokensKey }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('tokens.nameMissing');
    const n = Number(days);
    if (!/^\d+$/.test(days) || n < 1 || n > 365) errors.expires_in_days = t('tokens.daysRange');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };

  const now = Date.now();
  return (
    <div className="leerlus-tokens">
      <Heading level={3} id="account-tokens">
        {t('tokens.title')}
      </Heading>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <TextField
          id={fields.name.id}
          label={fields.name.label}
          description={t('tokens.nameHelp')}
          value={name}
          onChange={setName}
          error={form.errorFor('name')}
          required
        />
        <TextField
          id={fields.expires_in_days.id}
          label={fields.expires_in_days.label}
          description={t('tokens.daysHelp')}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={days}
          onChange={setDays}
          error={form.errorFor('expires_in_days')}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
          {t('tokens.create')}
        </Button>
      </form>
      {created && (
        <SecretBox
          id="token-secret"
          title={t('tokens.createdTitle', { name: created.name })}
          label={t('tokens.secret')}
          description={t('tokens.secretOnce')}
          value={created.secret}
        />
      )}
      {revoke.isError && <ErrorState error={revoke.error} />}
      <Heading level={4}>{t('tokens.listTitle')}</Heading>
      <QueryList query={tokens} emptyText={t('tokens.empty')} label={t('tokens.listTitle')}>
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('tokens.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tokens.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tokens.expires')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tokens.lastUsed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tokens.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('table.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((tok) => {
                const s = status(tok, now);
                return (
                  <TableRow key={tok.id}>
                    <TableCell data-label={t('tokens.name')}>{tok.name}</TableCell>
                    <TableCell data-label={t('tokens.created')}>{formatDate(i18n.language, tok.created_at)}</TableCell>
                    <TableCell data-label={t('tokens.expires')}>{formatDate(i18n.language, tok.expires_at)}</TableCell>
                    <TableCell data-label={t('tokens.lastUsed')}>{tok.last_used_at ? formatDateTime(i18n.language, tok.last_used_at) : t('tokens.neverUsed')}</TableCell>
                    <TableCell data-label={t('tokens.status')}>{t(`tokens.state.${s}`)}</TableCell>
                    <TableCell data-label={t('table.actions')}>
                      {s === 'active' && (
                        <ConfirmButton
                          label={t('tokens.revoke')}
                          accessibleLabel={t('tokens.revokeNamed', { name: tok.name })}
                          question={t('tokens.revokeQuestion', { name: tok.name })}
                          confirmLabel={t('tokens.revokeYes')}
                          busy={revoke.isPending}
                          onConfirm={() => revoke.mutate(tok.id)}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </>
        )}
      </QueryList>
    </div>
  );
}
