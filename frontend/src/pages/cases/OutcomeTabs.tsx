import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { filtersToSearch, type CaseFilters } from './filters';
import type { CaseList, CaseOutcome } from '../../api/types';
import { caseOutcomes } from '../../api/types';
import type { Vocabulary } from '../../api/vocabulary';

interface Props {
  filters: CaseFilters;
  counts: CaseList['by_outcome'];
  vocabulary: Vocabulary;
}

/**
 * OutcomeTabs shows how many cases went well, got stuck or were mixed under
 * the other filters, each a link that narrows the list to that outcome.
 * Links, not ARIA tabs: each is a URL one can share or reload.
 */
export function OutcomeTabs({ filters, counts, vocabulary }: Props) {
  const { t } = useTranslation();
  const total = counts.good + counts.stuck + counts.mixed;
  // Only the query changes: the link stays on this page.
  const link = (outcome: CaseOutcome | '') => {
    const q = filtersToSearch({ ...filters, outcome }).toString();
    return { search: q ? `?${q}` : '' };
  };
  const items: { outcome: CaseOutcome | ''; label: string; count: number }[] = [
    { outcome: '', label: t('cases.outcomes.all'), count: total },
    ...caseOutcomes.map((o) => ({ outcome: o, label: vocabulary.label('outcome', o), count: counts[o] })),
  ];
  return (
    <nav aria-label={t('cases.outcomes.label')} className="leerlus-outcome-tabs">
      <ul>
        {items.map((item) => (
          <li key={item.outcome || 'all'} data-outcome={item.outcome || 'all'}>
            <RouterLink to={link(item.outcome)} aria-current={filters.outcome === item.outcome ? 'true' : undefined}>
              {t('cases.outcomes.count', { label: item.label, count: item.count })}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
