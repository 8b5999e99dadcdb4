import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { auditActions, type AuditAction } from '../../api/types';

/** actionLabel gives an audited action its words; every action has them (a locale test checks). */
export function actionLabel(t: TFunction, action: AuditAction): string {
  return t(`audit.actions.${action.replace('.', '_')}`);
}
import { PageHeading } from '../../components/PageHeading';
import { QueryList } from '../../components/QueryList';
import { RequireAdmin } from '../../components/guards';
import { SelectField, TextField } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/useForm';
import { Pager, useCursorPages } from '../../components/Pager';
import { formatDateTime } from '../../components/labels';
import { workplacesQuery } from './Workplaces';

export interface AuditFilters {
  action: string;
  actor: string;
  network: string;
  from: string; // yyyy-mm-dd
  to: string; // yyyy-mm-dd
}

const emptyFilters: AuditFilters = { action: '', actor: '', network: '', from: '', to: '' };

/**
 * toAuditQuery turns the filter form into query parameters. Dates are whole
 * local days: from at 00:00, to at the end of the day, sent as RFC 3339.
 */
export function toAuditQuery(f: AuditFilters) {
  const day = (d: string, end: boolean) => {
    const [y, m, dd] = d.split('-').map(Number);
    if (!y || !m || !dd) return undefined;
    const at = end ? new Date(y, m - 1, dd, 23, 59, 59, 999) : new Date(y, m - 1, dd, 0, 0, 0, 0);
    return at.toISOString();
  };
  return {
    action: (f.action || undefined) as AuditAction | undefined,
    actor: f.actor || undefined,
    network: f.network || undefined,
    from: f.from ? day(f.from, false) : undefined,
    to: f.to ? day(f.to, true) : undefined,
  };
}

function useNetworkOptions() {
  const workplaces = useQuery(workplacesQuery);
  const lists = useQueries({
    queries: (workplaces.data?.items ?? []).map((w) => ({
      queryKey: ['workplace', w.id, 'networks'],
      queryFn: () =>
        call(api.GET('/api/v1/workplaces/{workplace}/networks', { params: { path: { workplace: w.id }, query: { limit: 200 } } })),
    })),
  });
  const options = lists.flatMap((l, i) =>
    (l.data?.items ?? []).map((n) => ({ value: n.id, label: `${n.name} (${workplaces.data?.items[i]?.name ?? ''})` })),
  );
  return { options };
}

function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(emptyFilters);
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters);
  const pages = useCursorPages();
  // The people filter searches (by name or e-mail) instead of listing
  // everyone: there may be thousands of accounts.
  const [personQuery, setPersonQuery] = useState('');
  const personSearch = useDeferredValue(personQuery.trim());
  const people = useQuery({
    queryKey: ['people', personSearch, 'audit-filter'],
    queryFn: () => call(api.GET('/api/v1/people', { params: { query: { q: personSearch, limit: 20 } } })),
    enabled: personSearch.length >= 2,
  });
  const [chosenPerson, setChosenPerson] = useState<{ value: string; label: string } | null>(null);
  const personOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
  if (chosenPerson && !personOptions.some((o) => o.value === chosenPerson.value)) personOptions.unshift(chosenPerson);
  const networks = useNetworkOptions();
  const entries = useQuery({
    queryKey: ['audit', filters, pages.cursor],
    queryFn: () =>
      call(api.GET('/api/v1/audit', { params: { query: { ...toAuditQuery(filters), limit: 50, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const fields = useMemo(
    () => ({
      from: { id: 'audit-from', label: t('audit.from') },
      to: { id: 'audit-to', label: t('audit.to') },
      action: { id: 'audit-action', label: t('audit.action') },
      actor: { id: 'audit-actor', label: t('audit.actor') },
      network: { id: 'audit-network', label: t('audit.network') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) return form.fail({ to: t('audit.toBeforeFrom') });
    form.clear();
    pages.reset();
    setFilters(draft);
  };
  const clearFilters = () => {
    form.clear();
    setDraft(emptyFilters);
    pages.reset();
    setFilters(emptyFilters);
  };
  const set = (k: keyof AuditFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form onSubmit={apply} noValidate className="leerlus-filters">
        <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
        <Fieldset>
          <FieldsetLegend>{t('audit.filters')}</FieldsetLegend>
          <div className="leerlus-filters__grid">
            <SelectField
              id={fields.action.id}
              label={fields.action.label}
              value={draft.action}
              onChange={set('action')}
              emptyLabel={t('audit.all')}
              options={auditActions.map((a) => ({ value: a, label: actionLabel(t, a) }))}
            />
            <TextField
              id="audit-person-search"
              label={t('audit.personSearch')}
              description={t('audit.personSearchHint')}
              type="search"
              value={personQuery}
              onChange={setPersonQuery}
            />
            <SelectField
              id={fields.actor.id}
              label={fields.actor.label}
              value={draft.actor}
              onChange={(v) => {
                setChosenPerson(personOptions.find((o) => o.value === v) ?? null);
                set('actor')(v);
              }}
              emptyLabel={t('audit.everyone')}
              options={personOptions}
            />
            <SelectField
              id={fields.network.id}
              label={fields.network.label}
              value={draft.network}
              onChange={set('network')}
              emptyLabel={t('audit.allNetworks')}
              options={networks.options}
            />
            <TextField id={fields.from.id} label={fields.from.label} type="date" value={draft.from} onChange={set('from')} error={form.errorFor('from')} />
            <TextField id={fields.to.id} label={fields.to.label} type="date" value={draft.to} onChange={set('to')} error={form.errorFor('to')} />
          </div>
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('audit.apply')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={clearFilters}>
            {t('audit.clear')}
          </Button>
        </ButtonGroup>
      </form>
      <QueryList
        query={entries}
        emptyText={t('audit.empty')}
        label={t('audit.tableLabel')}
        busy={entries.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('audit.at')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.actor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.object')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.network')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.outcome')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.address')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((e) => (
                <TableRow key={e.seq} data-action={e.action}>
                  <TableCell data-label={t('audit.at')}>{formatDateTime(i18n.language, e.at)}</TableCell>
                  <TableCell data-label={t('audit.actor')}>
                    {e.actor_name || (e.actor_id ? t('audit.formerPerson') : t('audit.nobody'))}
                  </TableCell>
                  <TableCell data-label={t('audit.action')}>{actionLabel(t, e.action)}</TableCell>
                  <TableCell data-label={t('audit.object')}>
                    {t(`audit.objectTypes.${e.object_type}`, { defaultValue: e.object_type })}
                    {e.object_name ? `: ${e.object_name}` : ''}
                    {e.detail && <span className="leerlus-audit-detail">{e.detail}</span>}
                  </TableCell>
                  <TableCell data-label={t('audit.network')}>{e.network_name ?? ''}</TableCell>
                  <TableCell data-label={t('audit.outcome')}>{t(`audit.outcomes.${e.outcome}`, { defaultValue: e.outcome })}</TableCell>
                  <TableCell data-label={t('audit.address')}>{e.client_addr}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/** Audit shows the audit log with filters (admins only). */
export default function Audit() {
  return (
    <RequireAdmin>
      <AuditPage />
    </RequireAdmin>
  );
}
