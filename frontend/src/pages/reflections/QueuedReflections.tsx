import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { reflectionApi, reflectionsKey, type ReflectionSummary } from '../../api/reflections';
import { formatDateTime, perspectiveLabel } from '../../components/labels';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorState, Loading } from '../../components/states';
import { casePath } from '../cases/paths';
import { byPerspective } from './labels';
import { reflectionReviewPath } from './paths';
import './reflections.css';

// One page as large as the server gives: the queue is a working list, and
// grouping under cases needs all of a case's reflections at once.
const queueSize = 200;

/** useSubmittedReflections loads a network's reflections that wait for the four-eyes check; every part of the queue shares it. */
export function useSubmittedReflections(networkId: string) {
  return useQuery({
    queryKey: [...reflectionsKey(networkId), 'submitted'],
    queryFn: () => reflectionApi.list(networkId, { status: 'submitted', limit: queueSize }),
  });
}

/** ReflectionLinks lists the reflections of one case, each a link to its check, named by perspective. */
function ReflectionLinks({ networkId, items }: { networkId: string; items: ReflectionSummary[] }) {
  const { t } = useTranslation();
  return (
    <UnorderedList className="leerlus-inline-list">
      {byPerspective(items, (r) => r.perspective).map((r) => (
        <UnorderedListItem key={r.id}>
          <RouterLink to={reflectionReviewPath({ id: r.id, network_id: networkId })}>
            {t('reflections.queue.link', { perspective: perspectiveLabel(t, r.perspective) })}
          </RouterLink>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * CaseRowReflections shows, in a queued case's row, the reflections on that
 * case that wait too: a facilitator handles a case and its reflections
 * together.
 */
export function CaseRowReflections({ networkId, caseId }: { networkId: string; caseId: string }) {
  const { t } = useTranslation();
  const query = useSubmittedReflections(networkId);
  const items = query.data?.items.filter((r) => r.case_id === caseId) ?? [];
  if (items.length === 0) return null;
  return (
    <span className="leerlus-queue-reflections">
      <span>{t('reflections.queue.withCase', { count: items.length })}</span>
      <ReflectionLinks networkId={networkId} items={items} />
    </span>
  );
}

function latest(items: ReflectionSummary[]): string | undefined {
  return items.map((r) => r.submitted_at ?? r.updated_at).sort().at(-1);
}

/**
 * OtherReflections lists the waiting reflections whose case is not in the
 * case table above (its case is published already), grouped by case.
 */
export function OtherReflections({ networkId, shownCases }: { networkId: string; shownCases: string[] }) {
  const { t, i18n } = useTranslation();
  const query = useSubmittedReflections(networkId);
  const others = (query.data?.items ?? []).filter((r) => !shownCases.includes(r.case_id));
  const caseIds = [...new Set(others.map((r) => r.case_id))];
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (caseIds.length === 0) {
    body = <Empty>{query.data.items.length > 0 ? t('reflections.queue.noOthers') : t('reflections.queue.empty')}</Empty>;
  } else {
    body = (
      <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={t('reflections.queue.tableLabel')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('reflections.queue.case')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reflections.queue.reflections')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reflections.queue.submitted')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {caseIds.map((id) => {
              const items = others.filter((r) => r.case_id === id);
              return (
                <TableRow key={id} data-case={id}>
                  <TableCell data-label={t('reflections.queue.case')}>
                    {/* The list names each case's title: no read of every case (each would be audited). */}
                    <RouterLink to={casePath({ id, network_id: networkId })}>{items[0]?.case_title}</RouterLink>
                  </TableCell>
                  <TableCell data-label={t('reflections.queue.reflections')}>
                    <ReflectionLinks networkId={networkId} items={items} />
                  </TableCell>
                  <TableCell data-label={t('reflections.queue.submitted')}>{formatDateTime(i18n.language, latest(items))}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    );
  }
  return (
    <section aria-labelledby="reflection-queue-title">
      <Heading level={2} id="reflection-queue-title">
        {t('reflections.queue.title')}
      </Heading>
      <Paragraph>{t('reflections.queue.intro')}</Paragraph>
      {body}
      {query.data?.next_cursor && <Paragraph>{t('reflections.queue.more', { count: query.data.items.length })}</Paragraph>}
    </section>
  );
}
