import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';

/** useCursorPages keeps the cursors of the pages seen, so "previous" works. */
export function useCursorPages() {
  const [stack, setStack] = useState<string[]>([]);
  const cursor = stack.length ? stack[stack.length - 1] : undefined;
  const next = useCallback((c: string) => setStack((s) => [...s, c]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { cursor, page: stack.length + 1, next, previous, reset };
}

export interface PagerProps {
  page: number;
  nextCursor: string | undefined;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
}

/** Pager moves between pages of a cursor-paged list. */
export function Pager({ page, nextCursor, onNext, onPrevious }: PagerProps) {
  const { t } = useTranslation();
  if (page === 1 && !nextCursor) return null;
  return (
    <nav aria-label={t('pager.label')} className="leerlus-pager">
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={page === 1} onClick={onPrevious}>
          {t('pager.previous')}
        </Button>
        <span className="leerlus-pager__page">{t('pager.page', { page })}</span>
        <Button appearance="secondary-action-button" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
          {t('pager.next')}
        </Button>
      </ButtonGroup>
    </nav>
  );
}
