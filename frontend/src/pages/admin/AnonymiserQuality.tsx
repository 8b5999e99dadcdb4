import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading } from '../../components/states';
import { RequireAdmin } from '../../components/guards';

/** percent writes a share as a whole percentage, or a dash when nothing was counted. */
export function percent(share: number, findings: number): string {
  return findings === 0 ? '–' : `${Math.round(share * 100)} %`;
}

function QualityPage() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['anonymiser-quality'],
    queryFn: () => call(api.GET('/api/v1/anonymiser-quality')),
  });
  const columns = ['findings', 'replaced', 'dismissalsAccepted', 'realIdentifiers', 'confirmed', 'missed', 'dismissalRate'] as const;
  return (
    <>
      <PageHeading title={t('quality.title')} />
      <Paragraph>{t('quality.intro')}</Paragraph>
      {report.isPending && <Loading />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <div className="leerlus-table-scroll" role="region" aria-label={t('quality.title')} tabIndex={0}>
          <Table>
            <TableCaption>{t('quality.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('quality.type')}</TableHeaderCell>
                {columns.map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {t(`quality.columns.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.data.types.map((row) => (
                <TableRow key={row.type}>
                  <TableHeaderCell scope="row" data-label={t('quality.type')}>
                    {t(`quality.types.${row.type}`)}
                  </TableHeaderCell>
                  <TableCell data-label={t('quality.columns.findings')}>{row.findings}</TableCell>
                  <TableCell data-label={t('quality.columns.replaced')}>{row.replaced}</TableCell>
                  <TableCell data-label={t('quality.columns.dismissalsAccepted')}>{row.dismissals_accepted}</TableCell>
                  <TableCell data-label={t('quality.columns.realIdentifiers')}>{row.real_identifiers}</TableCell>
                  <TableCell data-label={t('quality.columns.confirmed')}>{row.confirmed}</TableCell>
                  <TableCell data-label={t('quality.columns.missed')}>{row.missed}</TableCell>
                  <TableCell data-label={t('quality.columns.dismissalRate')}>{percent(row.dismissal_rate, row.findings)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** AnonymiserQuality shows administrators how the anonymiser fares in real use: counts per type, never text. */
export default function AnonymiserQuality() {
  return (
    <RequireAdmin>
      <QualityPage />
    </RequireAdmin>
  );
}
