import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { PatternCell, PatternNetwork } from '../../api/research';

/** isShown tells whether a count may be shown: present and not suppressed. */
export function isShown(cell: PatternCell | undefined | null): cell is PatternCell & { value: number } {
  return !!cell && !cell.suppressed && cell.value !== null;
}

/** cellText is a count as words for summaries and labels: the number, or "not shown". */
export function cellText(t: ReturnType<typeof useTranslation>['t'], cell: PatternCell | undefined | null): string {
  if (!cell) return t('research.cell.none');
  return isShown(cell) ? String(cell.value) : t('research.cell.suppressed');
}

/**
 * CellValue shows a count as the API published it. A suppressed count is
 * marked in words ("niet getoond") and with a hatched background, never
 * by colour alone; a count that does not apply shows a dash.
 */
export function CellValue({ cell }: { cell: PatternCell | undefined | null }) {
  const { t } = useTranslation();
  if (!cell) return <span className="leerlus-cell-none">–</span>;
  if (!isShown(cell)) {
    return (
      <span className="leerlus-suppressed" data-suppressed="true">
        {t('research.cell.suppressed')}
      </span>
    );
  }
  return <span className="leerlus-cell-value">{cell.value}</span>;
}

/**
 * SuppressionNote explains the hatched cells and the rounding, with the
 * k and rounding step the answer used.
 */
export function SuppressionNote({ k, roundedTo }: { k: number; roundedTo: number }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="leerlus-suppression-note">
      <span className="leerlus-suppressed" aria-hidden="true">
        {t('research.cell.suppressed')}
      </span>{' '}
      {t('research.cell.explain', { k, rounded: roundedTo })}
    </Paragraph>
  );
}

/** CasesBasis says how many distinct cases a result rests on (rounded, as the API gives it) and which networks it read. */
export function CasesBasis({ cases, networks, roundedTo }: { cases: PatternCell; networks: PatternNetwork[]; roundedTo: number }) {
  const { t } = useTranslation();
  const names = networks.map((n) => n.name).join(', ');
  return (
    <Paragraph className="leerlus-cases-basis" data-cases={isShown(cases) ? cases.value : 'suppressed'}>
      {isShown(cases)
        ? t('research.basis.cases', { count: cases.value, rounded: roundedTo })
        : t('research.basis.suppressed')}{' '}
      {t('research.basis.networks', { count: networks.length, names })}
    </Paragraph>
  );
}
