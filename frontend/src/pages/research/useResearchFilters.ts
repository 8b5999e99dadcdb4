import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { effectiveNetwork, researchFiltersFromSearch, researchFiltersToSearch, researchScope, type ResearchFilters } from './filters';

/**
 * useResearchFilters reads the research filters from the URL, with the
 * network choice made valid for me, and writes them back on apply.
 */
export function useResearchFilters() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const scope = researchScope(me);
  const raw = researchFiltersFromSearch(search);
  const filters: ResearchFilters = { ...raw, network: effectiveNetwork(scope, raw.network) };
  const apply = (f: ResearchFilters, extra?: Record<string, string | undefined>) => {
    const next = researchFiltersToSearch(f, search);
    for (const [k, v] of Object.entries(extra ?? {})) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next);
  };
  return { me, scope, filters, search, apply };
}
