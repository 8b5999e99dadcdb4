import { useQueryClient } from '@tanstack/react-query';
import { codebookKey } from '../../api/codebookAdmin';
import { lessonsKey } from '../../api/lessons';

/**
 * useCodebookRefresh reloads what a codebook change touches: the codebook
 * itself (the picker's, the page's with usage, the history, under one key)
 * and the lessons, which name codes.
 */
export function useCodebookRefresh(networkId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: codebookKey(networkId) });
    void qc.invalidateQueries({ queryKey: lessonsKey(networkId) });
  };
}
