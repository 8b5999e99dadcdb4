import { useQueryClient } from '@tanstack/react-query';
import { recurringKey, groupKey } from '../../api/recurring';
import { lessonsKey } from '../../api/lessons';

/**
 * useGroupRefresh reloads what a curation step changes: the network's
 * recurring lessons, the groups named, and the closest groups of every
 * lesson (a regrouping may move any of them).
 */
export function useGroupRefresh(networkId: string) {
  const qc = useQueryClient();
  return (...groupIds: string[]) => {
    void qc.invalidateQueries({ queryKey: recurringKey(networkId) });
    void qc.invalidateQueries({ queryKey: lessonsKey(networkId) });
    for (const id of groupIds) void qc.invalidateQueries({ queryKey: groupKey(id) });
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'lesson' && q.queryKey[2] === 'closest-groups' });
  };
}
